#include "frontend/parse/literals.h"

namespace absim::parse {

namespace {

bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The UTF-8 sequence of the code point starting at `text[i]`.
std::string_view codePointAt(std::string_view text, size_t i) {
    size_t j = i + 1;
    while (j < text.size() && isContinuation(text[j]))
        ++j;
    return text.substr(i, j - i);
}

} // namespace

std::string decodeStringLiteral(std::string_view token, std::vector<BadEscape>* bad) {
    std::string out;
    if (token.empty())
        return out;
    size_t end = token.size();
    if (end >= 2 && token.back() == '"') {
        // the closing quote, unless it is the escaped quote of `"a\"`
        size_t backslashes = 0;
        for (size_t k = end - 1; k > 1 && token[k - 1] == '\\'; --k)
            ++backslashes;
        if (backslashes % 2 == 0)
            --end;
    }
    size_t column = 0; // code points from the opening quote
    for (size_t i = 1; i < end; ++i) {
        char c = token[i];
        if (!isContinuation(c))
            ++column;
        if (c != '\\' || i + 1 >= end) {
            out += c;
            continue;
        }
        char next = token[i + 1];
        switch (next) {
        case '\\':
            out += '\\';
            break;
        case '"':
            out += '"';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        default: {
            std::string_view seq = codePointAt(token, i + 1);
            if (bad) {
                std::string spelling(1, '\\');
                spelling += seq; // appended: `"\\" + s` draws a false -Wrestrict from GCC 12
                bad->push_back(BadEscape{column, spelling});
            }
            out += '\\';
            out += seq;
            i += seq.size() - 1;
            break;
        }
        }
        ++i;
        ++column;
    }
    return out;
}

std::string decodeTemplateText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '`' || text[i + 1] == '$')) {
            out += text[i + 1];
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace absim::parse
