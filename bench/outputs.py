#!/usr/bin/env python3
"""What the run outputs cost: runs one model plain and with each of
--stats, --plot, --report, --dc-log .csv and --dc-log .json, N times each
(interleaved), and prints per variant the median wall time, the peak
resident memory of the process (GNU time, Debian package `time`) and the
size of the file written.

    bench/outputs.py N MODEL.abs ABSIM... [-- RUN OPTIONS]

Several binaries are compared variant by variant. The files go to a
temporary folder that is removed at the end. For a simulated day of the
autoscaling benchmark (150 sources), as in bench/RESULTS.md:

    sed -e '/^        e!run();$/d' -e '/^    w!run();$/d' \\
        -e 's/Int encoders = 500;/Int encoders = 150;/' \\
        ../shared/bench/abs/autoscale.abs > /tmp/day.abs
    bench/outputs.py 3 /tmp/day.abs OLD/absim NEW/absim
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench_args import rounds_model_binaries

VARIANTS = [
    ("plain", []),
    ("--stats", ["--stats"]),
    ("--plot", ["--plot", "{dir}/out.svg"]),
    ("--report", ["--report", "{dir}/out.html"]),
    ("--dc-log csv", ["--dc-log", "{dir}/out.csv"]),
    ("--dc-log json", ["--dc-log", "{dir}/out.json"]),
]


def run_once(cmd):
    """Wall seconds, peak RSS in KiB, exit status. The peak comes from GNU
    time (as in bench/footprint.py): a child forked from Python would count
    Python's own memory, held until the exec, as its peak."""
    with tempfile.NamedTemporaryFile("r") as t:
        start = time.perf_counter()
        status = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%M", *cmd],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        wall = time.perf_counter() - start
        lines = t.read().split()
        return wall, int(lines[-1]) if lines else 0, status


def main():
    rounds, model, binaries, extra = rounds_model_binaries(sys.argv[1:], __doc__)
    folder = tempfile.mkdtemp(prefix="absim-outputs-")
    try:
        results = {}
        for r in range(rounds):
            order = binaries if r % 2 == 0 else list(reversed(binaries))
            for name, options in VARIANTS:
                for binary in order:
                    opts = [o.format(dir=folder) for o in options]
                    wall, rss, status = run_once([binary, "run", model, *opts, *extra])
                    if status != 0:
                        sys.exit(f"{binary} {name}: exit status {status}")
                    size = 0
                    for o in opts:
                        if o.startswith(folder):
                            size = os.path.getsize(o)
                            os.unlink(o)
                    entry = results.setdefault((name, binary), {"wall": [], "rss": 0, "size": 0})
                    entry["wall"].append(wall)
                    entry["rss"] = max(entry["rss"], rss)
                    entry["size"] = size
        width = max(len(b) for b in binaries)
        for name, _ in VARIANTS:
            for binary in binaries:
                e = results[(name, binary)]
                size = f"{e['size'] / 1e6:9.1f} MB" if e["size"] else " " * 12
                print(f"{name:14s} {binary:{width}s}  wall median {statistics.median(e['wall']):7.3f} s"
                      f"  peak {e['rss'] / 1024:8.1f} MiB {size}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
