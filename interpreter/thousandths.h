#pragma once
// Exact numbers in thousandths: the inline operators' first path for small
// exact operands (Ints and inline Rats) whose denominators divide 1000.
//
// Model times are milliseconds (`12345/1000`), durations and areas of them
// are sums and Int multiples of those, and a millisecond rounding is a
// division by 1000: nearly every Rat operation of a timed model has both
// operands over a divisor of 1000 (an instrumented run of the autoscale
// model: every add, subtract and multiply, and every divide but a
// handful). Such a sum, difference, Int multiple or Int quotient is one
// numerator over 1000, found with a table scale and overflow-checked
// products; bringing it to lowest terms needs gcd(t, 1000), which depends
// only on t mod 1000: a table gives the count of twos to shift out, the
// inverse of the power of five to multiply by (exact division modulo 2^64,
// as in small_rat.h) and the result's whole head word (denominator and
// tag). No loop, no branch on the numbers' values, no call: the operators
// in numbers.h stay inline. Anything else (other denominators, overflow,
// a divisor that is not a positive divisor of 1000) returns false and
// takes the general path unchanged.

#include "interpreter/small_rat.h"
#include "interpreter/value.h"

#include <cstdint>
#include <numeric>

namespace absim::interp::thousandths {

inline constexpr uint64_t kBase = 1000; // 2^3 * 5^3
// Denominators (and divisors) are looked up below this power of two.
inline constexpr uint64_t kLookupLimit = 1024;

// How to bring t/1000 to lowest terms, by g = gcd(t, 1000) = 2^twos * 5^k:
// t/g is (t >> twos) * inverse (inverse = 5^-k mod 2^64), over 1000/g.
struct Reduction {
    uint64_t head; // of the result: Value::smallExactHead(1000 / g)
    uint64_t inverse;
    uint64_t twos;
};

struct Tables {
    uint16_t scale[kLookupLimit]; // 1000 / d for d dividing 1000, else 0
    uint8_t byRemainder[kBase];   // t mod 1000 -> its Reduction (twos + 4 * fives)
    Reduction reduction[16];
};

inline constexpr Tables kTables = [] {
    Tables t{};
    for (uint64_t d = 1; d < kLookupLimit; ++d) {
        t.scale[d] = uint16_t(kBase % d == 0 ? kBase / d : 0);
    }
    for (uint64_t r = 0; r < kBase; ++r) {
        uint64_t g = std::gcd(r, kBase); // gcd(0, 1000) == 1000
        uint8_t twos = 0, fives = 0;
        for (; g % 2 == 0; g /= 2) {
            ++twos;
        }
        for (; g % 5 == 0; g /= 5) {
            ++fives;
        }
        t.byRemainder[r] = uint8_t(twos + 4 * fives);
    }
    for (uint64_t twos = 0; twos < 4; ++twos) {
        for (uint64_t fives = 0; fives < 4; ++fives) {
            uint64_t g = uint64_t(1) << twos, inverse = 1;
            for (uint64_t k = 0; k < fives; ++k) {
                g *= 5;
                inverse *= smallrat::detail::kInverseOfFive;
            }
            t.reduction[twos + 4 * fives] = {Value::smallExactHead(kBase / g), inverse, twos};
        }
    }
    return t;
}();

// 1000 / d when d divides 1000, else 0.
[[gnu::always_inline]] inline uint64_t scaleOf(uint64_t d) noexcept {
    return d < kLookupLimit ? kTables.scale[d] : 0;
}

// The number t/1000, in lowest terms: an Int or an inline Rat.
[[gnu::always_inline]] inline Value fromThousandths(int64_t t) noexcept {
    // gcd(t, 1000) == gcd(|t| mod 1000, 1000).
    const Reduction& r = kTables.reduction[kTables.byRemainder[smallrat::magnitude(t) % kBase]];
    // An arithmetic shift and a multiplication by 5^-k are exact divisions
    // of a multiple of 2^twos * 5^k, whatever its sign.
    return Value::fromSmallExact(r.head, int64_t(uint64_t(t >> r.twos) * r.inverse));
}

// a ± b as thousandths (true), when both are small exact numbers over
// divisors of 1000 and nothing overflows.
template <bool Subtract>
[[gnu::always_inline]] inline bool sum(const Value& a, const Value& b, int64_t& t) noexcept {
    if (!a.isSmallExact() || !b.isSmallExact()) {
        return false;
    }
    uint64_t s1 = scaleOf(a.smallDenominator()), s2 = scaleOf(b.smallDenominator());
    int64_t x, y;
    return s1 != 0 && s2 != 0 && !__builtin_mul_overflow(a.smallNumerator(), int64_t(s1), &x) &&
           !__builtin_mul_overflow(b.smallNumerator(), int64_t(s2), &y) &&
           !smallrat::detail::overflows<Subtract>(x, y, &t);
}

// a * b as thousandths (true), when one is an Int and the other a small
// exact number over a divisor of 1000 (`busy * (t - last)`), and nothing
// overflows.
[[gnu::always_inline]] inline bool product(const Value& a, const Value& b, int64_t& t) noexcept {
    if (!a.isSmallExact() || !b.isSmallExact()) {
        return false;
    }
    uint64_t d1 = a.smallDenominator(), d2 = b.smallDenominator();
    // The denominator of the product, when one of them is 1 (else above
    // 1000 or not a divisor: 1 < d1, d2 means d1 + d2 - 1 < d1 * d2).
    uint64_t s = d1 == 1 || d2 == 1 ? scaleOf(d1 + d2 - 1) : 0;
    int64_t p;
    return s != 0 && !__builtin_mul_overflow(a.smallNumerator(), b.smallNumerator(), &p) &&
           !__builtin_mul_overflow(p, int64_t(s), &t);
}

// a / b as thousandths (true), when b is a positive Int, a a small exact
// number and den(a) * b divides 1000 (`x / 1000`), and nothing overflows.
[[gnu::always_inline]] inline bool quotient(const Value& a, const Value& b, int64_t& t) noexcept {
    if (!a.isSmallExact() || !b.isSmallInt()) {
        return false;
    }
    uint64_t d = a.smallDenominator();
    int64_t n = b.smallInt();
    // d * n < 2^20 when both are below 1024, so the product cannot wrap.
    uint64_t s = n > 0 && (d | uint64_t(n)) < kLookupLimit ? scaleOf(d * uint64_t(n)) : 0;
    return s != 0 && !__builtin_mul_overflow(a.smallNumerator(), int64_t(s), &t);
}

} // namespace absim::interp::thousandths
