#pragma once
// The pure-expression evaluator: a recursive switch over compact trees.
// Pure expressions never suspend, so evaluating one on the C++ stack is
// safe; deep recursion in the functional layer is bounded by a check of the
// remaining stack (the interpreter runs on a thread with a large stack),
// which raises a clean "recursion too deep" error instead of crashing.

#include "interpreter/eval/eval_context.h"
#include "interpreter/program/expr.h"
#include "interpreter/program/function_info.h"
#include "interpreter/runtime/object.h"

namespace absim::interp {

// Leaves (constants, locals, fields) are most of what gets evaluated: they
// are read here, inline; every other node through its own function.
[[gnu::always_inline]] inline Value eval(const Expr* e, EvalContext& ctx) {
    switch (e->op) {
    case ExprOp::Const:
        return e->constant;
    case ExprOp::Local:
        return ctx.locals[e->slot];
    case ExprOp::Field:
        return ctx.self->fields[e->slot];
    default:
        return e->fn(e, ctx);
    }
}

// The same by reference, without copying a leaf (no reference-count
// traffic for the common `x < n`, `i + 1`): anything else is evaluated into
// `tmp`. Evaluating another operand afterwards cannot change the slot read
// here: pure code writes only fresh let/pattern slots.
[[gnu::always_inline]] inline const Value& evalInPlace(const Expr* e, EvalContext& ctx,
                                                       Value& tmp) {
    switch (e->op) {
    case ExprOp::Const:
        return e->constant;
    case ExprOp::Local:
        return ctx.locals[e->slot];
    case ExprOp::Field:
        return ctx.self->fields[e->slot];
    default:
        tmp = e->fn(e, ctx);
        return tmp;
    }
}

// The end of an inlined call (ExprOp::Scope): its variables let go of
// their values, as the callee's frame would have.
inline void releaseSlots(const Expr* e, EvalContext& ctx) {
    for (uint32_t i = 0; i < e->span; ++i)
        ctx.locals[e->slot + int32_t(i)] = Value();
}

inline bool evalBool(const Expr* e, EvalContext& ctx) {
    return e->test(e, ctx);
}

bool match(const Pattern* p, const Value& v, EvalContext& ctx);
// Calls a function with `args` (exactly its arity; may be moved from).
Value callFunction(const FunctionInfo* f, Value* args, EvalContext& ctx,
                   const Closure* funArgs = nullptr);
// The same with the arguments still to evaluate (`f->arity` expressions, in
// the caller's context): an ABS-bodied callee gets them directly in its slots.
Value callWithArgs(const FunctionInfo* f, const Expr* const* args, EvalContext& ctx,
                   const Closure* funArgs = nullptr);
Value callClosure(const Closure& c, Value* args, EvalContext& ctx);

// The deepest the C++ stack may grow before "recursion too deep"; set by
// the thread that runs the interpreter (null: no check).
void setStackLimit(const char* limit);
[[noreturn]] void throwRecursionTooDeep();

} // namespace absim::interp
