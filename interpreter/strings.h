#pragma once
// The String builtins (stdlib.md §4). ABS measures strings in Unicode code
// points; values hold UTF-8, so lengths and offsets are counted, with a
// cached count and an ASCII shortcut keeping the common case cheap.

#include "interpreter/value.h"

namespace absim::interp {

// `Int strlen(String)`: number of code points.
Value strlen(const Value& s);
// `String substr(String s, Int start, Int len)`: `len` code points from
// 0-based `start`. Needs 0 <= start, 0 <= len, start + len <= strlen(s);
// otherwise AbsRuntimeError.
Value substr(const Value& s, const Value& start, const Value& length);
// `s1 + s2`.
Value concat(const Value& a, const Value& b);
// The same, reusing `a`'s buffer when nobody else holds it: an accumulator
// that is moved in (`acc = concat(std::move(acc), piece)`) grows in place,
// amortised O(length of the piece).
Value concat(Value&& a, const Value& b);

} // namespace absim::interp
