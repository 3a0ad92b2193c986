// Float chains compiled into programs (interpreter/eval/float_program.h):
// random expression trees, each built twice, one specialised (and so, where
// it can be, compiled) and one left to the generic evaluator. Both must give
// the same value (the same bits), the same error, and call the builtins
// with effects in the same order -- including trees whose leaves are not
// Floats after all, zero divisors, results that are not finite and logs of
// negative numbers.

#include "interpreter/compare.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/float_program.h"
#include "interpreter/eval/specialize.h"
#include "interpreter/number_builtins.h"
#include "interpreter/numbers.h"
#include "interpreter/program/class_info.h"
#include "interpreter/program/function_info.h"
#include "interpreter/runtime/object.h"
#include "tests/unit/run_fixture.h"
#include "tests/unit/twin_exprs.h"

#include <doctest/doctest.h>

#include <bit>
#include <deque>
#include <random>
#include <string>
#include <vector>

using namespace absim::interp;

namespace {

FunctionInfo native(const char* name, uint32_t arity, NativeFn fn) {
    return testing::stdlibNative(name, arity, fn);
}

// What the builtins with an effect were called with, in order.
std::vector<int64_t> gTicks;
int64_t gNextTick = 0;

const FunctionInfo kFloor = native("floor", 1, [](EvalContext&, Value* a) { return floor(a[0]); });
const FunctionInfo kCeil = native("ceil", 1, [](EvalContext&, Value* a) { return ceil(a[0]); });
const FunctionInfo kFloat =
    native("float", 1, [](EvalContext&, Value* a) { return toFloat(a[0]); });
const FunctionInfo kLog = native("log", 1, [](EvalContext&, Value* a) { return log(a[0]); });
const FunctionInfo kSqrt = native("sqrt", 1, [](EvalContext&, Value* a) { return sqrt(a[0]); });
const FunctionInfo kExp = native("exp", 1, [](EvalContext&, Value* a) { return exp(a[0]); });
// An Int with an effect, as random() is: it records its call.
const FunctionInfo kTick = native("tick", 0, [](EvalContext&, Value*) {
    gTicks.push_back(++gNextTick);
    return Value::fromInt(gNextTick % 5);
});

constexpr int kOuterFloats = 3; // locals 0..2 hold Floats
constexpr int kIntSlot = 3;     // local 3 holds an Int: a leaf that is no Float
constexpr int kFirstLet = 4;    // let variables from here on
constexpr int kSlots = 64;

using Trees = testing::TwinExprs;
using testing::sameBits;

// Random trees of the shapes inlined Float functions have.
class Generator {
  public:
    Generator(Trees& t, uint64_t seed, bool intLeaves) : t_(t), rng_(seed), intLeaves_(intLeaves) {}

    Trees::Pair tree(int depth) {
        if (depth == 0 || pick(5) == 0)
            return leaf();
        switch (pick(14)) {
        case 0:
            return binary(ExprOp::Add, depth);
        case 1:
            return binary(ExprOp::Sub, depth);
        case 2:
        case 3:
            return binary(ExprOp::Mul, depth);
        case 4:
            return binary(ExprOp::Div, depth);
        case 5:
            return t_.node(ExprOp::Neg, {tree(depth - 1)});
        case 6:
        case 7:
            return let(depth, false);
        case 8:
            return let(depth, true);
        case 9: {
            const FunctionInfo* fs[] = {&kLog, &kSqrt, &kExp, &kFloat};
            return t_.node(ExprOp::Call, {tree(depth - 1)}, fs[pick(4)]);
        }
        case 10: {
            const FunctionInfo* round = pick(2) ? &kFloor : &kCeil;
            return t_.node(ExprOp::Call, {t_.node(ExprOp::Call, {tree(depth - 1)}, round)},
                           &kFloat);
        }
        case 11: // float() of an Int with an effect: called by the program
            return t_.node(ExprOp::Call, {t_.node(ExprOp::Call, {}, &kTick)}, &kFloat);
        case 12: { // a `when`: called by the program, reading its variables
            Trees::Pair c = t_.node(ExprOp::Lt, {tree(depth - 1), tree(depth - 1)});
            return t_.node(ExprOp::When, {c, tree(depth - 1), tree(depth - 1)});
        }
        default:
            return field();
        }
    }

    // A Rat tail, the shape of an inlined exponential sample: `(floor(x) ±
    // k) / d` (or ceil) under `let`s binding Float trees or locals and
    // fields read in place, some in scopes.
    Trees::Pair ratTail(int depth) {
        int n = pick(6);
        if (depth > 0 && n < 3) {
            int slot = next_++;
            Trees::Pair bound = n == 0 ? inPlace() : tree(depth - 1);
            bound_.push_back(slot);
            Trees::Pair body = ratTail(depth - 1);
            bound_.pop_back();
            Trees::Pair l = t_.slotted(ExprOp::Let, slot, {bound, body});
            if (pick(2))
                return l;
            Trees::Pair s = t_.slotted(ExprOp::Scope, slot, {l});
            s.fast->span = s.slow->span = 1;
            return s;
        }
        static const int64_t kKs[] = {
            0, 1, -1, 999, -1000, (int64_t(1) << 62) - 1, int64_t(1) << 62};
        static const int64_t kDs[] = {1000, 1000, 1, 8, 125, 1024, 3, 0, -10};
        Trees::Pair numerator = t_.node(ExprOp::Call, {tree(depth)}, pick(2) ? &kFloor : &kCeil);
        if (int o = pick(3))
            numerator =
                t_.node(o == 1 ? ExprOp::Add : ExprOp::Sub,
                        {numerator, t_.constant(Value::fromInt(kKs[pick(std::size(kKs))]))});
        return t_.node(ExprOp::Div,
                       {numerator, t_.constant(Value::fromInt(kDs[pick(std::size(kDs))]))});
    }

  private:
    int pick(int n) { return int(rng_() % uint64_t(n)); }

    // A local or field read in place, Float or (with Int leaves) not.
    Trees::Pair inPlace() {
        if (pick(3) == 0)
            return field();
        if (intLeaves_ && pick(4) == 0)
            return t_.slotted(ExprOp::Local, kIntSlot);
        return t_.slotted(ExprOp::Local, pick(kOuterFloats));
    }

    Trees::Pair binary(ExprOp op, int depth) {
        Trees::Pair a = tree(depth - 1);
        Trees::Pair b = tree(depth - 1);
        return t_.node(op, {a, b});
    }

    // let x = a in b, in a scope (an inlined call's) or not.
    Trees::Pair let(int depth, bool scoped) {
        int slot = next_++;
        Trees::Pair bound = tree(depth - 1);
        bound_.push_back(slot);
        Trees::Pair body = tree(depth - 1);
        bound_.pop_back();
        Trees::Pair l = t_.slotted(ExprOp::Let, slot, {bound, body});
        if (!scoped)
            return l;
        Trees::Pair s = t_.slotted(ExprOp::Scope, slot, {l});
        s.fast->span = s.slow->span = 1;
        return s;
    }

    Trees::Pair field() { return t_.slotted(ExprOp::Field, pick(2)); }

    Trees::Pair leaf() {
        static const double kConstants[] = {0.0,  -0.0,  1.0,    -2.5,   3.0,    0.1,
                                            7.0,  1e300, -1e300, 1e-300, 1e-320, 0.5,
                                            42.0, 6.0,   710.0,  -745.0, 2.0,    1.5};
        int n = pick(10);
        if (n < 4)
            return t_.constant(Value::fromFloat(kConstants[pick(std::size(kConstants))]));
        if (n < 6 && !bound_.empty())
            return t_.slotted(ExprOp::Local, bound_[size_t(pick(int(bound_.size())))]);
        if (n == 6 && intLeaves_ && pick(4) == 0)
            return t_.slotted(ExprOp::Local, kIntSlot);
        if (n == 7)
            return field();
        return t_.slotted(ExprOp::Local, pick(kOuterFloats));
    }

    Trees& t_;
    std::mt19937_64 rng_;
    bool intLeaves_;
    int next_ = kFirstLet;
    std::vector<int> bound_;
};

struct Outcome {
    Value value;
    std::string error;
    std::vector<int64_t> ticks;
};

template <typename F> Outcome attempt(F f) {
    Outcome o;
    gTicks.clear();
    gNextTick = 0;
    try {
        o.value = f();
    } catch (const std::exception& e) {
        o.error = e.what();
    }
    o.ticks = gTicks;
    return o;
}

struct Frame {
    ClassInfo cls;
    Object* self;
    Value locals[kSlots];
    EvalContext ctx;
    explicit Frame(std::mt19937_64& rng) {
        cls.fieldNames = {"f0", "f1"};
        self = new Object(1, &cls, nullptr, 0, 0);
        const double kValues[] = {1.0, -0.5, 2.0, 1e-10, 3.25, -7.0, 1e200, 0.0};
        for (int i = 0; i < kOuterFloats; ++i)
            locals[i] = Value::fromFloat(kValues[rng() % std::size(kValues)]);
        locals[kIntSlot] = Value::fromInt(3);
        for (int i = 0; i < 2; ++i)
            self->fields[i] = Value::fromFloat(kValues[rng() % std::size(kValues)]);
        ctx.locals = locals;
        ctx.self = self;
    }
    ~Frame() { delete self; }
    // A run starts with the let variables unbound, as in a fresh frame.
    void clearLets() {
        for (int i = kFirstLet; i < kSlots; ++i)
            locals[i] = Value();
    }
};

// Whether a program ends in a Rat tail.
bool isRatProgram(const FloatProgram& p) {
    FloatOpCode last = p.ops.back().code;
    return last == FloatOpCode::FloorOverDecimal || last == FloatOpCode::CeilOverDecimal;
}

// Runs `cases` random trees (Rat tails with `tails`); returns how many had
// a compiled program.
int checkRandomTrees(uint64_t seed, int cases, bool intLeaves, bool nonFloatField,
                     bool tails = false) {
    std::mt19937_64 rng(seed);
    int compiled = 0;
    for (int c = 0; c < cases; ++c) {
        Trees t;
        Generator g(t, rng(), intLeaves);
        Trees::Pair root = tails ? g.ratTail(1 + int(rng() % 4)) : g.tree(2 + int(rng() % 6));
        specializeEvaluation(t.fast);
        bool hasProgram = false;
        for (const Expr& e : t.fast) {
            if (tails)
                hasProgram = hasProgram || (e.floatProgram && isRatProgram(*e.floatProgram));
            else
                hasProgram = hasProgram || e.floatProgram != nullptr;
            // A Rat program is held by a node without a floatFn, and only
            // there.
            if (e.floatProgram)
                CHECK(isRatProgram(*e.floatProgram) == !e.floatFn);
        }
        compiled += hasProgram;
        Frame frame(rng);
        if (nonFloatField)
            frame.self->fields[1] = Value::fromInt(1);
        CAPTURE(c);
        frame.clearLets();
        Outcome generic = attempt([&] { return evalNode(root.slow, frame.ctx); });
        frame.clearLets();
        Outcome viaFn = attempt([&] { return root.fast->fn(root.fast, frame.ctx); });
        CAPTURE(generic.error);
        CAPTURE(viaFn.error);
        CHECK(generic.error == viaFn.error);
        CHECK(generic.ticks == viaFn.ticks);
        if (generic.error.empty() && viaFn.error.empty())
            CHECK(sameBits(generic.value, viaFn.value));
        if (root.fast->floatFn) {
            frame.clearLets();
            Outcome viaFloat =
                attempt([&] { return Value::fromFloat(root.fast->floatFn(root.fast, frame.ctx)); });
            CHECK(generic.error == viaFloat.error);
            CHECK(generic.ticks == viaFloat.ticks);
            if (generic.error.empty() && viaFloat.error.empty())
                CHECK(sameBits(generic.value, viaFloat.value));
        }
    }
    return compiled;
}

} // namespace

TEST_CASE("float_programs_agree_with_the_generic_evaluator_on_random_trees") {
    int compiled = checkRandomTrees(20261127, 3000, false, false);
    // Most trees have a part worth a program; a test that compiled nothing
    // would prove nothing.
    CHECK(compiled > 750);
}

TEST_CASE("float_programs_whose_leaves_are_not_floats_give_the_trees_errors") {
    // An Int local and an Int field read where a Float is expected: the
    // program falls back to the tree, before any effect.
    int compiled = checkRandomTrees(7, 2000, true, false);
    CHECK(compiled > 500);
    compiled = checkRandomTrees(8, 1000, false, true);
    CHECK(compiled > 250);
}

TEST_CASE("a_sine_polynomial_becomes_one_program") {
    // sinTaylor(v * 1.0) inlined: let x = v * 1.0 in let x2 = x * x in
    // x * (1 - x2 / 6 * (1 - x2 / 20)), v a local: one program of 8
    // operations at the root, none below it, and the value worked out here
    // with the same operations in the same order.
    Trees t;
    const int x = kFirstLet, x2 = kFirstLet + 1;
    auto c = [&](double d) { return t.constant(Value::fromFloat(d)); };
    auto read = [&](int slot) { return t.slotted(ExprOp::Local, slot); };
    Trees::Pair inner = t.node(ExprOp::Sub, {c(1.0), t.node(ExprOp::Div, {read(x2), c(20.0)})});
    Trees::Pair outer =
        t.node(ExprOp::Sub,
               {c(1.0), t.node(ExprOp::Mul, {t.node(ExprOp::Div, {read(x2), c(6.0)}), inner})});
    Trees::Pair body = t.node(ExprOp::Mul, {read(x), outer});
    Trees::Pair square =
        t.slotted(ExprOp::Let, x2, {t.node(ExprOp::Mul, {read(x), read(x)}), body});
    Trees::Pair root = t.slotted(ExprOp::Let, x, {t.node(ExprOp::Mul, {read(0), c(1.0)}), square});
    specializeEvaluation(t.fast);
    REQUIRE(root.fast->floatProgram);
    // The outer step 1 - x2 / 6 * (..) is one HornerStep (three operators).
    int arithmetic = 0, steps = 0;
    for (const FloatOp& op : root.fast->floatProgram->ops) {
        arithmetic += op.code == FloatOpCode::HornerStep ? 3 : isFloatOperator(op.code);
        steps += op.code == FloatOpCode::HornerStep;
    }
    CHECK(arithmetic == 8);
    CHECK(steps == 1);
    for (const Expr& e : t.fast)
        if (&e != root.fast)
            CHECK(!e.floatProgram); // its parts are in the root's program
    std::mt19937_64 rng(1);
    Frame frame(rng);
    frame.locals[0] = Value::fromFloat(0.75);
    double v = 0.75 * 1.0, sq = v * v;
    double expected = v * (1.0 - sq / 6.0 * (1.0 - sq / 20.0));
    CHECK(std::bit_cast<uint64_t>(root.fast->floatFn(root.fast, frame.ctx)) ==
          std::bit_cast<uint64_t>(expected));
    frame.clearLets();
    Value generic = evalNode(root.slow, frame.ctx);
    CHECK(sameBits(root.fast->fn(root.fast, frame.ctx), generic));
    CHECK(sameBits(generic, Value::fromFloat(expected)));
}

TEST_CASE("float_programs_in_a_model_keep_the_order_of_random_draws") {
    // One chain drawing twice against the same draws made one statement at
    // a time, with the same seed: the chain must draw in the same order.
    absim::interp::RunOptions options;
    options.seed = 12345;
    auto chain = absim::testing::runAbs(R"(
module M;
def Float scaled(Float x) = let Float y = x * 2.0 in y / 2.0;
{
    Float a = scaled(float(random(1000)) * 1000.0 + float(random(1000)));
    println(toString(a));
}
)",
                                        options);
    auto steps = absim::testing::runAbs(R"(
module M;
{
    Int first = random(1000);
    Int second = random(1000);
    println(toString(float(first * 1000 + second)));
}
)",
                                        options);
    CHECK(chain.err.empty());
    CHECK(!chain.out.empty());
    CHECK(chain.out == steps.out);
}

TEST_CASE("finite_results_adding_up_to_too_much_raise_nothing") {
    // (x * 1.0) * 1.0 - x with x = 1e308: the results 1e308, 1e308 and 0
    // are finite, though their sum is not; x = -1e308 * 2.0 overflows.
    for (double v : {1e308, -1e308}) {
        Trees t;
        auto c = [&](double d) { return t.constant(Value::fromFloat(d)); };
        Trees::Pair grown =
            t.node(ExprOp::Mul, {t.node(ExprOp::Mul, {t.slotted(ExprOp::Local, 0), c(1.0)}),
                                 c(v > 0 ? 1.0 : 2.0)});
        Trees::Pair root = t.node(ExprOp::Sub, {grown, t.slotted(ExprOp::Local, 0)});
        specializeEvaluation(t.fast);
        REQUIRE(root.fast->floatProgram);
        std::mt19937_64 rng(1);
        Frame frame(rng);
        frame.locals[0] = Value::fromFloat(v);
        Outcome generic = attempt([&] { return evalNode(root.slow, frame.ctx); });
        Outcome fast = attempt([&] { return root.fast->fn(root.fast, frame.ctx); });
        CAPTURE(v);
        CHECK(fast.error == generic.error);
        if (v > 0) {
            CHECK(fast.error.empty());
            CHECK(sameBits(fast.value, Value::fromFloat(0.0)));
        } else {
            CHECK(fast.error.find("overflow") != std::string::npos);
        }
    }
}

TEST_CASE("rat_tails_agree_with_the_generic_evaluator_on_random_trees") {
    // Values, errors (a zero or negative divisor of the tail is no tail;
    // floor of a huge x goes the general way) and the order of effects.
    int compiled = checkRandomTrees(31, 3000, false, false, true);
    CHECK(compiled > 300);
    // Locals and fields bound by a `let` that are not Floats: the tree's
    // errors.
    compiled = checkRandomTrees(32, 2000, true, false, true);
    CHECK(compiled > 200);
    compiled = checkRandomTrees(33, 1000, false, true, true);
    CHECK(compiled > 100);
}

TEST_CASE("an_exponential_sample_becomes_one_rat_program") {
    // An inlined expSample(f0) whose draw is the local 0: scope {let mean
    // = f0 in let u = v * 1.0 in (floor((0.0 - log(u)) * mean * 1000.0) +
    // 1) / 1000}, the scope letting its two variables go (a field bound is
    // not known to be a Float). One program at the scope, no variable stored,
    // the value worked out here with the same operations.
    for (bool withCall : {false, true}) {
        Trees t;
        const int mean = kFirstLet, u = kFirstLet + 1;
        auto c = [&](double d) { return t.constant(Value::fromFloat(d)); };
        auto read = [&](int slot) { return t.slotted(ExprOp::Local, slot); };
        Trees::Pair x =
            t.node(ExprOp::Mul,
                   {t.node(ExprOp::Mul,
                           {t.node(ExprOp::Sub, {c(0.0), t.node(ExprOp::Call, {read(u)}, &kLog)}),
                            read(mean)}),
                    c(1000.0)});
        if (withCall) // a node function the program would call: it could bind variables
            x = t.node(ExprOp::Add,
                       {x, t.node(ExprOp::Call, {t.node(ExprOp::Call, {}, &kTick)}, &kFloat)});
        Trees::Pair numerator = t.node(
            ExprOp::Add, {t.node(ExprOp::Call, {x}, &kFloor), t.constant(Value::fromInt(1))});
        Trees::Pair tail = t.node(ExprOp::Div, {numerator, t.constant(Value::fromInt(1000))});
        Trees::Pair inner =
            t.slotted(ExprOp::Let, u, {t.node(ExprOp::Mul, {read(0), c(1.0)}), tail});
        Trees::Pair outer = t.slotted(ExprOp::Let, mean, {t.slotted(ExprOp::Field, 0), inner});
        Trees::Pair root = t.slotted(ExprOp::Scope, mean, {outer});
        root.fast->span = root.slow->span = 2;
        specializeEvaluation(t.fast);
        CAPTURE(withCall);
        const Expr* holder = withCall ? outer.fast : root.fast;
        REQUIRE(holder->floatProgram);
        for (const Expr& e : t.fast)
            if (&e != holder)
                CHECK((!e.floatProgram || !isRatProgram(*e.floatProgram)));
        const FloatProgram& p = *holder->floatProgram;
        CHECK(p.ops.back().code == FloatOpCode::FloorOverDecimal);
        for (const FloatOp& op : p.ops)
            CHECK(op.code != FloatOpCode::Store);

        std::mt19937_64 rng(1);
        Frame frame(rng);
        frame.locals[0] = Value::fromFloat(0.25);
        frame.self->fields[0] = Value::fromFloat(8.0);
        double d = (0.0 - std::log(0.25 * 1.0)) * 8.0 * 1000.0 + (withCall ? 1.0 : 0.0);
        Value expected = divide(Value::fromInt(int64_t(std::floor(d)) + 1), Value::fromInt(1000));
        frame.clearLets();
        Outcome generic = attempt([&] { return evalNode(root.slow, frame.ctx); });
        frame.clearLets();
        Outcome fast = attempt([&] { return root.fast->fn(root.fast, frame.ctx); });
        CHECK(generic.error.empty());
        CHECK(fast.error.empty());
        CHECK(generic.ticks == fast.ticks);
        CHECK(sameBits(generic.value, expected));
        CHECK(sameBits(fast.value, expected));
        for (int slot : {mean, u})
            CHECK(frame.locals[slot].isNull());

        // A field that is not a Float: the tree instead, and its error.
        frame.self->fields[0] = Value::fromInt(8);
        frame.clearLets();
        generic = attempt([&] { return evalNode(root.slow, frame.ctx); });
        frame.clearLets();
        fast = attempt([&] { return root.fast->fn(root.fast, frame.ctx); });
        CHECK(!generic.error.empty());
        CHECK(fast.error == generic.error);
        CHECK(generic.ticks == fast.ticks);
    }
}

TEST_CASE("horner_steps_agree_with_the_generic_evaluator") {
    // let x = v * s in c0 - x / k0 * (c1 - x / k1 * (... (cn - x / kn))),
    // the innermost term sometimes a log or a float(tick()) (an error of
    // another kind or an effect): a step is one HornerStep exactly when its
    // divisor is a non-zero constant and only quiet operations run between
    // its division and its subtraction, and every tree gives the generic
    // evaluator's value, error and effects.  (A zero divisor is divided by
    // in a register, testing it, so a step outside one is not fused.)
    const double kDivisors[] = {6.0, 20.0, 0.0, -0.0, 1e-300, -3.0, 110.0};
    const double kTerms[] = {1.0, -2.0, 1e300, 0.0, -0.0, 0.5};
    const double kValues[] = {0.75, -3.0, 1e200, 0.0, 2.5, -1e-200};
    std::mt19937_64 rng(99);
    auto pick = [&](size_t n) { return size_t(rng() % n); };
    int fusedTotal = 0;
    for (int c = 0; c < 3000; ++c) {
        Trees t;
        const int x = kFirstLet;
        auto constant = [&](double d) { return t.constant(Value::fromFloat(d)); };
        auto read = [&] { return t.slotted(ExprOp::Local, x); };
        int depth = 1 + int(pick(6));
        int innermost = int(pick(4)); // 0: a log, 1: a tick, else a plain term
        Trees::Pair inner =
            innermost == 0
                ? t.node(ExprOp::Call, {t.node(ExprOp::Mul, {read(), constant(1.0)})}, &kLog)
            : innermost == 1 ? t.node(ExprOp::Call, {t.node(ExprOp::Call, {}, &kTick)}, &kFloat)
                             : t.node(ExprOp::Sub, {constant(kTerms[pick(std::size(kTerms))]),
                                                    t.node(ExprOp::Div, {read(), constant(3.0)})});
        bool quiet = innermost >= 2;
        int expected = 0;
        for (int level = 0; level < depth; ++level) {
            double k = kDivisors[pick(std::size(kDivisors))];
            Trees::Pair term = t.node(ExprOp::Div, {read(), constant(k)});
            inner = t.node(ExprOp::Sub, {constant(kTerms[pick(std::size(kTerms))]),
                                         t.node(ExprOp::Mul, {term, inner})});
            expected += k != 0.0 && quiet;
            quiet = quiet && k != 0.0; // a zero divisor may raise DivisionByZeroException
        }
        Trees::Pair root =
            t.slotted(ExprOp::Let, x,
                      {t.node(ExprOp::Mul, {t.slotted(ExprOp::Local, 0), constant(1.0)}), inner});
        specializeEvaluation(t.fast);
        REQUIRE(root.fast->floatProgram);
        int fused = 0;
        for (const FloatOp& op : root.fast->floatProgram->ops)
            fused += op.code == FloatOpCode::HornerStep;
        CAPTURE(c);
        CHECK(fused == expected);
        fusedTotal += fused;
        Frame frame(rng);
        frame.locals[0] = Value::fromFloat(kValues[pick(std::size(kValues))]);
        frame.clearLets();
        Outcome generic = attempt([&] { return evalNode(root.slow, frame.ctx); });
        frame.clearLets();
        Outcome fast = attempt([&] { return root.fast->fn(root.fast, frame.ctx); });
        CHECK(generic.error == fast.error);
        CHECK(generic.ticks == fast.ticks);
        if (generic.error.empty() && fast.error.empty())
            CHECK(sameBits(generic.value, fast.value));
    }
    CHECK(fusedTotal > 1500);
}
