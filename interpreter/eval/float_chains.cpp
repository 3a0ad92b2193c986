#include "interpreter/eval/float_chains.h"

#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/float_program.h"
#include "interpreter/eval/random_draw.h"
#include "interpreter/eval/rounded_over_decimal.h"
#include "interpreter/number_builtins.h"
#include "interpreter/numbers.h"
#include "interpreter/program/function_info.h"
#include "interpreter/runtime/runtime.h"
#include "interpreter/small_rat.h"

#include <cmath>
#include <string>
#include <unordered_set>

namespace absim::interp {

namespace {

// Where an operand of a Float operator comes from: read in place, or a node
// with a floatFn of its own, or any other node (evaluated to a Value).
enum class Shape { Local, Const, Field, Float, Other };

// The operand as a double. When it is not a Float, false, with the value in
// `boxed` so the caller raises what the generic operator raises.
template <Shape S>
[[gnu::always_inline]] inline bool operand(const Expr* k, EvalContext& ctx, double& out,
                                           Value& boxed) {
    if constexpr (S == Shape::Float) {
        out = k->floatFn(k, ctx);
        return true;
    } else {
        const Value* v;
        if constexpr (S == Shape::Local)
            v = &ctx.locals[k->slot];
        else if constexpr (S == Shape::Const)
            v = &k->constant;
        else if constexpr (S == Shape::Field)
            v = &ctx.self->fields[k->slot];
        else {
            boxed = k->fn(k, ctx);
            v = &boxed;
        }
        if (v->isFloat()) [[likely]] {
            out = v->floatValue();
            return true;
        }
        if (v != &boxed)
            boxed = *v;
        return false;
    }
}

// The generic operator on boxed operands: it raises for a zero divisor or
// operands of other kinds; a Float result is passed on.
template <ExprOp Op> [[gnu::noinline]] double generic(const Value& a, const Value& b) {
    Value r;
    if constexpr (Op == ExprOp::Add)
        r = add(a, b);
    else if constexpr (Op == ExprOp::Sub)
        r = subtract(a, b);
    else if constexpr (Op == ExprOp::Mul)
        r = multiply(a, b);
    else
        r = divide(a, b);
    if (!r.isFloat())
        throwKindMismatch("a Float operation", a, b);
    return r.floatValue();
}

template <ExprOp Op> [[gnu::always_inline]] inline double apply(double a, double b) {
    if constexpr (Op == ExprOp::Add)
        return a + b;
    else if constexpr (Op == ExprOp::Sub)
        return a - b;
    else if constexpr (Op == ExprOp::Mul)
        return a * b;
    else
        return a / b;
}

// The general form, for an operand that is some other node (evaluated to a
// Value that may be anything).
template <ExprOp Op, Shape A, Shape B> double floatArithBoxed(const Expr* e, EvalContext& ctx) {
    double a, b;
    Value boxedA, boxedB;
    bool floatA = operand<A>(e->kids[0], ctx, a, boxedA);
    bool floatB = operand<B>(e->kids[1], ctx, b, boxedB);
    if (!floatA || !floatB) [[unlikely]]
        return generic<Op>(floatA ? Value::fromFloat(a) : boxedA,
                           floatB ? Value::fromFloat(b) : boxedB);
    if constexpr (Op == ExprOp::Div) {
        if (b == 0.0) [[unlikely]]
            return generic<Op>(Value::fromFloat(a), Value::fromFloat(b));
    }
    double r = apply<Op>(a, b);
    if (!std::isfinite(r)) [[unlikely]]
        detail::throwFloatOverflow();
    return r;
}

// Where a Local, Const or Field operand lives.
template <Shape S>
[[gnu::always_inline]] inline const Value* place(const Expr* k, EvalContext& ctx) {
    if constexpr (S == Shape::Local)
        return &ctx.locals[k->slot];
    else if constexpr (S == Shape::Const)
        return &k->constant;
    else
        return &ctx.self->fields[k->slot];
}

// An operand that is not a Float after all, or a zero divisor: the generic
// operator raises. Out of line, so that the usual path below keeps no
// Value temporaries (no stack frame, no destructors). The left operand of
// a Float node is evaluated again only when it is read in place (no
// effects); a Float node on the right is evaluated here for the first time
// when the left one was not a Float, as the generic evaluator would.
template <ExprOp Op, Shape A, Shape B>
[[gnu::noinline]] double leftNotFloat(const Expr* e, EvalContext& ctx) {
    Value a = *place<A>(e->kids[0], ctx);
    Value b;
    if constexpr (B == Shape::Float)
        b = Value::fromFloat(e->kids[1]->floatFn(e->kids[1], ctx));
    else
        b = *place<B>(e->kids[1], ctx);
    return generic<Op>(a, b);
}
template <ExprOp Op> [[gnu::noinline]] double rightNotFloat(double a, const Value* b) {
    return generic<Op>(Value::fromFloat(a), *b);
}
template <ExprOp Op> [[gnu::noinline]] double byZero(double a, double b) {
    return generic<Op>(Value::fromFloat(a), Value::fromFloat(b));
}

// Both operands read in place or computed as doubles: the usual chain link.
template <ExprOp Op, Shape A, Shape B> double floatArith(const Expr* e, EvalContext& ctx) {
    if constexpr (A == Shape::Other || B == Shape::Other) {
        return floatArithBoxed<Op, A, B>(e, ctx);
    } else {
        const Expr* const* kids = e->kids.data();
        double a, b;
        if constexpr (A == Shape::Float) {
            a = kids[0]->floatFn(kids[0], ctx);
        } else {
            const Value* v = place<A>(kids[0], ctx);
            if (!v->isFloat()) [[unlikely]]
                return leftNotFloat<Op, A, B>(e, ctx);
            a = v->floatValue();
        }
        if constexpr (B == Shape::Float) {
            b = kids[1]->floatFn(kids[1], ctx);
        } else {
            const Value* v = place<B>(kids[1], ctx);
            if (!v->isFloat()) [[unlikely]]
                return rightNotFloat<Op>(a, v);
            b = v->floatValue();
        }
        if constexpr (Op == ExprOp::Div) {
            if (b == 0.0) [[unlikely]]
                return byZero<Op>(a, b);
        }
        double r = apply<Op>(a, b);
        if (!std::isfinite(r)) [[unlikely]]
            detail::throwFloatOverflow();
        return r;
    }
}

template <Shape S> double floatNeg(const Expr* e, EvalContext& ctx) {
    double a;
    Value boxed;
    if (!operand<S>(e->kids[0], ctx, a, boxed)) [[unlikely]] {
        Value r = negate(boxed);
        if (!r.isFloat())
            throwKindMismatch("a Float operation", boxed);
        return r.floatValue();
    }
    return -a;
}

double floatOf(const Expr* e, EvalContext& ctx) {
    return e->floatFn(e, ctx);
}

double floatLeaf(const Expr* e, EvalContext& ctx) {
    Value boxed;
    double d;
    bool isFloat = e->op == ExprOp::Local ? operand<Shape::Local>(e, ctx, d, boxed)
                                          : operand<Shape::Const>(e, ctx, d, boxed);
    if (!isFloat) [[unlikely]]
        throwKindMismatch("a Float operation", boxed);
    return d;
}

double floatLet(const Expr* e, EvalContext& ctx) {
    ctx.locals[e->slot] = eval(e->kids[0], ctx);
    return floatOf(e->kids[1], ctx);
}

// A `let` that binds a Float chain's result: stored without the boxing
// node in between.
double floatLetOfFloat(const Expr* e, EvalContext& ctx) {
    ctx.locals[e->slot] = Value::fromFloat(e->kids[0]->floatFn(e->kids[0], ctx));
    return floatOf(e->kids[1], ctx);
}
Value evalLetOfFloat(const Expr* e, EvalContext& ctx) {
    ctx.locals[e->slot] = Value::fromFloat(e->kids[0]->floatFn(e->kids[0], ctx));
    return eval(e->kids[1], ctx);
}

double floatScope(const Expr* e, EvalContext& ctx) {
    double d = floatOf(e->kids[0], ctx);
    releaseSlots(e, ctx);
    return d;
}

// A scope whose variables can hold only Floats (or nothing): there is no
// heap value to let go of, so nothing to do at its end.
double floatScopeOfNumbers(const Expr* e, EvalContext& ctx) {
    return floatOf(e->kids[0], ctx);
}
Value evalScopeOfNumbers(const Expr* e, EvalContext& ctx) {
    return eval(e->kids[0], ctx);
}
bool testScopeOfNumbers(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx);
}

double floatWhen(const Expr* e, EvalContext& ctx) {
    return evalBool(e->kids[0], ctx) ? floatOf(e->kids[1], ctx) : floatOf(e->kids[2], ctx);
}

// A builtin that returns a Float, through its usual node function.
double floatOfValue(const Expr* e, EvalContext& ctx) {
    Value v = e->fn(e, ctx);
    if (!v.isFloat()) [[unlikely]]
        throwKindMismatch("a Float operation", v);
    return v.floatValue();
}

// Float builtins of a Float chain: the usual arguments are computed here;
// any other (which raises) goes to the builtin itself, so the errors are
// its own.
double floatLog(const Expr* e, EvalContext& ctx) {
    double d = e->kids[0]->floatFn(e->kids[0], ctx);
    if (d > 0.0) [[likely]]
        return std::log(d);
    return log(Value::fromFloat(d)).floatValue();
}
double floatSqrt(const Expr* e, EvalContext& ctx) {
    double d = e->kids[0]->floatFn(e->kids[0], ctx);
    if (d >= 0.0) [[likely]]
        return std::sqrt(d);
    return sqrt(Value::fromFloat(d)).floatValue();
}
double floatExp(const Expr* e, EvalContext& ctx) {
    double d = e->kids[0]->floatFn(e->kids[0], ctx);
    double r = std::exp(d);
    if (std::isfinite(r)) [[likely]]
        return r;
    return exp(Value::fromFloat(d)).floatValue();
}

// float() of a Float is the Float.
double floatOfFloat(const Expr* e, EvalContext& ctx) {
    return e->kids[0]->floatFn(e->kids[0], ctx);
}

// float() of an Int or Rat: an inline Int converts with one instruction
// (rounding to nearest, as toFloat does); the rest is toFloat's.
double floatOfNumber(const Expr* e, EvalContext& ctx) {
    Value tmp;
    const Value& v = evalInPlace(e->kids[0], ctx, tmp);
    if (v.isSmallInt()) [[likely]]
        return double(v.smallInt());
    return toFloat(v).floatValue();
}

// float(a / b) of two Ints: when a double holds both exactly, one IEEE
// division rounds the exact quotient correctly, which is what float() of
// the Rat a / b gives; the Rat and its gcd are skipped. Anything else
// (Rats, big or zero operands) goes the general way.
double floatOfQuotient(const Expr* e, EvalContext& ctx) {
    const Expr* quotient = e->kids[0];
    Value ta, tb;
    const Value& a = evalInPlace(quotient->kids[0], ctx, ta);
    const Value& b = evalInPlace(quotient->kids[1], ctx, tb);
    constexpr int64_t kExact = int64_t(1) << 53;
    if (a.isSmallInt() && b.isSmallInt()) {
        int64_t x = a.smallInt(), y = b.smallInt();
        if (x == 0 && y != 0)
            return 0.0; // the Rat 0 is +0.0, whatever y's sign
        if (y != 0 && x > -kExact && x < kExact && y > -kExact && y < kExact)
            return double(x) / double(y);
    }
    return toFloat(divide(a, b)).floatValue();
}

// The same with an inline Int constant divisor that a double holds (checked
// when the function is chosen): `float(random(n) / n)`.
double floatOfQuotientByConstant(const Expr* e, EvalContext& ctx) {
    const Expr* quotient = e->kids[0];
    Value a = eval(quotient->kids[0], ctx);
    const Value& b = quotient->kids[1]->constant;
    constexpr int64_t kExact = int64_t(1) << 53;
    if (a.isSmallInt()) [[likely]] {
        int64_t x = a.smallInt();
        if (x == 0)
            return 0.0;
        if (x > -kExact && x < kExact)
            return double(x) / double(b.smallInt());
    }
    return toFloat(divide(a, b)).floatValue();
}

// float((random(n) + k) / m), float((random(n) - k) / m) and
// float(random(n) / m) for Int constants that a double holds, checked when
// the function is chosen: n >= 1 (so the builtin cannot raise), and every
// numerator the draw can give below 2^53 in magnitude. The builtin's own
// draw (drawBelow, same generator call), then what
// floatOfQuotientByConstant does with the Int: no Value, no call through
// the builtin table, no generic sum.
template <ExprOp Offset> double floatOfDrawByConstant(const Expr* e, EvalContext& ctx) {
    const Expr* quotient = e->kids[0];
    const Expr* numerator = quotient->kids[0];
    const Expr* draw = Offset == ExprOp::Call ? numerator : numerator->kids[0];
    int64_t x = drawBelow(ctx.rt->rng(), draw->kids[0]->constant.smallInt());
    if constexpr (Offset == ExprOp::Add)
        x += numerator->kids[1]->constant.smallInt();
    else if constexpr (Offset == ExprOp::Sub)
        x -= numerator->kids[1]->constant.smallInt();
    if (x == 0)
        return 0.0;
    return double(x) / double(quotient->kids[1]->constant.smallInt());
}
bool exactNonZeroInt(const Expr* e) {
    constexpr int64_t kExact = int64_t(1) << 53;
    if (e->op != ExprOp::Const || !e->constant.isSmallInt())
        return false;
    int64_t y = e->constant.smallInt();
    return y != 0 && y > -kExact && y < kExact;
}

// float(floor(x)) and float(ceil(x)) of a Float x: the Int in between is
// exactly the rounded double (a double beyond 2^53 is integral already, and
// float() of a big Int rounds back to it exactly), except that the Int has
// no sign of zero: float(floor(-0.0)) and float(ceil(-0.5)) are 0.0, which
// adding +0.0 gives.
template <double (*Round)(double)> double floatOfRounded(const Expr* e, EvalContext& ctx) {
    const Expr* x = e->kids[0]->kids[0];
    return Round(x->floatFn(x, ctx)) + 0.0;
}

// floor(x) and ceil(x) of a Float x as an Int: inline when it fits, else
// the builtin's big Int.
constexpr double kTwo63 = 9223372036854775808.0;
template <double (*Round)(double), Value (*Builtin)(const Value&)>
Value evalRoundedFloat(const Expr* e, EvalContext& ctx) {
    double d = e->kids[0]->floatFn(e->kids[0], ctx);
    double r = Round(d);
    if (r >= -kTwo63 && r < kTwo63) [[likely]]
        return Value::fromInt(int64_t(r));
    return Builtin(Value::fromFloat(d));
}

// (floor(x) + k) / d, (floor(x) - k) / d and floor(x) / d (ceil alike) of
// a Float x: the Rat from the double (eval/rounded_over_decimal.h).
template <double (*Round)(double), ExprOp Offset>
Value evalRoundedOverDecimal(const Expr* e, EvalContext& ctx) {
    const Expr* numerator = e->kids[0];
    const Expr* rounded = Offset == ExprOp::Call ? numerator : numerator->kids[0];
    const Expr* x = rounded->kids[0];
    RoundedOverDecimal c;
    if constexpr (Offset == ExprOp::Add)
        c.offset = numerator->kids[1]->constant.smallInt();
    else if constexpr (Offset == ExprOp::Sub)
        c.offset = -numerator->kids[1]->constant.smallInt();
    c.denominator = uint64_t(e->kids[1]->constant.smallInt());
    return roundedOverDecimal<Round>(e, x->floatFn(x, ctx), c);
}

Value boxFloat(const Expr* e, EvalContext& ctx) {
    return Value::fromFloat(e->floatFn(e, ctx));
}

Shape shapeOf(const Expr* k, const std::unordered_set<const Expr*>& floats) {
    switch (k->op) {
    case ExprOp::Local:
        return Shape::Local;
    case ExprOp::Const:
        return Shape::Const;
    case ExprOp::Field:
        return Shape::Field;
    default:
        return floats.count(k) ? Shape::Float : Shape::Other;
    }
}

template <ExprOp Op, Shape A> FloatFn arithByRight(Shape b) {
    constexpr FloatFn fns[5] = {floatArith<Op, A, Shape::Local>, floatArith<Op, A, Shape::Const>,
                                floatArith<Op, A, Shape::Field>, floatArith<Op, A, Shape::Float>,
                                floatArith<Op, A, Shape::Other>};
    return fns[int(b)];
}
template <ExprOp Op> FloatFn arithFn(Shape a, Shape b) {
    switch (a) {
    case Shape::Local:
        return arithByRight<Op, Shape::Local>(b);
    case Shape::Const:
        return arithByRight<Op, Shape::Const>(b);
    case Shape::Field:
        return arithByRight<Op, Shape::Field>(b);
    case Shape::Float:
        return arithByRight<Op, Shape::Float>(b);
    default:
        return arithByRight<Op, Shape::Other>(b);
    }
}

bool returnsFloat(const FunctionInfo* f) {
    if (f->kind != FunctionInfo::Kind::Native)
        return false;
    return f->name == "ABS.StdLib.float" || f->name == "ABS.StdLib.sqrt" ||
           f->name == "ABS.StdLib.log" || f->name == "ABS.StdLib.exp";
}

bool isNative(const Expr* e, const char* name) {
    return e->op == ExprOp::Call && e->function->kind == FunctionInfo::Kind::Native &&
           e->kids.size() == 1 && e->function->name == name;
}

bool isSmallIntConstant(const Expr* e, int64_t below) {
    return e->op == ExprOp::Const && e->constant.isSmallInt() && e->constant.smallInt() > -below &&
           e->constant.smallInt() < below;
}

// |k| of the Int constants k of Rat tails (eval/rounded_over_decimal.h).
constexpr int64_t kMaxOffset = int64_t(1) << 62;

// The Int constant offset of `k + c` or `k - c` (Call for none) and the
// node k.
std::pair<ExprOp, const Expr*> offsetOf(const Expr* e, int64_t below) {
    if ((e->op == ExprOp::Add || e->op == ExprOp::Sub) && isSmallIntConstant(e->kids[1], below))
        return {e->op, e->kids[0]};
    return {ExprOp::Call, e};
}

// float((random(n) + k) / m) and its kin (floatOfDrawByConstant), or null.
FloatFn drawByConstantFn(const Expr* quotient) {
    constexpr int64_t kExact = int64_t(1) << 53;
    if (!exactNonZeroInt(quotient->kids[1]))
        return nullptr;
    auto [offset, draw] = offsetOf(quotient->kids[0], kExact);
    if (!isNative(draw, "ABS.StdLib.random") || !isSmallIntConstant(draw->kids[0], kExact))
        return nullptr;
    int64_t n = draw->kids[0]->constant.smallInt();
    int64_t k = offset == ExprOp::Call ? 0 : quotient->kids[0]->kids[1]->constant.smallInt();
    if (n < 1 || n - 1 + (k < 0 ? -k : k) >= kExact)
        return nullptr;
    switch (offset) {
    case ExprOp::Add:
        return floatOfDrawByConstant<ExprOp::Add>;
    case ExprOp::Sub:
        return floatOfDrawByConstant<ExprOp::Sub>;
    default:
        return floatOfDrawByConstant<ExprOp::Call>;
    }
}

// (floor(x) + k) / d and its kin (evalRoundedOverDecimal), or null.
template <double (*Round)(double)> EvalFn roundedOverDecimalFn(ExprOp offset) {
    switch (offset) {
    case ExprOp::Add:
        return evalRoundedOverDecimal<Round, ExprOp::Add>;
    case ExprOp::Sub:
        return evalRoundedOverDecimal<Round, ExprOp::Sub>;
    default:
        return evalRoundedOverDecimal<Round, ExprOp::Call>;
    }
}
EvalFn roundedOverDecimalFn(const Expr& e, const std::unordered_set<const Expr*>& floats) {
    if (e.op != ExprOp::Div || !isSmallIntConstant(e.kids[1], int64_t(1) << 62))
        return nullptr;
    int64_t d = e.kids[1]->constant.smallInt();
    if (d < 1 || uint64_t(d) > Value::kMaxSmallRatDenominator ||
        !smallrat::detail::decimalFactors(uint64_t(d)).decimal)
        return nullptr;
    auto [offset, rounded] = offsetOf(e.kids[0], kMaxOffset);
    if (rounded->op != ExprOp::Call || rounded->kids.size() != 1 || !floats.count(rounded->kids[0]))
        return nullptr;
    if (isNative(rounded, "ABS.StdLib.floor"))
        return roundedOverDecimalFn<roundDown>(offset);
    if (isNative(rounded, "ABS.StdLib.ceil"))
        return roundedOverDecimalFn<roundUp>(offset);
    return nullptr;
}

// Whether every variable the scope `s` covers is bound, within it, only to
// certain Floats (a variable not bound at all holds nothing either).
bool bindsOnlyFloats(const Expr* e, const Expr* s, const std::unordered_set<const Expr*>& floats);
bool patternBindsIn(const Pattern* p, const Expr* s,
                    const std::unordered_set<const Expr*>& floats) {
    if (!p)
        return false;
    if (p->op == PatternOp::Bind && p->slot >= s->slot && p->slot < s->slot + int32_t(s->span))
        return true;
    if (p->expr && !bindsOnlyFloats(p->expr, s, floats))
        return true;
    for (const Pattern* a : p->args)
        if (patternBindsIn(a, s, floats))
            return true;
    return false;
}
bool bindsOnlyFloats(const Expr* e, const Expr* s, const std::unordered_set<const Expr*>& floats) {
    if (e->op == ExprOp::Let && e->slot >= s->slot && e->slot < s->slot + int32_t(s->span) &&
        !floats.count(e->kids[0]))
        return false;
    for (const Expr* k : e->kids)
        if (!bindsOnlyFloats(k, s, floats))
            return false;
    for (const CaseBranchCode& b : e->branches)
        if (patternBindsIn(b.pattern, s, floats) || !bindsOnlyFloats(b.body, s, floats))
            return false;
    return true;
}

bool isArithmetic(ExprOp op) {
    return op == ExprOp::Add || op == ExprOp::Sub || op == ExprOp::Mul || op == ExprOp::Div;
}

// The variable a `let` binds is a Float wherever its body reads it (slots
// are never reused within a frame, and the body is in the let's frame).
void markReads(const Expr* e, int32_t slot, std::unordered_set<const Expr*>& floats) {
    if (e->op == ExprOp::Local && e->slot == slot) {
        floats.insert(e);
        return;
    }
    for (const Expr* k : e->kids)
        markReads(k, slot, floats);
    for (const CaseBranchCode& b : e->branches)
        markReads(b.body, slot, floats);
}

// The nodes that certainly yield a Float: grown until nothing changes.
std::unordered_set<const Expr*> certainFloats(std::deque<Expr>& exprs) {
    std::unordered_set<const Expr*> floats;
    std::unordered_set<const Expr*> letsDone;
    auto known = [&](const Expr* k) { return floats.count(k) > 0; };
    for (bool changed = true; changed;) {
        changed = false;
        for (const Expr& e : exprs) {
            if (e.op == ExprOp::Let && !letsDone.count(&e) && known(e.kids[0])) {
                letsDone.insert(&e);
                markReads(e.kids[1], e.slot, floats);
                changed = true;
            }
            if (known(&e))
                continue;
            bool isFloat = false;
            switch (e.op) {
            case ExprOp::Const:
                isFloat = e.constant.isFloat();
                break;
            case ExprOp::Neg:
                isFloat = known(e.kids[0]);
                break;
            case ExprOp::Add:
            case ExprOp::Sub:
            case ExprOp::Mul:
            case ExprOp::Div:
                isFloat = known(e.kids[0]) || known(e.kids[1]);
                break;
            case ExprOp::Call:
                isFloat = returnsFloat(e.function);
                break;
            case ExprOp::Let:
                isFloat = known(e.kids[1]);
                break;
            case ExprOp::When:
                isFloat = known(e.kids[1]) && known(e.kids[2]);
                break;
            case ExprOp::Scope:
                isFloat = known(e.kids[0]);
                break;
            default:
                break;
            }
            if (isFloat) {
                floats.insert(&e);
                changed = true;
            }
        }
    }
    return floats;
}

// A Float builtin's floatFn: computed in the chain where the argument is
// one of its links (or, for float(), an Int).
FloatFn nativeFloatFn(const Expr& e, const std::unordered_set<const Expr*>& floats) {
    if (e.kids.size() != 1)
        return floatOfValue;
    const Expr* arg = e.kids[0];
    bool floatArg = floats.count(arg) > 0;
    if (isNative(&e, "ABS.StdLib.log") && floatArg)
        return floatLog;
    if (isNative(&e, "ABS.StdLib.sqrt") && floatArg)
        return floatSqrt;
    if (isNative(&e, "ABS.StdLib.exp") && floatArg)
        return floatExp;
    if (!isNative(&e, "ABS.StdLib.float"))
        return floatOfValue;
    if (floatArg)
        return floatOfFloat;
    if (isNative(arg, "ABS.StdLib.floor") && floats.count(arg->kids[0]))
        return floatOfRounded<roundDown>;
    if (isNative(arg, "ABS.StdLib.ceil") && floats.count(arg->kids[0]))
        return floatOfRounded<roundUp>;
    if (arg->op == ExprOp::Div) {
        if (FloatFn draw = drawByConstantFn(arg))
            return draw;
        return exactNonZeroInt(arg->kids[1]) ? floatOfQuotientByConstant : floatOfQuotient;
    }
    return floatOfNumber;
}

// What a node whose floatFn was chosen above is to a compiled program:
// the links whose floatFn computes on doubles only (operands read in place
// or links of their own) are compiled; any other link is called.
FloatLink linkOf(const Expr& e, const std::unordered_set<const Expr*>& floats) {
    FloatFn f = e.floatFn;
    if (!f)
        return FloatLink::None;
    if (f == floatLeaf)
        return FloatLink::Leaf;
    if (isArithmetic(e.op) || e.op == ExprOp::Neg) {
        for (const Expr* k : e.kids)
            if (shapeOf(k, floats) == Shape::Other ||
                (k->op == ExprOp::Const && !k->constant.isFloat()))
                return FloatLink::Opaque;
        switch (e.op) {
        case ExprOp::Add:
            return FloatLink::Add;
        case ExprOp::Sub:
            return FloatLink::Sub;
        case ExprOp::Mul:
            return FloatLink::Mul;
        case ExprOp::Div:
            return FloatLink::Div;
        default:
            return FloatLink::Neg;
        }
    }
    if (f == floatLetOfFloat)
        return FloatLink::Let;
    if (f == floatScopeOfNumbers)
        return FloatLink::Scope;
    if (f == floatLog)
        return FloatLink::Log;
    if (f == floatSqrt)
        return FloatLink::Sqrt;
    if (f == floatExp)
        return FloatLink::Exp;
    if (f == floatOfFloat)
        return FloatLink::Same;
    if (f == floatOfRounded<roundDown>)
        return FloatLink::Floor;
    if (f == floatOfRounded<roundUp>)
        return FloatLink::Ceil;
    if (f == floatOfDrawByConstant<ExprOp::Add> || f == floatOfDrawByConstant<ExprOp::Sub> ||
        f == floatOfDrawByConstant<ExprOp::Call>)
        return FloatLink::Draw;
    return FloatLink::Opaque;
}

// What a node that yields no Float is to a Rat program: a rounded Float
// over a decimal as evalRoundedOverDecimal computes it, or a `let` or an
// inlined call around one (compileFloatPrograms keeps the chains that end
// in one).
RatTail tailOf(const Expr& e, const std::unordered_set<const Expr*>& floats) {
    switch (e.op) {
    case ExprOp::Div:
        if (e.fn == evalRoundedOverDecimal<roundDown, ExprOp::Add> ||
            e.fn == evalRoundedOverDecimal<roundDown, ExprOp::Sub> ||
            e.fn == evalRoundedOverDecimal<roundDown, ExprOp::Call>)
            return RatTail::FloorOverDecimal;
        if (e.fn == evalRoundedOverDecimal<roundUp, ExprOp::Add> ||
            e.fn == evalRoundedOverDecimal<roundUp, ExprOp::Sub> ||
            e.fn == evalRoundedOverDecimal<roundUp, ExprOp::Call>)
            return RatTail::CeilOverDecimal;
        return RatTail::None;
    case ExprOp::Let: {
        const Expr* bound = e.kids[0];
        bool inPlace = bound->op == ExprOp::Local || bound->op == ExprOp::Field;
        return !floats.count(&e) && (inPlace || floats.count(bound)) ? RatTail::Let : RatTail::None;
    }
    case ExprOp::Scope:
        if (floats.count(&e))
            return RatTail::None;
        return e.fn == evalScopeOfNumbers ? RatTail::NumberScope : RatTail::Scope;
    default:
        return RatTail::None;
    }
}

} // namespace

void specializeFloatChains(std::deque<Expr>& exprs) {
    std::unordered_set<const Expr*> floats = certainFloats(exprs);
    for (Expr& e : exprs) {
        e.floatFn = nullptr;
        if (e.op == ExprOp::Let && floats.count(e.kids[0]))
            e.fn = evalLetOfFloat;
        if (e.op == ExprOp::Scope && bindsOnlyFloats(e.kids[0], &e, floats)) {
            e.fn = evalScopeOfNumbers;
            e.test = testScopeOfNumbers;
        }
        if (isNative(&e, "ABS.StdLib.floor") && floats.count(e.kids[0]))
            e.fn = evalRoundedFloat<roundDown, floor>;
        if (isNative(&e, "ABS.StdLib.ceil") && floats.count(e.kids[0]))
            e.fn = evalRoundedFloat<roundUp, ceil>;
        if (EvalFn f = roundedOverDecimalFn(e, floats))
            e.fn = f;
        if (!floats.count(&e))
            continue;
        Shape a = e.kids.size() > 0 ? shapeOf(e.kids[0], floats) : Shape::Other;
        Shape b = e.kids.size() > 1 ? shapeOf(e.kids[1], floats) : Shape::Other;
        switch (e.op) {
        case ExprOp::Const:
        case ExprOp::Local:
            e.floatFn = floatLeaf;
            break;
        case ExprOp::Add:
            e.floatFn = arithFn<ExprOp::Add>(a, b);
            break;
        case ExprOp::Sub:
            e.floatFn = arithFn<ExprOp::Sub>(a, b);
            break;
        case ExprOp::Mul:
            e.floatFn = arithFn<ExprOp::Mul>(a, b);
            break;
        case ExprOp::Div:
            e.floatFn = arithFn<ExprOp::Div>(a, b);
            break;
        case ExprOp::Neg: {
            constexpr FloatFn negs[5] = {floatNeg<Shape::Local>, floatNeg<Shape::Const>,
                                         floatNeg<Shape::Field>, floatNeg<Shape::Float>,
                                         floatNeg<Shape::Other>};
            e.floatFn = negs[int(a)];
            break;
        }
        case ExprOp::Let:
            e.floatFn = floats.count(e.kids[0]) ? floatLetOfFloat : floatLet;
            break;
        case ExprOp::When:
            e.floatFn = floatWhen;
            break;
        case ExprOp::Scope:
            e.floatFn = e.fn == evalScopeOfNumbers ? floatScopeOfNumbers : floatScope;
            e.fn = boxFloat;
            break;
        case ExprOp::Call:
            e.floatFn = nativeFloatFn(e, floats);
            if (e.floatFn != floatOfValue)
                e.fn = boxFloat;
            break;
        default:
            e.floatFn = floatOfValue;
            break;
        }
        if (isArithmetic(e.op) || e.op == ExprOp::Neg)
            e.fn = boxFloat;
    }
    compileFloatPrograms(
        exprs, [&](const Expr& e) { return linkOf(e, floats); },
        [&](const Expr& e) { return tailOf(e, floats); });
}

Value roundedOverDecimalSlow(const Expr* e, double d) {
    auto [offset, rounded] = offsetOf(e->kids[0], kMaxOffset);
    Value n = isNative(rounded, "ABS.StdLib.floor") ? floor(Value::fromFloat(d))
                                                    : ceil(Value::fromFloat(d));
    if (offset == ExprOp::Add)
        n = add(n, e->kids[0]->kids[1]->constant);
    else if (offset == ExprOp::Sub)
        n = subtract(n, e->kids[0]->kids[1]->constant);
    return divide(n, e->kids[1]->constant);
}

RoundedOverDecimal roundedOverDecimalConstants(const Expr* e) {
    RoundedOverDecimal c;
    ExprOp offset = offsetOf(e->kids[0], kMaxOffset).first;
    if (offset != ExprOp::Call) {
        int64_t k = e->kids[0]->kids[1]->constant.smallInt();
        c.offset = offset == ExprOp::Add ? k : -k;
    }
    c.denominator = uint64_t(e->kids[1]->constant.smallInt());
    return c;
}

const Expr* roundedOverDecimalArgument(const Expr* e) {
    return offsetOf(e->kids[0], kMaxOffset).second->kids[0];
}

DrawByConstant drawByConstantOf(const Expr* e) {
    const Expr* quotient = e->kids[0];
    auto [offset, draw] = offsetOf(quotient->kids[0], int64_t(1) << 53);
    DrawByConstant c;
    c.below = draw->kids[0]->constant.smallInt();
    if (offset != ExprOp::Call) {
        int64_t k = quotient->kids[0]->kids[1]->constant.smallInt();
        c.offset = offset == ExprOp::Add ? k : -k;
    }
    c.divisor = quotient->kids[1]->constant.smallInt();
    return c;
}

} // namespace absim::interp
