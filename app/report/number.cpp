// Exact arithmetic on report numbers. Counters add up rationals from the
// model, and a sum of thirds must stay exact in the files, so this uses an
// arbitrary-precision rational (header-only Boost, no GMP needed here).

#include "app/report/run_record.h"

#include "app/report/number_text.h"

#include <boost/multiprecision/cpp_int.hpp>

#include <exception>
#include <string>

namespace absim::report {

namespace {

using Rational = boost::multiprecision::cpp_rational;

Number fromRational(const Rational& r) {
    return Number{r.convert_to<double>(), r.str()};
}

std::optional<Rational> parseRational(std::string_view text) {
    // Boost accepts a few spellings ABS never prints (spaces, "+5"); only
    // digits, one optional '-' and one optional '/' are let through.
    if (text.empty())
        return std::nullopt;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || c == '-' || c == '/'))
            return std::nullopt;
    }
    try {
        return Rational(std::string(text));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

Number Number::integer(long long v) {
    return Number{static_cast<double>(v), std::to_string(v)};
}

Number Number::ratio(long long p, long long q) {
    return fromRational(Rational(p, q));
}

std::optional<Number> Number::parse(std::string_view exact) {
    auto r = parseRational(exact);
    if (!r)
        return std::nullopt;
    return fromRational(*r);
}

Number add(const Number& a, const Number& b) {
    auto x = parseRational(a.exact);
    auto y = parseRational(b.exact);
    if (x && y)
        return fromRational(*x + *y);
    // Not exact texts (a hand-built record, say): keep the approximate sum
    // rather than fail.
    double sum = a.value + b.value;
    return Number{sum, decimal(sum)};
}

} // namespace absim::report
