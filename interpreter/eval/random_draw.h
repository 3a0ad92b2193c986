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

} // namespace absim::interp
