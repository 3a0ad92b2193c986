#pragma once
// Exact arithmetic on small exact numbers: inline Ints and inline Rats
// (value.h), i.e. num/den with an int64 numerator and a denominator below
// 2^56 (1 for an Int). The common cases are inline here and work in machine
// words with overflow-checked products and sums: an Int operand needs no gcd;
// a decimal denominator (2^a * 5^b, as model times in milliseconds have)
// cancels by a shift and multiplications (cancelDecimal), other numbers by
// binary gcds. Operands that overflow a word go to the 128-bit versions in
// small_rat.cpp (128 bits hold every product of a numerator and a
// denominator, 2^63 * 2^56, and every sum of two). Only a result that does
// not fit the inline forms goes to GMP (a big Int or a heap Rat).
//
// Times in models are typically milliseconds (`12345/1000`) and resource
// areas products of those: this keeps their arithmetic off the heap.

#include "interpreter/value.h"

#include <cstdint>
#include <utility>

namespace absim::interp::smallrat {

using Int128 = __int128;
using Uint128 = unsigned __int128;

inline uint64_t magnitude(int64_t n) noexcept {
    return n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
}

// gcd(0, b) == b. Binary (Stein's) gcd: shifts and subtractions only; a
// word division costs tens of cycles, a round here a few. Callers whose
// operands differ much in size (a numerator and a denominator) first bring
// the larger below the smaller with one division.
inline uint64_t gcd(uint64_t a, uint64_t b) noexcept {
    if (a == 0 || b == 0) {
        return a | b;
    }
    int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    b >>= __builtin_ctzll(b);
    while (a != b) {
        if (a > b) {
            std::swap(a, b);
        }
        b -= a;
        b >>= __builtin_ctzll(b);
    }
    return a << shift;
}

// Three-way comparison of two small exact numbers by cross-multiplying
// (denominators are positive). Times often share a denominator, which needs
// no product; other products almost always fit a word. (A denominator is
// below 2^56, so it is a valid int64.)
inline int compare(const Value& a, const Value& b) noexcept {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    int64_t d1 = int64_t(a.smallDenominator()), d2 = int64_t(b.smallDenominator());
    if (d1 == d2) {
        return (n1 > n2) - (n1 < n2);
    }
    int64_t p, q;
    if (!__builtin_mul_overflow(n1, d2, &p) && !__builtin_mul_overflow(n2, d1, &q)) [[likely]] {
        return (p > q) - (p < q);
    }
    Int128 x = Int128(n1) * Int128(d2);
    Int128 y = Int128(n2) * Int128(d1);
    return (x > y) - (x < y);
}

inline bool fitsInt64(Int128 n) noexcept {
    return n >= Int128(INT64_MIN) && n <= Int128(INT64_MAX);
}

inline Uint128 magnitude128(Int128 n) noexcept {
    return n < 0 ? Uint128(0) - Uint128(n) : Uint128(n);
}

namespace detail {
Value fromReducedOnHeap(Int128 num, Uint128 den);
}

// The number num/den, already in lowest terms (or num == 0) with den >= 1:
// an Int, an inline Rat, or (when it does not fit) a big Int or heap Rat.
inline Value fromReduced(Int128 num, Uint128 den) {
    if (fitsInt64(num)) {
        // 0/den: a sum or product that cancels out (0 is in lowest terms
        // only over 1, but the callers need not care).
        if (den == 1 || num == 0) {
            return Value::fromInt(int64_t(num));
        }
        if (den <= Value::kMaxSmallRatDenominator) {
            return Value::fromSmallRat(int64_t(num), uint64_t(den));
        }
    }
    return detail::fromReducedOnHeap(num, den);
}
// num/den in any terms, den != 0.
Value ratio(Int128 num, Int128 den);

namespace detail {
// The same operations in 128-bit intermediates, for operands or results
// that leave the word-sized fast paths below (near the limits of the
// inline form, or overflowing to GMP).
Value addOrSubtractWide(const Value& a, const Value& b, bool subtract);
Value multiplyWide(const Value& a, const Value& b);
Value divideWide(const Value& a, const Value& b);

// num/den for den >= 1, gcd(num, den) == 1 (or num == 0) and den inline.
inline Value fromReducedWord(int64_t num, uint64_t den) noexcept {
    if (den == 1 || num == 0) {
        return Value::fromInt(num);
    }
    return Value::fromSmallRat(num, den);
}

template <bool Subtract> inline bool overflows(int64_t x, int64_t y, int64_t* r) noexcept {
    return Subtract ? __builtin_sub_overflow(x, y, r) : __builtin_add_overflow(x, y, r);
}

// gcd(a, b) of two numbers that may differ much in size (a time in
// milliseconds over 1000) or divide one another (denominators 1000 and
// 500): one division brings the larger below the smaller, where the binary
// gcd would shift and subtract its way down bit by bit.
inline uint64_t gcdDividingFirst(uint64_t a, uint64_t b) noexcept {
    if (a < b) {
        std::swap(a, b);
    }
    return b == 0 ? a : gcd(a % b, b);
}

// Decimal denominators. Model times are decimal fractions (milliseconds:
// `n/1000`), so nearly every denominator (and divisor) is 2^twos * 5^fives.
// Cancelling against such a number needs no gcd loop and no division: the
// twos go by one count of trailing zeros, and each five by a multiplication
// by the inverse of 5 modulo 2^64, which is exact division when 5 divides
// and lands above kMaxQuotientOfFive when it does not (Granlund and
// Montgomery's divisibility test). Other numbers take the gcds below.
struct DecimalFactors {
    int twos;
    int fives;
    bool decimal; // the number is 2^twos * 5^fives
};

inline constexpr uint64_t kInverseOfFive = 0xCCCCCCCCCCCCCCCDull; // 5 * this == 1 (mod 2^64)
inline constexpr uint64_t kMaxQuotientOfFive = UINT64_MAX / 5;
static_assert(5 * kInverseOfFive == 1);

// The power of five with each bit length (0 where there is none): there is
// at most one per length, since 5 > 4.
struct PowerOfFive {
    uint64_t value;
    int exponent;
};
struct PowersOfFiveByLength {
    PowerOfFive at[65];
};
inline constexpr PowersOfFiveByLength kPowersOfFive = [] {
    PowersOfFiveByLength table{};
    uint64_t p = 1;
    for (int e = 0;; ++e) {
        table.at[64 - __builtin_clzll(p)] = {p, e};
        if (p > UINT64_MAX / 5) {
            return table;
        }
        p *= 5;
    }
}();

// Whether d >= 1 is 2^twos * 5^fives (and the two exponents if so): a
// load and a compare.
inline DecimalFactors decimalFactors(uint64_t d) noexcept {
    int twos = __builtin_ctzll(d);
    uint64_t odd = d >> twos;
    const PowerOfFive& p = kPowersOfFive.at[64 - __builtin_clzll(odd)];
    return {twos, p.exponent, p.value == odd};
}

// 5^-k modulo 2^64: multiplying a multiple of 5^k by it divides exactly.
struct InversePowersOfFive {
    uint64_t at[28];
};
inline constexpr InversePowersOfFive kInversePowersOfFive = [] {
    InversePowersOfFive table{};
    uint64_t p = 1;
    for (uint64_t& inverse : table.at) {
        inverse = p;
        p *= kInverseOfFive;
    }
    return table;
}();

// Divides m and d by gcd(m, d), for d = 2^f.twos * 5^f.fives and any
// m <= 2^63 (0 included: gcd(0, d) == d). More generally, for d any
// multiple of c = 2^f.twos * 5^f.fives, divides both by gcd(m, c).
inline void cancelDecimal(uint64_t& m, uint64_t& d, DecimalFactors f) noexcept {
    // The top bit stands in for a zero m (m <= 2^63, twos < 64).
    int twos = __builtin_ctzll(m | (uint64_t(1) << 63));
    twos = twos < f.twos ? twos : f.twos;
    m >>= twos;
    d >>= twos;
    for (int i = 0; i < f.fives; ++i) {
        uint64_t q = m * kInverseOfFive;
        if (q > kMaxQuotientOfFive) {
            break;
        }
        m = q;
        d *= kInverseOfFive;
    }
}

// Small decimal denominators: the 2^a * 5^b below 1024, among them every
// divisor of 1000 (model times in milliseconds, and areas of them). For a
// pair of them a table has what a sum needs, so that the commonest sums
// are a few loads and multiplications: no factoring, and no overflow check
// on a denominator that cannot exceed 2^9 * 5^4.
inline constexpr uint64_t kSmallDecimalLimit = 1024;
inline constexpr unsigned kSmallDecimals = 29; // 10 + 8 + 6 + 4 + 1 (5^0 .. 5^4)
// Indices run below this power of two, so that one test of i1 | i2 checks
// both (the index of any other number is 0xFF).
inline constexpr unsigned kSmallDecimalIndices = 32;
static_assert(kSmallDecimals <= kSmallDecimalIndices);
// d1/g and d2/g for g = gcd(d1, d2) = 2^twos * 5^fives.
struct SmallDecimalPair {
    uint16_t e1, e2;
    uint8_t twos, fives;
};
struct SmallDecimalTables {
    uint8_t index[kSmallDecimalLimit]; // of a small decimal, else 0xFF
    SmallDecimalPair pair[kSmallDecimalIndices][kSmallDecimalIndices];
};
inline constexpr SmallDecimalTables kSmallDecimalTables = [] {
    SmallDecimalTables t{};
    uint64_t value[kSmallDecimals] = {};
    int twos[kSmallDecimals] = {}, fives[kSmallDecimals] = {};
    for (uint8_t& i : t.index) {
        i = 0xFF;
    }
    unsigned n = 0;
    uint64_t p5 = 1;
    for (int b = 0; p5 < kSmallDecimalLimit; ++b, p5 *= 5) {
        uint64_t d = p5;
        for (int a = 0; d < kSmallDecimalLimit; ++a, d *= 2) {
            value[n] = d;
            twos[n] = a;
            fives[n] = b;
            t.index[d] = uint8_t(n++);
        }
    }
    for (unsigned i = 0; i < kSmallDecimals; ++i) {
        for (unsigned j = 0; j < kSmallDecimals; ++j) {
            int gt = twos[i] < twos[j] ? twos[i] : twos[j];
            int gf = fives[i] < fives[j] ? fives[i] : fives[j];
            uint64_t g = uint64_t(1) << gt;
            for (int k = 0; k < gf; ++k) {
                g *= 5;
            }
            t.pair[i][j] = {uint16_t(value[i] / g), uint16_t(value[j] / g), uint8_t(gt),
                            uint8_t(gf)};
        }
    }
    return t;
}();

// The table slots of two denominators; false unless both are small
// decimals.
[[gnu::always_inline]] inline bool smallDecimalSlots(uint64_t d1, uint64_t d2, unsigned& i1,
                                                     unsigned& i2) noexcept {
    if ((d1 | d2) >= kSmallDecimalLimit)
        return false;
    i1 = kSmallDecimalTables.index[d1];
    i2 = kSmallDecimalTables.index[d2];
    return (i1 | i2) < kSmallDecimalIndices;
}

inline int64_t withSign(uint64_t m, bool negative) noexcept {
    return negative ? int64_t(uint64_t(0) - m) : int64_t(m);
}

// a ± b for d1, d2 != 1 with a decimal denominator D (d1 when firstIsD, else
// d2; f its factors) and the other one O: with g = gcd(D, O), the sum
// t = n1*(d2/g) ± n2*(d1/g) is coprime to D/g and O/g (Knuth, TAOCP 4.5.1),
// so gcd(t, lcm(D, O)) == gcd(t, g) == gcd(t, D), and the result is
// (t / gcd(t, D)) / ((D / gcd(t, D)) * (O / g)). Both cancellations are
// cancelDecimal's.
template <bool Subtract>
inline Value addOrSubtractDecimal(const Value& a, const Value& b, bool firstIsD, DecimalFactors f) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    uint64_t e1 = d1, e2 = d2; // d1/g, d2/g
    if (DecimalFactors o = decimalFactors(firstIsD ? d2 : d1); o.decimal) [[likely]] {
        // Both decimal: g is 2^min(twos) * 5^min(fives), no loop.
        int twos = f.twos < o.twos ? f.twos : o.twos;
        int fives = f.fives < o.fives ? f.fives : o.fives;
        e1 = (e1 >> twos) * kInversePowersOfFive.at[fives];
        e2 = (e2 >> twos) * kInversePowersOfFive.at[fives];
    } else if (firstIsD) {
        cancelDecimal(e2, e1, f);
    } else {
        cancelDecimal(e1, e2, f);
    }
    int64_t x, y, t;
    if (!__builtin_mul_overflow(n1, int64_t(e2), &x) &&
        !__builtin_mul_overflow(n2, int64_t(e1), &y) && !overflows<Subtract>(x, y, &t)) {
        uint64_t m = magnitude(t);
        uint64_t reduced = firstIsD ? d1 : d2;
        cancelDecimal(m, reduced, f);
        uint64_t den;
        if (!__builtin_mul_overflow(reduced, firstIsD ? e2 : e1, &den) &&
            den <= Value::kMaxSmallRatDenominator) {
            return fromReducedWord(withSign(m, t < 0), den);
        }
    }
    return addOrSubtractWide(a, b, Subtract);
}

// Divides m and d by gcd(m, d) for m <= 2^63 and d >= 1: cancelDecimal
// when d is decimal, else a gcd (with one division first: m is often much
// larger than d).
inline void cancelCommonFactor(uint64_t& m, uint64_t& d) noexcept {
    if (DecimalFactors f = decimalFactors(d); f.decimal) [[likely]] {
        cancelDecimal(m, d, f);
    } else if (uint64_t g = gcd(m % d, d); g != 1) {
        m /= g;
        d /= g;
    }
}

// a ± b in machine words. Every product and sum is overflow-checked; the
// rare operands that overflow go to the 128-bit version.
//
// The general case: any denominators (the small decimal ones, two of
// which addOrSubtract below handles itself, included).
template <bool Subtract>
[[gnu::noinline]] Value addOrSubtractGeneral(const Value& a, const Value& b) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    int64_t t, p;
    if (d1 == d2) {
        // (n1 ± n2)/d: only gcd(n1 ± n2, d) can cancel (1/4 + 1/4 = 1/2),
        // and for a decimal d that is a shift and a multiplication or two
        // (cancelDecimal). Two Ints (d == 1) are the inline Int sum that
        // overflowed in numbers.h, or one of the tests'.
        if (!overflows<Subtract>(n1, n2, &t)) [[likely]] {
            if (d1 == 1) {
                return Value::fromInt(t);
            }
            uint64_t m = magnitude(t), d = d1;
            cancelCommonFactor(m, d);
            return fromReducedWord(withSign(m, t < 0), d);
        }
        return addOrSubtractWide(a, b, Subtract);
    }
    if (d2 == 1) {
        // n1/d1 ± n2 = (n1 ± n2*d1)/d1, still in lowest terms: no gcd.
        if (!__builtin_mul_overflow(n2, int64_t(d1), &p) && !overflows<Subtract>(n1, p, &t)) {
            return Value::fromSmallRat(t, d1);
        }
        return addOrSubtractWide(a, b, Subtract);
    }
    if (d1 == 1) {
        if (!__builtin_mul_overflow(n1, int64_t(d2), &p) && !overflows<Subtract>(p, n2, &t)) {
            return Value::fromSmallRat(t, d2);
        }
        return addOrSubtractWide(a, b, Subtract);
    }
    DecimalFactors f = decimalFactors(d1);
    bool first = f.decimal;
    if (!first) {
        f = decimalFactors(d2);
    }
    if (f.decimal) [[likely]] {
        return addOrSubtractDecimal<Subtract>(a, b, first, f);
    }
    // Knuth, TAOCP 4.5.1: with g = gcd(d1, d2), t = n1*(d2/g) ± n2*(d1/g)
    // is coprime to d1/g and d2/g, so only gcd(t, g) is left to cancel.
    // Denominators often share factors: one division finds a denominator
    // that divides the other.
    uint64_t g = gcdDividingFirst(d1, d2);
    uint64_t e1 = d1, e2 = d2;
    if (g != 1) {
        e1 /= g;
        e2 /= g;
    }
    int64_t x, y;
    if (!__builtin_mul_overflow(n1, int64_t(e2), &x) &&
        !__builtin_mul_overflow(n2, int64_t(e1), &y) && !overflows<Subtract>(x, y, &t)) {
        // The result's denominator is e1 * (d2 / g2); divisions only for a
        // factor that does cancel.
        uint64_t f2 = d2;
        if (g != 1) {
            if (uint64_t g2 = gcd(magnitude(t) % g, g); g2 != 1) {
                t /= int64_t(g2);
                f2 /= g2;
            }
        }
        uint64_t den;
        if (!__builtin_mul_overflow(e1, f2, &den) && den <= Value::kMaxSmallRatDenominator) {
            return fromReducedWord(t, den);
        }
    }
    return addOrSubtractWide(a, b, Subtract);
}

// The commonest sums first: both denominators small decimals (below, the
// table's). That path needs few registers and calls nothing, so it saves
// and restores none; everything else is one tail call away. Inlined into
// its one caller (numbers.cpp's addSlow, subtractSlow).
template <bool Subtract>
[[gnu::always_inline]] inline Value addOrSubtract(const Value& a, const Value& b) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    int64_t t;
    // Both small: a time in milliseconds, an Int, an area of them.
    if (unsigned i1, i2; smallDecimalSlots(d1, d2, i1, i2)) [[likely]] {
        // Knuth's sum (see addOrSubtractDecimal) with g, d1/g and d2/g from
        // the table: t/lcm, where only gcd(t, g) can cancel.
        SmallDecimalPair pair = kSmallDecimalTables.pair[i1][i2];
        int64_t x, y;
        if (!__builtin_mul_overflow(n1, int64_t(pair.e2), &x) &&
            !__builtin_mul_overflow(n2, int64_t(pair.e1), &y) && !overflows<Subtract>(x, y, &t))
            [[likely]] {
            uint64_t m = magnitude(t), den = d1 * pair.e2;
            cancelDecimal(m, den, {pair.twos, pair.fives, true});
            return fromReducedWord(withSign(m, t < 0), den);
        }
    }
    return addOrSubtractGeneral<Subtract>(a, b);
}
} // namespace detail

// Both operands small exact (isSmallExact()).
[[gnu::always_inline]] inline Value add(const Value& a, const Value& b) {
    return detail::addOrSubtract<false>(a, b);
}
[[gnu::always_inline]] inline Value subtract(const Value& a, const Value& b) {
    return detail::addOrSubtract<true>(a, b);
}

namespace detail {
// (n1/d1) * (n2/d2): cancelling gcd(n1, d2) and gcd(n2, d1) first leaves a
// product in lowest terms. An Int factor (d == 1) needs one gcd only.
[[gnu::noinline]] inline Value multiplyGeneral(const Value& a, const Value& b) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    uint64_t m1 = magnitude(n1), m2 = magnitude(n2);
    if (d2 != 1) {
        cancelCommonFactor(m1, d2);
    }
    if (d1 != 1) {
        cancelCommonFactor(m2, d1);
    }
    uint64_t num, den;
    if (!__builtin_mul_overflow(m1, m2, &num) && num <= uint64_t(INT64_MAX) &&
        !__builtin_mul_overflow(d1, d2, &den) && den <= Value::kMaxSmallRatDenominator) {
        return fromReducedWord(withSign(num, (n1 < 0) != (n2 < 0)), den);
    }
    return multiplyWide(a, b);
}

// The factors of a small decimal, from the table (pair[i][i] has g = d).
inline DecimalFactors smallDecimalFactors(unsigned index) noexcept {
    SmallDecimalPair self = kSmallDecimalTables.pair[index][index];
    return {self.twos, self.fives, true};
}
} // namespace detail

// The commonest products first: both denominators small decimals (an Int
// times a time, `busy * (t - last)`). Their factors come from the table,
// and their product (below 2^20) needs no overflow check; everything else
// is one tail call away.
inline Value multiply(const Value& a, const Value& b) {
    using namespace detail;
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    if (unsigned i1, i2; smallDecimalSlots(d1, d2, i1, i2)) [[likely]] {
        uint64_t m1 = magnitude(n1), m2 = magnitude(n2);
        cancelDecimal(m1, d2, smallDecimalFactors(i2));
        if (d1 != 1) { // an Int times a time: nothing to cancel
            cancelDecimal(m2, d1, smallDecimalFactors(i1));
        }
        uint64_t num;
        if (!__builtin_mul_overflow(m1, m2, &num) && num <= uint64_t(INT64_MAX)) [[likely]] {
            return fromReducedWord(withSign(num, (n1 < 0) != (n2 < 0)), d1 * d2);
        }
    }
    return multiplyGeneral(a, b);
}

// (n1/d1) / (n2/d2) = (n1*d2) / (d1*n2), cancelling gcd(n1, n2) and
// gcd(d1, d2) first; b is not zero. Int / Int is the case d1 == d2 == 1.
inline Value divide(const Value& a, const Value& b) {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    uint64_t m1 = magnitude(n1), m2 = magnitude(n2);
    // Divisors in models are mostly decimal constants (`/ 1000`).
    detail::DecimalFactors f;
    if (unsigned i = m2 < detail::kSmallDecimalLimit ? detail::kSmallDecimalTables.index[m2] : 0xFF;
        i < detail::kSmallDecimalIndices) {
        f = detail::smallDecimalFactors(i);
    } else {
        f = detail::decimalFactors(m2);
    }
    if (f.decimal) [[likely]] {
        detail::cancelDecimal(m1, m2, f);
    } else if (uint64_t g = detail::gcdDividingFirst(m1, m2); g != 1) {
        m1 /= g;
        m2 /= g;
    }
    if (d1 == d2) {
        d1 = d2 = 1; // Int / Int, or the same denominator: it cancels
    } else if (d2 != 1 && d1 != 1) {
        detail::cancelCommonFactor(d1, d2);
    }
    uint64_t num, den;
    if (!__builtin_mul_overflow(m1, d2, &num) && !__builtin_mul_overflow(d1, m2, &den) &&
        den <= Value::kMaxSmallRatDenominator && num <= uint64_t(INT64_MAX)) {
        return detail::fromReducedWord(detail::withSign(num, (n1 < 0) != (n2 < 0)), den);
    }
    return detail::divideWide(a, b);
}

// a - b * truncate(a / b); b is not zero.
Value remainder(const Value& a, const Value& b);
Value negate(const Value& a);

// Rounding a small exact number to an Int; never overflows (den >= 1).
inline int64_t floorOf(const Value& v) noexcept {
    int64_t n = v.smallNumerator(), d = int64_t(v.smallDenominator());
    int64_t q = n / d;
    return q - int64_t(n % d != 0 && n < 0);
}
inline int64_t ceilOf(const Value& v) noexcept {
    int64_t n = v.smallNumerator(), d = int64_t(v.smallDenominator());
    int64_t q = n / d;
    return q + int64_t(n % d != 0 && n > 0);
}
inline int64_t truncateOf(const Value& v) noexcept {
    return v.smallNumerator() / int64_t(v.smallDenominator());
}

} // namespace absim::interp::smallrat
