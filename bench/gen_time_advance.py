#!/usr/bin/env python3
"""Writes an ABS model in which N processes wait on N distinct times, so the
clock advances N times, each advance waking one process (with --same, all
wait on one time) (the cost of a time
advance as a function of the number of waiting processes; see RESULTS.md,
"Time and resources").

    python3 bench/gen_time_advance.py 100000 [--same] > /tmp/advance.abs
    absim run /tmp/advance.abs

Half of the waiters use `await duration(t, t)`, the other half a ranged
`await duration(t - 1/2, t)`, so both heaps of the time-waiter queue are
exercised. Processes are spread over 64 objects (COGs) and created in a
scrambled order, so the heap does real work.
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
# --same: every process waits until the same time (one advance wakes all),
# the baseline that separates process creation and waking from the advances.
same = '--same' in sys.argv[2:]
time_expr = '1' if same else '(i * 7919) % n + 1'
print(f"""module TimeAdvance;

interface Sleeper {{
    Unit sleep(Int t);
}}

class SleeperImpl implements Sleeper {{
    Unit sleep(Int t) {{
        if (t % 2 == 0) {{
            await duration(t, t);
        }} else {{
            await duration(t - 1/2, t);
        }}
    }}
}}

{{
    Int n = {n};
    List<Sleeper> objects = Nil;
    Int k = 0;
    while (k < 64) {{
        Sleeper s = new SleeperImpl();
        objects = Cons(s, objects);
        k = k + 1;
    }}
    // i -> (i * 7919) mod n visits every time once when gcd(7919, n) = 1.
    Int i = 0;
    while (i < n) {{
        Int t = {time_expr};
        Sleeper s = nth(objects, i % 64);
        s!sleep(t);
        i = i + 1;
    }}
    await duration(n + 1);
    println("advanced " + toString(n) + " times, now " + toString(now()));
}}""")
