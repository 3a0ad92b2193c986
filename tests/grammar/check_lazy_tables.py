#!/usr/bin/env python3
"""The generated lexer and parser build their tables (ATN, DFA cache) on
first use, not at start-up (grammar/lazy_tables.cmake): no static
Initializer is defined, and the recogniser's constructor makes one.

    check_lazy_tables.py --generated BUILD/grammar/generated
"""
import argparse
import os
import re
import sys


def check(path, cls):
    text = open(path, encoding="utf-8").read()
    problems = []
    if re.search(r"^%s::Initializer %s::_init;" % (cls, cls), text, re.M):
        problems.append("still defines the static Initializer (tables built at start-up)")
    ctor = re.search(r"^%s::%s\([A-Za-z]+ \*input\) : [A-Za-z]+\(input\) \{\n(.*)\n" % (cls, cls),
                     text, re.M)
    if not ctor:
        problems.append("no constructor of the expected shape")
    elif "static Initializer tables;" not in ctor.group(1):
        problems.append("the constructor does not build the tables")
    return ["%s: %s" % (os.path.basename(path), p) for p in problems]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", required=True)
    args = ap.parse_args()
    problems = []
    for cls in ("ABSLexer", "ABS"):
        problems += check(os.path.join(args.generated, cls + ".cpp"), cls)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
