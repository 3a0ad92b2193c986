#include "interpreter/number_builtins.h"

#include "interpreter/errors.h"
#include "interpreter/numbers.h"
#include "interpreter/shortest_decimal.h"
#include "interpreter/small_rat.h"

#include <gmp.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace absim::interp {

namespace {

// Which way an exact rational is rounded to an Int.
using MpzDivide = void (*)(mpz_ptr, mpz_srcptr, mpz_srcptr);

Value roundRational(const Rational& r, MpzDivide divide) {
    mpq_srcptr q = r.backend().data();
    BigInt result;
    divide(result.backend().data(), mpq_numref(q), mpq_denref(q));
    return Value::fromBigInt(std::move(result));
}

using DoubleRound = double (*)(double);
using SmallRound = int64_t (*)(const Value&);

// Every double in [-2^63, 2^63) converts exactly to int64.
constexpr double kTwo63 = 9223372036854775808.0;

Value roundNumber(const Value& v, MpzDivide exact, SmallRound small, DoubleRound inexact,
                  const char* name) {
    // floor and ceil are declared on Float: that kind first, and its usual
    // in-range result made here.
    if (v.isFloat()) {
        double d = inexact(v.floatValue());
        if (d >= -kTwo63 && d < kTwo63) [[likely]] {
            return Value::fromInt(int64_t(d));
        }
        return intFromIntegralDouble(d);
    }
    if (v.isInt()) {
        return v;
    }
    if (v.isSmallRat()) {
        return Value::fromInt(small(v));
    }
    if (v.isBigRat()) {
        return roundRational(v.bigRat(), exact);
    }
    throwKindMismatch(name, v);
}

BigInt copyOf(mpz_srcptr z) {
    BigInt result;
    mpz_set(result.backend().data(), z);
    return result;
}

const Value& expectFloat(const char* name, const Value& x) {
    if (!x.isFloat()) {
        throwKindMismatch(name, x);
    }
    return x;
}

} // namespace

Value intFromIntegralDouble(double d) {
    if (d >= -kTwo63 && d < kTwo63) {
        return Value::fromInt(int64_t(d));
    }
    if (!std::isfinite(d)) {
        throwRuntimeError("cannot convert a non-finite Float to Int");
    }
    BigInt result;
    mpz_set_d(result.backend().data(), d); // exact: d is integral
    return Value::fromBigInt(std::move(result));
}

namespace {

double quotientToDouble(mpz_srcptr num, mpz_srcptr den) {
    int sign = mpz_sgn(num);
    if (sign == 0) {
        return 0.0;
    }
    // Scale |num|/den by 2^shift so the integer quotient has 64 to 66 bits:
    // more than the 53 we keep, plus a rounding bit; whatever is below is
    // only needed as "non-zero" (the sticky bit).
    long bits = long(mpz_sizeinbase(num, 2)) - long(mpz_sizeinbase(den, 2));
    long shift = 65 - bits;
    BigInt scaledNum, scaledDen, quotient, rest;
    mpz_abs(scaledNum.backend().data(), num);
    mpz_set(scaledDen.backend().data(), den);
    if (shift >= 0) {
        mpz_mul_2exp(scaledNum.backend().data(), scaledNum.backend().data(), shift);
    } else {
        mpz_mul_2exp(scaledDen.backend().data(), scaledDen.backend().data(), -shift);
    }
    mpz_ptr q = quotient.backend().data();
    mpz_tdiv_qr(q, rest.backend().data(), scaledNum.backend().data(), scaledDen.backend().data());
    bool sticky = mpz_sgn(rest.backend().data()) != 0;

    long qbits = long(mpz_sizeinbase(q, 2));
    long topExponent = qbits - 1 - shift; // value in [2^top, 2^(top+1))
    if (topExponent > 1024) {
        return sign < 0 ? -HUGE_VAL : HUGE_VAL; // far beyond DBL_MAX
    }
    // Normal doubles keep 53 bits; subnormals fewer, down to none.
    long precision = 53;
    if (topExponent < -1022) {
        precision -= -1022 - topExponent;
    }
    if (precision < 0) {
        return sign < 0 ? -0.0 : 0.0; // below half the smallest subnormal
    }
    long drop = qbits - precision; // >= 11
    BigInt kept;
    mpz_tdiv_q_2exp(kept.backend().data(), q, drop);
    uint64_t mantissa = mpz_get_ui(kept.backend().data());
    bool roundBit = mpz_tstbit(q, drop - 1);
    bool lowerBits = mpz_scan1(q, 0) < mp_bitcnt_t(drop - 1);
    // Round to nearest, ties to even.
    if (roundBit && (lowerBits || sticky || (mantissa & 1))) {
        ++mantissa;
    }
    double magnitude = std::ldexp(double(mantissa), int(topExponent - precision + 1));
    return sign < 0 ? -magnitude : magnitude;
}

} // namespace

double exactToDouble(const BigInt& numerator, const BigInt& denominator) {
    return quotientToDouble(numerator.backend().data(), denominator.backend().data());
}

Value truncate(const Value& r) {
    return roundNumber(
        r, mpz_tdiv_q, smallrat::truncateOf, [](double d) { return std::trunc(d); }, "truncate");
}
Value floor(const Value& f) {
    return roundNumber(
        f, mpz_fdiv_q, smallrat::floorOf, [](double d) { return std::floor(d); }, "floor");
}
Value ceil(const Value& f) {
    return roundNumber(
        f, mpz_cdiv_q, smallrat::ceilOf, [](double d) { return std::ceil(d); }, "ceil");
}

namespace {

// float() of the numbers that need GMP (big ones, and inline Rats with a
// part past 2^53), of a Float (itself) and of non-numbers (an error).
[[gnu::noinline]] Value toFloatSlow(const Value& r) {
    double d;
    if (r.isBigInt()) {
        d = quotientToDouble(r.bigInt().backend().data(), BigInt(1).backend().data());
    } else if (r.isSmallRat()) {
        Rational q = r.toRational();
        d = quotientToDouble(mpq_numref(q.backend().data()), mpq_denref(q.backend().data()));
    } else if (r.isBigRat()) {
        mpq_srcptr q = r.bigRat().backend().data();
        d = quotientToDouble(mpq_numref(q), mpq_denref(q));
    } else if (r.isFloat()) {
        return r;
    } else {
        throwKindMismatch("float", r);
    }
    if (!std::isfinite(d)) {
        throwRuntimeError("float: the number is too large for a Float");
    }
    return Value::fromFloat(d);
}

} // namespace

Value toFloat(const Value& r) {
    if (r.isSmallInt()) {
        return Value::fromFloat(double(r.smallInt())); // rounds to nearest
    }
    if (r.isSmallRat()) {
        // Both exactly representable: one IEEE division is correctly
        // rounded, as quotientToDouble is. Finite, as den >= 2.
        constexpr uint64_t kExact = uint64_t(1) << 53;
        if (smallrat::magnitude(r.smallNumerator()) <= kExact && r.smallDenominator() <= kExact) {
            return Value::fromFloat(double(r.smallNumerator()) / double(r.smallDenominator()));
        }
    }
    return toFloatSlow(r);
}

Value toRat(const Value& f) {
    if (f.isExactNumber()) {
        return f;
    }
    double d = expectFloat("rat", f).floatValue();
    if (!std::isfinite(d)) {
        throwRuntimeError("rat: the Float is not a finite number");
    }
    if (d == 0.0) {
        return Value::fromInt(0);
    }
    ShortestDecimal decimal = shortestDecimal(d);
    // value = digits × 10^(pointPosition - n)
    long scale = long(decimal.pointPosition) - long(decimal.digits.size());
    Rational result;
    mpq_ptr q = result.backend().data();
    mpz_set_str(mpq_numref(q), decimal.digits.c_str(), 10);
    if (decimal.negative) {
        mpz_neg(mpq_numref(q), mpq_numref(q));
    }
    BigInt power;
    mpz_ui_pow_ui(power.backend().data(), 10, std::labs(scale));
    if (scale >= 0) {
        mpz_mul(mpq_numref(q), mpq_numref(q), power.backend().data());
    } else {
        mpz_set(mpq_denref(q), power.backend().data());
        mpq_canonicalize(q);
    }
    return Value::fromRational(std::move(result));
}

Value numerator(const Value& r) {
    if (r.isInt()) {
        return r;
    }
    if (r.isSmallRat()) {
        return Value::fromInt(r.smallNumerator());
    }
    if (!r.isBigRat()) {
        throwKindMismatch("numerator", r);
    }
    return Value::fromBigInt(copyOf(mpq_numref(r.bigRat().backend().data())));
}

Value denominator(const Value& r) {
    if (r.isInt()) {
        return Value::fromInt(1);
    }
    if (r.isSmallRat()) {
        return Value::fromInt(int64_t(r.smallDenominator()));
    }
    if (!r.isBigRat()) {
        throwKindMismatch("denominator", r);
    }
    return Value::fromBigInt(copyOf(mpq_denref(r.bigRat().backend().data())));
}

Value abs(const Value& x) {
    if (x.isFloat()) {
        return Value::fromFloat(std::fabs(x.floatValue()));
    }
    if (!x.isExactNumber()) {
        throwKindMismatch("abs", x);
    }
    return compareNumbers(x, Value::fromInt(0)) < 0 ? negate(x) : x;
}

Value pow(const Value& base, const Value& exponent) {
    if (!base.isExactNumber() || !exponent.isInt()) {
        throwKindMismatch("pow", base, exponent);
    }
    // Bases 0, 1 and -1 have powers for any exponent; others would not fit
    // in memory past an unsigned long exponent anyway.
    bool negativeExponent = compareNumbers(exponent, Value::fromInt(0)) < 0;
    if (isZero(base)) {
        if (negativeExponent) {
            throwDivisionByZero();
        }
        return Value::fromInt(isZero(exponent) ? 1 : 0);
    }
    Value magnitude = negativeExponent ? negate(exponent) : exponent;
    if (!magnitude.isSmallInt()) {
        if (base.isSmallInt() && (base.smallInt() == 1 || base.smallInt() == -1)) {
            bool odd = mpz_odd_p(magnitude.bigInt().backend().data());
            return Value::fromInt(base.smallInt() == -1 && odd ? -1 : 1);
        }
        throwRuntimeError("pow: the exponent is too large");
    }
    unsigned long n = static_cast<unsigned long>(magnitude.smallInt());
    Rational b = base.toRational();
    mpq_ptr bq = b.backend().data();
    Rational result;
    mpq_ptr rq = result.backend().data();
    // b^n of a normalised fraction is normalised: powers of coprime numbers
    // stay coprime. Swapping for a negative exponent only needs the sign
    // moved back onto the numerator.
    mpz_pow_ui(mpq_numref(rq), mpq_numref(bq), n);
    mpz_pow_ui(mpq_denref(rq), mpq_denref(bq), n);
    if (negativeExponent) {
        mpq_inv(rq, rq);
    }
    return Value::fromRational(std::move(result));
}

Value sqrt(const Value& x) {
    double d = expectFloat("sqrt", x).floatValue();
    if (d < 0.0) {
        throwRuntimeError("sqrt of a negative number");
    }
    return Value::fromFloat(std::sqrt(d));
}

Value log(const Value& x) {
    double d = expectFloat("log", x).floatValue();
    if (d <= 0.0) {
        throwRuntimeError("log of a number that is not positive");
    }
    return Value::fromFloat(std::log(d));
}

Value exp(const Value& x) {
    double d = std::exp(expectFloat("exp", x).floatValue());
    if (!std::isfinite(d)) {
        throwRuntimeError("exp: the result is too large for a Float");
    }
    return Value::fromFloat(d);
}

} // namespace absim::interp
