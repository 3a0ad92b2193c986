// Locale-independent number texts (std::to_chars and fmt are both exact and
// locale-free).

#include "app/report/number_text.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace absim::report {

std::string decimal(double v) {
    if (v == 0)
        return "0";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc())
        return fmt::format("{}", v);
    return std::string(buf, end);
}

std::string fixed(double v, int decimals) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    // "-0.00" would differ from "0.00" for the same picture.
    if (s.front() == '-' && s.find_first_not_of("-0.") == std::string::npos)
        s.erase(0, 1);
    return s;
}

std::string rounded(double v, int decimals) {
    std::string s = fixed(v, decimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s;
}

std::string readable(double value, const std::string& exact) {
    return exact.size() <= 8 ? exact : rounded(value, 3);
}

} // namespace absim::report
