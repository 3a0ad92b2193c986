// Escaping and width estimates for labels.

#include "app/report/svg_text.h"

namespace absim::report {

namespace {

bool continuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

constexpr double kGlyphEm = 0.6;

} // namespace

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            // Control characters are not allowed in XML 1.0; drop them.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')
                continue;
            out += c;
        }
    }
    return out;
}

double textWidth(std::string_view text, double fontSize) {
    double glyphs = 0;
    for (char c : text) {
        if (!continuationByte(c))
            glyphs += 1;
    }
    return glyphs * fontSize * kGlyphEm;
}

std::string fitText(std::string_view text, double fontSize, double width) {
    if (textWidth(text, fontSize) <= width)
        return std::string(text);
    double ellipsis = fontSize * kGlyphEm;
    std::size_t end = 0;
    double used = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuationByte(text[i]))
            continue;
        if (used + fontSize * kGlyphEm + ellipsis > width)
            break;
        used += fontSize * kGlyphEm;
        // Advance past this glyph's continuation bytes.
        end = i + 1;
        while (end < text.size() && continuationByte(text[end]))
            ++end;
    }
    return std::string(text.substr(0, end)) + "\u2026";
}

} // namespace absim::report
