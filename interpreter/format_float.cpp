// Float layout of toString, following the reference (language.md §5):
// shortest round-trip digits d1..dn with value 0.d1...dn × 10^p, then
//   p == n            digits ".0"                 1.0, 12.0
//   0 < p < n         d1..dp "." rest             1.5
//   n < p < n+6       digits, p-n zeros, ".0"     100000.0
//   p == 0            "0." digits                 0.1
//   -6 < p < 0        "0.", -p zeros, digits      0.000001
//   otherwise         d1 "." (d2..dn or 0) e±|p-1|  1.0e+6, 1.5e-7

#include "interpreter/format.h"
#include "interpreter/shortest_decimal.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace absim::interp {

std::string formatFloat(double d) {
    if (d == 0.0) {
        return "0.0"; // also -0.0
    }
    if (!std::isfinite(d)) {
        // Arithmetic never produces these (numbers.h); say what it is anyway.
        return std::isnan(d) ? "nan" : (d > 0 ? "inf" : "-inf");
    }
    ShortestDecimal decimal = shortestDecimal(d);
    const std::string& digits = decimal.digits;
    int n = int(digits.size());
    int p = decimal.pointPosition;

    std::string out;
    if (d < 0) {
        out += '-';
    }
    if (p > 0 && p < n + 6) {
        if (p >= n) {
            out += digits;
            out.append(size_t(p - n), '0');
            out += ".0";
        } else {
            out.append(digits, 0, size_t(p));
            out += '.';
            out.append(digits, size_t(p));
        }
    } else if (p <= 0 && p > -6) {
        out += "0.";
        out.append(size_t(-p), '0');
        out += digits;
    } else {
        out += digits[0];
        out += '.';
        out += n > 1 ? digits.substr(1) : "0";
        out += 'e';
        out += p - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(p - 1));
    }
    return out;
}

} // namespace absim::interp
