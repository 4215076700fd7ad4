#!/usr/bin/env bash
# Runs cfn-lint and checkov (installed by scripts/setup.sh into .venv-scanners/) on the
# CloudFormation YAML and JSON and the Terraform exports of a representative set of option
# combinations (examples/scanned_exports.rs says which). Fails on any cfn-lint error or warning
# and on any checkov failure that is not suppressed in the template with its reason.
# The two scanners run at the same time, each once over all files. Usage: scan-exports.sh [DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=.venv-scanners/bin
[ -x "$bin/cfn-lint" ] && [ -x "$bin/checkov" ] || { echo "scan-exports: run scripts/setup.sh first (no $bin/cfn-lint or checkov)" >&2; exit 1; }
dir=${1:-target/scanned-exports}
rm -rf "$dir"
started=$SECONDS
cargo run --locked --quiet --example scanned_exports -- "$dir"
echo "scan-exports: written in $((SECONDS - started))s; $("$bin/cfn-lint" --version), checkov $("$bin/checkov" --version)"

# cfn-lint exits non-zero on any error (2) or warning (4); checkov on any unsuppressed failure.
# --skip-download: checkov would otherwise ask a remote service for guideline links.
lint_log=$dir/cfn-lint.log
checkov_log=$dir/checkov.log
"$bin/cfn-lint" --format parseable -- "$dir"/*.cfn.yaml "$dir"/*.cfn.json >"$lint_log" 2>&1 &
lint=$!
checkov_status=0
"$bin/checkov" --directory "$dir" --framework cloudformation terraform --skip-download \
    --compact --quiet >"$checkov_log" 2>&1 || checkov_status=$?
lint_status=0
wait "$lint" || lint_status=$?

templates=$(find "$dir" -name '*.cfn.yaml' | wc -l)
if [ "$lint_status" = 0 ]; then
    echo "scan-exports: cfn-lint: no errors or warnings in $((templates * 2)) templates"
else
    echo "scan-exports: cfn-lint exited $lint_status:"; cat "$lint_log"
fi
if [ "$checkov_status" = 0 ]; then
    echo "scan-exports: checkov: no unsuppressed failures in $((templates * 3)) exports; $(grep -h 'Skipped checks' "$checkov_log" | tr '\n' ' ')"
else
    echo "scan-exports: checkov exited $checkov_status:"; cat "$checkov_log"
fi
echo "scan-exports: done in $((SECONDS - started))s"
[ "$lint_status" = 0 ] && [ "$checkov_status" = 0 ]
