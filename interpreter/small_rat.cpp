#include "interpreter/small_rat.h"

#include <gmp.h>

namespace absim::interp::smallrat {

namespace {

int trailingZeros(Uint128 x) {
    uint64_t low = uint64_t(x);
    return low != 0 ? __builtin_ctzll(low) : 64 + __builtin_ctzll(uint64_t(x >> 64));
}

// Binary gcd on 128 bits, handing over to the word-sized one as soon as
// both fit in a word (almost always at once).
Uint128 gcd128(Uint128 a, Uint128 b) {
    if (a == 0) {
        return b;
    }
    if (b == 0) {
        return a;
    }
    int shift = trailingZeros(a | b);
    a >>= trailingZeros(a);
    do {
        b >>= trailingZeros(b);
        if ((a >> 64) == 0 && (b >> 64) == 0) {
            return Uint128(gcd(uint64_t(a), uint64_t(b))) << shift;
        }
        if (a > b) {
            std::swap(a, b);
        }
        b -= a;
    } while (b != 0);
    return a << shift;
}

void setMpz(mpz_ptr z, Uint128 magnitude, bool negative) {
    mpz_set_ui(z, uint64_t(magnitude >> 64));
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, uint64_t(magnitude));
    if (negative) {
        mpz_neg(z, z);
    }
}

} // namespace

Value detail::fromReducedOnHeap(Int128 num, Uint128 den) {
    Rational r;
    mpq_ptr q = r.backend().data();
    setMpz(mpq_numref(q), magnitude128(num), num < 0);
    setMpz(mpq_denref(q), den, false);
    return Value::fromRational(std::move(r));
}

Value ratio(Int128 num, Int128 den) {
    if (den < 0) {
        // Both at most 2^126 in magnitude here: negating cannot overflow.
        num = -num;
        den = -den;
    }
    Uint128 m = magnitude128(num);
    if ((m >> 64) == 0 && (Uint128(den) >> 64) == 0) {
        uint64_t g = gcd(uint64_t(m), uint64_t(den));
        Int128 reduced = Int128(uint64_t(m) / g);
        return fromReduced(num < 0 ? -reduced : reduced, uint64_t(den) / g);
    }
    Uint128 g = gcd128(magnitude128(num), Uint128(den));
    if (g != 1) {
        num /= Int128(g);
        den /= Int128(g);
    }
    return fromReduced(num, Uint128(den));
}

// a ± b for small exact a = n1/d1, b = n2/d2 in 128 bits (Knuth, TAOCP 4.5.1): with
// g = gcd(d1, d2), t = n1*(d2/g) ± n2*(d1/g) is coprime to d1/g and d2/g,
// so only gcd(t, g) is left to cancel.
Value detail::addOrSubtractWide(const Value& a, const Value& b, bool subtract) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    uint64_t g = gcd(d1, d2);
    uint64_t e1 = d1 / g, e2 = d2 / g;
    Int128 x = Int128(n1) * Int128(e2);
    Int128 y = Int128(n2) * Int128(e1);
    Int128 t = subtract ? x - y : x + y;
    if (g == 1) {
        return fromReduced(t, Uint128(d1) * d2);
    }
    uint64_t g2;
    if (fitsInt64(t)) {
        // The usual case: word-sized division instead of 128-bit calls.
        int64_t small = int64_t(t);
        g2 = gcd(magnitude(small) % g, g);
        t = small / int64_t(g2);
    } else {
        g2 = gcd(uint64_t(magnitude128(t) % g), g);
        t /= Int128(g2);
    }
    return fromReduced(t, Uint128(e1) * (d2 / g2));
}

// (n1/d1) * (n2/d2): cancelling gcd(n1, d2) and gcd(n2, d1) first leaves a
// product in lowest terms.
Value detail::multiplyWide(const Value& a, const Value& b) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    // Each gcd is at most a denominator (< 2^56), so int64 division is safe.
    int64_t g1 = int64_t(gcd(magnitude(n1), d2));
    int64_t g2 = int64_t(gcd(magnitude(n2), d1));
    Int128 num = Int128(n1 / g1) * Int128(n2 / g2);
    Uint128 den = Uint128(d1 / uint64_t(g2)) * (d2 / uint64_t(g1));
    return fromReduced(num, den);
}

// (n1/d1) / (n2/d2) = (n1*d2) / (d1*n2), cancelling gcd(n1, n2) and
// gcd(d1, d2) first.
Value detail::divideWide(const Value& a, const Value& b) {
    Int128 n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    Int128 g1 = Int128(gcd(magnitude(a.smallNumerator()), magnitude(b.smallNumerator())));
    uint64_t g2 = gcd(d1, d2);
    Int128 num = (n1 / g1) * Int128(d2 / g2);
    Int128 den = Int128(d1 / g2) * (n2 / g1);
    if (den < 0) {
        num = -num;
        den = -den;
    }
    return fromReduced(num, Uint128(den));
}

// x - y*truncate(x/y) = ((n1*d2) rem (n2*d1)) / (d1*d2), rem truncating
// like C++ `%` (the sign of the dividend).
Value remainder(const Value& a, const Value& b) {
    Int128 n1 = a.smallNumerator(), n2 = b.smallNumerator();
    Int128 d1 = Int128(a.smallDenominator()), d2 = Int128(b.smallDenominator());
    return ratio((n1 * d2) % (n2 * d1), d1 * d2);
}

Value negate(const Value& a) {
    return fromReduced(-Int128(a.smallNumerator()), a.smallDenominator());
}

} // namespace absim::interp::smallrat
