#pragma once
// Building and reading the standard library's list, set and map values
// (stdlib.md §7-§9) from C++: literals, native builtins and tests.
// Everything here loops along the spine; nothing recurses.

#include "interpreter/value.h"

#include <vector>

namespace absim::interp {

// `list[e1, ..., en]`: Cons(e1, Cons(..., Nil)). Moves the elements.
Value makeList(std::vector<Value> elements);
// `set[e1, ..., en]`: Insert chain sorted ascending by the total order,
// duplicates dropped, so equal sets are structurally equal.
Value makeSet(std::vector<Value> elements);
// `map[Pair(k1,v1), ...]`: InsertAssoc chain in the given order (the first
// pair is the first entry); `entries` are Pair values.
Value makeMap(std::vector<Value> entries);

// The elements of a list, set or map spine (for a map: its Pair entries),
// first to last.
std::vector<Value> spineElements(const Value& collection);
// Number of elements of a list, set or map spine.
size_t spineLength(const Value& collection);

} // namespace absim::interp
