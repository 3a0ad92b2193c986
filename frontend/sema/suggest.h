#pragma once
// "Did you mean" hints: the closest visible name to a misspelt one, by edit
// distance, so that every unknown-name error can point at the likely fix.

#include <string>
#include <string_view>
#include <vector>

namespace absim::sema {

// Edit distance: insert, delete, substitute or swap two neighbours, each
// costing 1.
size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `wrong`, or "" when none is close enough to be a
// plausible typo (distance at most a third of the length, at least 1; a
// case-only difference always counts).
std::string closestName(std::string_view wrong, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the closest candidate, or "" when there is none.
std::string didYouMean(std::string_view wrong, const std::vector<std::string>& candidates);

// "; ABS writes it 'Int'" for a name from another language that ABS spells
// otherwise (`Integer`, `boolean`, `void`, `true`, `None`...), or "".
std::string abstractSpelling(std::string_view name);

} // namespace absim::sema
