#!/usr/bin/env bash
# README command 2, and what CI runs (.ci/run): every check, failing fast on the first failure.
#   1. native tests: cargo test --all-targets (lib, bins, tests/, benches once) and doc tests
#   2. the benchmark builds in the bench profile: cargo bench --no-run
#   2b. the template scanners: cfn-lint and checkov on the exports of a representative set of
#      combinations (scripts/scan-exports.sh)
#   3. wasm browser tests: tests/browser.rs with wasm-bindgen-test in headless Chromium (feature
#      analyst-in-page: the app is mounted without its worker, so it answers its own questions)
#   4. release build: trunk build --release --public-url /cwlogs-policy-builder/  -> dist/,
#      then scripts/csp.mjs writes its Content-Security-Policy
#   5. bundle size: gzip size of every file in dist/
#   6. end-to-end: Playwright (Debian Chromium) against dist/ served under /cwlogs-policy-builder/;
#      screenshots in target/e2e/
# The output ends with node's TAP summary (# pass N / # fail N); cargo prints `test result:` lines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
started=$SECONDS

step() { printf '\n==> [%dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }

step "setup"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
# The CLI speaks the language of LC_ALL / LC_MESSAGES / LANG (issue 15), and the CLI tests compare
# its English output: run them in a neutral locale whatever the machine's is (tests/cli_lang.rs sets
# its own).
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8

step "native tests: cargo test --all-targets"
cargo test --locked --all-targets

step "doc tests: cargo test --doc"
cargo test --locked --doc

step "benchmarks compile: cargo bench --no-run"
cargo bench --locked --no-run

step "template scanners: cfn-lint and checkov on the exports (scripts/scan-exports.sh)"
bash scripts/scan-exports.sh

step "wasm browser tests: cargo test --target wasm32-unknown-unknown --test browser"
if [ -f tests/browser.rs ]; then
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
    WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180} \
        cargo test --locked --target wasm32-unknown-unknown --features analyst-in-page --test browser
else
    echo "SKIPPED: tests/browser.rs does not exist, so there are no wasm browser tests to run"
fi

step "release build: trunk build --release --public-url /cwlogs-policy-builder/"
trunk build --offline --locked --release --public-url /cwlogs-policy-builder/
# The Content-Security-Policy meta tag allows Trunk's inline loader script by its hash (README).
node scripts/csp.mjs dist

step "bundle size (dist/)"
bash scripts/bundle-size.sh dist

step "end-to-end: node --test tests/e2e/ (every flow) (Chromium against dist/ under /cwlogs-policy-builder/)"
E2E_DIST="$ROOT/dist" node --test --test-reporter=tap tests/e2e/*.test.mjs

step "user-guide flows: node scripts/screenshots.mjs --check (the README's screenshots, without rewriting them)"
node scripts/screenshots.mjs --check "$ROOT/dist"
