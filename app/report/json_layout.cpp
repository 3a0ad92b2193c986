// Hand-made indentation around nlohmann's scalar output (which handles
// string escaping and round-trip doubles).

#include "app/report/json_layout.h"

#include <cmath>

namespace absim::report {

namespace {

using Json = nlohmann::ordered_json;

std::string scalar(const Json& v) {
    // Invalid UTF-8 in a model's string must not abort the output.
    return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool flat(const Json& v) {
    for (const auto& child : v) {
        if (child.is_structured())
            return false;
    }
    return true;
}

void layout(const Json& v, int indent, std::string& out) {
    if (!v.is_structured()) {
        out += scalar(v);
        return;
    }
    bool object = v.is_object();
    out += object ? '{' : '[';
    if (v.empty()) {
        out += object ? '}' : ']';
        return;
    }
    bool oneLine = flat(v);
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first)
            out += oneLine ? ", " : ",";
        first = false;
        if (!oneLine)
            out += "\n" + pad;
        if (object)
            out += scalar(Json(it.key())) + ": ";
        layout(it.value(), indent + 2, out);
    }
    if (!oneLine)
        out += "\n" + std::string(static_cast<std::size_t>(indent), ' ');
    out += object ? '}' : ']';
}

} // namespace

void layoutJsonInto(const Json& value, int indent, std::string& out) {
    layout(value, indent, out);
}

std::string layoutJson(const Json& value) {
    std::string out;
    layout(value, 0, out);
    out += '\n';
    return out;
}

Json jsonNumber(double v) {
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9e15)
        return static_cast<long long>(v);
    return v;
}

} // namespace absim::report
