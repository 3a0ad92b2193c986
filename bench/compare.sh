#!/bin/sh
# Runs the shared peer comparison (../shared/bench/compare.py) on a private
# copy of the shared bench directory whose ABS autoscale model starts each
# encoder and the watcher once. The shared model also calls `e!run()` and
# `w!run()` although ABS already starts a `run` method when an object is
# created, so it generates twice the peers' jobs. Every other file is used
# as it is. Arguments go to compare.py unchanged, for example:
#
#   bench/compare.sh --absim build/release/app/absim --workload autoscale --scale small
#   bench/compare.sh --absim build/release/app/absim --workload threadring --scale small-d0
#
# With --footprint first, bench/footprint.py runs instead (one run per
# system: wall time, peak memory, events/s).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${ABSIM_SHARED_BENCH:-$here/../../shared/bench}
if [ ! -f "$shared/compare.py" ]; then
    echo "bench/compare.sh: no compare.py in $shared (set ABSIM_SHARED_BENCH)" >&2
    exit 2
fi
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$shared"/. "$copy"/
sed -i -e '/^        e!run();$/d' -e '/^    w!run();$/d' "$copy/abs/autoscale.abs"
if [ "$(grep -c '!run();' "$copy/abs/autoscale.abs")" != 0 ]; then
    echo "bench/compare.sh: the shared autoscale model changed; check the patch" >&2
    exit 2
fi
if [ "${1:-}" = --footprint ]; then
    shift
    python3 "$here/footprint.py" --bench "$copy" "$@"
else
    python3 "$copy/compare.py" "$@"
fi
