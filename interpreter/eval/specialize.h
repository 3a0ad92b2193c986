#pragma once
// Chooses, for every lowered expression node, the function that evaluates
// it (Expr::fn, Expr::test). Operators whose operands are locals, constants
// or fields get code made for that shape: the operands are read in place,
// with no switch on the node kind and no copy; a comparison used as a
// condition yields a C++ bool without building a Bool value. Nodes without
// a specialisation keep the generic evaluator (evalNode, testNode).

#include <deque>

namespace absim::interp {

struct Expr;

void specializeEvaluation(std::deque<Expr>& exprs);

// Whether `e` (after specializeEvaluation) computes `a + b * (c - d)` in
// one node (tests).
bool isFusedAccumulation(const Expr& e);

} // namespace absim::interp
