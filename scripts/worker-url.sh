#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): names the analysis worker's files by their content and writes
# the worker's URL into the built index.html.
# Trunk 0.21 builds a data-type="worker" asset as analyst.js, analyst_bg.wasm and analyst_loader.js,
# without the content hash its other files get, and puts no link to them in the page (workers are
# started by the app). Unhashed, a browser could keep an old worker beside a new page, and the two
# would not read each other's messages; so this renames them analyst-HASH…, rewrites the loader to
# match, and fills the page's <meta name="analyst-worker"> placeholder with the loader's URL.
# Runs for `trunk build` and `trunk serve` alike, with Trunk's TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL.
set -euo pipefail
dir=${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}
cd "$dir"
for f in analyst.js analyst_bg.wasm analyst_loader.js; do
    [ -f "$f" ] || { echo "worker-url: no $f in $dir (index.html's worker link?)" >&2; exit 1; }
done
hash=$(cat analyst.js analyst_bg.wasm | sha256sum | cut -c1-16)
mv analyst.js "analyst-$hash.js"
mv analyst_bg.wasm "analyst-${hash}_bg.wasm"
printf 'importScripts("./analyst-%s.js");wasm_bindgen("./analyst-%s_bg.wasm");' "$hash" "$hash" >"analyst-${hash}_loader.js"
rm analyst_loader.js
grep -q 'ANALYST_WORKER_URL' index.html || { echo "worker-url: no ANALYST_WORKER_URL placeholder in index.html" >&2; exit 1; }
sed -i "s|ANALYST_WORKER_URL|${TRUNK_PUBLIC_URL:-/}analyst-${hash}_loader.js|" index.html
