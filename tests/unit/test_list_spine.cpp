// Lists updated in place (interpreter/list_spine.h): a list its variable
// alone holds grows at its last cell and loses its first cell without a
// copy; a list someone else holds is copied, and they keep what they had;
// a remembered first cell that is freed is forgotten, so another list
// built in its memory is not taken for it.

#include "interpreter/list_spine.h"
#include "interpreter/value_access.h"
#include "tests/unit/value_helpers.h"

#include <doctest/doctest.h>

#include <vector>

namespace absim::interp::testing {
namespace {

const RefCounted* firstCell(const Value& list) {
    return ValueAccess::dataCell(list);
}

} // namespace

TEST_CASE("a list its variable alone holds grows in place") {
    Value q = Value::nil();
    appendRightInPlace(q, I(0));
    const RefCounted* first = firstCell(q);
    size_t cells = liveValueCells();
    for (int64_t i = 1; i < 1000; ++i)
        appendRightInPlace(q, I(i));
    CHECK(firstCell(q) == first);
    CHECK(liveValueCells() == cells + 999); // one cell per element, no copies
    CHECK(equals(q, range(1000)));

    dropHeadInPlace(q);
    dropHeadInPlace(q);
    CHECK(liveValueCells() == cells + 997);
    appendRightInPlace(q, I(1000));
    CHECK(str(q).substr(0, 12) == "list[2,3,4,5");
    CHECK(str(q).substr(str(q).size() - 10) == ",999,1000]");
}

TEST_CASE("a list held elsewhere is copied, and the other holder keeps its list") {
    Value q = ints({1, 2, 3});
    SUBCASE("the whole list") {
        Value saved = q;
        appendRightInPlace(q, I(4));
        CHECK(str(saved) == "list[1,2,3]");
        CHECK(str(q) == "list[1,2,3,4]");
        dropHeadInPlace(saved);
        CHECK(str(saved) == "list[2,3]");
        CHECK(str(q) == "list[1,2,3,4]");
    }
    SUBCASE("a cell inside it") {
        appendRightInPlace(q, I(4)); // remembered from here on
        Value inner = q.arg(1).arg(1);
        noteSpineCopied(); // what the selector, a pattern or foreach does here
        appendRightInPlace(q, I(5));
        CHECK(str(inner) == "list[3,4]");
        CHECK(str(q) == "list[1,2,3,4,5]");
        // Found again by a walk: the copy is held once throughout.
        Value rest = q;
        appendRightInPlace(rest, I(6));
        CHECK(str(q) == "list[1,2,3,4,5]");
    }
}

TEST_CASE("an empty list raises on tail and grows into a one-element list") {
    Value q = Value::nil();
    CHECK_THROWS(dropHeadInPlace(q));
    appendRightInPlace(q, I(7));
    CHECK(str(q) == "list[7]");
    dropHeadInPlace(q);
    CHECK(q.is(BuiltinConstructor::Nil));
}

TEST_CASE("a freed first cell is forgotten") {
    Value q = Value::nil();
    for (int64_t i = 0; i < 3; ++i)
        appendRightInPlace(q, I(i));
    const RefCounted* first = firstCell(q);
    const spine_detail::RememberedList& entry =
        spine_detail::state.lists[spine_detail::slotOf(first)];
    CHECK(entry.first == first);
    q = Value::nil();
    CHECK(entry.first == nullptr);

    // A list whose first cell lands in that memory (the cell pools reuse
    // blocks; not under the sanitizers, which free every block) and whose
    // rest is shared must be copied, not appended to where the old list
    // ended.
    Value shared = ints({5, 6});
    Value holder = shared;
    std::vector<Value> made;
    for (int i = 0; i < 64; ++i) {
        Value n = Value::cons(I(9), shared);
        if (firstCell(n) == first) {
            appendRightInPlace(n, I(10));
            CHECK(str(n) == "list[9,5,6,10]");
            break;
        }
        made.push_back(std::move(n));
    }
    CHECK(str(holder) == "list[5,6]");
}

TEST_CASE("length and nth remember where they got to, and forget what an append changed") {
    Value q = Value::nil();
    for (int64_t i = 0; i < 10000; ++i)
        appendRightInPlace(q, I(i));
    CHECK(listLength(q) == 10000);
    for (int64_t i = 0; i < 10000; i += 7)
        CHECK(listElement(q, i).smallInt() == i);
    const spine_detail::RememberedList& entry =
        spine_detail::state.lists[spine_detail::slotOf(firstCell(q))];
    CHECK(entry.cursorIndex == 9996);
    CHECK(listElement(q, 3).smallInt() == 3); // behind the cursor: from the start
    CHECK_THROWS(listElement(q, 10000));

    // The list from the second cell: its length, then its first cell's
    // list grows in place, which makes that list longer too.
    Value inner = q.arg(1);
    noteSpineCopied();
    CHECK(listLength(inner) == 9999);
    const RefCounted* second = firstCell(inner);
    inner = Value();
    appendRightInPlace(q, I(10000));
    CHECK(firstCell(q.arg(1)) == second);
    Value again = q.arg(1);
    noteSpineCopied();
    CHECK(listLength(again) == 10000);
    CHECK(listLength(q) == 10001);

    // Losing the first cell keeps what is known, one place on.
    again = Value();
    CHECK(listElement(q, 500).smallInt() == 500);
    dropHeadInPlace(q);
    CHECK(listLength(q) == 10000);
    CHECK(listElement(q, 499).smallInt() == 500);
    CHECK(listElement(q, 9999).smallInt() == 10000);
}

} // namespace absim::interp::testing
