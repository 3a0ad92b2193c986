#!/usr/bin/env python3
"""Generates a realistic ABS model of about N lines, deterministically, for
measuring the parser (bench/RESULTS.md, section "Parsing").

    python3 bench/gen_model.py 50000 > /tmp/model.abs

The model is made of repeated "service" modules, each with datatypes, type
synonyms, exceptions, functions (plain, parametric, higher-order), an
interface and a class whose methods use every kind of statement, and one main
block at the end. It is meant to be parsed, not run: names are consistent
within a module but nothing is type-checked.
"""
import random
import sys


def service(i, rnd):
    m = f"Service{i}"
    k = rnd.randrange(3, 9)
    lines = []
    add = lines.append
    add(f"module {m};")
    add("import * from ABS.DC;")
    add("export *;")
    add("")
    add(f"data Job{i} = Job{i}(Int id, Rat cost, String owner) | NoJob{i};")
    add(f"data Tree{i}<A> = Leaf{i} | Node{i}(Tree{i}<A> left, A value, Tree{i}<A> right);")
    add(f"type Queue{i} = List<Pair<Int, Job{i}>>;")
    add(f"exception Overload{i}(String reason);")
    add("")
    add(f"def Int size{i}<A>(Tree{i}<A> t) =")
    add("    case t {")
    add(f"        Leaf{i} => 0;")
    add(f"        Node{i}(l, _, r) => size{i}(l) + 1 + size{i}(r);")
    add("    };")
    add(f"def Rat totalCost{i}(List<Job{i}> jobs) =")
    add(f"    foldl((Job{i} j, Rat acc) => acc + cost(j))(jobs, 0);")
    add(f"def List<Int> ids{i}(List<Job{i}> jobs) = map((Job{i} j) => id(j))(jobs);")
    add(f"def Bool cheap{i}(Job{i} j) = when cost(j) < {k} then True else cost(j) * 2 <= {k * 3};")
    add(f"def String describe{i}(Job{i} j) =")
    add(f"    let Int n = id(j), String o = owner(j) in `job $n$ of $o$ costs $toString(cost(j))$`;")
    add("")
    add(f"interface Worker{i} {{")
    add(f"    Bool process(Job{i} job, Duration deadline);")
    add(f"    Int load();")
    add(f"    [Atomic] Unit reset();")
    add("}")
    add("")
    add(f"class WorkerImpl{i}(Int capacity, String name) implements Worker{i} {{")
    add("    Int current = 0;")
    add(f"    List<Job{i}> done = Nil;")
    add(f"    Map<Int, Rat> costs = map[];")
    add(f"    Fut<Bool> pending;")
    add("")
    add("    {")
    add(f"        println(`worker $name$ up with capacity $capacity$`);")
    add("    }")
    add("")
    add(f"    Bool process(Job{i} job, Duration deadline) {{")
    add("        Bool ok = False;")
    add("        if (current >= capacity) {")
    add(f"            throw Overload{i}(\"busy: \" + name);")
    add("        } else {")
    add("            current = current + 1;")
    add("        }")
    add("        [Cost: cost(job)] skip;")
    add("        await duration(1, 2);")
    add("        Int tries = 0;")
    add(f"        while (tries < {k} && !ok) {{")
    add("            tries = tries + 1;")
    add("            ok = cheap%d(job) || tries > 2;" % i)
    add("            suspend;")
    add("        }")
    add("        foreach (d, idx in done) {")
    add("            if (id(d) == id(job)) {")
    add("                println(\"duplicate at \" + toString(idx));")
    add("            }")
    add("        }")
    add("        switch (job) {")
    add(f"            Job{i}(n, c, _) => costs = put(costs, n, c);")
    add(f"            NoJob{i} => skip;")
    add("        }")
    add("        try {")
    add(f"            assert size{i}(Leaf{i}) == 0;")
    add("        } catch {")
    add("            AssertionFailException => println(\"unreachable\");")
    add("            _ => skip;")
    add("        } finally {")
    add("            current = current - 1;")
    add("        }")
    add("        done = Cons(job, done);")
    add("        return ok;")
    add("    }")
    add("")
    add("    Int load() {")
    add("        Int l = current * 100 / capacity;")
    add("        return l;")
    add("    }")
    add("")
    add("    Unit reset() {")
    add("        this.current = 0;")
    add("        done = Nil;")
    add("    }")
    add("}")
    add("")
    add(f"class Dispatcher{i}(List<Worker{i}> workers) {{")
    add("    Int sent = 0;")
    add("")
    add(f"    Unit dispatch(List<Job{i}> jobs) {{")
    add("        foreach (j in jobs) {")
    add(f"            Worker{i} w = nth(workers, sent % length(workers));")
    add("            Fut<Bool> f = w!process(j, Duration(10));")
    add("            await f? & duration(0, 1);")
    add("            Bool r = f.get;")
    add("            Int l = await w!load();")
    add("            if (!r || l > 90) {")
    add("                w.reset();")
    add("            }")
    add("            sent = sent + 1;")
    add("        }")
    add("    }")
    add("}")
    add("")
    return lines


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    rnd = random.Random(42)
    out = []
    i = 0
    while len(out) < target - 20:
        out.extend(service(i, rnd))
        i += 1
    out.append("module Main;")
    for j in range(min(i, 5)):
        out.append(f"import * from Service{j};")
    out.append("")
    out.append("{")
    out.append("    List<Worker0> ws = Nil;")
    out.append("    Int n = 0;")
    out.append("    while (n < 4) {")
    out.append("        [DC: thisDC()] Worker0 w = new WorkerImpl0(2, \"w\" + toString(n));")
    out.append("        ws = Cons(w, ws);")
    out.append("        n = n + 1;")
    out.append("    }")
    out.append("    Dispatcher0 d = new local Dispatcher0(ws);")
    out.append("    d!dispatch(list[Job0(1, 5, \"a\"), Job0(2, 1/2, \"b\"), NoJob0]);")
    out.append("}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
