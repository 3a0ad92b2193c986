#!/usr/bin/env python3
"""Runs one scripted REPL session: `absim repl` reads `NAME.in` from a pipe
(so no prompts, no escape codes) in the case's folder with NO_COLOR=1, and
its stdout must equal `NAME.out` byte for byte, with nothing on stderr and
exit status 0. `--update` rewrites `NAME.out` from the actual run: review the
diff before committing, the expectation must be what the spec says.
"""
import argparse, os, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--absim', required=True)
    ap.add_argument('--update', action='store_true')
    ap.add_argument('case', help='the NAME.in script')
    args = ap.parse_args()
    case = os.path.abspath(args.case)
    expected_path = case[:-len('.in')] + '.out'
    env = dict(os.environ, NO_COLOR='1')
    with open(case, 'rb') as stdin:
        run = subprocess.run([os.path.abspath(args.absim), 'repl'], stdin=stdin,
                             capture_output=True, cwd=os.path.dirname(case), env=env,
                             timeout=120)
    actual = run.stdout.decode('utf-8', errors='replace')
    if args.update:
        with open(expected_path, 'w', encoding='utf-8') as f:
            f.write(actual)
    with open(expected_path, encoding='utf-8') as f:
        expected = f.read()
    failures = []
    if run.returncode != 0:
        failures.append(f'exit status {run.returncode}, expected 0')
    if run.stderr:
        failures.append('unexpected stderr:\n' + run.stderr.decode('utf-8', errors='replace'))
    if actual != expected:
        import difflib
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                    'expected', 'actual')
        failures.append('stdout differs:\n' + ''.join(diff))
    if failures:
        print(f'FAIL {args.case}\n' + '\n'.join(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
