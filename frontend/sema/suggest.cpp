#include "frontend/sema/suggest.h"

#include <algorithm>
#include <cctype>

namespace absim::sema {

size_t editDistance(std::string_view a, std::string_view b) {
    // Three rows: swapping two neighbours (`lenght`) is one typo, not two.
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(row);
    }
    return previous[b.size()];
}

namespace {

bool equalIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

} // namespace

std::string closestName(std::string_view wrong, const std::vector<std::string>& candidates) {
    size_t limit = std::max<size_t>(1, wrong.size() / 3);
    std::string best;
    size_t bestDistance = limit + 1;
    for (const std::string& c : candidates) {
        if (c == wrong)
            continue;
        // `Stdlib` for `StdLib` is a typo however long the name is.
        size_t d = equalIgnoringCase(c, wrong) ? 0 : editDistance(wrong, c);
        // Ties go to the alphabetically first name so hints are stable.
        if (d < bestDistance || (d == bestDistance && !best.empty() && c < best)) {
            best = c;
            bestDistance = d;
        }
    }
    return bestDistance <= limit ? best : std::string();
}

std::string didYouMean(std::string_view wrong, const std::vector<std::string>& candidates) {
    std::string best = closestName(wrong, candidates);
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

std::string abstractSpelling(std::string_view name) {
    struct Spelling {
        std::string_view foreign;
        const char* abs;
    };
    static constexpr Spelling kSpellings[] = {
        {"Integer", "Int"},  {"int", "Int"},      {"long", "Int"},     {"Long", "Int"},
        {"Boolean", "Bool"}, {"boolean", "Bool"}, {"bool", "Bool"},    {"string", "String"},
        {"double", "Float"}, {"Double", "Float"}, {"float", "Float"},  {"void", "Unit"},
        {"Void", "Unit"},    {"true", "True"},    {"false", "False"},  {"None", "Nothing"},
        {"nil", "Nil"},      {"NULL", "null"},    {"nullptr", "null"}, {"self", "this"},
    };
    for (const Spelling& s : kSpellings)
        if (s.foreign == name)
            return std::string("; ABS writes it '") + s.abs + "'";
    return "";
}

} // namespace absim::sema
