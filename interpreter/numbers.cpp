#include "interpreter/numbers.h"

#include "interpreter/errors.h"
#include "interpreter/gmp_operands.h"
#include "interpreter/small_rat.h"
#include "interpreter/strings.h"

#include <gmp.h>

#include <cmath>

namespace absim::interp {

namespace {

// Which arithmetic two operands meet in.
enum class Domain { Int, Rat, Float, Other };

Domain domainOf(const Value& a, const Value& b) {
    if (a.isInt() && b.isInt()) {
        return Domain::Int;
    }
    if (a.isExactNumber() && b.isExactNumber()) {
        return Domain::Rat;
    }
    if (a.isFloat() && b.isFloat()) {
        return Domain::Float;
    }
    return Domain::Other;
}

using MpzOp = void (*)(mpz_ptr, mpz_srcptr, mpz_srcptr);
using MpqOp = void (*)(mpq_ptr, mpq_srcptr, mpq_srcptr);

Value exactOp(const Value& a, const Value& b, MpzOp intOp, MpqOp ratOp) {
    if (a.isInt() && b.isInt()) {
        detail::BigIntOperand x(a), y(b);
        BigInt r;
        intOp(r.backend().data(), x.raw(), y.raw());
        return Value::fromBigInt(std::move(r));
    }
    detail::RationalOperand x(a), y(b);
    Rational r;
    ratOp(r.backend().data(), x.raw(), y.raw());
    return Value::fromRational(std::move(r));
}

// a - b * truncate(a / b), for any exact a and non-zero b.
Value exactRemainder(const Value& a, const Value& b) {
    if (a.isSmallExact() && b.isSmallExact()) {
        return smallrat::remainder(a, b);
    }
    if (a.isInt() && b.isInt()) {
        detail::BigIntOperand x(a), y(b);
        BigInt r;
        mpz_tdiv_r(r.backend().data(), x.raw(), y.raw());
        return Value::fromBigInt(std::move(r));
    }
    detail::RationalOperand x(a), y(b);
    Rational quotient;
    mpq_div(quotient.backend().data(), x.raw(), y.raw());
    mpq_ptr q = quotient.backend().data();
    mpz_tdiv_q(mpq_numref(q), mpq_numref(q), mpq_denref(q));
    mpz_set_ui(mpq_denref(q), 1);
    Rational r;
    mpq_mul(r.backend().data(), y.raw(), q);
    mpq_sub(r.backend().data(), x.raw(), r.backend().data());
    return Value::fromRational(std::move(r));
}

// The operands of + - * / that are not both small exact numbers: kept out of
// the *Slow functions so that their inline-number path stays short.
[[gnu::noinline]] Value addOther(const Value& a, const Value& b) {
    switch (domainOf(a, b)) {
    case Domain::Int:
    case Domain::Rat:
        return exactOp(a, b, mpz_add, mpq_add);
    case Domain::Float:
        return detail::floatResult(a.floatValue() + b.floatValue());
    case Domain::Other:
        break;
    }
    if (a.isString() && b.isString()) {
        return concat(a, b);
    }
    throwKindMismatch("+", a, b);
}

[[gnu::noinline]] Value subtractOther(const Value& a, const Value& b) {
    switch (domainOf(a, b)) {
    case Domain::Int:
    case Domain::Rat:
        return exactOp(a, b, mpz_sub, mpq_sub);
    case Domain::Float:
        return detail::floatResult(a.floatValue() - b.floatValue());
    case Domain::Other:
        break;
    }
    throwKindMismatch("-", a, b);
}

[[gnu::noinline]] Value multiplyOther(const Value& a, const Value& b) {
    switch (domainOf(a, b)) {
    case Domain::Int:
    case Domain::Rat:
        return exactOp(a, b, mpz_mul, mpq_mul);
    case Domain::Float:
        return detail::floatResult(a.floatValue() * b.floatValue());
    case Domain::Other:
        break;
    }
    throwKindMismatch("*", a, b);
}

[[gnu::noinline]] Value divideOther(const Value& a, const Value& b) {
    switch (domainOf(a, b)) {
    case Domain::Int:
    case Domain::Rat: {
        if (isZero(b)) {
            throwDivisionByZero();
        }
        detail::RationalOperand x(a), y(b);
        Rational r;
        mpq_div(r.backend().data(), x.raw(), y.raw());
        return Value::fromRational(std::move(r));
    }
    case Domain::Float:
        if (b.floatValue() == 0.0) {
            throwDivisionByZero();
        }
        return detail::floatResult(a.floatValue() / b.floatValue());
    case Domain::Other:
        break;
    }
    throwKindMismatch("/", a, b);
}

} // namespace

void detail::throwFloatOverflow() {
    throwRuntimeError("Float arithmetic overflow (the result is not a finite number)");
}

Value detail::addSlow(const Value& a, const Value& b) {
    if (int64_t t = 0; thousandths::sum<false>(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
        return smallrat::add(a, b);
    }
    return addOther(a, b);
}

Value detail::subtractSlow(const Value& a, const Value& b) {
    if (int64_t t = 0; thousandths::sum<true>(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
        return smallrat::subtract(a, b);
    }
    return subtractOther(a, b);
}

Value detail::multiplySlow(const Value& a, const Value& b) {
    if (int64_t t = 0; thousandths::product(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
        return smallrat::multiply(a, b);
    }
    return multiplyOther(a, b);
}

Value detail::divideSlow(const Value& a, const Value& b) {
    if (int64_t t = 0; thousandths::quotient(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    // Int / Int (a Rat unless it divides) included: one gcd, no trial
    // division first.
    if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
        if (b.smallNumerator() == 0) {
            throwDivisionByZero();
        }
        return smallrat::divide(a, b);
    }
    return divideOther(a, b);
}

Value remainder(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) {
        int64_t x = a.smallInt(), y = b.smallInt();
        if (y == 0) {
            throwDivisionByZero();
        }
        // C++ % truncates like ABS; only INT64_MIN % -1 would trap.
        return Value::fromInt(y == -1 ? 0 : x % y);
    }
    switch (domainOf(a, b)) {
    case Domain::Int:
    case Domain::Rat:
        if (isZero(b)) {
            throwDivisionByZero();
        }
        return exactRemainder(a, b);
    case Domain::Float:
        if (b.floatValue() == 0.0) {
            throwDivisionByZero();
        }
        return detail::floatResult(std::fmod(a.floatValue(), b.floatValue()));
    case Domain::Other:
        break;
    }
    throwKindMismatch("%", a, b);
}

Value negate(const Value& a) {
    if (a.isSmallInt()) {
        int64_t r;
        if (!__builtin_sub_overflow(int64_t(0), a.smallInt(), &r)) {
            return Value::fromInt(r);
        }
        return Value::fromBigInt(-BigInt(a.smallInt()));
    }
    if (a.isBigInt()) {
        return Value::fromBigInt(-a.bigInt());
    }
    if (a.isSmallRat()) {
        return smallrat::negate(a);
    }
    if (a.isBigRat()) {
        return Value::fromRational(-a.bigRat());
    }
    if (a.isFloat()) {
        return Value::fromFloat(-a.floatValue());
    }
    throwKindMismatch("-", a);
}

int compareNumbers(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) {
        return (a.smallInt() > b.smallInt()) - (a.smallInt() < b.smallInt());
    }
    if (a.isSmallExact() && b.isSmallExact()) {
        return smallrat::compare(a, b);
    }
    switch (domainOf(a, b)) {
    case Domain::Int: {
        detail::BigIntOperand x(a), y(b);
        int c = mpz_cmp(x.raw(), y.raw());
        return (c > 0) - (c < 0);
    }
    case Domain::Rat: {
        // A heap Rat against an inline number needs no temporary.
        int c;
        if (a.isBigRat() && b.isSmallExact())
            c = mpq_cmp_si(a.bigRat().backend().data(), b.smallNumerator(), b.smallDenominator());
        else if (a.isSmallExact() && b.isBigRat())
            c = -mpq_cmp_si(b.bigRat().backend().data(), a.smallNumerator(), a.smallDenominator());
        else {
            detail::RationalOperand x(a), y(b);
            c = mpq_cmp(x.raw(), y.raw());
        }
        return (c > 0) - (c < 0);
    }
    case Domain::Float: {
        double x = a.floatValue(), y = b.floatValue();
        return (x > y) - (x < y);
    }
    case Domain::Other:
        break;
    }
    throwKindMismatch("numeric comparison", a, b);
}

} // namespace absim::interp
