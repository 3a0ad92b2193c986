#!/usr/bin/env python3
"""Runs several absim binaries on one model in turn, N rounds, the order
reversed every other round, and prints for each the minimum and median of
its CPU time (user+sys, microsecond resolution from getrusage) and of its
wall time. Interleaving keeps a drift of the machine's speed from favouring
either binary. (bench/wall_ab.sh OLD NEW MODEL [N] is the two-binary form.)

    bench/interleave.py N MODEL.abs ABSIM... [-- RUN OPTIONS]

Start-up, for example (a one-second horizon leaves little to simulate):

    sed -e '/^        e!run();$/d' -e '/^    w!run();$/d' \\
        -e 's/Int encoders = 500;/Int encoders = 150;/' \\
        -e 's/Rat horizon = 86400;/Rat horizon = 1;/' \\
        ../shared/bench/abs/autoscale.abs > /tmp/startup.abs
    bench/interleave.py 40 /tmp/startup.abs OLD/absim NEW/absim
"""
import resource
import statistics
import subprocess
import sys
import time

from bench_args import rounds_model_binaries


def main():
    rounds, model, binaries, extra = rounds_model_binaries(sys.argv[1:], __doc__)
    cpu = {b: [] for b in binaries}
    wall = {b: [] for b in binaries}
    for i in range(rounds):
        for b in binaries if i % 2 == 0 else binaries[::-1]:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([b, "run", model] + extra, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            t1 = time.perf_counter()
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[b].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            wall[b].append(t1 - t0)
    width = max(len(b) for b in binaries)
    for b in binaries:
        print("%-*s  cpu min %.4f s median %.4f s | wall min %.4f s median %.4f s (n=%d)"
              % (width, b, min(cpu[b]), statistics.median(cpu[b]), min(wall[b]),
                 statistics.median(wall[b]), rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
