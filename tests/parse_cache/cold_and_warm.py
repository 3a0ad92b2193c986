#!/usr/bin/env python3
"""The parse cache (frontend/model/parse_cache.h) must never change what absim
says: for every model of the test suite and the examples, `absim check
--dump-ast` prints the same (tree with every range, diagnostics, exit status)
with the cache off, on a cold cache (the run that stores the entry) and on
the warm cache (the run that reads it back instead of parsing).

The warm runs must really have read entries: the test fails if the cold runs
stored none, or if a warm run stored anything, even the same entry again (a
hit stores nothing; a file that parsed with diagnostics is never stored),
and `check --parse-strategy` must not touch the cache.

Usage: cold_and_warm.py --absim PATH --root SOURCE_DIR [--stride N]

With --stride N only every Nth model (in path order) is tried: the
sanitizer build, which runs each model ten times slower, uses it (its own
unit tests already read every test model back from the packed form).
"""
import argparse, os, subprocess, sys, tempfile


def run(absim, path, env):
    p = subprocess.run([absim, 'check', '--dump-ast', os.path.basename(path)],
                       cwd=os.path.dirname(path), env=env, capture_output=True)
    return p.returncode, p.stdout, p.stderr


# The entries with their inodes: storing writes a new file and renames it
# into place, so an entry stored again (a warm run that missed) shows as a
# new inode under the same name.
def entries(cache):
    return {(n, os.stat(os.path.join(cache, n)).st_ino) for n in os.listdir(cache)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--absim', required=True)
    ap.add_argument('--root', required=True)
    ap.add_argument('--stride', type=int, default=1)
    a = ap.parse_args()
    a.absim = os.path.abspath(a.absim)
    models = []
    for top in ('tests', 'examples'):
        for d, _, files in os.walk(os.path.join(a.root, top)):
            models += [os.path.join(d, f) for f in files if f.endswith('.abs')]
    models.sort()
    models = models[::a.stride]
    failures = []
    with tempfile.TemporaryDirectory() as cache:
        base = dict(os.environ, NO_COLOR='1')
        base.pop('ABSIM_CACHE', None)
        off = dict(base, ABSIM_CACHE='off')
        on = dict(base, ABSIM_CACHE_DIR=cache)
        stored = 0
        clean = None  # a model that parses without diagnostics
        for m in models:
            before = entries(cache)
            reference = run(a.absim, m, off)
            cold = run(a.absim, m, on)
            after_cold = entries(cache)
            warm = run(a.absim, m, on)
            stored += len(after_cold - before)
            if after_cold - before and clean is None:
                clean = m
            if entries(cache) != after_cold:
                failures.append(f'{m}: the warm run stored an entry')
            for name, got in (('cold', cold), ('warm', warm)):
                if got != reference:
                    failures.append(f'{m}: the {name} run differs from the run without cache')
        # `check --parse-strategy` is about the parser: it neither reads
        # nor stores entries.
        with tempfile.TemporaryDirectory() as other:
            strategy = dict(base, ABSIM_CACHE_DIR=other)
            for s in ('two-stage', 'll'):
                if clean is None:
                    break
                p = subprocess.run([a.absim, 'check', '--parse-only', '--parse-strategy=' + s,
                                    clean], env=strategy, capture_output=True)
                if p.returncode != 0 or os.listdir(other):
                    failures.append(f'check --parse-strategy={s} used the parse cache')
    for f in failures:
        print(f)
    if stored == 0:
        print('no entry was stored: the cache is not in use')
        return 1
    print(f'{len(models)} models, {stored} entries stored, {len(failures)} differences')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
