#include "interpreter/strings.h"

#include "interpreter/errors.h"
#include "interpreter/utf8.h"
#include "interpreter/value_access.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace absim::interp {

namespace {

const Value& expectString(const char* name, const Value& s) {
    if (!s.isString()) {
        throwKindMismatch(name, s);
    }
    return s;
}

// A string value of the bytes `first` then `second`, with room for `capacity`.
Value joined(std::string_view first, std::string_view second, size_t capacity) {
    size_t size = first.size() + second.size();
    if (size <= Value::kInlineStringBytes) {
        char buffer[Value::kInlineStringBytes];
        std::memcpy(buffer, first.data(), first.size());
        std::memcpy(buffer + first.size(), second.data(), second.size());
        return Value::fromString({buffer, size});
    }
    detail::StringCell* cell = detail::newStringCell(size, std::max(size, capacity));
    std::memcpy(cell->bytes(), first.data(), first.size());
    std::memcpy(cell->bytes() + first.size(), second.data(), second.size());
    return ValueAccess::adoptString(cell);
}

} // namespace

Value strlen(const Value& s) {
    return Value::fromInt(int64_t(expectString("strlen", s).stringCodePoints()));
}

Value substr(const Value& s, const Value& start, const Value& length) {
    std::string_view text = expectString("substr", s).stringView();
    if (!start.isInt() || !length.isInt()) {
        throwKindMismatch("substr", start, length);
    }
    size_t count = s.stringCodePoints();
    // Big Ints are out of range for any string that fits in memory.
    bool ok = start.isSmallInt() && length.isSmallInt() && start.smallInt() >= 0 &&
              length.smallInt() >= 0 && uint64_t(start.smallInt()) <= count &&
              uint64_t(length.smallInt()) <= count - uint64_t(start.smallInt());
    if (!ok) {
        throwRuntimeError("substr: start and length must satisfy 0 <= start, 0 <= length, "
                          "start + length <= " +
                          std::to_string(count) + " (the string's length)");
    }
    size_t from = size_t(start.smallInt());
    size_t len = size_t(length.smallInt());
    if (count == text.size()) { // ASCII: code points are bytes
        return Value::fromString(text.substr(from, len));
    }
    size_t begin = utf8::byteOffset(text, from);
    size_t end = begin + utf8::byteOffset(text.substr(begin), len);
    return Value::fromString(text.substr(begin, end - begin));
}

Value concat(const Value& a, const Value& b) {
    std::string_view x = expectString("+", a).stringView();
    std::string_view y = expectString("+", b).stringView();
    if (y.empty()) {
        return a;
    }
    if (x.empty()) {
        return b;
    }
    return joined(x, y, 0);
}

Value concat(Value&& a, const Value& b) {
    std::string_view y = expectString("+", b).stringView();
    expectString("+", a);
    detail::StringCell* cell = ValueAccess::uniqueStringCell(a);
    if (!cell) {
        return concat(static_cast<const Value&>(a), b);
    }
    size_t size = cell->size + y.size();
    if (size <= cell->capacity) {
        // `b` may be `a` itself: its bytes lie before the appended range.
        std::memcpy(cell->bytes() + cell->size, y.data(), y.size());
        cell->size = size;
        cell->codePoints = -1;
        return std::move(a);
    }
    // Grow geometrically: whoever moves a string in is likely to append again.
    std::string_view x(cell->bytes(), cell->size);
    return joined(x, y, std::max(size, 2 * cell->size));
}

} // namespace absim::interp
