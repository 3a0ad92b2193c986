#include "interpreter/list_spine.h"

#include "interpreter/errors.h"
#include "interpreter/value_access.h"

#include <vector>

namespace absim::interp {

namespace {

using detail::DataCell;
using spine_detail::RememberedTail;
using spine_detail::slotOf;
using spine_detail::state;

DataCell* consCell(const Value& v) {
    return v.is(BuiltinConstructor::Cons) ? ValueAccess::dataCell(v) : nullptr;
}

// The last cell of the spine from `cell` on when each of its cells is held
// once (by the variable or by the cell before it), else nullptr.
DataCell* soleLastCell(DataCell* cell) {
    for (;;) {
        if (cell->refs != 1)
            return nullptr;
        const Value& rest = cell->args()[1];
        DataCell* next = consCell(rest);
        if (!next)
            return rest.is(BuiltinConstructor::Nil) ? cell : nullptr;
        cell = next;
    }
}

void remember(const RefCounted* first, RefCounted* last) {
    state.tails[slotOf(first)] = RememberedTail{first, last, state.copies};
}

RememberedTail* remembered(const RefCounted* first) {
    RememberedTail& t = state.tails[slotOf(first)];
    return t.first == first && t.era == state.copies ? &t : nullptr;
}

} // namespace

void appendRightInPlace(Value& list, Value element) {
    DataCell* first = consCell(list);
    if (first && first->refs == 1) {
        RememberedTail* known = remembered(first);
        DataCell* last = known ? static_cast<DataCell*>(known->last) : soleLastCell(first);
        if (last) {
            Value cell = Value::cons(std::move(element), Value::nil());
            DataCell* added = ValueAccess::dataCell(cell);
            last->args()[1] = std::move(cell); // was Nil: nothing to release
            remember(first, added);
            return;
        }
    }
    // Empty, or seen by others: a new spine as appendright makes it, which
    // this variable alone holds.
    Value rebuilt = Value::cons(std::move(element), Value::nil());
    DataCell* last = ValueAccess::dataCell(rebuilt);
    std::vector<const Value*> items;
    for (const Value* l = &list; l->is(BuiltinConstructor::Cons); l = &l->arg(1))
        items.push_back(&l->arg(0));
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        rebuilt = Value::cons(**it, std::move(rebuilt));
    list = std::move(rebuilt);
    remember(ValueAccess::dataCell(list), last);
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
    RememberedTail* known = remembered(first);
    RefCounted* last = known ? known->last : nullptr;
    // The first cell goes (freeing it forgets it); its tail moves out of it
    // into the variable, held once as before.
    Value rest = std::move(first->args()[1]);
    list = std::move(rest);
    if (last) {
        if (const DataCell* next = consCell(list))
            remember(next, last);
    }
}

} // namespace absim::interp
