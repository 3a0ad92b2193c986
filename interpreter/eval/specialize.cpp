#include "interpreter/eval/specialize.h"

#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/float_chains.h"
#include "interpreter/list_spine.h"
#include "interpreter/numbers.h"
#include "interpreter/small_rat.h"
#include "interpreter/strings.h"
#include "interpreter/thousandths.h"

namespace absim::interp {

namespace {

// Where an operand comes from, known when the node's function is chosen.
enum class Shape { Local, Const, Field, Other };

Shape shapeOf(const Expr* e) {
    switch (e->op) {
    case ExprOp::Local:
        return Shape::Local;
    case ExprOp::Const:
        return Shape::Const;
    case ExprOp::Field:
        return Shape::Field;
    default:
        return Shape::Other;
    }
}

// The operand by reference where it already lives; only an `Other` operand
// is evaluated into `tmp`.
template <Shape S> inline const Value& operand(const Expr* e, EvalContext& ctx, Value& tmp) {
    if constexpr (S == Shape::Local) {
        return ctx.locals[e->slot];
    } else if constexpr (S == Shape::Const) {
        return e->constant;
    } else if constexpr (S == Shape::Field) {
        return ctx.self->fields[e->slot];
    } else {
        tmp = e->fn(e, ctx);
        return tmp;
    }
}

template <ExprOp Op> [[gnu::always_inline]] inline Value arith(const Value& a, const Value& b) {
    if constexpr (Op == ExprOp::Add) {
        if (a.isString())
            return concat(a, b);
        return inlined::add(a, b);
    } else if constexpr (Op == ExprOp::Sub) {
        return inlined::subtract(a, b);
    } else if constexpr (Op == ExprOp::Mul) {
        return inlined::multiply(a, b);
    } else if constexpr (Op == ExprOp::Div) {
        return inlined::divide(a, b);
    } else {
        return remainder(a, b);
    }
}

// compare(), with inline Rats (times: `t > last`, `t - a > timeout`)
// compared here rather than behind a call.
[[gnu::always_inline]] inline int order(const Value& a, const Value& b) {
    if (!a.isSmallInt() || !b.isSmallInt()) {
        if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
            return smallrat::compare(a, b);
        }
    }
    return compare(a, b);
}

template <ExprOp Op> [[gnu::always_inline]] inline bool relation(const Value& a, const Value& b) {
    if constexpr (Op == ExprOp::Eq) {
        return equals(a, b);
    } else if constexpr (Op == ExprOp::Ne) {
        return !equals(a, b);
    } else if constexpr (Op == ExprOp::Lt) {
        return order(a, b) < 0;
    } else if constexpr (Op == ExprOp::Le) {
        return order(a, b) <= 0;
    } else if constexpr (Op == ExprOp::Gt) {
        return order(a, b) > 0;
    } else {
        return order(a, b) >= 0;
    }
}

// An operand that lives somewhere (not `Other`), by reference.
template <Shape S> inline const Value& stored(const Expr* e, EvalContext& ctx) {
    static_assert(S != Shape::Other);
    if constexpr (S == Shape::Local) {
        return ctx.locals[e->slot];
    } else if constexpr (S == Shape::Const) {
        return e->constant;
    } else {
        return ctx.self->fields[e->slot];
    }
}

// Calls Apply::apply(a, b) on the two operands of a binary node. An `Other`
// operand is evaluated straight into its own Value rather than assigned
// into a null temporary (operand()): no move-assignment and one destructor
// less per evaluated operand, on every `busyArea + busy * (t - last)`. The
// left operand is evaluated first, as always.
// Apply::apply is a static function rather than a lambda: GCC does not
// take always_inline on a lambda, and with the inline Rat paths of
// numbers.h the operator no longer looks small enough to inline by itself.
template <Shape A, Shape B, typename Apply>
[[gnu::always_inline]] inline auto withOperands(const Expr* e, EvalContext& ctx) {
    const Expr* l = e->kids[0];
    const Expr* r = e->kids[1];
    if constexpr (A == Shape::Other) {
        Value a = l->fn(l, ctx);
        if constexpr (B == Shape::Other) {
            Value b = r->fn(r, ctx);
            return Apply::apply(a, b);
        } else {
            return Apply::apply(a, stored<B>(r, ctx));
        }
    } else if constexpr (B == Shape::Other) {
        const Value& a = stored<A>(l, ctx);
        Value b = r->fn(r, ctx);
        return Apply::apply(a, b);
    } else {
        return Apply::apply(stored<A>(l, ctx), stored<B>(r, ctx));
    }
}

template <ExprOp Op> struct Arith {
    [[gnu::always_inline]] static Value apply(const Value& a, const Value& b) {
        return arith<Op>(a, b);
    }
};
template <ExprOp Op> struct Relation {
    [[gnu::always_inline]] static bool apply(const Value& a, const Value& b) {
        return relation<Op>(a, b);
    }
};

template <ExprOp Op, Shape A, Shape B> Value evalArith(const Expr* e, EvalContext& ctx) {
    return withOperands<A, B, Arith<Op>>(e, ctx);
}

// `n + 1`, `k * 7` with n some other node: an Int constant on the right
// (known when the function is chosen) and an inline Int on the left need
// one overflow-checked instruction; the rest is the generic operator's.
template <ExprOp Op> Value evalIntConstArith(const Expr* e, EvalContext& ctx) {
    const Expr* left = e->kids[0];
    Value a = left->fn(left, ctx);
    if (a.isSmallInt()) [[likely]] {
        int64_t x = a.smallInt(), y = e->kids[1]->constant.smallInt(), r;
        bool overflow;
        if constexpr (Op == ExprOp::Add)
            overflow = __builtin_add_overflow(x, y, &r);
        else if constexpr (Op == ExprOp::Sub)
            overflow = __builtin_sub_overflow(x, y, &r);
        else
            overflow = __builtin_mul_overflow(x, y, &r);
        if (!overflow) [[likely]]
            return Value::fromInt(r);
    }
    return arith<Op>(a, e->kids[1]->constant);
}

template <ExprOp Op, Shape A, Shape B> bool testRelation(const Expr* e, EvalContext& ctx) {
    return withOperands<A, B, Relation<Op>>(e, ctx);
}

template <ExprOp Op, Shape A, Shape B> Value evalRelation(const Expr* e, EvalContext& ctx) {
    return Value::fromBool(testRelation<Op, A, B>(e, ctx));
}

// Function tables by operand shapes, [A][B].
template <ExprOp Op, Shape A> struct ByRight {
    static constexpr EvalFn arith[4] = {
        evalArith<Op, A, Shape::Local>, evalArith<Op, A, Shape::Const>,
        evalArith<Op, A, Shape::Field>, evalArith<Op, A, Shape::Other>};
    static constexpr EvalFn relEval[4] = {
        evalRelation<Op, A, Shape::Local>, evalRelation<Op, A, Shape::Const>,
        evalRelation<Op, A, Shape::Field>, evalRelation<Op, A, Shape::Other>};
    static constexpr TestFn relTest[4] = {
        testRelation<Op, A, Shape::Local>, testRelation<Op, A, Shape::Const>,
        testRelation<Op, A, Shape::Field>, testRelation<Op, A, Shape::Other>};
};

template <ExprOp Op> EvalFn arithFn(Shape a, Shape b) {
    switch (a) {
    case Shape::Local:
        return ByRight<Op, Shape::Local>::arith[int(b)];
    case Shape::Const:
        return ByRight<Op, Shape::Const>::arith[int(b)];
    case Shape::Field:
        return ByRight<Op, Shape::Field>::arith[int(b)];
    default:
        return ByRight<Op, Shape::Other>::arith[int(b)];
    }
}

template <ExprOp Op> void chooseRelation(Expr& e, Shape a, Shape b) {
    switch (a) {
    case Shape::Local:
        e.fn = ByRight<Op, Shape::Local>::relEval[int(b)];
        e.test = ByRight<Op, Shape::Local>::relTest[int(b)];
        break;
    case Shape::Const:
        e.fn = ByRight<Op, Shape::Const>::relEval[int(b)];
        e.test = ByRight<Op, Shape::Const>::relTest[int(b)];
        break;
    case Shape::Field:
        e.fn = ByRight<Op, Shape::Field>::relEval[int(b)];
        e.test = ByRight<Op, Shape::Field>::relTest[int(b)];
        break;
    default:
        e.fn = ByRight<Op, Shape::Other>::relEval[int(b)];
        e.test = ByRight<Op, Shape::Other>::relTest[int(b)];
        break;
    }
}

bool testLocal(const Expr* e, EvalContext& ctx) {
    return ctx.locals[e->slot].isTrue();
}
bool testField(const Expr* e, EvalContext& ctx) {
    return ctx.self->fields[e->slot].isTrue();
}

bool testNot(const Expr* e, EvalContext& ctx) {
    return !evalBool(e->kids[0], ctx);
}
bool testAnd(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx) && evalBool(e->kids[1], ctx);
}
bool testOr(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx) || evalBool(e->kids[1], ctx);
}
template <TestFn T> Value evalFromTest(const Expr* e, EvalContext& ctx) {
    return Value::fromBool(T(e, ctx));
}

Value evalWhen(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx) ? eval(e->kids[1], ctx) : eval(e->kids[2], ctx);
}
bool testWhen(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx) ? evalBool(e->kids[1], ctx) : evalBool(e->kids[2], ctx);
}

Value evalCall(const Expr* e, EvalContext& ctx) {
    return callWithArgs(e->function, e->kids.data(), ctx);
}

// A native builtin of up to two arguments (currentms, float, floor, ...).
Value evalNative0(const Expr* e, EvalContext& ctx) {
    return e->function->native(ctx, nullptr);
}
Value evalNative1(const Expr* e, EvalContext& ctx) {
    Value arg = eval(e->kids[0], ctx);
    return e->function->native(ctx, &arg);
}
Value evalNative2(const Expr* e, EvalContext& ctx) {
    Value args[2] = {eval(e->kids[0], ctx), eval(e->kids[1], ctx)};
    return e->function->native(ctx, args);
}

// A selector function (head, fst, ...): the named argument of the value,
// read where the value lives when it is a local or a field.
template <Shape S> Value evalSelector(const Expr* e, EvalContext& ctx) {
    Value tmp;
    const Value& v = operand<S>(e->kids[0], ctx, tmp);
    if (v.isData() && v.arity() > 0) {
        const ConstructorInfo* c = v.constructor();
        for (const auto& [ctor, index] : e->function->selects)
            if (ctor == c) {
                noteSelected(c, index);
                return v.arg(index);
            }
    }
    throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
}

Value evalConstruct1(const Expr* e, EvalContext& ctx) {
    return Value::make(e->constructor, eval(e->kids[0], ctx));
}

Value evalNeg(const Expr* e, EvalContext& ctx) {
    return negate(eval(e->kids[0], ctx));
}

// `case` in a position where its value is used (in tail position the
// function-call loop handles it).
Value evalCase(const Expr* e, EvalContext& ctx) {
    Value v = eval(e->kids[0], ctx);
    for (const CaseBranchCode& b : e->branches)
        if (match(b.pattern, v, ctx))
            return eval(b.body, ctx);
    throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
}

Value evalLet(const Expr* e, EvalContext& ctx) {
    ctx.locals[e->slot] = eval(e->kids[0], ctx);
    return eval(e->kids[1], ctx);
}

Value evalScope(const Expr* e, EvalContext& ctx) {
    Value v = eval(e->kids[0], ctx);
    releaseSlots(e, ctx);
    return v;
}
bool testScope(const Expr* e, EvalContext& ctx) {
    bool b = evalBool(e->kids[0], ctx);
    releaseSlots(e, ctx);
    return b;
}

Value evalPair(const Expr* e, EvalContext& ctx) {
    Value a = eval(e->kids[0], ctx);
    Value b = eval(e->kids[1], ctx);
    return Value::make(e->constructor, std::move(a), std::move(b));
}

// Some other node on the left, an inline Int constant on the right.
bool intConstant(const Expr& e, Shape a, Shape b) {
    return a == Shape::Other && b == Shape::Const && e.kids[1]->constant.isSmallInt();
}

// A local, constant or field where it lives.
[[gnu::always_inline]] inline const Value& leaf(const Expr* e, EvalContext& ctx) {
    if (e->op == ExprOp::Local)
        return ctx.locals[e->slot];
    if (e->op == ExprOp::Field)
        return ctx.self->fields[e->slot];
    return e->constant;
}

bool isLeaf(const Expr* e) {
    return shapeOf(e) != Shape::Other;
}

// `a + b * (c - d)` over four locals, constants or fields: how a model
// accumulates an area (`busyArea + busy * (t - last)`, the autoscale
// queue's `advance()`, twice per job). With an Int `b` and the rest over
// divisors of 1000 it is one numerator over 1000, brought to lowest terms
// once instead of after each of the three operations: the same number, so
// the same Value. Anything else (other kinds, other denominators,
// overflow) applies the three operators one by one, in the order the
// separate nodes do: reading leaves has no effect, and the only error
// (a Float result out of range) is raised by the same operation.
Value evalAccumulation(const Expr* e, EvalContext& ctx) {
    const Expr* product = e->kids[1];
    const Expr* difference = product->kids[1];
    const Value& a = leaf(e->kids[0], ctx);
    const Value& b = leaf(product->kids[0], ctx);
    const Value& c = leaf(difference->kids[0], ctx);
    const Value& d = leaf(difference->kids[1], ctx);
    int64_t diff, scaledA, prod, t;
    if (b.isSmallInt() && a.isSmallExact() && thousandths::sum<true>(c, d, diff)) {
        uint64_t s = thousandths::scaleOf(a.smallDenominator());
        if (s != 0 && !__builtin_mul_overflow(b.smallInt(), diff, &prod) &&
            !__builtin_mul_overflow(a.smallNumerator(), int64_t(s), &scaledA) &&
            !__builtin_add_overflow(scaledA, prod, &t))
            return thousandths::fromThousandths(t);
    }
    return arith<ExprOp::Add>(a, arith<ExprOp::Mul>(b, arith<ExprOp::Sub>(c, d)));
}

bool isAccumulation(const Expr& e) {
    if (e.op != ExprOp::Add || e.kids.size() != 2 || !isLeaf(e.kids[0]))
        return false;
    const Expr* m = e.kids[1];
    if (m->op != ExprOp::Mul || m->kids.size() != 2 || !isLeaf(m->kids[0]))
        return false;
    const Expr* s = m->kids[1];
    return s->op == ExprOp::Sub && s->kids.size() == 2 && isLeaf(s->kids[0]) && isLeaf(s->kids[1]);
}

} // namespace

void specializeEvaluation(std::deque<Expr>& exprs) {
    for (Expr& e : exprs) {
        e.fn = evalNode;
        e.test = testNode;
        size_t n = e.kids.size();
        Shape a = n > 0 ? shapeOf(e.kids[0]) : Shape::Other;
        Shape b = n > 1 ? shapeOf(e.kids[1]) : Shape::Other;
        switch (e.op) {
        case ExprOp::Local:
            e.test = testLocal;
            break;
        case ExprOp::Field:
            e.test = testField;
            break;
        case ExprOp::Add:
            e.fn =
                intConstant(e, a, b) ? evalIntConstArith<ExprOp::Add> : arithFn<ExprOp::Add>(a, b);
            if (isAccumulation(e))
                e.fn = evalAccumulation;
            break;
        case ExprOp::Sub:
            e.fn =
                intConstant(e, a, b) ? evalIntConstArith<ExprOp::Sub> : arithFn<ExprOp::Sub>(a, b);
            break;
        case ExprOp::Mul:
            e.fn =
                intConstant(e, a, b) ? evalIntConstArith<ExprOp::Mul> : arithFn<ExprOp::Mul>(a, b);
            break;
        case ExprOp::Div:
            e.fn = arithFn<ExprOp::Div>(a, b);
            break;
        case ExprOp::Mod:
            e.fn = arithFn<ExprOp::Mod>(a, b);
            break;
        case ExprOp::Eq:
            chooseRelation<ExprOp::Eq>(e, a, b);
            break;
        case ExprOp::Ne:
            chooseRelation<ExprOp::Ne>(e, a, b);
            break;
        case ExprOp::Lt:
            chooseRelation<ExprOp::Lt>(e, a, b);
            break;
        case ExprOp::Le:
            chooseRelation<ExprOp::Le>(e, a, b);
            break;
        case ExprOp::Gt:
            chooseRelation<ExprOp::Gt>(e, a, b);
            break;
        case ExprOp::Ge:
            chooseRelation<ExprOp::Ge>(e, a, b);
            break;
        case ExprOp::Not:
            e.test = testNot;
            e.fn = evalFromTest<testNot>;
            break;
        case ExprOp::And:
            e.test = testAnd;
            e.fn = evalFromTest<testAnd>;
            break;
        case ExprOp::Or:
            e.test = testOr;
            e.fn = evalFromTest<testOr>;
            break;
        case ExprOp::When:
            e.fn = evalWhen;
            e.test = testWhen;
            break;
        case ExprOp::Call:
            e.fn = evalCall;
            if (e.function->kind == FunctionInfo::Kind::Selector && n == 1) {
                constexpr EvalFn selectors[4] = {
                    evalSelector<Shape::Local>, evalSelector<Shape::Const>,
                    evalSelector<Shape::Field>, evalSelector<Shape::Other>};
                e.fn = selectors[int(a)];
            }
            if (e.function->kind == FunctionInfo::Kind::Native && e.function->native) {
                if (n == 0)
                    e.fn = evalNative0;
                else if (n == 1)
                    e.fn = evalNative1; // float(), floor() and friends: see float_chains.h
                else if (n == 2)
                    e.fn = evalNative2;
            }
            break;
        case ExprOp::Let:
            e.fn = evalLet;
            break;
        case ExprOp::Construct:
            if (n == 1)
                e.fn = evalConstruct1;
            else if (n == 2)
                e.fn = evalPair;
            break;
        case ExprOp::Neg:
            e.fn = evalNeg;
            break;
        case ExprOp::Case:
            e.fn = evalCase;
            break;
        case ExprOp::Scope:
            e.fn = evalScope;
            e.test = testScope;
            break;
        default:
            break;
        }
    }
    specializeFloatChains(exprs);
}

bool isFusedAccumulation(const Expr& e) {
    return e.fn == evalAccumulation;
}

} // namespace absim::interp
