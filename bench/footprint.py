#!/usr/bin/env python3
"""Wall time, peak memory and events/s of absim and each peer on one workload.

Run through bench/compare.sh --footprint (which passes the bench copy with
the fixed autoscale model as --bench). Uses the shared compare.py's own
model rewriting and peer commands, so the runs are the ones compare.py
times; adds what it does not print: the peak resident set of each run and
the events per second (GNU time, package `time`), taken from the `events: N` (autoscale) or `hops: N`
(thread ring) figure each system prints.
"""
import argparse, os, re, subprocess, sys, tempfile


def run(cmd):
    # GNU time measures the child alone (a fork of this Python process
    # would count the interpreter's own pages in the child's peak).
    with tempfile.NamedTemporaryFile('r', suffix='.time') as t:
        p = subprocess.run(['/usr/bin/time', '-o', t.name, '-f', '%e %M', *cmd],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        wall, rss_kb = t.read().split()[-2:]
    return float(wall), p.returncode, int(rss_kb), p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bench', required=True)
    ap.add_argument('--absim', required=True)
    ap.add_argument('--workload', default='autoscale')
    ap.add_argument('--scale', default='small')
    ap.add_argument('--peers', default='baseline,simgrid,simpy')
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    import compare
    compare.build()
    model = compare.abs_model(a.workload, a.scale)
    absim = os.path.abspath(a.absim)
    print(f'{a.workload} {a.scale}: wall, peak RSS, events/s')
    for s in ['absim'] + [p for p in a.peers.split(',') if p]:
        wall, rc, rss_kb, out = run(compare.command(s, a.workload, a.scale, absim, model))
        if rc != 0:
            print(f'{s} failed (exit {rc})')
            sys.exit(1)
        m = re.findall(r'(?:events|hops): (\d+)', out)
        rate = f'{int(m[-1]) / wall:12,.0f}' if m else '           ?'
        print(f'{s:9s} {wall:8.3f} s {rss_kb / 1024:8.1f} MiB {rate} /s')
    os.unlink(model)


if __name__ == '__main__':
    main()
