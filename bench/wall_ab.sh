#!/bin/sh
# Alternates two absim binaries on one model and prints, for each, the
# minimum and median user+sys seconds of N runs. Interleaving keeps a drift
# of the machine's speed from favouring either binary; on shared cores
# compare the minima, and repeat when in doubt.
#
#   bench/wall_ab.sh OLD_ABSIM NEW_ABSIM MODEL.abs [N=9]
#
# The autoscale model at one simulated day with 150 encoders (the shared
# model with the double start of encoders and watcher removed, as
# bench/compare.sh does):
#
#   sed -e '/^        e!run();$/d' -e '/^    w!run();$/d' \
#       -e 's/Int encoders = 500;/Int encoders = 150;/' \
#       ../shared/bench/abs/autoscale.abs > /tmp/autoscale_small.abs
set -eu
if [ $# -lt 3 ]; then
    echo "usage: bench/wall_ab.sh OLD_ABSIM NEW_ABSIM MODEL.abs [N]" >&2
    exit 2
fi
old=$1 new=$2 model=$3 runs=${4:-9}
i=0
while [ "$i" -lt "$runs" ]; do
    for which in old new; do
        if [ "$which" = old ]; then bin=$old; else bin=$new; fi
        /usr/bin/time -f "$which %U %S" "$bin" run "$model" 2>&1 >/dev/null | tail -n 1
    done
    i=$((i + 1))
done | python3 -c '
import statistics, sys
runs = {}
for line in sys.stdin:
    name, user, system = line.split()
    runs.setdefault(name, []).append(float(user) + float(system))
for name in ("old", "new"):
    v = runs[name]
    print(f"{name} min {min(v):.3f} s median {statistics.median(v):.3f} s (n={len(v)})")
'
