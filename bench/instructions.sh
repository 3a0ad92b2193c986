#!/bin/sh
# Counts instructions (valgrind's callgrind, exact and repeatable, unlike
# wall time on shared cores) of one absim binary on the small workloads the
# performance rounds are measured with, all made from the shared benchmark
# models (../shared/bench/abs, or $ABSIM_SHARED_BENCH/abs):
#
#   tiny      the autoscale model with 150 encoders for 8,640 simulated
#             seconds (a tenth of a day), encoders and watcher started once
#             (as bench/compare.sh runs it); the total, start-up included:
#             parsed (the parse cache off, as before it existed) and read
#             from the parse cache (a second run of the same model)
#   hop       the thread ring, 500 nodes: (80 rounds - 40 rounds) / 20,000
#             hops, untimed (delay 0) and timed (delay 1)
#   math      the autoscale model's sinF and expSample and one Rat sum, per
#             round: (40,000 rounds - 20,000 rounds) / 20,000
#
#   bench/instructions.sh ABSIM [tiny|hop|math]...   (default: all three)
set -eu
if [ $# -lt 1 ]; then
    echo "usage: bench/instructions.sh ABSIM [tiny|hop|math]..." >&2
    exit 2
fi
absim=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
shared=${ABSIM_SHARED_BENCH:-$here/../../shared/bench}
models=$(mktemp -d)
trap 'rm -rf "$models"' EXIT

# Each count parses its model (the parse cache off) unless the caller sets
# ABSIM_CACHE_DIR for it.
count() { # count MODEL -> instructions of `absim run MODEL`
    if [ -n "${ABSIM_CACHE_DIR:-}" ]; then cache=on; else cache=off; fi
    ABSIM_CACHE=$cache valgrind --tool=callgrind --callgrind-out-file=/dev/null "$absim" run "$1" 2>&1 >/dev/null |
        sed -n 's/.*refs: *//p' | tr -d ,
}

tiny() {
    sed -e '/^        e!run();$/d' -e '/^    w!run();$/d' \
        -e 's/Int encoders = 500;/Int encoders = 150;/' \
        -e 's/Rat horizon = 86400;/Rat horizon = 8640;/' \
        "$shared/abs/autoscale.abs" >"$models/tiny.abs"
    echo "tiny: $(count "$models/tiny.abs") instructions (parsed)"
    ABSIM_CACHE_DIR=$models/cache "$absim" check "$models/tiny.abs"
    echo "tiny: $(ABSIM_CACHE_DIR=$models/cache count "$models/tiny.abs") instructions (parse cache)"
}

hop() {
    for delay in 0 1; do
        for rounds in 40 80; do
            sed -e "s/Int rounds = 1000;/Int rounds = $rounds;/" \
                -e "s/Rat delay = [01];/Rat delay = $delay;/" \
                "$shared/abs/threadring.abs" >"$models/ring_${rounds}_$delay.abs"
        done
        a=$(count "$models/ring_40_$delay.abs")
        b=$(count "$models/ring_80_$delay.abs")
        echo "hop (delay $delay): $(((b - a) / 20000)) instructions"
    done
}

math() {
    for rounds in 20000 40000; do
        {
            echo 'module MathRounds;'
            sed -n '/^def Float piF/,/^interface Worker/p' "$shared/abs/autoscale.abs" |
                sed '$d'
            cat <<EOF
{
    Int i = 0;
    Rat total = 0;
    while (i < $rounds) {
        Float t = float(i * 7);
        Float lam = (1.0 + 0.65 * sinF(2.0 * piF() * t / 86400.0)) / 60.0;
        Rat gap = expSample(1.0 / lam);
        total = total + gap;
        i = i + 1;
    }
    println(toString(total));
}
EOF
        } >"$models/math_$rounds.abs"
    done
    a=$(count "$models/math_20000.abs")
    b=$(count "$models/math_40000.abs")
    echo "math: $(((b - a) / 20000)) instructions per round"
}

[ $# -gt 0 ] || set -- tiny hop math
for what in "$@"; do
    case $what in
    tiny | hop | math) $what ;;
    *)
        echo "bench/instructions.sh: unknown workload '$what'" >&2
        exit 2
        ;;
    esac
done
