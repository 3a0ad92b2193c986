#pragma once
// Lists used as queues and walked by index: `x = appendright(x, e)` and
// `x = tail(x)` on a list variable in place, and `length` and `nth`
// without walking again what was walked before.
//
// A list used as a FIFO queue (append at the end, take from the front) is
// the commonest queue of ABS models. Done as written, each append copies
// the whole spine: a queue that grows to n jobs costs O(n) per job, and a
// model whose queue backs up runs in quadratic time. When the variable is
// the only holder of every cell of its list's spine, nobody can see the
// last cell change, so the append links a new cell there instead.
//
// Proving that takes a walk down the spine (every cell counted once). A
// walk per append would still be O(n), so the last cell found is
// remembered with the list's first cell, and trusted while no reference
// to a cell inside a spine has been copied since. Such copies are made in
// three places only, each of which calls noteSpineCopied(): binding the
// tail of a `Cons` pattern (match), the `tail` selector, and `foreach`'s
// step. Any other reference to an inner cell would have to be copied from
// one of those, so between two of them the cells that were each held once
// are still held once. References to the first cell are counted by the
// cell itself, checked at every append. A first cell that is freed drops
// what was remembered with it, so its memory reused by another list is not
// mistaken for it.
//
// The same entry remembers the list's length and the last cell `nth`
// reached, so `while (i < length(l)) { .. nth(l, i) .. }` is linear, not
// quadratic. A list's cells never change except by an append in place,
// which lengthens every list its last cell belongs to: the length is
// trusted while no other list was appended to in place. Positions never
// change, so the cell `nth` reached stays right while the first cell lives.

#include "interpreter/value.h"

#include <cstdint>

namespace absim::interp {

namespace spine_detail {

// What is known of the list whose first cell is `first`.
struct RememberedList {
    const RefCounted* first;
    RefCounted* last;         // its last cell, each cell between held once,
    uint64_t era;             //   while era == copies
    int64_t length;           // its length (0: unknown),
    uint64_t lengthEra;       //   while lengthEra == appends
    const RefCounted* cursor; // its cell at position cursorIndex (from 0),
    int64_t cursorIndex;      //   or nullptr
};

// Direct-mapped by the first cell's address: a few queues of one model
// keep their entries, and forgetting one costs one compare.
constexpr size_t kRemembered = 16;

struct SpineState {
    uint64_t copies;  // references into spines copied so far
    uint64_t appends; // appends in place so far
    RememberedList lists[kRemembered];
};

// Trivial, so reaching it needs no initialisation check (as pool.h).
inline thread_local SpineState state{};

inline size_t slotOf(const RefCounted* cell) noexcept {
    auto bits = reinterpret_cast<uintptr_t>(cell);
    return (bits >> 4 ^ bits >> 10) % kRemembered;
}

} // namespace spine_detail

// A reference to a cell inside a list's spine was copied: every
// remembered last cell must be found again.
inline void noteSpineCopied() noexcept {
    ++spine_detail::state.copies;
}

// The selector of argument `index` of constructor `c` gave its value: the
// `tail` of a list is a second holder of its cells.
inline void noteSelected(const ConstructorInfo* c, uint32_t index) noexcept {
    if (index == 1 && c->builtin == BuiltinConstructor::Cons) {
        noteSpineCopied();
    }
}

// A data cell is being freed: if it was a remembered first cell, forget it.
inline void forgetSpineCell(const RefCounted* cell) noexcept {
    spine_detail::RememberedList& l = spine_detail::state.lists[spine_detail::slotOf(cell)];
    if (l.first == cell) {
        l.first = nullptr;
    }
}

// list = appendright(list, element): `list` is the variable itself.
void appendRightInPlace(Value& list, Value element);

// appendright(list, element) as a new list, whose last cell is remembered.
Value appendedCopy(const Value& list, Value element);

// list = tail(list); raises PatternMatchFailException on an empty list, as
// the selector does.
void dropHeadInPlace(Value& list);

// length(list).
int64_t listLength(const Value& list);

// nth(list, n), 0 <= n; raises PatternMatchFailException past the end, as
// the stdlib's nth does.
const Value& listElement(const Value& list, int64_t n);

} // namespace absim::interp
