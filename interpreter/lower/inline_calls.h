#pragma once
// Inlining of small functions after lowering. A call of a small,
// first-order, non-recursive ABS function becomes the function's body,
// copied into the caller's frame: its parameters and let/case variables
// take fresh slots of the caller, bound by `let` to the arguments (or
// replaced by the argument itself when that is a local or a constant).
// The functional layer is pure and evaluates arguments left to right before
// the body, as the `let` chain does, so results and errors are the same;
// only the cost of the call (a frame, a context, argument copies) goes.
// Stack traces show method frames only, so they do not change either.
//
// A selector applied to a constructor built in place,
// `timeValue(Time(currentms()))` after `now()` is inlined, becomes the
// selected argument when the others cannot raise.

#include <cstddef>

namespace absim::interp {

struct RuntimeProgram;

// Rewrites call nodes of `program` in place and grows the slot counts of
// the frames they are in; returns how many calls were inlined.
size_t inlineCalls(RuntimeProgram& program);

} // namespace absim::interp
