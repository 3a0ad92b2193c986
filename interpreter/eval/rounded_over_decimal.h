#pragma once
// The exact Rat of `(floor(x) + k) / d`, `(floor(x) - k) / d`, `floor(x) / d`
// and the `ceil` forms, from the double x (eval/float_chains.cpp, where a
// node of that shape gets it, and eval/float_program.cpp, where a compiled
// program ends in it): for Int constants k (|k| < 2^62) and d, d a decimal
// 2^a * 5^b that an inline Rat holds (the shape is checked when the node's
// function is chosen). The Rat in lowest terms straight from the rounded
// double, cancelled as the exact division would (cancelDecimal), without the
// Int, the sum and the generic division in between. A rounded value in
// [-2^62, 2^62) cannot overflow the sum; anything else (a huge x) goes the
// general way from the same double (roundedOverDecimalSlow): the same big
// Ints, the same Rat.

#include "interpreter/small_rat.h"
#include "interpreter/value.h"

#include <cmath>
#include <cstdint>

namespace absim::interp {

struct Expr;

// floor and ceil of a double, as the functions the forms are made for.
inline double roundDown(double d) {
    return std::floor(d);
}
inline double roundUp(double d) {
    return std::ceil(d);
}

// The node's value the general way, x already computed as `d`: the builtin
// floor or ceil of the Float, the Int sum, the exact division.
Value roundedOverDecimalSlow(const Expr* e, double d);

// The node's Int constants: k with the sign of the operator folded in (0
// without one), and d.
struct RoundedOverDecimal {
    int64_t offset = 0;
    uint64_t denominator = 1;
};
RoundedOverDecimal roundedOverDecimalConstants(const Expr* e);

// The node's x (the argument of floor or ceil).
const Expr* roundedOverDecimalArgument(const Expr* e);

template <double (*Round)(double)>
[[gnu::always_inline]] inline Value roundedOverDecimal(const Expr* e, double d,
                                                       RoundedOverDecimal c) {
    constexpr double kTwo62 = 4611686018427387904.0;
    double r = Round(d);
    if (!(r >= -kTwo62 && r < kTwo62)) [[unlikely]]
        return roundedOverDecimalSlow(e, d);
    int64_t n = int64_t(r) + c.offset;
    uint64_t m = smallrat::magnitude(n);
    uint64_t den = c.denominator;
    smallrat::detail::cancelDecimal(m, den, smallrat::detail::decimalFactors(den));
    return smallrat::detail::fromReducedWord(smallrat::detail::withSign(m, n < 0), den);
}

} // namespace absim::interp
