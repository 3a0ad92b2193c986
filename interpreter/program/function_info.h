#pragma once
// Functions of the functional layer after lowering: ABS-bodied functions,
// higher-order ("partial") functions, native builtins and the selector
// functions generated from named constructor arguments.

#include "interpreter/program/expr.h"

#include <string>
#include <utility>
#include <vector>

namespace absim::interp {

struct EvalContext;

// A native builtin: `args` holds exactly `arity` values, which the builtin
// may move from.
using NativeFn = Value (*)(EvalContext& ctx, Value* args);

struct FunctionInfo {
    enum class Kind : uint8_t { Abs, Native, Selector };
    Kind kind = Kind::Abs;
    std::string name;          // qualified, for stack traces
    uint32_t arity = 0;        // value parameters
    uint32_t funParamCount = 0; // > 0: a higher-order function
    uint32_t slotCount = 0;    // parameters first, then let/case variables
    const Expr* body = nullptr;  // Abs
    NativeFn native = nullptr;   // Native
    // Selector: which argument each constructor carries under this name.
    std::vector<std::pair<const ConstructorInfo*, uint32_t>> selects;
};

// An anonymous function `(T x, U y) => e` of a higher-order call. Its frame
// holds its parameters (slots 0..arity-1), the outer variables it mentions
// (`captureSlots`), evaluated where it is passed (capture by value,
// language.md §2.5), and its own let/case variables.
struct LambdaInfo {
    std::vector<const Expr*> captures; // evaluated in the creating context
    std::vector<int32_t> captureSlots; // where each captured value goes
    uint32_t arity = 0;
    uint32_t slotCount = 0;
    const Expr* body = nullptr;
};

} // namespace absim::interp
