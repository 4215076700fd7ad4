#!/usr/bin/env bash
# Regenerates the IAM catalogue (src/catalog/iam/data/) from the dataset pinned in
# scripts/iam-catalog/package.json. To update: change the pin, run this, run
# `cargo test --lib catalog::iam`, commit the package.json, package-lock.json and data files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/iam-catalog"
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund --ignore-scripts
else
  npm install --no-audit --no-fund --ignore-scripts
fi
node generate.mjs ../../src/catalog/iam/data
