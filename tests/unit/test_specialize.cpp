// The shape-specialised node functions (interpreter/eval/specialize.h) must
// compute what the generic evaluator computes, for every operator and every
// combination of operand shapes (local, constant, field, other node).

#include "interpreter/compare.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/specialize.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/object.h"
#include "tests/unit/run_fixture.h"

#include <doctest/doctest.h>

#include <bit>
#include <deque>
#include <random>
#include <string>
#include <vector>

using namespace absim::interp;

namespace {

enum class Where { Local, Const, Field, Other };

struct Fixture {
    std::deque<Expr> exprs;
    ClassInfo cls;
    Value locals[2];
    Object* self = nullptr;
    EvalContext ctx;

    Fixture() {
        cls.fieldNames = {"f0", "f1"};
        self = new Object(1, &cls, nullptr, 0, 0);
        ctx.locals = locals;
        ctx.self = self;
    }
    ~Fixture() { delete self; }

    // An operand node holding `v` in place `w` (slot `i`).
    const Expr* operand(Where w, const Value& v, int i) {
        Expr& e = exprs.emplace_back();
        switch (w) {
        case Where::Local:
            e.op = ExprOp::Local;
            e.slot = i;
            locals[i] = v;
            return &e;
        case Where::Const:
            e.op = ExprOp::Const;
            e.constant = v;
            return &e;
        case Where::Field:
            e.op = ExprOp::Field;
            e.slot = i;
            self->fields[i] = v;
            return &e;
        case Where::Other: {
            // `when True then v else v`: a node that must be evaluated.
            Expr& yes = exprs.emplace_back();
            yes.op = ExprOp::Const;
            yes.constant = Value::fromBool(true);
            const Expr* leaf = operand(Where::Const, v, i);
            e.op = ExprOp::When;
            e.kids = {&yes, leaf, leaf};
            return &e;
        }
        }
        return nullptr;
    }
};

const char* name(ExprOp op) {
    static const char* names[] = {"Eq",  "Ne",  "Lt",  "Le",  "Gt", "Ge",
                                  "Add", "Sub", "Mul", "Div", "Mod"};
    return names[int(op) - int(ExprOp::Eq)];
}

} // namespace

TEST_CASE("specialised_operators_agree_with_the_generic_evaluator") {
    const Value third = divide(Value::fromInt(1), Value::fromInt(3));
    struct Pair {
        Value a, b;
        bool arithmetic; // + - * / % apply
    };
    const Pair pairs[] = {
        {Value::fromInt(7), Value::fromInt(-3), true},
        {Value::fromFloat(2.5), Value::fromFloat(0.5), true},
        {Value::fromInt(2), third, true},
        {third, third, true},
        {Value::fromString("ab"), Value::fromString("b"), false},
        {Value::fromBool(true), Value::fromBool(false), false},
    };
    const Where places[] = {Where::Local, Where::Const, Where::Field, Where::Other};
    int checked = 0;
    for (int o = int(ExprOp::Eq); o <= int(ExprOp::Mod); ++o) {
        ExprOp op = ExprOp(o);
        bool isArith = op >= ExprOp::Add;
        for (const Pair& p : pairs) {
            if (isArith && !p.arithmetic)
                continue;
            for (Where wa : places) {
                for (Where wb : places) {
                    Fixture f;
                    const Expr* a = f.operand(wa, p.a, 0);
                    const Expr* b = f.operand(wb, p.b, 1);
                    Expr& node = f.exprs.emplace_back();
                    node.op = op;
                    node.kids = {a, b};
                    specializeEvaluation(f.exprs);
                    CAPTURE(name(op));
                    CAPTURE(int(wa));
                    CAPTURE(int(wb));
                    bool specialised = node.fn != &evalNode;
                    REQUIRE(specialised);
                    Value generic = evalNode(&node, f.ctx);
                    Value special = node.fn(&node, f.ctx);
                    CHECK(equals(generic, special));
                    if (!isArith)
                        CHECK(node.test(&node, f.ctx) == generic.isTrue());
                    ++checked;
                }
            }
        }
    }
    CHECK(checked == 6 * 6 * 16 + 5 * 4 * 16);
}

TEST_CASE("specialised_conditions_agree_with_the_generic_evaluator") {
    for (bool x : {false, true}) {
        for (bool y : {false, true}) {
            for (ExprOp op : {ExprOp::And, ExprOp::Or, ExprOp::Not, ExprOp::When}) {
                Fixture f;
                const Expr* a = f.operand(Where::Local, Value::fromBool(x), 0);
                const Expr* b = f.operand(Where::Field, Value::fromBool(y), 1);
                Expr& node = f.exprs.emplace_back();
                node.op = op;
                if (op == ExprOp::Not)
                    node.kids = {a};
                else if (op == ExprOp::When)
                    node.kids = {a, b, a};
                else
                    node.kids = {a, b};
                specializeEvaluation(f.exprs);
                Value generic = evalNode(&node, f.ctx);
                CHECK(equals(node.fn(&node, f.ctx), generic));
                CHECK(node.test(&node, f.ctx) == generic.isTrue());
                CHECK(a->test(a, f.ctx) == x);
                CHECK(b->test(b, f.ctx) == y);
            }
        }
    }
}

TEST_CASE("specialised_selectors_constructors_and_cases_agree_with_the_generic_evaluator") {
    FunctionInfo head;
    head.kind = FunctionInfo::Kind::Selector;
    head.arity = 1;
    head.selects = {{builtinConstructor(BuiltinConstructor::Cons), 0}};
    const Value list = Value::cons(Value::fromInt(41), Value::nil());
    const Where places[] = {Where::Local, Where::Const, Where::Field, Where::Other};
    for (Where w : places) {
        Fixture f;
        const Expr* l = f.operand(w, list, 0);
        Expr& select = f.exprs.emplace_back();
        select.op = ExprOp::Call;
        select.function = &head;
        select.kids = {l};
        Expr& just = f.exprs.emplace_back();
        just.op = ExprOp::Construct;
        just.constructor = builtinConstructor(BuiltinConstructor::Just);
        just.kids = {&select};
        Expr& neg = f.exprs.emplace_back();
        neg.op = ExprOp::Neg;
        neg.kids = {&select};
        // case l { Nil => 0; _ => -head(l) }
        Pattern nil;
        nil.op = PatternOp::Constructor;
        nil.constructor = builtinConstructor(BuiltinConstructor::Nil);
        Pattern any;
        const Expr* zero = f.operand(Where::Const, Value::fromInt(0), 1);
        Expr& kase = f.exprs.emplace_back();
        kase.op = ExprOp::Case;
        kase.kids = {l};
        kase.branches = {{&nil, zero}, {&any, &neg}};
        specializeEvaluation(f.exprs);
        CAPTURE(int(w));
        for (const Expr* e :
             {(const Expr*)&select, (const Expr*)&just, (const Expr*)&neg, (const Expr*)&kase}) {
            bool specialised = e->fn != &evalNode;
            CHECK(specialised);
            CHECK(equals(e->fn(e, f.ctx), evalNode(e, f.ctx)));
        }
        CHECK(equals(kase.fn(&kase, f.ctx), Value::fromInt(-41)));
    }
}

TEST_CASE("float_of_an_int_quotient_is_the_float_of_the_rat") {
    // float(a / b) of Ints skips the Rat when a double holds both; it must
    // print what float() of the Rat prints, also for a zero numerator,
    // operands a double does not hold and a zero divisor.
    auto r = absim::testing::runAbs(R"(
module M;
def Float viaRat(Rat q) = float(q);
{
    List<Int> tops = list[0, 1, -1, 7, -7, 1000001, 9007199254740991, 9007199254740992,
                          9007199254740993, 4611686018427387904, -4611686018427387904];
    List<Int> bottoms = list[1, -1, 3, -3, 1000000, 9007199254740993, 2305843009213693952];
    Int differ = 0;
    Int compared = 0;
    foreach (a in tops) {
        foreach (b in bottoms) {
            compared = compared + 1;
            if (toString(float(a / b)) != toString(viaRat(a / b))) {
                differ = differ + 1;
                println(toString(a) + "/" + toString(b));
            }
        }
    }
    println(toString(compared) + " compared, " + toString(differ) + " differ");
    Int zero = 0;
    Int one = 1;
    println(toString(float(zero / -5)) + " " + toString(float(one / 3)) + " " + toString(float(-2 / 3)));
    try { Float x = float(one / zero); println("not raised"); }
    catch { DivisionByZeroException => println("raised"); }
}
)");
    CHECK(r.err == "");
    CHECK(r.out == "77 compared, 0 differ\n0.0 0.3333333333333333 -0.6666666666666666\nraised\n");
}

TEST_CASE("float_chains_agree_with_the_generic_evaluator") {
    // An operator with a Float literal operand always yields a Float: it
    // gets an unboxed floatFn, whose results and errors must be the
    // generic evaluator's.
    const double lefts[] = {2.5, -0.75, 1e308};
    const double rights[] = {0.5, -3.0, 0.0, 10.0};
    int checked = 0;
    for (int o = int(ExprOp::Add); o <= int(ExprOp::Div); ++o) {
        for (double x : lefts) {
            for (double y : rights) {
                Fixture f;
                const Expr* a = f.operand(Where::Local, Value::fromFloat(x), 0);
                const Expr* b = f.operand(Where::Const, Value::fromFloat(y), 1);
                Expr& node = f.exprs.emplace_back();
                node.op = ExprOp(o);
                node.kids = {a, b};
                specializeEvaluation(f.exprs);
                CAPTURE(o);
                CAPTURE(x);
                CAPTURE(y);
                REQUIRE(bool(node.floatFn));
                std::string genericError, chainError;
                Value generic, chain;
                try {
                    generic = evalNode(&node, f.ctx);
                } catch (const std::exception& e) {
                    genericError = e.what();
                }
                try {
                    chain = Value::fromFloat(node.floatFn(&node, f.ctx));
                } catch (const std::exception& e) {
                    chainError = e.what();
                }
                CHECK(genericError == chainError);
                if (genericError.empty())
                    CHECK(equals(generic, chain));
                ++checked;
            }
        }
    }
    CHECK(checked == 4 * 3 * 4);
}

TEST_CASE("float_chains_in_a_model_keep_values_and_the_order_of_errors") {
    auto r = absim::testing::runAbs(R"(
module M;
def Float poly(Float x) = let Float x2 = x * x in x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0));
{
    Float x = 0.5;
    Float t = 3.0;
    println(toString(poly(x)));
    println(toString(-(t * 2.5) / 4.0 + 1.0 / 3.0));
    Float zero = 0.0;
    try { Float z = (t * 2.0) / zero; println("not raised"); }
    catch { DivisionByZeroException => println("division by zero"); }
    Float big = 1.0e308;
    try { Float z = (t / zero) + (big * 10.0); println("not raised"); }
    catch { DivisionByZeroException => println("division first"); }
    Float w = (big * 10.0) + (t / zero);
}
)");
    CHECK(r.out == "0.47942708333333334\n-1.5416666666666667\ndivision by zero\ndivision first\n");
    CHECK(r.err.find("Float arithmetic overflow") != std::string::npos);
}

TEST_CASE("int_constant_operators_agree_with_the_generic_evaluator") {
    // `n + 1`, `n - 1`, `n * 7` with n some other node: the inline Int sum,
    // difference or product, else the generic operator (overflow into big
    // Ints, a big Int or a Rat on the left, a left operand of another kind).
    const Value lefts[] = {Value::fromInt(7),
                           Value::fromInt(-7),
                           Value::fromInt(0),
                           Value::fromInt(INT64_MAX),
                           Value::fromInt(INT64_MIN),
                           Value::parseInt("1180591620717411303424"),
                           divide(Value::fromInt(1), Value::fromInt(3)),
                           Value::fromFloat(1.5)};
    const int64_t rights[] = {1, -1, 0, 2, 1000, INT64_MAX, INT64_MIN};
    int checked = 0;
    for (ExprOp op : {ExprOp::Add, ExprOp::Sub, ExprOp::Mul}) {
        for (const Value& x : lefts) {
            for (int64_t y : rights) {
                Fixture f;
                const Expr* a = f.operand(Where::Other, x, 0);
                const Expr* b = f.operand(Where::Const, Value::fromInt(y), 1);
                Expr& node = f.exprs.emplace_back();
                node.op = op;
                node.kids = {a, b};
                specializeEvaluation(f.exprs);
                CAPTURE(name(op));
                CAPTURE(toString(x));
                CAPTURE(y);
                std::string genericError, specialError;
                Value generic, special;
                try {
                    generic = evalNode(&node, f.ctx);
                } catch (const std::exception& e) {
                    genericError = e.what();
                }
                try {
                    special = node.fn(&node, f.ctx);
                } catch (const std::exception& e) {
                    specialError = e.what();
                }
                CHECK(genericError == specialError);
                CHECK(generic.kind() == special.kind());
                CHECK(generic.isSmallInt() == special.isSmallInt());
                if (genericError.empty())
                    CHECK(equals(generic, special));
                ++checked;
            }
        }
    }
    CHECK(checked == 3 * 8 * 7);
}

TEST_CASE("a fused accumulation a + b * (c - d) agrees with the generic evaluator") {
    // Exact numbers of every representation: inline Ints and Rats (over
    // divisors of 1000 and not), values near the overflow of the fused
    // numerator, big Ints and big Rats; and Floats on their own.
    std::vector<Value> exact = {
        Value::fromInt(0),
        Value::fromInt(1),
        Value::fromInt(-7),
        Value::fromInt(15),
        Value::fromInt(INT64_MAX / 1000),
        Value::fromInt(INT64_MAX / 3),
        Value::fromInt(INT64_MIN),
        divide(Value::fromInt(12345), Value::fromInt(1000)),
        divide(Value::fromInt(-7), Value::fromInt(8)),
        divide(Value::fromInt(1), Value::fromInt(1000)),
        divide(Value::fromInt(1), Value::fromInt(3)),
        divide(Value::fromInt(INT64_MAX / 2), Value::fromInt(125)),
        Value::parseInt("1000000000000000000000000000000"),
        divide(Value::parseInt("1000000000000000000000000000001"), Value::fromInt(1000)),
    };
    std::vector<Value> floats = {Value::fromFloat(2.5), Value::fromFloat(-0.0),
                                 Value::fromFloat(1e300), Value::fromFloat(-3.25)};
    std::mt19937_64 rng(1127);
    const Where places[] = {Where::Local, Where::Const, Where::Field};
    int fused = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::vector<Value>& pool = round % 10 == 9 ? floats : exact;
        Value v[4];
        for (Value& x : v)
            x = pool[rng() % pool.size()];
        // mostly the queue's own shape: an Int factor, times over 1000
        if (round % 3 != 0 && pool.size() == exact.size()) {
            v[1] = Value::fromInt(int64_t(rng() % 64) - 8);
            v[2] = divide(Value::fromInt(int64_t(rng() % 100000000)), Value::fromInt(1000));
        }
        ClassInfo cls;
        cls.fieldNames = {"f0", "f1", "f2", "f3"};
        Object self(1, &cls, nullptr, 0, 0);
        Value locals[4];
        EvalContext ctx;
        ctx.locals = locals;
        ctx.self = &self;
        std::deque<Expr> exprs;
        auto leafAt = [&](int i) {
            Expr& e = exprs.emplace_back();
            switch (places[rng() % 3]) {
            case Where::Local:
                e.op = ExprOp::Local;
                e.slot = i;
                locals[i] = v[i];
                break;
            case Where::Field:
                e.op = ExprOp::Field;
                e.slot = i;
                self.fields[i] = v[i];
                break;
            default:
                e.op = ExprOp::Const;
                e.constant = v[i];
            }
            return &e;
        };
        const Expr* a = leafAt(0);
        const Expr* b = leafAt(1);
        const Expr* c = leafAt(2);
        const Expr* d = leafAt(3);
        Expr& sub = exprs.emplace_back();
        sub.op = ExprOp::Sub;
        sub.kids = {c, d};
        Expr& mul = exprs.emplace_back();
        mul.op = ExprOp::Mul;
        mul.kids = {b, &sub};
        Expr& add = exprs.emplace_back();
        add.op = ExprOp::Add;
        add.kids = {a, &mul};
        specializeEvaluation(exprs);
        // (Float constants only are compiled as a Float chain instead.)
        if (&pool == &exact)
            REQUIRE(isFusedAccumulation(add));
        CAPTURE(toString(v[0]));
        CAPTURE(toString(v[1]));
        CAPTURE(toString(v[2]));
        CAPTURE(toString(v[3]));
        // A Float result out of range raises, the same error both ways.
        auto run = [&](auto&& evaluate, std::string& error) {
            try {
                return evaluate();
            } catch (const std::exception& x) {
                error = x.what();
                return Value();
            }
        };
        std::string genericError, specialError;
        Value generic = run([&] { return evalNode(&add, ctx); }, genericError);
        Value special = run([&] { return add.fn(&add, ctx); }, specialError);
        REQUIRE(specialError == genericError);
        REQUIRE(special.kind() == generic.kind());
        if (generic.isFloat())
            REQUIRE(std::bit_cast<uint64_t>(special.floatValue()) ==
                    std::bit_cast<uint64_t>(generic.floatValue()));
        else
            REQUIRE(equals(special, generic));
        REQUIRE(special.isSmallExact() == generic.isSmallExact());
        fused += special.isSmallExact();
    }
    CHECK(fused > 5000);
}

TEST_CASE("only a + b * (c - d) over leaves is fused") {
    Fixture f;
    const Expr* x = f.operand(Where::Local, Value::fromInt(2), 0);
    const Expr* y = f.operand(Where::Other, Value::fromInt(3), 1);
    auto tree = [&](const Expr* a, const Expr* b, const Expr* c, ExprOp inner) {
        Expr& sub = f.exprs.emplace_back();
        sub.op = inner;
        sub.kids = {c, x};
        Expr& mul = f.exprs.emplace_back();
        mul.op = ExprOp::Mul;
        mul.kids = {b, &sub};
        Expr& add = f.exprs.emplace_back();
        add.op = ExprOp::Add;
        add.kids = {a, &mul};
        return &add;
    };
    Expr* all = tree(x, x, x, ExprOp::Sub);
    Expr* otherA = tree(y, x, x, ExprOp::Sub);
    Expr* otherB = tree(x, y, x, ExprOp::Sub);
    Expr* otherC = tree(x, x, y, ExprOp::Sub);
    Expr* sum = tree(x, x, x, ExprOp::Add);
    specializeEvaluation(f.exprs);
    CHECK(isFusedAccumulation(*all));
    CHECK_FALSE(isFusedAccumulation(*otherA));
    CHECK_FALSE(isFusedAccumulation(*otherB));
    CHECK_FALSE(isFusedAccumulation(*otherC));
    CHECK_FALSE(isFusedAccumulation(*sum));
    CHECK(equals(all->fn(all, f.ctx), Value::fromInt(2)));
}
