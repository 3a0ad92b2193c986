#!/bin/sh
# Alternates two absim binaries on one model and prints, for each, the
# minimum and median CPU (user+sys) and wall time of N runs: the two-binary
# form of bench/interleave.py, which does the work. Interleaving keeps a
# drift of the machine's speed from favouring either binary; on shared cores
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
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/interleave.py" "${4:-9}" "$3" "$1" "$2"
