// Float tails (interpreter/eval/float_chains.cpp). `(floor(x) ± k) / d`,
// `ceil(x) / d` and their kin, x a Float chain (a link, or a compiled
// program) and k, d Int constants, built twice, one copy specialised and one
// left to the generic evaluator, over edge and random operands: the same
// value (kind and exact number) or the same error, and the shortcut chosen
// exactly for a decimal d an inline Rat holds and |k| < 2^62.
// `float((random(n) ± k) / m)` in a model: the same draws, in the same
// order, as the Int, the sum and float() made one statement at a time.

#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/specialize.h"
#include "interpreter/number_builtins.h"
#include "interpreter/program/function_info.h"
#include "tests/unit/run_fixture.h"
#include "tests/unit/twin_exprs.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

using namespace absim::interp;

namespace {

const FunctionInfo kFloor = testing::stdlibNative(
    "floor", 1, [](EvalContext&, Value* a) { return absim::interp::floor(a[0]); });
const FunctionInfo kCeil = testing::stdlibNative(
    "ceil", 1, [](EvalContext&, Value* a) { return absim::interp::ceil(a[0]); });

constexpr int64_t kTwo62 = int64_t(1) << 62;

bool isDecimal(int64_t d) {
    while (d % 2 == 0)
        d /= 2;
    while (d % 5 == 0)
        d /= 5;
    return d == 1;
}

using testing::attempt;
using testing::Outcome;

// A model with the shortcuts and the same computation one statement at a
// time, run with the same seed, print the same (and something).
void checkSameOutput(const char* fused, const char* steps, uint64_t seed) {
    absim::interp::RunOptions options;
    options.seed = seed;
    auto a = absim::testing::runAbs(fused, options);
    auto b = absim::testing::runAbs(steps, options);
    CHECK(a.err.empty());
    CHECK(!a.out.empty());
    CHECK(a.out == b.out);
}

} // namespace

TEST_CASE("rounded_floats_over_decimal_constants_agree_with_the_generic_evaluator") {
    const double kXs[] = {0.0,
                          -0.0,
                          0.5,
                          -0.5,
                          1.999,
                          -1.999,
                          12345.678,
                          -12345.678,
                          0.0009765625,
                          4611686018427387904.0,
                          -4611686018427387904.0,
                          4611686018427386880.0,
                          -4611686018427388928.0,
                          9223372036854775808.0,
                          -9223372036854775808.0,
                          1e19,
                          -1e19,
                          1e300,
                          -1e300,
                          1e-300,
                          std::numeric_limits<double>::denorm_min()};
    const int64_t kKs[] = {0,      1,       -1,        7,        -7, 999, kTwo62 - 1, -(kTwo62 - 1),
                           kTwo62, -kTwo62, INT64_MAX, INT64_MIN};
    const int64_t kDs[] = {1,
                           2,
                           5,
                           8,
                           10,
                           125,
                           1000,
                           1024,
                           3,
                           6,
                           7,
                           1000000,
                           int64_t(1) << 55,
                           (int64_t(1) << 56) - 1,
                           int64_t(1) << 56,
                           2384185791015625, // 5^22
                           0,
                           -1000,
                           kTwo62};
    const double kScales[] = {1.0, 1000.0, -3.0, 0.001};
    std::mt19937_64 rng(20261127);
    auto pick = [&](size_t n) { return size_t(rng() % n); };
    int shortcuts = 0;
    for (int c = 0; c < 20000; ++c) {
        double x = c % 2 ? kXs[pick(std::size(kXs))]
                         : std::ldexp(double(int64_t(rng() >> 11)) * (pick(2) ? 1 : -1),
                                      int(pick(140)) - 80);
        int64_t k = c % 3 ? int64_t(pick(2001)) - 1000 : kKs[pick(std::size(kKs))];
        int64_t d = kDs[pick(std::size(kDs))];
        ExprOp offset = c % 3 == 0 ? ExprOp::Call : (pick(2) ? ExprOp::Add : ExprOp::Sub);
        const FunctionInfo* round = pick(2) ? &kFloor : &kCeil;
        CAPTURE(c);
        CAPTURE(x);
        CAPTURE(k);
        CAPTURE(d);

        testing::TwinExprs t;
        auto scale = [&] {
            return t.constant(Value::fromFloat(kScales[pick(std::size(kScales))]));
        };
        // x * s, or (x * s) * s' (a compiled program), read from local 0.
        testing::TwinExprs::Pair chain =
            t.node(ExprOp::Mul, {t.slotted(ExprOp::Local, 0), scale()});
        if (pick(2))
            chain = t.node(ExprOp::Mul, {chain, scale()});
        auto tail = [&](testing::TwinExprs::Pair inner) {
            testing::TwinExprs::Pair numerator = t.node(ExprOp::Call, {inner}, round);
            if (offset != ExprOp::Call)
                numerator = t.node(offset, {numerator, t.constant(Value::fromInt(k))});
            return t.node(ExprOp::Div, {numerator, t.constant(Value::fromInt(d))});
        };
        testing::TwinExprs::Pair root = tail(chain);
        // The same shape over an Int local: no Float chain, so no shortcut.
        testing::TwinExprs::Pair plain = tail(t.slotted(ExprOp::Local, 1));
        specializeEvaluation(t.fast);

        bool chosen = root.fast->fn != plain.fast->fn;
        bool eligible = d >= 1 && d < (int64_t(1) << 56) && isDecimal(d) &&
                        (offset == ExprOp::Call || (k > -kTwo62 && k < kTwo62));
        CHECK(chosen == eligible);
        shortcuts += chosen;
        // An eligible tail over a chain is one program ending in the Rat.
        CHECK((root.fast->floatProgram != nullptr) == eligible);

        Value locals[2] = {Value::fromFloat(x), Value::fromInt(3)};
        EvalContext ctx;
        ctx.locals = locals;
        Outcome generic = attempt([&] { return evalNode(root.slow, ctx); });
        Outcome fast = attempt([&] { return root.fast->fn(root.fast, ctx); });
        CAPTURE(generic.error);
        CHECK(generic.error == fast.error);
        if (generic.error.empty() && fast.error.empty())
            CHECK(testing::sameBits(generic.value, fast.value));
    }
    CHECK(shortcuts > 5000);
}

TEST_CASE("float_of_a_draw_over_a_constant_draws_as_the_steps_do") {
    checkSameOutput(R"(
module M;
def Float unit() = float((random(1000000) + 1) / 1000000);
{
    Int i = 0;
    while (i < 200) {
        Float a = unit();
        Int b = random(7);
        Float c = float((random(1000) - 500) / 250);
        Float d = float(random(10) / -4);
        println(toString(a) + " " + toString(b) + " " + toString(c) + " " + toString(d));
        i = i + 1;
    }
}
)",
                    R"(
module M;
{
    Int i = 0;
    while (i < 200) {
        Int ra = random(1000000);
        Rat qa = (ra + 1) / 1000000;
        Float a = float(qa);
        Int b = random(7);
        Int rc = random(1000);
        Rat qc = (rc - 500) / 250;
        Float c = float(qc);
        Int rd = random(10);
        Rat qd = rd / -4;
        Float d = float(qd);
        println(toString(a) + " " + toString(b) + " " + toString(c) + " " + toString(d));
        i = i + 1;
    }
}
)",
                    4242);
}

TEST_CASE("rat_programs_in_a_model_draw_and_round_as_the_steps_do") {
    // An inlined exponential sample (one program: the draw, the log, the
    // products, the Rat) with arguments of each kind, against the same
    // computation one statement at a time, with the same seed: the same
    // draws in the same order, the same Rats.
    checkSameOutput(R"(
module M;
def Rat expSample(Float mean) =
    let Float u = float((random(1000000) + 1) / 1000000) in
    (floor((0.0 - log(u)) * mean * 1000.0) + 1) / 1000;
def Rat eighths(Float mean) =
    let Float u = float((random(1000) - 500) / 1000) in
    ceil(u * mean * 8.0) / 8;
class C(Float f) {
    Rat sample() { return expSample(f) + eighths(f); }
}
{
    C c = new C(8.0);
    Int i = 300;
    while (i > 0) {
        Float lam = (1.0 + float(i) / 300.0) / 60.0;
        Rat a = expSample(1.0 / lam);
        Rat b = c.sample();
        Int n = random(10);
        println(toString(a) + " " + toString(b) + " " + toString(n));
        i = i - 1;
    }
}
)",
                    R"(
module M;
{
    Int i = 300;
    while (i > 0) {
        Float lam = (1.0 + float(i) / 300.0) / 60.0;
        Float mean = 1.0 / lam;
        Int r = random(1000000);
        Float u = float((r + 1) / 1000000);
        Float lu = log(u);
        Float x = (0.0 - lu) * mean * 1000.0;
        Int fl = floor(x);
        Rat a = (fl + 1) / 1000;
        r = random(1000000);
        u = float((r + 1) / 1000000);
        lu = log(u);
        x = (0.0 - lu) * 8.0 * 1000.0;
        fl = floor(x);
        Rat b1 = (fl + 1) / 1000;
        r = random(1000);
        Float v = float((r - 500) / 1000);
        Float y = v * 8.0 * 8.0;
        Int ce = ceil(y);
        Rat b = b1 + ce / 8;
        Int n = random(10);
        println(toString(a) + " " + toString(b) + " " + toString(n));
        i = i - 1;
    }
}
)",
                    777);
}
