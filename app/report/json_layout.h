#pragma once
// A JSON layout for files people also read: containers of plain values
// (one interval, the argument list) on one line, everything else indented.
// A DC log with thousands of intervals stays one interval per line instead
// of eight lines each, and diffs of golden files stay readable.

#include <nlohmann/json.hpp>

#include <string>

namespace absim::report {

std::string layoutJson(const nlohmann::ordered_json& value);

// Appends `value` laid out as layoutJson lays out a member of a container
// `indent` spaces deep, for a writer that streams the containers around it.
void layoutJsonInto(const nlohmann::ordered_json& value, int indent, std::string& out);

// The JSON value for a number: an integer when it is integral (so files say
// 10, not 10.0), otherwise the shortest double.
nlohmann::ordered_json jsonNumber(double v);

} // namespace absim::report
