#!/usr/bin/env python3
"""Lists updated in place (interpreter/list_spine.h) must behave as the
immutable lists of the language. This writes random ABS programs that mix
the updates absim does in place (`x = appendright(x, e)`,
`x = concatenate(x, list[e])`, `x = tail(x)`) with everything that can
share a list or a part of it (copies, `Cons`, tails taken by the selector,
by a `case` and inside a function, `foreach`, lists kept in a pair, sent
to an object and sent back) and with what remembers where it got to
(`length` and `nth`, of whole lists and of their tails, and walks by
index), on locals of the main block and on fields of an object, runs each
with absim, and compares what it prints with the same operations done on
Python tuples.

Usage: random_queues.py --absim PATH [--programs N] [--steps N] [--seed S]

The seed fixes the programs, so a failure is reproduced by running again;
the failing program is kept in the temporary folder it names.
"""
import argparse, os, random, subprocess, sys, tempfile

VARS = 4


def show(t):
    return 'list[' + ','.join(str(x) for x in t) + ']'


class Program:
    """One program: ABS statements and the Python state that shadows them."""

    def __init__(self, rng, prefix):
        self.rng = rng
        self.prefix = prefix  # 'v' for locals, 'f' for fields
        self.state = [() for _ in range(VARS)]
        self.lines = []
        self.expected = []
        self.counter = 0

    def name(self, i):
        return f'{self.prefix}{i}'

    def constant(self):
        self.counter += 1
        return self.counter

    def emit(self, line, indent='        '):
        self.lines.append(indent + line)

    def step(self):
        r, s = self.rng, self.state
        i, j = r.randrange(VARS), r.randrange(VARS)
        x, y = self.name(i), self.name(j)
        op = r.randrange(21)
        if op <= 2:
            k = self.constant()
            self.emit(f'{x} = appendright({x}, {k});')
            s[i] = s[i] + (k,)
        elif op == 3:
            k = self.constant()
            self.emit(f'{x} = concatenate({x}, list[{k}]);')
            s[i] = s[i] + (k,)
        elif op == 4:
            self.emit(f'{x} = appendright({x}, length({y}));')
            s[i] = s[i] + (len(s[j]),)
        elif op == 5:
            self.emit(f'if ({x} != Nil) {{ {x} = tail({x}); }}')
            s[i] = s[i][1:]
        elif op == 6:
            self.emit(f'{x} = {y};')
            s[i] = s[j]
        elif op == 7:
            self.emit(f'{x} = case {y} {{ Cons(_, t) => t; Nil => Nil; }};')
            s[i] = s[j][1:]
        elif op == 8:
            self.emit(f'if ({y} != Nil) {{ {x} = tail({y}); }}')
            if s[j]:
                s[i] = s[j][1:]
        elif op == 9:
            self.emit(f'{x} = rest(rest({y}));')
            s[i] = s[j][2:]
        elif op == 10:
            # The loop walks the list it started with, whatever the body does.
            self.emit(f'foreach (e in {y}) {{ {x} = appendright({x}, e * 10); }}')
            walked = s[j]
            for e in walked:
                s[i] = s[i] + (e * 10,)
        elif op == 11:
            k = self.constant()
            self.emit(f'{x} = Cons({k}, {y});')
            s[i] = (k,) + s[j]
        elif op == 12:
            self.emit(f'kept = Pair({y}, {x}); {x} = appendright({x}, 0); '
                      f'{y} = appendright({y}, 1); {x} = snd(kept); {y} = fst(kept);')
            # Both are back to what they were: the appends, to lists the
            # pair also holds, must have copied them.
        elif op == 13:
            self.emit(f'{x} = Nil;')
            s[i] = ()
        elif op == 14:
            # The length of a list inside another, asked before and after
            # that other grows in place.
            self.emit(f'if ({y} != Nil) {{ {x} = appendright({x}, length(tail({y}))); }}')
            if s[j]:
                s[i] = s[i] + (len(s[j]) - 1,)
        elif op == 15:
            k = r.randrange(6)
            self.emit(f'if (length({y}) > {k}) {{ {x} = appendright({x}, nth({y}, {k})); }}')
            if len(s[j]) > k:
                s[i] = s[i] + (s[j][k],)
        elif op == 16:
            k = r.randrange(3)
            self.emit(f'if (length({y}) > {k + 1}) {{ {x} = appendright({x}, nth(tail({y}), {k})); }}')
            if len(s[j]) > k + 1:
                s[i] = s[i] + (s[j][k + 1],)
        elif op == 17 and i != j:
            # A walk by index over one list while another grows.
            self.emit(f'i = 0; while (i < length({y})) {{ {x} = appendright({x}, nth({y}, i) + 1000); '
                      f'i = i + 1; }}')
            for e in s[j]:
                s[i] = s[i] + (e + 1000,)
        elif op == 18:
            self.emit(f'{x} = appendright({x}, length({x}) + length(rest({y})));')
            s[i] = s[i] + (len(s[i]) + len(s[j][1:]),)
        elif op == 19:
            # nth, then the list loses its first cell, then nth again.
            self.emit(f'if (length({x}) > 3) {{ {x} = appendright({x}, nth({x}, 2)); {x} = tail({x}); '
                      f'{x} = appendright({x}, nth({x}, 2)); }}')
            if len(s[i]) > 3:
                s[i] = s[i] + (s[i][2],)
                s[i] = s[i][1:]
                s[i] = s[i] + (s[i][2],)
        else:
            self.emit(f'println("{x} " + toString({x}));')
            self.expected.append(f'{x} {show(s[i])}')

    def finish(self):
        for i in range(VARS):
            self.emit(f'println("{self.name(i)} " + toString({self.name(i)}));')
            self.expected.append(f'{self.name(i)} {show(self.state[i])}')


def model(rng, steps):
    # The same kind of program twice: on locals of the main block, then on
    # fields of an object (its method also sends one list to a keeper and
    # reads it back after more updates).
    local, field = Program(rng, 'v'), Program(rng, 'f')
    for n in range(steps):
        local.step()
        field.step()
        if n == steps // 2:
            field.emit('await k!keep(f0);')
            lent = field.state[0]
    local.finish()
    field.finish()
    decl_fields = '\n'.join(f'    List<Int> f{i} = Nil;' for i in range(VARS))
    decl_locals = '\n'.join(f'    List<Int> v{i} = Nil;' for i in range(VARS))
    text = f"""module RandomQueues;

def List<Int> rest(List<Int> l) = case l {{ Cons(_, t) => t; Nil => Nil; }};

interface Keeper {{
    Unit keep(List<Int> l);
    List<Int> kept();
}}

class KeeperImpl implements Keeper {{
    List<Int> held = Nil;
    Unit keep(List<Int> l) {{
        held = l;
    }}
    List<Int> kept() {{
        return held;
    }}
}}

interface Fields {{
    Unit go(Keeper k);
}}

class FieldsImpl implements Fields {{
{decl_fields}
    Unit go(Keeper k) {{
        Pair<List<Int>, List<Int>> kept = Pair(Nil, Nil);
        Int i = 0;
{chr(10).join(field.lines)}
        List<Int> back = await k!kept();
        println("kept " + toString(back));
    }}
}}

{{
    Pair<List<Int>, List<Int>> kept = Pair(Nil, Nil);
    Int i = 0;
{decl_locals}
{chr(10).join(l[4:] for l in local.lines)}
    Fields o = new FieldsImpl();
    Keeper k = new KeeperImpl();
    await o!go(k);
}}
"""
    expected = local.expected + field.expected + [f'kept {show(lent)}']
    return text, expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--absim', required=True)
    ap.add_argument('--programs', type=int, default=100)
    ap.add_argument('--steps', type=int, default=80)
    ap.add_argument('--seed', type=int, default=20261128)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    folder = tempfile.mkdtemp(prefix='absim-random-queues-')
    env = dict(os.environ, ABSIM_CACHE='off', NO_COLOR='1')
    for n in range(a.programs):
        text, expected = model(rng, a.steps)
        path = os.path.join(folder, f'queues{n}.abs')
        with open(path, 'w') as f:
            f.write(text)
        try:
            p = subprocess.run([a.absim, 'run', path],
                               capture_output=True, text=True, env=env, timeout=120)
        except subprocess.TimeoutExpired:
            print(f'program {n} ({path}): no end after 120 s')
            return 1
        got = p.stdout.splitlines()
        if p.returncode != 0 or got != expected:
            print(f'program {n} ({path}): exit {p.returncode}')
            print(p.stderr[-2000:])
            for k, (g, e) in enumerate(zip(got, expected)):
                if g != e:
                    print(f'first difference, line {k + 1}:\n  absim:    {g}\n  expected: {e}')
                    break
            else:
                print(f'{len(got)} lines printed, {len(expected)} expected')
            return 1
        os.unlink(path)
    os.rmdir(folder)
    print(f'{a.programs} programs of {a.steps} steps each on locals and fields: as expected')
    return 0


if __name__ == '__main__':
    sys.exit(main())
