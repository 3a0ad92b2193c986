#pragma once
// Privileged access to a Value's heap parts for the few value-layer
// operations that update a cell in place (appending to a string or a list
// nobody else sees). Not for the interpreter: it would break sharing.

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
    // The data cell of `v` (a constructor with arguments), else nullptr;
    // for linking list cells in place (list_spine.h).
    static detail::DataCell* dataCell(const Value& v) noexcept {
        if (v.tag() == Value::Tag::Data) {
            return static_cast<detail::DataCell*>(v.repr_.cell);
        }
        return nullptr;
    }
};

} // namespace absim::interp
