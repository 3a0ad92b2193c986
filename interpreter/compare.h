#pragma once
// `==` and the total order behind `<`, `<=`, `>`, `>=` and the sets and maps
// of the standard library (language.md §4.2, §4.3):
//   * numbers by value, Int and Rat mixed (2/2 == 1); Floats by value;
//   * Strings by code point (the same as by UTF-8 bytes);
//   * data values by constructor *name* first (so Cons < Nil: a longer list
//     is smaller than its prefix, Just(x) < Nothing, False < True), then
//     arguments left to right;
//   * objects, and futures, by creation number; null below all of them.
// Both walk structures with an explicit stack, so long lists and deep terms
// compare without deep recursion.

#include "interpreter/value.h"

namespace absim::interp {

namespace detail {
int compareSlow(const Value& a, const Value& b);
bool equalsSlow(const Value& a, const Value& b);
} // namespace detail

// Three-way: negative, zero or positive as a < b, a == b, a > b.
inline int compare(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) {
        return (a.smallInt() > b.smallInt()) - (a.smallInt() < b.smallInt());
    }
    return detail::compareSlow(a, b);
}

inline bool equals(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) {
        return a.smallInt() == b.smallInt();
    }
    if (a.isConstant() && b.isConstant()) {
        return a.constructor() == b.constructor();
    }
    return detail::equalsSlow(a, b);
}

inline bool lessThan(const Value& a, const Value& b) {
    return compare(a, b) < 0;
}

// `max`: a on ties; `min`: b on ties (stdlib.md §3).
inline const Value& maxOf(const Value& a, const Value& b) {
    return compare(a, b) >= 0 ? a : b;
}
inline const Value& minOf(const Value& a, const Value& b) {
    return compare(a, b) < 0 ? a : b;
}

} // namespace absim::interp
