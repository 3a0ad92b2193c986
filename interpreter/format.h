#pragma once
// toString (language.md §5): the exact text ABS prints for a value. Users
// diff it against the reference, so every rule of §5 is reproduced: no
// spaces, strings raw at top level but quoted inside structures, `list[..]`,
// `set[..]`, `map[..]`, `EmptySet`, `EmptyMap`, integral Rats as Ints,
// the reference's Float layout.
//
// Printing walks list, set and map spines (and any nesting) with an explicit
// work stack, so a million-element list prints without deep recursion.

#include "interpreter/value.h"

#include <string>

namespace absim::interp {

// `toString(v)`: a top-level String is its characters, unquoted.
std::string toString(const Value& v);
// The same, appended to `out` (template strings, println).
void appendToString(std::string& out, const Value& v);

// Shortest round-trip decimal in the reference's layout: 1.0, 0.1, 1.0e+6,
// 1.5e-7, 100000.0, 0.000001; -0.0 prints as 0.0.
std::string formatFloat(double d);

} // namespace absim::interp
