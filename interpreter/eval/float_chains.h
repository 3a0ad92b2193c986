#pragma once
// Float arithmetic without boxing. ABS never mixes Float with Int or Rat
// (the checker rejects `1 + 1.0`), so an arithmetic node with one operand
// that is certainly a Float has two, and always yields a Float; so does a
// `let` whose body does, a variable such a `let` binds, a Float literal and
// the Float builtins (float, sqrt, log, exp). Those nodes get an
// Expr::floatFn that returns the raw double: a chain like a sine
// polynomial passes doubles from node to node and builds a Value only where
// the chain ends. The Float builtins take and give doubles there too
// (float() of an Int as well), floor/ceil of a chain link give the Int
// without a boxed Float in between, and a `let` binding a chain link
// stores the double directly. Errors are the generic evaluator's: a zero divisor or a
// result that is not finite raises as `/` and friends do, and an operand
// that is not a Float after all (not possible in a checked model) raises
// the operator's kind mismatch.

#include <deque>

namespace absim::interp {

struct Expr;

// Marks the nodes that certainly yield a Float and sets their floatFn (and,
// for operators, an fn that boxes its floatFn's result). Runs after the
// shape specialisation, whose choices it overrides for those nodes.
void specializeFloatChains(std::deque<Expr>& exprs);

} // namespace absim::interp
