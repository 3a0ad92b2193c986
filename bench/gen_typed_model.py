#!/usr/bin/env python3
"""Generates a well-typed ABS model of about N lines, deterministically, for
measuring the type checker (bench/RESULTS.md, section "Checking").

    python3 bench/gen_typed_model.py 10000 > /tmp/typed.abs
    absim check /tmp/typed.abs

Unlike bench/gen_model.py (which only has to parse), every module here
type-checks: datatypes with selectors, synonyms, exceptions, parametric and
higher-order functions, interfaces with inheritance, classes with fields,
init blocks, awaits, futures, patterns, deployment annotations, and a main
block that uses them all.
"""
import random
import sys


def service(i, rnd):
    k = rnd.randrange(2, 9)
    out = []
    add = out.append
    add(f"module Service{i};")
    add("import * from ABS.DC;")
    add("export *;")
    add("")
    add(f"data Job{i} = Job{i}(Int id{i}, Rat cost{i}, String owner{i}) | NoJob{i};")
    add(f"data Tree{i}<A> = Leaf{i} | Node{i}(Tree{i}<A> left{i}, A value{i}, Tree{i}<A> right{i});")
    add(f"type Queue{i} = List<Pair<Int, Job{i}>>;")
    add(f"exception Overload{i}(String);")
    add("")
    add(f"def Int size{i}<A>(Tree{i}<A> t) =")
    add("    case t {")
    add(f"        Leaf{i} => 0;")
    add(f"        Node{i}(l, _, r) => size{i}(l) + 1 + size{i}(r);")
    add("    };")
    add(f"def Tree{i}<A> insert{i}<A>(Tree{i}<A> t, A x) =")
    add("    case t {")
    add(f"        Leaf{i} => Node{i}(Leaf{i}, x, Leaf{i});")
    add(f"        Node{i}(l, v, r) => when x < v then Node{i}(insert{i}(l, x), v, r)")
    add(f"                                     else Node{i}(l, v, insert{i}(r, x));")
    add("    };")
    add(f"def Rat totalCost{i}(List<Job{i}> jobs) =")
    add(f"    foldl((Job{i} j, Rat acc) => acc + cost{i}(j))(jobs, 0);")
    add(f"def List<Int> ids{i}(List<Job{i}> jobs) = map((Job{i} j) => id{i}(j))(jobs);")
    add(f"def Bool cheap{i}(Job{i} j) = when cost{i}(j) < {k} then True else cost{i}(j) * 2 <= {k * 3};")
    add(f"def List<Job{i}> cheapOnes{i}(List<Job{i}> jobs) = filter(cheap{i})(jobs);")
    add(f"def String describe{i}(Job{i} j) =")
    add("    case j {")
    add(f"        Job{i}(n, c, o) => `job $n$ of $o$ costs $c$`;")
    add(f"        NoJob{i} => \"none\";")
    add("    };")
    add(f"def Maybe<Job{i}> find{i}(Queue{i} q, Int key) =")
    add("    case q {")
    add(f"        Nil => Nothing;")
    add(f"        Cons(Pair(key, j), _) => Just(j);")
    add(f"        Cons(_, rest) => find{i}(rest, key);")
    add("    };")
    add(f"def Int weight{i}(Int n) = let Int a = n * {k}, Int b = a % 7 in a + b - n;")
    add("")
    add(f"interface Named{i} {{ String name(); }}")
    add(f"interface Worker{i} extends Named{i} {{")
    add(f"    Bool process(Job{i} job);")
    add("    Int load();")
    add("    Unit reset();")
    add("}")
    add(f"interface Dispatcher{i} {{")
    add(f"    Bool dispatch(Job{i} job);")
    add(f"    Unit register(Worker{i} w);")
    add("}")
    add("")
    add(f"class WorkerImpl{i}(String label, Int capacity) implements Worker{i} {{")
    add("    Int current = 0;")
    add(f"    List<Job{i}> done = Nil;")
    add(f"    Tree{i}<Int> seen = Leaf{i};")
    add(f"    Map<Int, Job{i}> byId = map[];")
    add("    {")
    add("        current = 0;")
    add("    }")
    add("    String name() { return label; }")
    add(f"    Bool process(Job{i} job) {{")
    add("        Bool ok = False;")
    add("        await current < capacity;")
    add("        current = current + 1;")
    add("        switch (job) {")
    add(f"            Job{i}(n, c, _) => {{")
    add(f"                [Cost: c] skip;")
    add(f"                seen = insert{i}(seen, n);")
    add(f"                byId = put(byId, n, job);")
    add("                ok = True;")
    add("            }")
    add(f"            NoJob{i} => skip;")
    add("        }")
    add("        try {")
    add(f"            if (size{i}(seen) > {k * 100}) {{ throw Overload{i}(label); }}")
    add("        } catch {")
    add(f"            Overload{i}(why) => println(why);")
    add("            _ => skip;")
    add("        } finally {")
    add("            current = current - 1;")
    add("        }")
    add("        done = Cons(job, done);")
    add("        return ok;")
    add("    }")
    add("    Int load() {")
    add("        Int l = truncate(current * 100 / capacity);")
    add("        return l;")
    add("    }")
    add("    Unit reset() {")
    add("        this.current = 0;")
    add("        foreach (j, idx in done) {")
    add(f"            println(describe{i}(j) + toString(idx));")
    add("        }")
    add("        done = Nil;")
    add("    }")
    add("}")
    add("")
    add(f"class DispatcherImpl{i}(Int period) implements Dispatcher{i} {{")
    add(f"    List<Worker{i}> workers = Nil;")
    add("    Int handled = 0;")
    add(f"    Fut<Bool> last;")
    add(f"    Unit register(Worker{i} w) {{ workers = appendright(workers, w); }}")
    add(f"    Bool dispatch(Job{i} job) {{")
    add("        await workers != Nil;")
    add(f"        Worker{i} w = head(workers);")
    add("        workers = appendright(tail(workers), w);")
    add("        last = w!process(job);")
    add("        await last?;")
    add("        Bool ok = last.get;")
    add("        Int l = await w!load();")
    add("        if (l > 90) {")
    add("            await duration(1, 2);")
    add("        } else {")
    add("            suspend;")
    add("        }")
    add("        handled = handled + 1;")
    add("        return ok;")
    add("    }")
    add("    Unit run() {")
    add("        while (handled < 1000) {")
    add("            await duration(period, period);")
    add("            Int n = length(workers);")
    add(f"            Queue{i} q = list[Pair(1, Job{i}(1, 1 / 2, \"a\")), Pair(2, NoJob{i})];")
    add(f"            Maybe<Job{i}> found = find{i}(q, weight{i}(n) % 3);")
    add("            if (isJust(found)) {")
    add(f"                Bool r = this.dispatch(fromJust(found));")
    add("            }")
    add("        }")
    add("    }")
    add("}")
    add("")
    return out


def main_module(n):
    out = ["module Main;", "import * from ABS.DC;"]
    for i in range(n):
        out.append(f"import * from Service{i};")
    out.append("{")
    out.append('    DC server = new DeploymentComponent("server", map[Pair(Speed, 100)]);')
    for i in range(n):
        out.append(f"    [DC: server] Dispatcher{i} d{i} = new DispatcherImpl{i}({i % 5 + 1});")
        out.append(f'    Worker{i} w{i} = new WorkerImpl{i}("w{i}", {i % 7 + 1});')
        out.append(f"    await d{i}!register(w{i});")
        out.append(f'    List<Job{i}> jobs{i} = list[Job{i}(1, 2, "x"), Job{i}(2, 1 / 3, "y"), NoJob{i}];')
        out.append(f"    Rat total{i} = totalCost{i}(cheapOnes{i}(jobs{i}));")
        out.append(f"    Fut<Bool> f{i} = d{i}!dispatch(head(jobs{i}));")
        out.append(f"    Bool ok{i} = f{i}.get;")
    out.append("}")
    return out


def generate(target_lines):
    rnd = random.Random(42)
    body = []
    i = 0
    per_service = len(service(0, random.Random(0)))
    per_main = 9
    while (i + 1) * (per_service + per_main) + 5 < target_lines:
        body += service(i, rnd)
        i += 1
    return "\n".join(body + main_module(i)) + "\n"


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    sys.stdout.write(generate(n))
