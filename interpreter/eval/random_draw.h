#pragma once
// The draw random(n) makes (stdlib.md §3): a uniform Int in [0, n), n >= 1,
// from the run's generator. Defined once, so that a specialised node that
// draws without calling the builtin (eval/float_chains.cpp) makes exactly
// the builtin's draw, consuming the generator the same way.

#include <cstdint>
#include <random>

namespace absim::interp {

inline int64_t drawBelow(std::mt19937_64& rng, int64_t n) {
    std::uniform_int_distribution<int64_t> d(0, n - 1);
    return d(rng);
}

struct Expr;

// The constants of float((random(n) + k) / m), float((random(n) - k) / m)
// or float(random(n) / m) (eval/float_chains.cpp checks the shape): k with
// the sign of the operator folded in (0 without one). Its value is 0.0 for
// a numerator of 0 (the Rat 0, whatever m's sign), else
// double(random(n) + k) / double(m): one IEEE division of two exact
// doubles.
struct DrawByConstant {
    int64_t below = 1, offset = 0, divisor = 1;
};
DrawByConstant drawByConstantOf(const Expr* e);

} // namespace absim::interp
