#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ (cargo-afl, stable Rust). Not part of CI: runs take hours.
#   bash scripts/fuzz.sh                  every target, 10,000,000 executions each
#   bash scripts/fuzz.sh analyze          one target
#   bash scripts/fuzz.sh analyze 2000000  one target, that many executions
#   FUZZ_EXECS=100000 bash scripts/fuzz.sh  a smoke run of every target
# Environment: FUZZ_EXECS (default 10000000), FUZZ_SECONDS (also stop after that long; 0 = no
# limit), FUZZ_NICE (default 10: the machine is shared).
# Installs cargo-afl and builds AFL++ when missing (idempotent). Targets are fuzz/targets/*.rs;
# seeds come from tests/fixtures and src/samples (plus the corpus a previous run grew), the
# dictionary is fuzz/json-iam.dict. Prints executions, executions per second, paths found, crashes
# and hangs per target; crashes are copied to fuzz/crashes/TARGET/ (gitignored) and the script exits
# 1 when there is any, printing how to turn each into a `cargo test` regression.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

target=${1:-all}
execs=${2:-${FUZZ_EXECS:-10000000}}
seconds=${FUZZ_SECONDS:-0}
nice_level=${FUZZ_NICE:-10}
say() { printf 'fuzz: %s\n' "$*"; }
die() { printf 'fuzz: error: %s\n' "$*" >&2; exit 2; }
[[ $execs =~ ^[0-9]+$ ]] || die "executions must be a number, got \"$execs\""

# 1. cargo-afl, and the AFL++ it builds from source with the machine's C compiler.
if ! cargo afl --version >/dev/null 2>&1; then
    say "cargo install cargo-afl --locked"
    if ! cargo install cargo-afl --locked; then
        say "cargo install cargo-afl --locked failed; retrying without --locked"
        cargo install cargo-afl
    fi
fi
afl_help() { cargo afl fuzz -h 2>&1 || true; }
if [[ $(afl_help) != *afl-fuzz++* ]]; then
    say "building AFL++: cargo afl config --build (no LLVM plugins)"
    # It refuses when its runtime is built but afl-fuzz is not: then rebuild all.
    cargo afl config --build || cargo afl config --build --force
    [[ $(afl_help) == *afl-fuzz++* ]] || die "AFL++ did not build: cargo afl fuzz -h does not run afl-fuzz"
fi

# 2. The instrumented binary, with every target.
say "cargo afl build --release (fuzz/)"
(cd fuzz && nice -n "$nice_level" cargo afl build --release)
bin=$ROOT/fuzz/target/release/cwlogs-fuzz
mapfile -t all < <("$bin" --list)
if [ "$target" = all ]; then
    targets=("${all[@]}")
else
    printf '%s\n' "${all[@]}" | grep -qx -- "$target" || die "no target \"$target\"; targets: ${all[*]}"
    targets=("$target")
fi

stat() { sed -n "s/^$1 *: *//p" "$2"; }
crashed=0
mkdir -p "$ROOT/fuzz/out"
summary=$ROOT/fuzz/out/summary.txt
printf '%s  %s executions per target\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$execs" >"$summary"
printf '%-13s %12s %9s %7s %6s %8s %7s %6s\n' target execs execs/s seconds paths coverage crashes hangs >>"$summary"

for t in "${targets[@]}"; do
    out=$ROOT/fuzz/out/$t
    seeds=$ROOT/fuzz/out/$t-seeds
    rm -rf "$seeds"
    "$bin" --seeds "$t" "$seeds" >/dev/null
    # Keep what a previous run learned: its corpus becomes seeds too.
    if [ -d "$out/default/queue" ]; then
        find "$out/default/queue" -maxdepth 1 -type f -name 'id:*' -exec cp {} "$seeds/" \; 2>/dev/null || true
        # AFL++ names them id:…,src:…; colons are fine, but keep the names short and unique.
        (cd "$seeds" && n=0 && for f in id:*; do [ -e "$f" ] || break; mv -- "$f" "prev-$((n++))"; done)
    fi
    rm -rf "$out"
    say "$t: $(find "$seeds" -type f | wc -l) seeds, up to $execs executions$([ "$seconds" != 0 ] && echo " or $seconds s")"
    limit=(-E "$execs")
    [ "$seconds" != 0 ] && limit+=(-V "$seconds")
    started=$SECONDS
    AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
    AFL_FAST_CAL=1 \
        nice -n "$nice_level" cargo afl fuzz -i "$seeds" -o "$out" -x "$ROOT/fuzz/json-iam.dict" -t 5000 \
        "${limit[@]}" -- "$bin" "$t" >"$out.log" 2>&1 || {
        tail -n 30 "$out.log" >&2
        die "$t: afl-fuzz failed (log: fuzz/out/$t.log)"
    }
    stats=$out/default/fuzzer_stats
    done_execs=$(stat execs_done "$stats")
    run_time=$(stat run_time "$stats")
    [ "${run_time:-0}" -gt 0 ] || run_time=$((SECONDS - started))
    crashes=$(stat saved_crashes "$stats")
    printf '%-13s %12s %9s %7s %6s %8s %7s %6s\n' "$t" "$done_execs" "$((done_execs / (run_time > 0 ? run_time : 1)))" \
        "$run_time" "$(stat corpus_count "$stats")" "$(stat bitmap_cvg "$stats")" "$crashes" "$(stat saved_hangs "$stats")" >>"$summary"
    if [ "${crashes:-0}" -gt 0 ]; then
        crashed=1
        mkdir -p "$ROOT/fuzz/crashes/$t"
        for c in "$out"/default/crashes/id:*; do
            name=$t-$(date -u +%Y%m%d)-$(sha1sum "$c" | cut -c1-12)
            cp "$c" "$ROOT/fuzz/crashes/$t/$name"
            say "$t: crash saved as fuzz/crashes/$t/$name"
        done
    fi
done

echo
cat "$summary"
if [ "$crashed" = 1 ]; then
    cat <<EOF

A crash: see the panic with
    fuzz/target/release/cwlogs-fuzz TARGET < fuzz/crashes/TARGET/NAME
then keep it as a regression test and fix the core until it passes:
    mkdir -p tests/fixtures/fuzz/TARGET && cp fuzz/crashes/TARGET/NAME tests/fixtures/fuzz/TARGET/
    cargo test --test fuzz_targets saved_crashes
(add a unit test in the module at fault too, naming what the input does).
EOF
    exit 1
fi
say "no crashes"
