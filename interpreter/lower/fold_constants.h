#pragma once
// Folding of constant pure expressions after lowering: operators whose
// operands are all constants, constructors of constants, conditionals
// with a constant condition, and calls of functions without parameters
// whose body is a constant (`def Float piF() = 3.14...;`) become the value
// they always evaluate to. The functional layer is pure, so this changes
// no result; an expression that would raise an error (division by zero, a
// Float overflow) is left as it is and raises at run time.

#include <cstddef>

namespace absim::interp {

struct RuntimeProgram;

// Rewrites constant nodes of `program.exprs` in place; returns how many.
size_t foldConstants(RuntimeProgram& program);

} // namespace absim::interp
