#pragma once
// What the pure-expression evaluator needs besides the expression: the
// frame's local slots, the current object (fields), the current process
// (destiny, deadline, DC) and, inside a higher-order function, its function
// arguments.

#include "interpreter/value.h"

namespace absim::interp {

class Runtime;
class Object;
struct Process;
struct FunctionInfo;
struct LambdaInfo;

// A function argument at run time: a named function, or an anonymous one
// with its captured values and the function arguments of the function it
// was written in.
struct Closure {
    const FunctionInfo* function = nullptr;
    const LambdaInfo* lambda = nullptr;
    const Value* captured = nullptr;
    const Closure* outerFunArgs = nullptr;
};

struct EvalContext {
    Runtime* rt = nullptr;
    Value* locals = nullptr;
    Object* self = nullptr;
    Process* proc = nullptr;
    const Closure* funArgs = nullptr;
};

} // namespace absim::interp
