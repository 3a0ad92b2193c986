#pragma once
// Pure expressions as the evaluator sees them: compact trees whose names are
// already resolved to frame slots, field slots, functions and constructors.
// The evaluator switches on `op`; no node is visited through a virtual call
// and no string is looked up at run time.

#include "interpreter/value.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace absim::interp {

struct FunctionInfo;
struct LambdaInfo;
struct InterfaceInfo;
struct Pattern;
struct Expr;
struct EvalContext;
struct FloatProgram;

// How a node is evaluated: a function chosen per node after lowering
// (eval/specialize.h), so a node whose operands are locals or constants
// runs code made for exactly that shape. The generic ones switch on `op`.
using EvalFn = Value (*)(const Expr*, EvalContext&);
using TestFn = bool (*)(const Expr*, EvalContext&);
// The value of a node that always yields a Float, unboxed (eval/float_chains.h).
using FloatFn = double (*)(const Expr*, EvalContext&);
Value evalNode(const Expr* e, EvalContext& ctx);
bool testNode(const Expr* e, EvalContext& ctx);

enum class ExprOp : uint8_t {
    Const,   // constant
    Local,   // locals[slot]
    Field,   // this.fields[slot]
    This,    // the current object
    Destiny, // the current process's future
    Neg,     // -kids[0]
    Not,     // !kids[0]
    And,     // short-circuit
    Or,      // short-circuit
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Construct,    // constructor(kids...)
    Call,         // function(kids...)
    CallFunParam, // the slot-th function argument of the enclosing higher-order function
    CallPartial,  // function(funArgs...)(kids...)
    CallSelf,     // recursive call of the enclosing higher-order function, same funArgs
    When,         // kids[0] ? kids[1] : kids[2]
    Case,         // kids[0] matched against branches
    Let,          // locals[slot] = kids[0]; then kids[1]
    Template,     // pieces interleaved with toString(kids)
    Implements,   // kids[0] implements interface
    Cast,         // kids[0] as interface
    Scope,        // kids[0], then locals[slot .. slot + span) are released (an inlined call)
};

// A function argument of a higher-order call: a named function, or an
// anonymous function whose captured values are computed at the call.
struct FunArgCode {
    const FunctionInfo* function = nullptr; // named
    const LambdaInfo* lambda = nullptr;     // anonymous
    int32_t outer = -1; // a function argument of the enclosing higher-order function
};

struct CaseBranchCode {
    const Pattern* pattern = nullptr;
    const struct Expr* body = nullptr;
};

struct Expr {
    EvalFn fn = evalNode;      // the value of this node
    TestFn test = testNode;    // the same, for a Bool in a condition
    FloatFn floatFn = nullptr; // the same as a double, where it is always a Float
    ExprOp op = ExprOp::Const;
    int32_t slot = -1;                            // Local, Field, Let, CallFunParam, Scope
    uint32_t span = 0;                            // Scope: how many slots
    uint32_t line = 0;                            // source line, for stack traces of failing calls
    Value constant;                               // Const
    const ConstructorInfo* constructor = nullptr; // Construct
    const FunctionInfo* function = nullptr;       // Call, CallPartial
    const InterfaceInfo* interface = nullptr;     // Implements, Cast
    std::vector<const Expr*> kids;
    std::vector<FunArgCode> funArgs;      // CallPartial
    std::vector<CaseBranchCode> branches; // Case
    std::vector<std::string> pieces;      // Template: kids.size() + 1 pieces
    // The root of a compiled Float chain: its program (eval/float_program.h).
    std::shared_ptr<const FloatProgram> floatProgram;
};

// Patterns of `case` expressions, `switch` statements and `catch` branches.
enum class PatternOp : uint8_t {
    Wildcard, // _
    Bind,     // a fresh variable: locals[slot] = value
    Equal,    // a literal, or a variable already bound: value == eval(expr)
    Constructor,
};

struct Pattern {
    PatternOp op = PatternOp::Wildcard;
    int32_t slot = -1;                            // Bind
    const Expr* expr = nullptr;                   // Equal
    const ConstructorInfo* constructor = nullptr; // Constructor
    std::vector<const Pattern*> args;             // Constructor
};

} // namespace absim::interp
