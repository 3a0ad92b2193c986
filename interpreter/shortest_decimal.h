#pragma once
// The shortest decimal that reads back as a given double, split into its
// digits and exponent. Both toString of a Float and `rat(f)` start from it.

#include <string>

namespace absim::interp {

// |d| == 0.digits × 10^pointPosition, digits without leading or trailing
// zeros (d finite and non-zero).
struct ShortestDecimal {
    bool negative = false;
    std::string digits;
    int pointPosition = 0;
};

ShortestDecimal shortestDecimal(double d);

} // namespace absim::interp
