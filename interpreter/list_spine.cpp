#include "interpreter/list_spine.h"

#include "interpreter/errors.h"
#include "interpreter/value_access.h"

#include <vector>

namespace absim::interp {

namespace {

using detail::DataCell;
using spine_detail::RememberedList;
using spine_detail::slotOf;
using spine_detail::state;

DataCell* consCell(const Value& v) {
    return v.is(BuiltinConstructor::Cons) ? ValueAccess::dataCell(v) : nullptr;
}

// The last cell of the spine from `cell` on when each of its cells is held
// once (by the variable or by the cell before it), else nullptr; `count`
// gets the number of cells when it is found.
DataCell* soleLastCell(DataCell* cell, int64_t& count) {
    count = 1;
    for (;; ++count) {
        if (cell->refs != 1)
            return nullptr;
        const Value& rest = cell->args()[1];
        DataCell* next = consCell(rest);
        if (!next)
            return rest.is(BuiltinConstructor::Nil) ? cell : nullptr;
        cell = next;
    }
}

// The entry of the list from `first`, or nullptr.
RememberedList* known(const RefCounted* first) {
    RememberedList& l = state.lists[slotOf(first)];
    return l.first == first ? &l : nullptr;
}

// The entry of the list from `first`, made empty if it held another list.
RememberedList& claim(const RefCounted* first) {
    RememberedList& l = state.lists[slotOf(first)];
    if (l.first != first)
        l = RememberedList{first, nullptr, 0, 0, 0, nullptr, 0};
    return l;
}

RefCounted* trustedLast(const RememberedList* l) {
    return l && l->last && l->era == state.copies ? l->last : nullptr;
}

int64_t trustedLength(const RememberedList* l) {
    return l && l->length > 0 && l->lengthEra == state.appends ? l->length : 0;
}

} // namespace

void appendRightInPlace(Value& list, Value element) {
    DataCell* first = consCell(list);
    if (first && first->refs == 1) {
        const RememberedList* before = known(first);
        int64_t length = trustedLength(before);
        auto* last = static_cast<DataCell*>(trustedLast(before));
        if (!last) {
            int64_t counted = 0;
            last = soleLastCell(first, counted);
            length = counted;
        }
        if (last) {
            Value cell = Value::cons(std::move(element), Value::nil());
            DataCell* added = ValueAccess::dataCell(cell);
            last->args()[1] = std::move(cell); // was Nil: nothing to release
            // Every list this cell ends is one longer: only this one's
            // length stays known.
            ++state.appends;
            RememberedList& l = claim(first);
            l.last = added;
            l.era = state.copies;
            l.length = length ? length + 1 : 0;
            l.lengthEra = state.appends;
            return;
        }
    }
    // Empty, or seen by others: a new spine, which this variable alone holds.
    list = appendedCopy(list, std::move(element));
}

Value appendedCopy(const Value& list, Value element) {
    Value rebuilt = Value::cons(std::move(element), Value::nil());
    DataCell* last = ValueAccess::dataCell(rebuilt);
    std::vector<const Value*> items;
    for (const Value* l = &list; l->is(BuiltinConstructor::Cons); l = &l->arg(1))
        items.push_back(&l->arg(0));
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        rebuilt = Value::cons(**it, std::move(rebuilt));
    // Every cell is new and held once: what an append in place needs.
    RememberedList& l = claim(ValueAccess::dataCell(rebuilt));
    l.last = last;
    l.era = state.copies;
    l.length = int64_t(items.size()) + 1;
    l.lengthEra = state.appends;
    return rebuilt;
}

void dropHeadInPlace(Value& list) {
    DataCell* first = consCell(list);
    if (!first)
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    if (first->refs != 1) {
        // Others hold the list: its second cell gains a holder.
        noteSpineCopied();
        list = Value(list.arg(1));
        return;
    }
    // The first cell goes (freeing it forgets it); its tail moves out of it
    // into the variable, held once as before.
    const RememberedList* entry = known(first);
    if (!entry) [[likely]] {
        list = Value(std::move(first->args()[1]));
        return;
    }
    RememberedList was = *entry; // freeing the first cell forgets it
    list = Value(std::move(first->args()[1]));
    const DataCell* next = consCell(list);
    if (!next)
        return;
    // What was known, one place on.
    RememberedList& l = claim(next);
    if (RefCounted* last = trustedLast(&was)) {
        l.last = last;
        l.era = state.copies;
    }
    if (int64_t length = trustedLength(&was); length > 1) {
        l.length = length - 1;
        l.lengthEra = state.appends;
    }
    if (was.cursor && was.cursorIndex > 0) {
        l.cursor = was.cursor;
        l.cursorIndex = was.cursorIndex - 1;
    }
}

// Lists this short are walked: as quick as asking what is remembered, and
// they do not take an entry from a long one.
constexpr int64_t kShortList = 16;

int64_t listLength(const Value& list) {
    int64_t length = 0;
    const Value* l = &list;
    for (; length < kShortList && l->is(BuiltinConstructor::Cons); l = &l->arg(1))
        ++length;
    if (length < kShortList)
        return length;
    const DataCell* first = consCell(list);
    if (int64_t remembered = trustedLength(known(first)))
        return remembered;
    for (; l->is(BuiltinConstructor::Cons); l = &l->arg(1))
        ++length;
    RememberedList& r = claim(first);
    r.length = length;
    r.lengthEra = state.appends;
    return length;
}

const Value& listElement(const Value& list, int64_t n) {
    const DataCell* first = consCell(list);
    if (!first)
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    const DataCell* cell = first;
    int64_t index = 0;
    const RememberedList* r = n < kShortList ? nullptr : known(first);
    if (r && r->cursor && r->cursorIndex <= n) {
        cell = static_cast<const DataCell*>(r->cursor);
        index = r->cursorIndex;
    }
    for (; index < n; ++index) {
        cell = consCell(cell->args()[1]);
        if (!cell)
            throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    }
    if (n >= kShortList) {
        RememberedList& l = claim(first);
        l.cursor = cell;
        l.cursorIndex = n;
    }
    return cell->args()[0];
}

} // namespace absim::interp
