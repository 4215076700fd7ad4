#!/usr/bin/env bash
# Prints the size and the gzip -9 size of every file in a trunk build (default dist/) and the
# totals: what a visitor downloads.   bash scripts/bundle-size.sh [dir]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=${1:-dist}
[ -d "$dir" ] || { echo "bundle-size: no $dir/ directory; run: trunk build --release" >&2; exit 1; }

kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
total=0
total_gz=0
count=0
printf '%12s %12s  %s\n' "bytes" "gzip -9" "file"
while IFS= read -r -d '' file; do
    bytes=$(wc -c <"$file")
    gz=$(gzip -9 -n -c "$file" | wc -c)
    printf '%12d %12d  %s\n' "$bytes" "$gz" "${file#"$dir"/}"
    total=$((total + bytes))
    total_gz=$((total_gz + gz))
    count=$((count + 1))
done < <(find "$dir" -type f -print0 | sort -z)
printf '%12d %12d  total of %d files (%s, %s gzipped)\n' "$total" "$total_gz" "$count" "$(kib "$total")" "$(kib "$total_gz")"
