// Texts about the run's facts.

#include "app/report/run_facts_text.h"

#include <fmt/format.h>

namespace absim::report {

std::string runFactsLine(const RunFacts& facts) {
    std::string line = "final time " + facts.finalTime.exact;
    if (facts.seed)
        line += fmt::format(" \u00b7 seed {}", *facts.seed);
    if (facts.clockLimit)
        line += " \u00b7 clock limit " + facts.clockLimit->exact;
    return line;
}

std::string commandLineText(const std::vector<std::string>& arguments) {
    std::string out;
    for (const std::string& arg : arguments) {
        if (!out.empty())
            out += ' ';
        bool plain = !arg.empty() &&
                     arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789-_=./:,+@%") == std::string::npos;
        if (plain) {
            out += arg;
            continue;
        }
        out += '\'';
        for (char c : arg)
            out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

} // namespace absim::report
