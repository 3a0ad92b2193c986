// The number builtins inside Float chains (interpreter/eval/float_chains.h):
// log, sqrt, exp, floor, ceil and float computed on unboxed doubles, and
// the scopes of inlined calls that keep only numbers. Each must give what
// the generic evaluator gives (an unspecialised copy of the same tree),
// value and kind, the sign of a Float zero, and the error message.

#include "interpreter/compare.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/specialize.h"
#include "interpreter/format.h"
#include "interpreter/number_builtins.h"
#include "interpreter/numbers.h"
#include "interpreter/program/function_info.h"
#include "tests/unit/run_fixture.h"
#include "tests/unit/twin_exprs.h"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <deque>
#include <string>

using namespace absim::interp;

namespace {

FunctionInfo native(const char* name, NativeFn fn) {
    return testing::stdlibNative(name, 1, fn);
}

const FunctionInfo kFloor = native("floor", [](EvalContext&, Value* a) { return floor(a[0]); });
const FunctionInfo kCeil = native("ceil", [](EvalContext&, Value* a) { return ceil(a[0]); });
const FunctionInfo kFloat = native("float", [](EvalContext&, Value* a) { return toFloat(a[0]); });
const FunctionInfo kLog = native("log", [](EvalContext&, Value* a) { return log(a[0]); });
const FunctionInfo kSqrt = native("sqrt", [](EvalContext&, Value* a) { return sqrt(a[0]); });
const FunctionInfo kExp = native("exp", [](EvalContext&, Value* a) { return exp(a[0]); });

// One tree, built twice: `fast` is specialised, `slow` keeps the generic
// node functions.
struct Trees : testing::TwinExprs {
    Value locals[4];
    EvalContext ctx;
    Trees() { ctx.locals = locals; }

    Pair local(int slot) { return slotted(ExprOp::Local, slot); }
    // `x * 1.0` of the Float local x: a link of a Float chain, equal to x.
    Pair floatLink(int slot) {
        return node(ExprOp::Mul, {local(slot), constant(Value::fromFloat(1.0))});
    }
};

using testing::sameBits;

using testing::attempt;
using testing::Outcome;

// The specialised node (its fn, and its floatFn where it has one) against
// the generic one.
int checkAgrees(Trees& t, Trees::Pair p) {
    Outcome generic = attempt([&] { return evalNode(p.slow, t.ctx); });
    Outcome viaFn = attempt([&] { return p.fast->fn(p.fast, t.ctx); });
    CAPTURE(generic.error);
    CAPTURE(viaFn.error);
    CHECK(generic.error == viaFn.error);
    if (generic.error.empty() && viaFn.error.empty())
        CHECK(sameBits(generic.value, viaFn.value));
    if (!p.fast->floatFn)
        return 1;
    Outcome viaFloat = attempt([&] { return Value::fromFloat(p.fast->floatFn(p.fast, t.ctx)); });
    CHECK(generic.error == viaFloat.error);
    if (generic.error.empty() && viaFloat.error.empty())
        CHECK(sameBits(generic.value, viaFloat.value));
    return 2;
}

const double kInputs[] = {0.0,
                          -0.0,
                          0.5,
                          -0.5,
                          2.5,
                          -2.5,
                          1e-300,
                          709.0,
                          710.0,
                          -745.5,
                          1e18,
                          -1e19,
                          9.3e18,
                          -9223372036854775808.0,
                          9223372036854775808.0,
                          1e300,
                          -1e300,
                          4503599627370495.5};

} // namespace

TEST_CASE("float_builtins_of_a_float_chain_agree_with_the_builtins") {
    const FunctionInfo* builtins[] = {&kFloor, &kCeil, &kFloat, &kLog, &kSqrt, &kExp};
    int checked = 0;
    for (double x : kInputs) {
        for (const FunctionInfo* f : builtins) {
            Trees t;
            t.locals[0] = Value::fromFloat(x);
            Trees::Pair call = t.node(ExprOp::Call, {t.floatLink(0)}, f);
            specializeEvaluation(t.fast);
            CAPTURE(x);
            CAPTURE(f->name);
            // Every one of them is specialised: a chain's builtin has a floatFn
            // (floor and ceil a fn of their own).
            CHECK((call.fast->floatFn || call.fast->fn != evalNode));
            checked += checkAgrees(t, call);
        }
        // float(floor(x)) and float(ceil(x)): no Int in between, and no
        // negative zero out of it.
        for (const FunctionInfo* round : {&kFloor, &kCeil}) {
            Trees t;
            t.locals[0] = Value::fromFloat(x);
            Trees::Pair inner = t.node(ExprOp::Call, {t.floatLink(0)}, round);
            Trees::Pair outer = t.node(ExprOp::Call, {inner}, &kFloat);
            specializeEvaluation(t.fast);
            CAPTURE(x);
            CAPTURE(round->name);
            REQUIRE(bool(outer.fast->floatFn));
            checked += checkAgrees(t, outer);
        }
    }
    CHECK(checked == 18 * (6 * 2 - 2 + 2 * 2));
}

TEST_CASE("float_of_a_number_agrees_with_the_builtin") {
    // float() of an Int or Rat that is no chain link: inline Ints (some a
    // double does not hold), big Ints, Rats, and float(a / b) of Ints with a
    // zero divisor or big operands.
    const Value big = Value::parseInt("1180591620717411303424"); // 2^70
    const Value values[] = {Value::fromInt(0),
                            Value::fromInt(-7),
                            Value::fromInt((int64_t(1) << 53) + 1),
                            Value::fromInt(INT64_MAX),
                            Value::fromInt(INT64_MIN),
                            big,
                            divide(Value::fromInt(1), Value::fromInt(3)),
                            divide(big, Value::fromInt(3))};
    int checked = 0;
    for (const Value& v : values) {
        Trees t;
        t.locals[0] = v;
        Trees::Pair call = t.node(ExprOp::Call, {t.local(0)}, &kFloat);
        specializeEvaluation(t.fast);
        CAPTURE(toString(v));
        REQUIRE(bool(call.fast->floatFn));
        checked += checkAgrees(t, call);
    }
    for (const Value& a : values) {
        for (const Value& b : {Value::fromInt(0), Value::fromInt(-3), big, values[6]}) {
            if (!a.isInt())
                continue;
            Trees t;
            t.locals[0] = a;
            t.locals[1] = b;
            Trees::Pair q = t.node(ExprOp::Div, {t.local(0), t.local(1)});
            Trees::Pair call = t.node(ExprOp::Call, {q}, &kFloat);
            specializeEvaluation(t.fast);
            CAPTURE(toString(a));
            CAPTURE(toString(b));
            checked += checkAgrees(t, call);
        }
    }
    // A constant divisor: one a double holds (the quotient is one IEEE
    // division), and ones it does not, or zero (the general way).
    for (const Value& a : values) {
        for (int64_t d : {int64_t(1000000), int64_t(-3), int64_t(1), (int64_t(1) << 53) - 1,
                          int64_t(1) << 53, int64_t(0)}) {
            if (!a.isInt())
                continue;
            Trees t;
            t.locals[0] = a;
            Trees::Pair q = t.node(ExprOp::Div, {t.local(0), t.constant(Value::fromInt(d))});
            Trees::Pair call = t.node(ExprOp::Call, {q}, &kFloat);
            specializeEvaluation(t.fast);
            CAPTURE(toString(a));
            CAPTURE(d);
            checked += checkAgrees(t, call);
        }
    }
    CHECK(checked == 8 * 2 + 6 * 4 * 2 + 6 * 6 * 2);
}

TEST_CASE("a_scope_keeping_only_floats_gives_the_same_value_and_others_release") {
    // Scope(slots 1..2): let x1 = <kids[0]> in x1 + 0.5. A Float binding
    // needs no release; a String binding must be let go of at the end.
    for (bool floatBinding : {true, false}) {
        Trees t;
        t.locals[0] = Value::fromFloat(1.25);
        Trees::Pair bound =
            floatBinding ? t.floatLink(0)
                         : t.constant(Value::fromString("a string longer than the inline form"));
        Trees::Pair read = t.local(1);
        Trees::Pair body =
            floatBinding ? t.node(ExprOp::Add, {read, t.constant(Value::fromFloat(0.5))}) : read;
        Trees::Pair let = t.node(ExprOp::Let, {bound, body});
        let.fast->slot = let.slow->slot = 1;
        Trees::Pair scope = t.node(ExprOp::Scope, {let});
        scope.fast->slot = scope.slow->slot = 1;
        scope.fast->span = scope.slow->span = 2;
        specializeEvaluation(t.fast);
        CAPTURE(floatBinding);
        Value generic = evalNode(scope.slow, t.ctx);
        CHECK(t.locals[1].isNull());
        Value fast = scope.fast->fn(scope.fast, t.ctx);
        CHECK(sameBits(generic, fast));
        if (floatBinding)
            CHECK(sameBits(fast, Value::fromFloat(1.75)));
        else
            CHECK(t.locals[1].isNull()); // the String is let go of
    }
}

TEST_CASE("float_builtins_in_a_model_keep_values_and_errors") {
    // Worked by hand: floor(-2.5) = -3 (an Int), float of it -3.0;
    // ceil(-0.5) = 0, whose float is 0.0 (an Int has no sign); floor of
    // 1e19 is past int64 (a big Int, exact); log 1 = 0; sqrt 2.25 = 1.5;
    // float(7 / 2) = 3.5; sqrt of -1 and log of 0 raise.
    auto r = absim::testing::runAbs(R"(
module M;
def Float scale(Float x) = let Float y = x * 1.0 in y;
def Int down(Float x) = floor(scale(x));
{
    println(toString(down(-2.5)) + " " + toString(float(floor(scale(-2.5)))));
    println(toString(float(ceil(scale(-0.5)))) + " " + toString(ceil(scale(-0.5))));
    println(toString(down(1.0e19)) + " " + toString(float(floor(scale(1.0e19)))));
    println(toString(log(scale(1.0))) + " " + toString(sqrt(scale(2.25))));
    Int seven = 7;
    println(toString(float((seven + 0) / 2)) + " " + toString(float(seven * 1)));
    Float w = sqrt(scale(-1.0));
}
)");
    CHECK(r.out == "-3 -3.0\n0.0 0\n10000000000000000000 1.0e+19\n0.0 1.5\n3.5 7.0\n");
    CHECK(r.err.find("sqrt of a negative number") != std::string::npos);
    auto l = absim::testing::runAbs(R"(
module M;
def Float scale(Float x) = let Float y = x * 1.0 in y;
{ println(toString(exp(scale(1.0)) > 2.718)); Float z = log(scale(0.0)); }
)");
    CHECK(l.out == "True\n");
    CHECK(l.err.find("log of a number that is not positive") != std::string::npos);
}
