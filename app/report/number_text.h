#pragma once
// Number texts for the output files and charts. Outputs must be the same
// bytes for the same data, so nothing here depends on the locale or on
// iostream state.

#include <string>

namespace absim::report {

// The shortest text that reads back as the same double: "10", "2.5",
// "0.3333333333333333". -0 prints as "0".
std::string decimal(double v);

// Rounded to `decimals` places with trailing zeros dropped: "66.667", "100".
std::string rounded(double v, int decimals);

// Exactly `decimals` places: for SVG coordinates ("12.50").
std::string fixed(double v, int decimals);

// For people: the exact text when it is short ("5/2", "12"), otherwise
// rounded to three decimals ("0.333" rather than "1234567/3703701").
std::string readable(double value, const std::string& exact);

} // namespace absim::report
