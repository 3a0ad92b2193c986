// Texts about the run's facts.

#include "app/report/run_facts_text.h"

#include "app/report/number_text.h"

#include <fmt/format.h>

namespace absim::report {

std::string runFactsLine(const RunFacts& facts) {
    // A header is read by people: a long exact time such as "21642463/250"
    // says nothing at a glance, so it is rounded like the charts' numbers.
    std::string line = "final time " + readable(facts.finalTime.value, facts.finalTime.exact);
    if (facts.seed)
        line += fmt::format(" \u00b7 seed {}", *facts.seed);
    if (facts.clockLimit)
        line += " \u00b7 clock limit " + readable(facts.clockLimit->value, facts.clockLimit->exact);
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
