#pragma once
// Privileged access to a Value's heap parts for the few value-layer
// operations that update a cell in place (appending to a string nobody else
// sees). Not for the interpreter: it would break sharing.

#include "interpreter/value.h"

namespace absim::interp {

class ValueAccess {
public:
    // The string cell of `v` when `v` is its only owner, else nullptr.
    static detail::StringCell* uniqueStringCell(Value& v) noexcept {
        if (v.tag() == Value::Tag::String && v.repr_.cell->refs == 1) {
            return static_cast<detail::StringCell*>(v.repr_.cell);
        }
        return nullptr;
    }
    // A String value owning the fresh `cell`.
    static Value adoptString(detail::StringCell* cell) noexcept {
        return Value::adopt(Value::Tag::String, cell);
    }
};

} // namespace absim::interp
