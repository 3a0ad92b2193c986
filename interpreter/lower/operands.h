#pragma once
// The expressions an instruction holds (its operands, its arguments, the
// expressions of its pattern and guard), for the passes after lowering
// that look at or rewrite every expression of a body.

#include "interpreter/program/code.h"

namespace absim::interp {

// The expressions a pattern compares with (`case x { y => ..}` with y
// already bound).
template <typename F> void forEachExpr(const Pattern* p, F f) {
    if (!p)
        return;
    if (p->expr)
        f(p->expr);
    for (const Pattern* a : p->args)
        forEachExpr(a, f);
}

// The expressions a guard evaluates.
template <typename F> void forEachExpr(const GuardCode* g, F f) {
    if (!g)
        return;
    if (g->exp)
        f(g->exp);
    if (g->max)
        f(g->max);
    forEachExpr(g->left, f);
    forEachExpr(g->right, f);
}

template <typename F> void forEachExpr(const Instr& in, F f) {
    if (in.e)
        f(in.e);
    if (in.e2)
        f(in.e2);
    for (const Expr* a : in.args)
        f(a);
    forEachExpr(in.pattern, f);
    forEachExpr(in.guard, f);
}

template <typename F> void forEachExpr(const Code& c, F f) {
    for (const Instr& in : c.instrs)
        forEachExpr(in, f);
}

} // namespace absim::interp
