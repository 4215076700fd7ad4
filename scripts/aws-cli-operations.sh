#!/usr/bin/env bash
# Writes tests/fixtures/aws-cli-operations.txt: for each operation of the steps' table
# (src/scenarios/step/operation.rs), the AWS CLI's own name for it and the flags it takes, from
# botocore's service models (the data the AWS CLI is built from). tests/aws_cli_operations.rs checks
# the table against this file. Run it after adding an operation to the table.
# Needs python3 and pip (the botocore wheel is downloaded into a temporary directory, not installed).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip download --quiet --no-deps --dest "$work" botocore
wheel=$(ls "$work"/botocore-*.whl)
python3 - "$wheel" src/scenarios/step/operation.rs tests/fixtures/aws-cli-operations.txt <<'PY'
import gzip, json, re, sys, zipfile

wheel, table, out = sys.argv[1:]
sys.path.insert(0, wheel)
from botocore import xform_name, __version__

# `S3 = "s3api", "s3";` → the table's service constant, its CLI name and botocore's directory.
source = open(table).read()
services = {m[0]: (m[1], m[2]) for m in re.findall(r'^\s*([A-Z0-9_]+) = "([a-z0-9]+)", "([a-z0-9]+)";', source, re.M)}
entries = re.findall(r'^\s*[A-Z0-9_]+ = ([A-Z0-9_]+) "([a-z0-9-]+)" "([A-Za-z0-9]+)"', source, re.M)

archive = zipfile.ZipFile(wheel)
def model(directory):
    names = sorted(n for n in archive.namelist() if re.fullmatch(rf"botocore/data/{directory}/[0-9-]+/service-2\.json(\.gz)?", n))
    data = archive.read(names[-1])
    return json.loads(gzip.decompress(data) if names[-1].endswith(".gz") else data)

models = {}
lines = []
for service, _cli, api in entries:
    cli_service, directory = services[service]
    m = models.setdefault(directory, model(directory))
    operation = m["operations"][api]
    shape = operation.get("input", {}).get("shape")
    members = m["shapes"][shape]["members"] if shape else {}
    flags = sorted(xform_name(name, "-") for name in members)
    lines.append(f"{cli_service} {xform_name(api, '-')} {api}: {' '.join(flags)}")
with open(out, "w") as f:
    f.write(f"# Written by scripts/aws-cli-operations.sh from botocore {__version__}: SERVICE CLI-OPERATION API-NAME: CLI flags\n")
    f.write("\n".join(sorted(lines)) + "\n")
print(f"{len(lines)} operations written to {out}")
PY
