#!/usr/bin/env bash
# Installs everything building, serving and testing the page needs, and says what it does.
# Idempotent: when everything is present it only checks versions and takes a few seconds.
#   rust target wasm32-unknown-unknown   (rustup)
#   trunk 0.21.x                         (cargo install; trunk 0.22 needs a newer rustc)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (cargo install; Trunk must not download it)
#   chromium + chromium-driver           (apt, for wasm-bindgen-test and Playwright)
#   node + npm                           (apt, only when missing)
#   tests/e2e/node_modules               (npm ci: playwright-core, and binaryen's wasm-opt for Trunk)
#   crates in Cargo.lock                 (cargo fetch, so Trunk can run cargo --offline)
#   .venv-scanners/                      (python3 -m venv + pip: cfn-lint and checkov at the versions
#                                         in scripts/scanners.txt, for the export scan in test.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

started=$SECONDS
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
    else die "need root to run: $*"
    fi
}
apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        say "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}
# Value of `key = "value"` in Trunk.toml.
trunk_toml() { sed -n "s/^$1 *= *\"\\(.*\\)\".*/\\1/p" Trunk.toml | head -n 1; }

command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 ||
    die "cargo or rustup not found: install Rust with rustup (https://rustup.rs)"

# 1. The wasm target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rust target wasm32-unknown-unknown: present"
else
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# 2. Trunk 0.21 (0.22 needs rustc >= 1.96). Without --locked it does not compile (cssparser).
trunk_version=$(trunk --version 2>/dev/null || true)
if [[ $trunk_version =~ ^trunk\ 0\.21\. ]]; then
    say "trunk: $trunk_version"
else
    say "trunk: ${trunk_version:-missing}; cargo install trunk --version ~0.21 --locked (about 12 minutes on 2 cores)"
    if ! cargo install trunk --version "~0.21" --locked; then
        say "cargo install trunk --locked failed; retrying without --locked"
        cargo install trunk --version "~0.21"
    fi
    say "trunk: $(trunk --version)"
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (also gives
#    wasm-bindgen-test-runner).
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock)
[ -n "$wbg" ] || die "no wasm-bindgen package in Cargo.lock"
[ "$(trunk_toml wasm_bindgen)" = "$wbg" ] ||
    die "Trunk.toml [tools] wasm_bindgen is \"$(trunk_toml wasm_bindgen)\" but Cargo.lock has wasm-bindgen $wbg: make them equal"
wbg_have=$(wasm-bindgen --version 2>/dev/null || true)
if [ "$wbg_have" = "wasm-bindgen $wbg" ] &&
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" = "wasm-bindgen-test-runner $wbg" ]; then
    say "wasm-bindgen-cli: $wbg"
else
    say "wasm-bindgen-cli: ${wbg_have:-missing}; cargo install wasm-bindgen-cli --version =$wbg --locked"
    if ! cargo install wasm-bindgen-cli --version "=$wbg" --locked --force; then
        say "cargo install wasm-bindgen-cli --locked failed; retrying without --locked"
        cargo install wasm-bindgen-cli --version "=$wbg" --force
    fi
fi

# 4. Chromium and its WebDriver, from Debian.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium + chromedriver: present"
else
    apt_install chromium chromium-driver
fi

# 5. Node (the e2e test and binaryen's wasm-opt run on it).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    say "node: $(node --version)"
else
    apt_install nodejs npm
fi
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
    die "node $(node --version) is too old; need 18 or newer"

# 6. npm packages of tests/e2e, inside the clone (node_modules is gitignored).
lock=tests/e2e/package-lock.json
installed=tests/e2e/node_modules/.package-lock.json
if [ -f "$installed" ] && [ ! "$lock" -nt "$installed" ] && [ ! tests/e2e/package.json -nt "$installed" ]; then
    say "tests/e2e/node_modules: up to date"
else
    say "npm ci in tests/e2e"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
wasm_opt_want=$(trunk_toml wasm_opt)
wasm_opt_have=$(wasm-opt --version 2>/dev/null || true)
[[ $wasm_opt_have == *"($wasm_opt_want)"* ]] ||
    die "wasm-opt on PATH is \"${wasm_opt_have:-missing}\", Trunk.toml wants $wasm_opt_want (see tests/e2e/package.json)"
say "wasm-opt: $(command -v wasm-opt) ($wasm_opt_want)"

# 7. Crates, so that Trunk's `cargo build --offline` finds them all (every target's).
if cargo fetch --locked --quiet; then
    say "crates in Cargo.lock: fetched"
elif [ "${CI:-}" = true ]; then
    die "cargo fetch --locked failed (is Cargo.lock up to date with Cargo.toml?)"
else
    say "Cargo.lock is out of date; cargo fetch (updates Cargo.lock)"
    cargo fetch --quiet
fi

# 8. The template scanners, pinned in scripts/scanners.txt, in a virtual environment inside the
#    clone (gitignored). The stamp is a copy of the pins that were installed, so a changed pin
#    reinstalls and an unchanged one costs nothing. About a minute on a fresh machine.
venv=.venv-scanners
pins=scripts/scanners.txt
if [ -x "$venv/bin/cfn-lint" ] && [ -x "$venv/bin/checkov" ] && cmp -s "$pins" "$venv/installed-pins.txt"; then
    say "cfn-lint + checkov: present ($(grep -v '^#' "$pins" | tr '\n' ' '))"
else
    if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
        apt_install python3 python3-venv
    fi
    venv_started=$SECONDS
    say "python3 -m venv $venv; pip install -r $pins"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$pins"
    cp "$pins" "$venv/installed-pins.txt"
    say "cfn-lint + checkov: installed in $((SECONDS - venv_started))s"
fi

say "done in $((SECONDS - started))s"
