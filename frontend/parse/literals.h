#pragma once
// Decoding the text of literal tokens (language.md §1, §1.1).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace absim::parse {

// An escape that is not one of \\ \" \n \t \r: its offset in code points
// from the start of the token, and its spelling.
struct BadEscape {
    size_t column;
    std::string spelling;
};

// The value of a string literal token (quotes included; the closing quote
// may be missing). Unknown escapes are kept as written and listed in `bad`.
std::string decodeStringLiteral(std::string_view token, std::vector<BadEscape>* bad = nullptr);

// The value of a piece of template text: only \` and \$ are escapes.
std::string decodeTemplateText(std::string_view text);

} // namespace absim::parse
