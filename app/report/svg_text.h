#pragma once
// Text helpers for SVG and HTML output: escaping, and an estimate of how
// wide a label renders, used to wrap legends and shorten long DC names so
// that labels never run into each other.

#include <string>
#include <string_view>

namespace absim::report {

// Escapes &, <, >, " and ' for element text and attribute values alike.
std::string escapeXml(std::string_view text);

// Approximate rendered width in pixels of `text` in a sans-serif font of
// `fontSize` pixels (an average glyph is about 0.6 em wide; UTF-8
// continuation bytes do not count as glyphs).
double textWidth(std::string_view text, double fontSize);

// `text` cut at a glyph boundary and ended with "…" if it would be wider
// than `width` pixels.
std::string fitText(std::string_view text, double fontSize, double width);

} // namespace absim::report
