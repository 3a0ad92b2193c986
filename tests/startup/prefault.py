#!/usr/bin/env python3
"""Start-up maps the heap it fills in one call (app/startup_heap.cpp); that
changes nothing a run prints: each model given runs with and without
ABSIM_PREFAULT=off, from the parser and from the parse cache, and the
outputs and exit statuses must be the same. (That the pages are mapped is
tests/unit/test_startup_heap.cpp; what it saves is in bench/RESULTS.md.)

    prefault.py --absim BUILD/app/absim "MODEL.abs [RUN OPTIONS]"...
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile


def run(absim, case, env):
    p = subprocess.run([absim, "run"] + shlex.split(case), env=env, capture_output=True,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--absim", required=True)
    ap.add_argument("cases", nargs="+", help="a model and its run options")
    args = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as cache:
        base = dict(os.environ, ABSIM_CACHE_DIR=cache)
        base.pop("GLIBC_TUNABLES", None)
        for case in args.cases:
            for cache_setting in ("off", "on"):
                env = dict(base, ABSIM_CACHE=cache_setting)
                on = run(args.absim, case, env)
                off = run(args.absim, case, dict(env, ABSIM_PREFAULT="off"))
                if on[0] != 0:
                    failed += 1
                    print("%s: exit status %d\n%s" % (case, on[0], on[2]))
                elif on != off:
                    failed += 1
                    print("%s (parse cache %s): the output differs without the prefault"
                          % (case, cache_setting))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
