#!/usr/bin/env python3
"""Runs one golden test: an ABS program (or an example's .test file) with its
expected output beside it.

Conventions for a case `name.abs` (tests/<folder>/...):
  * optional header comments at the very top of the file:
        // args: run {file} -l 10      command line; {file} is the case file
        // exit: 65                    expected exit status
        // files: log.csv plot.svg     files the run writes, compared too
        // mask: [0-9.]+ s             a regex; its matches in stdout and
                                       stderr read <masked> (wall times)
    Defaults by folder: parse -> `check --parse-only --dump-ast {file}`;
    errors, types -> `check {file}`; lang, time, params -> `run {file}`.
    The default exit status is 65 under errors/, otherwise 0.
  * `name.out`: the exact expected stdout (empty when the file is absent);
  * `name.err`: the exact expected stderr (empty when the file is absent).
  * with `files:`, the case runs in a fresh temporary folder holding a copy
    of the folder's `.abs` files (so nothing is written into the source tree and the
    command line stays the same), and each listed file must equal
    `name.<file>` beside the case (e.g. `name.log.csv`); a listed file the
    run did not write is a failure.
For an example, `name.test` holds `args:` and `exit:` lines the same way
(without `//`), and `name.out` / `name.err` sit beside it.

The program runs in the case's folder with the file named relatively, so
diagnostics read `name.abs:3:5: ...`, and with NO_COLOR=1.
`--update` rewrites the expectation files from the actual run: review the
diff before committing, the expectation must be what the spec says.
"""
import argparse, os, re, shlex, shutil, subprocess, sys, tempfile

DEFAULT_ARGS = {
    'parse': 'check --parse-only --dump-ast {file}',
    'errors': 'check {file}',
    'types': 'check {file}',
    'lang': 'run {file}',
    'time': 'run {file}',
    'outputs': 'run {file}',
    'params': 'run {file}',
    'sweep': 'sweep {file}',
}


def read_header(path, comment):
    """Reads `key: value` lines (args, exit, timeout). With comment='//' only the
    leading comment lines of an ABS file count."""
    opts = {}
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            s = line.strip()
            if comment:
                if not s.startswith(comment):
                    break
                s = s[len(comment):].strip()
            key, sep, value = s.partition(':')
            if sep and key.strip() in ('args', 'exit', 'timeout', 'files', 'mask'):
                opts[key.strip()] = value.strip()
    return opts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--absim', required=True)
    ap.add_argument('--update', action='store_true')
    ap.add_argument('case')
    a = ap.parse_args()

    case = os.path.abspath(a.case)
    folder = os.path.dirname(case)
    base, ext = os.path.splitext(os.path.basename(case))
    if ext == '.test':
        opts = read_header(case, '')
        kind = 'examples'
    else:
        opts = read_header(case, '//')
        # nested folders (tests/lang/sub/x.abs) take the top folder's defaults
        rel = os.path.relpath(case, os.path.dirname(os.path.abspath(__file__)))
        kind = rel.split(os.sep)[0]
    args = opts.get('args', DEFAULT_ARGS.get(kind, 'run {file}'))
    status = int(opts.get('exit', '65' if kind == 'errors' else '0'))
    timeout = float(opts.get('timeout', '120'))
    argv = [os.path.abspath(a.absim)] + [w.replace('{file}', base + '.abs') for w in shlex.split(args)]

    env = dict(os.environ)
    env['NO_COLOR'] = '1'
    env.pop('CLICOLOR_FORCE', None)
    files = opts.get('files', '').split()
    workdir = folder
    if files:
        # Every model file of the folder: an example's command line may name
        # several (a service module and a scenario).
        workdir = tempfile.mkdtemp(prefix='absim_golden_')
        for name in os.listdir(folder):
            if name.endswith('.abs'):
                shutil.copy(os.path.join(folder, name), workdir)
    try:
        return check(a, argv, env, folder, workdir, base, status, timeout, files,
                     opts.get('mask'))
    finally:
        if files:
            shutil.rmtree(workdir, ignore_errors=True)


def check(a, argv, env, folder, workdir, base, status, timeout, files, mask):
    try:
        p = subprocess.run(argv, cwd=workdir, env=env, capture_output=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        print(f'FAIL {a.case}: timed out after {timeout} s')
        return 1
    out = p.stdout.decode('utf-8', 'replace')
    err = p.stderr.decode('utf-8', 'replace')
    if mask:
        out = re.sub(mask, '<masked>', out)
        err = re.sub(mask, '<masked>', err)

    def produced(name):
        path = os.path.join(workdir, name)
        if not os.path.exists(path):
            return None
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()

    out_path = os.path.join(folder, base + '.out')
    err_path = os.path.join(folder, base + '.err')
    if a.update:
        for name in files:
            text = produced(name)
            if text is None:
                print(f'FAIL {a.case}: the run did not write {name}')
                return 1
            with open(os.path.join(folder, base + '.' + name), 'w', encoding='utf-8') as f:
                f.write(text)
        for path, text in ((out_path, out), (err_path, err)):
            if text:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
            elif os.path.exists(path):
                os.remove(path)
        print(f'updated {a.case} (exit {p.returncode})')
        return 0

    def expected(path):
        if not os.path.exists(path):
            return ''
        with open(path, encoding='utf-8') as f:
            return f.read()

    failures = []
    if p.returncode != status:
        failures.append(f'exit status {p.returncode}, expected {status}')
    exp_out, exp_err = expected(out_path), expected(err_path)
    if out != exp_out:
        failures.append('stdout differs:\n' + diff(exp_out, out))
    if err != exp_err:
        failures.append('stderr differs:\n' + diff(exp_err, err))
    for name in files:
        text = produced(name)
        if text is None:
            failures.append(f'the run did not write {name}')
            continue
        exp = expected(os.path.join(folder, base + '.' + name))
        if text != exp:
            failures.append(f'{name} differs:\n' + diff(exp, text))
    if failures:
        print(f'FAIL {a.case}\n  command: {" ".join(shlex.quote(x) for x in argv[1:])}')
        for f in failures:
            print('  ' + f.replace('\n', '\n  '))
        return 1
    return 0


def diff(expected, actual):
    import difflib
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                 'expected', 'actual', n=2)
    text = ''.join(lines)
    return text if len(text) < 6000 else text[:6000] + '\n...(cut)'


if __name__ == '__main__':
    sys.exit(main())
