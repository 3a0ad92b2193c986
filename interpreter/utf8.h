#pragma once
// UTF-8 helpers for String values, which ABS measures in code points.
// Strings come from validated source text and from other strings, so the
// bytes are well-formed UTF-8: a code point starts at every byte that is not
// a continuation byte (10xxxxxx).

#include <cstddef>
#include <string_view>

namespace absim::interp::utf8 {

inline bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

inline size_t countCodePoints(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) {
        n += !isContinuation(c);
    }
    return n;
}

// Byte offset of code point `index` (s.size() when index == count).
// Precondition: index <= countCodePoints(s).
inline size_t byteOffset(std::string_view s, size_t index) {
    size_t offset = 0;
    while (index > 0) {
        ++offset;
        while (offset < s.size() && isContinuation(static_cast<unsigned char>(s[offset]))) {
            ++offset;
        }
        --index;
    }
    return offset;
}

} // namespace absim::interp::utf8
