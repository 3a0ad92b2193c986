#pragma once
// The pure-expression evaluator: a recursive switch over compact trees.
// Pure expressions never suspend, so evaluating one on the C++ stack is
// safe; deep recursion in the functional layer is bounded by a check of the
// remaining stack (the interpreter runs on a thread with a large stack),
// which raises a clean "recursion too deep" error instead of crashing.

#include "interpreter/eval/eval_context.h"
#include "interpreter/program/expr.h"
#include "interpreter/program/function_info.h"

namespace absim::interp {

Value eval(const Expr* e, EvalContext& ctx);
bool evalBool(const Expr* e, EvalContext& ctx);
bool match(const Pattern* p, const Value& v, EvalContext& ctx);
// Calls a function with `args` (exactly its arity; may be moved from).
Value callFunction(const FunctionInfo* f, Value* args, EvalContext& ctx,
                   const Closure* funArgs = nullptr);
Value callClosure(const Closure& c, Value* args, EvalContext& ctx);

// The deepest the C++ stack may grow before "recursion too deep"; set by
// the thread that runs the interpreter (null: no check).
void setStackLimit(const char* limit);
[[noreturn]] void throwRecursionTooDeep();

} // namespace absim::interp
