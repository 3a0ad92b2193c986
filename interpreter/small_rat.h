#pragma once
// Exact arithmetic on small exact numbers: inline Ints and inline Rats
// (value.h), i.e. num/den with an int64 numerator and a denominator below
// 2^56 (1 for an Int). Intermediates are 128-bit, which holds every product
// of a numerator and a denominator (2^63 * 2^56) and every sum of two; the
// gcds are binary gcds on machine words. Only a result that does not fit the
// inline forms goes to GMP (a big Int or a heap Rat).
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

// gcd(0, b) == b.
inline uint64_t gcd(uint64_t a, uint64_t b) noexcept {
    if (a == 0) {
        return b;
    }
    if (b == 0) {
        return a;
    }
    // An Int operand (denominator 1) and equal denominators are common and
    // would otherwise take a dozen rounds.
    if (a == 1 || b == 1) {
        return 1;
    }
    if (a == b) {
        return a;
    }
    // Euclid, in 32-bit division while both fit (much faster than 64-bit
    // division on many CPUs); time denominators and their remainders do.
    while (b != 0) {
        uint64_t r = ((a | b) >> 32) == 0 ? uint32_t(a) % uint32_t(b) : a % b;
        a = b;
        b = r;
    }
    return a;
}

// Three-way comparison of two small exact numbers (denominators are
// positive). Times usually share a denominator, which needs no product;
// otherwise cross-multiplying two sign-extended words is one 64x64->128
// multiplication each (a denominator is below 2^56, so it is a valid int64).
inline int compare(const Value& a, const Value& b) noexcept {
    int64_t n1 = a.smallNumerator(), n2 = b.smallNumerator();
    int64_t d1 = int64_t(a.smallDenominator()), d2 = int64_t(b.smallDenominator());
    if (d1 == d2) {
        return (n1 > n2) - (n1 < n2);
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

// Both operands small exact (isSmallExact()).
Value add(const Value& a, const Value& b);
Value subtract(const Value& a, const Value& b);
Value multiply(const Value& a, const Value& b);
// b is not zero.
Value divide(const Value& a, const Value& b);
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
