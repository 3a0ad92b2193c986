#include "interpreter/shortest_decimal.h"

#include <charconv>

namespace absim::interp {

ShortestDecimal shortestDecimal(double d) {
    // std::to_chars without a precision gives the shortest round-trip form;
    // the scientific format makes it d[.ddd]e±x whatever the magnitude.
    char text[64];
    auto [end, ec] = std::to_chars(text, text + sizeof text, d, std::chars_format::scientific);
    (void)ec; // 64 bytes always suffice for a double
    ShortestDecimal result;
    const char* c = text;
    if (*c == '-') {
        result.negative = true;
        ++c;
    }
    for (; c != end && *c != 'e'; ++c) {
        if (*c != '.') {
            result.digits += *c;
        }
    }
    int exponent = 0;
    if (c != end) {
        ++c; // 'e'
        if (*c == '+') {
            ++c; // from_chars takes a '-' but not a '+'
        }
        std::from_chars(c, end, exponent);
    }
    // d.ddd × 10^e == 0.dddd × 10^(e+1)
    result.pointPosition = exponent + 1;
    return result;
}

} // namespace absim::interp
