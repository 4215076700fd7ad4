#!/usr/bin/env bash
# README command 1: install what is missing, then build and serve the page with live reload.
#   bash scripts/serve.sh            -> http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh  -> http://127.0.0.1:9000/
#   bash scripts/serve.sh --static   -> http://127.0.0.1:8080/cwlogs-policy-builder/ (as hosted)
# Extra arguments go to `trunk serve` (e.g. --release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

PORT=${PORT:-8080}
ADDRESS=${ADDRESS:-127.0.0.1}
[[ $PORT =~ ^[0-9]+$ ]] || { echo "serve: PORT must be a number, got \"$PORT\"" >&2; exit 2; }

# --static: the page exactly as hosted: release build with its Content-Security-Policy
# (scripts/csp.mjs) in dist/, served at http://127.0.0.1:$PORT/cwlogs-policy-builder/, no live reload.
# (`trunk serve` injects an inline live-reload script that a static policy cannot allow, so the
# development server runs without the policy.)
if [ "${1:-}" = "--static" ]; then
    trunk build --offline --release --public-url /cwlogs-policy-builder/
    node scripts/csp.mjs dist
    exec node tests/e2e/serve.mjs dist --port "$PORT"
fi

cat <<BANNER

  cwlogs-policy-builder will be served at:

      http://$ADDRESS:$PORT/

  (the first build takes a minute or two; the page reloads when src/, style/ or index.html change;
   Ctrl-C stops the server)

BANNER
exec trunk serve --offline --address "$ADDRESS" --port "$PORT" "$@"
