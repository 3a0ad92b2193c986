#!/usr/bin/env python3
"""Runs absim on a directory of self-checking ABS programs and classifies them.

A program passes when its main block leaves `testresult` True: a copy with
`println(toString(testresult))` (behind a marker) inserted before the last
closing brace of the file, the main block's, is run. A file whose name
contains `.FAIL.` must instead end with a non-zero exit status (a run-time
error or deadlock) without printing True. Each program is classified as
CHECK_REJECT (absim check fails: a false error if the reference accepts it),
CRASH (signal, sanitizer report), TIMEOUT, WRONG or PASS, and counted as
`untimed`, `timed` (uses the clock, durations or deadlines) or `resource`
(deployment components, costs, the cloud provider: runtime.md §6-§7); a
file without `testresult` is a model that must only pass `absim check`.

usage: scripts/conformance.py ABSIM CORPUS_DIR [RESULTS.json] [FILTER]
See tests/CONFORMANCE.md for the corpus and the figures.
"""
import json, os, re, subprocess, sys, tempfile
from collections import Counter

MARK = 'TESTRESULT_MARKER='
RESOURCE = re.compile(r'\[Cost:|DeploymentComponent|CloudProvider|\bthisDC\(|\bDC\b')
TIMED = re.compile(r'\bduration\(|\bnow\(\)|Deadline|deadline\(\)|\bDuration\(|\bInfDuration\b|\bTime\(|\btimeValue\(')


def programs(root):
    for dp, _, fs in os.walk(root):
        for f in sorted(fs):
            if f.endswith('.abs'):
                yield os.path.join(dp, f)


def instrument(src):
    i = src.rstrip().rfind('}')
    return src[:i] + f'\nprintln("{MARK}" + toString(testresult));\n' + src[i:]


def classify(absim, path, scratch):
    src = open(path, encoding='utf-8').read()
    kind = ('resource' if RESOURCE.search(src) else
            'timed' if TIMED.search(src) or 'Time' in path else 'untimed')
    r = {'kind': kind}
    c = subprocess.run([absim, 'check', path], capture_output=True, text=True, timeout=120)
    if c.returncode != 0:
        r['status'], r['detail'] = 'CHECK_REJECT', (c.stdout + c.stderr)[:600]
        return r
    if 'testresult' not in src:  # a model only to type-check
        r['kind'], r['status'] = 'check-only', 'PASS'
        return r
    with open(scratch, 'w', encoding='utf-8') as f:
        f.write(instrument(src))
    try:
        p = subprocess.run([absim, 'run', scratch], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        r['status'] = 'TIMEOUT'
        return r
    passed = MARK + 'True' in p.stdout
    if p.returncode < 0 or p.returncode >= 128 or 'Sanitizer' in p.stderr:
        r['status'] = 'CRASH'
    elif '.FAIL.' in path:
        r['status'] = 'PASS' if p.returncode != 0 and not passed else 'WRONG'
    else:
        r['status'] = 'PASS' if passed else 'WRONG'
    r['detail'] = f'rc={p.returncode} out={p.stdout[-300:]!r} err={p.stderr[-300:]!r}'
    return r


def main():
    absim, root = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    only = sys.argv[4] if len(sys.argv) > 4 else None
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, 'program.abs')
        for path in programs(root):
            rel = os.path.relpath(path, root)
            if not only or only in rel:
                results[rel] = classify(absim, path, scratch)
    if out:
        with open(out, 'w') as f:
            json.dump(results, f, indent=1)
    for kind in ('untimed', 'timed', 'resource', 'check-only'):
        cnt = Counter(v['status'] for v in results.values() if v['kind'] == kind)
        print(f'{kind}: {cnt.get("PASS", 0)}/{sum(cnt.values())} {dict(cnt)}')
    ok = sum(v['status'] != 'CHECK_REJECT' for v in results.values())
    print(f'accepted by check: {ok}/{len(results)}')
    for rel, v in sorted(results.items()):
        if v['status'] != 'PASS':
            print(v['status'], v['kind'], rel, '::', v.get('detail', '')[:240].replace('\n', ' | '))


if __name__ == '__main__':
    main()
