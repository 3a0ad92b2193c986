#include "app/sweep_plan.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace absim::cli {

namespace {

std::optional<long long> wholeNumber(const std::string& text) {
    long long n = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return n;
}

// `A..B` as two integers; nullopt when the text is not of that shape (it
// is then an ordinary value: `1.5` and `3/2` are not ranges).
std::optional<std::pair<long long, long long>> integerRange(const std::string& text) {
    size_t dots = text.find("..");
    if (dots == std::string::npos)
        return std::nullopt;
    auto from = wholeNumber(text.substr(0, dots));
    auto to = wholeNumber(text.substr(dots + 2));
    if (!from || !to)
        return std::nullopt;
    return std::make_pair(*from, *to);
}

std::vector<std::string> splitOnCommas(const std::string& text) {
    std::vector<std::string> items;
    size_t start = 0;
    for (;;) {
        size_t comma = text.find(',', start);
        items.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos)
            return items;
        start = comma + 1;
    }
}

} // namespace

std::string addSweepValues(std::vector<SweepAxis>& axes, const std::string& name,
                           const std::string& spec) {
    auto axis =
        std::find_if(axes.begin(), axes.end(), [&](const SweepAxis& a) { return a.name == name; });
    if (axis == axes.end()) {
        axes.push_back({name, {}});
        axis = axes.end() - 1;
    }
    for (const std::string& item : splitOnCommas(spec)) {
        if (item.empty())
            return "-D " + name + "=" + spec + ": an empty value (two commas, or one at an end)";
        if (item.find("..") != std::string::npos) {
            auto range = integerRange(item);
            if (!range)
                return "-D " + name + "=" + spec + ": '" + item +
                       "' is not a range of integers (A..B)";
            auto [from, to] = *range;
            if (from > to)
                return "-D " + name + "=" + spec + ": the range '" + item + "' is empty";
            if (to - from >= (long long)kMaxSweepRuns)
                return "-D " + name + "=" + spec + ": the range '" + item + "' has more than " +
                       std::to_string(kMaxSweepRuns) + " values";
            for (long long v = from; v <= to; ++v)
                axis->values.push_back(std::to_string(v));
            continue;
        }
        axis->values.push_back(item);
    }
    return "";
}

std::optional<std::vector<uint64_t>> parseSeeds(const std::string& spec) {
    std::vector<uint64_t> seeds;
    if (auto range = integerRange(spec)) {
        auto [from, to] = *range;
        if (from < 0 || from > to || to - from >= (long long)kMaxSweepRuns)
            return std::nullopt;
        for (long long s = from; s <= to; ++s)
            seeds.push_back(uint64_t(s));
        return seeds;
    }
    auto count = wholeNumber(spec);
    if (!count || *count < 1 || *count > (long long)kMaxSweepRuns)
        return std::nullopt;
    for (long long s = 0; s < *count; ++s)
        seeds.push_back(uint64_t(s));
    return seeds;
}

std::vector<SweepRun> sweepRuns(const std::vector<SweepAxis>& axes,
                                const std::vector<uint64_t>& seeds) {
    size_t total = seeds.size();
    for (const SweepAxis& a : axes) {
        if (a.values.empty() || total > kMaxSweepRuns / a.values.size())
            return {};
        total *= a.values.size();
    }
    if (total == 0 || total > kMaxSweepRuns)
        return {};
    std::vector<SweepRun> runs;
    runs.reserve(total);
    // An odometer over the axes, the last axis turning fastest.
    std::vector<size_t> at(axes.size(), 0);
    for (;;) {
        SweepRun run;
        for (size_t i = 0; i < axes.size(); ++i)
            run.values.push_back(axes[i].values[at[i]]);
        for (uint64_t seed : seeds) {
            run.seed = seed;
            runs.push_back(run);
        }
        size_t i = axes.size();
        while (i > 0 && ++at[i - 1] == axes[i - 1].values.size()) {
            at[i - 1] = 0;
            --i;
        }
        if (i == 0)
            return runs;
    }
}

int runNumberWidth(size_t runs) {
    int digits = int(std::to_string(runs).size());
    return std::max(4, digits);
}

std::string runName(size_t run, size_t runs) {
    std::string number = std::to_string(run);
    int width = runNumberWidth(runs);
    if (int(number.size()) < width)
        number.insert(0, size_t(width) - number.size(), '0');
    return "run-" + number;
}

std::string addSweepColumn(std::vector<SweepColumn>& columns, const std::string& spec) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0)
        return "--collect takes NAME=REGEX, not '" + spec + "'";
    std::string name = spec.substr(0, eq);
    for (const SweepColumn& c : columns)
        if (c.name == name)
            return "--collect " + name + " is given twice";
    try {
        columns.push_back({name, spec.substr(eq + 1), std::regex(spec.substr(eq + 1))});
    } catch (const std::regex_error& e) {
        return "--collect " + name + ": '" + spec.substr(eq + 1) +
               "' is not a regular expression (" + e.what() + ")";
    }
    return "";
}

std::string collected(const SweepColumn& column, const std::string& output) {
    std::string found;
    size_t start = 0;
    while (start < output.size()) {
        size_t end = output.find('\n', start);
        if (end == std::string::npos)
            end = output.size();
        std::smatch m;
        std::string line = output.substr(start, end - start);
        if (std::regex_search(line, m, column.regex))
            found = m.size() > 1 ? m[1].str() : m[0].str();
        start = end + 1;
    }
    return found;
}

std::string shellQuoted(const std::string& word) {
    bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return std::isalnum(c) ||
               std::string_view("@%+=:,./_-").find(char(c)) != std::string_view::npos;
    });
    if (safe)
        return word;
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

} // namespace absim::cli
