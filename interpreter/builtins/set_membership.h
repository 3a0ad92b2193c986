#pragma once
// `contains(s, e)` on a set of Ints that a model asks about again and again
// (a field such as the set of active servers, tested on every job): the
// ABS definition walks the Insert chain, one cell per element, and at a
// few hundred elements that walk is a large share of a run. Sets are
// immutable, so an index of one set stays valid as long as that set lives:
// this remembers the set asked about last (holding a reference, which only
// keeps its cells allocated a little longer) and, when the same set comes
// back, answers from a hash table of its elements.
//
// Only sets longer than kShort whose elements are all small Ints are
// indexed, and only small Int needles use the index: there `equals` is
// equality of the two integers, so the answer is the walk's. Anything else
// walks.

#include "interpreter/compare.h"
#include "interpreter/value.h"

#include <climits>
#include <cstdint>
#include <vector>

namespace absim::interp {

class SetMembership {
  public:
    // Sets up to this long are walked: as fast as a lookup, and they never
    // replace the remembered set.
    static constexpr size_t kShort = 8;

    // Whether `set` holds `e`, like the walk of contains/2.
    bool contains(const Value& set, const Value& e) {
        if (state_ == State::Indexed && e.isSmallInt() && set_.sharesCellWith(set))
            return holds(e.smallInt());
        const Value* s = &set;
        for (size_t i = 0; i < kShort; ++i, s = &s->arg(1)) {
            if (!isInsert(*s))
                return false;
            if (equals(s->arg(0), e))
                return true;
        }
        return containsLong(set, e, s);
    }

    // Whether the last answer about `set` came from the index (tests).
    bool answersFromIndex(const Value& set) const {
        return state_ == State::Indexed && set_.sharesCellWith(set);
    }

    // The walk itself: the definition in stdlib/abs_stdlib.abs, iteratively.
    static bool walk(const Value& set, const Value& e) {
        for (const Value* s = &set; isInsert(*s); s = &s->arg(1))
            if (equals(s->arg(0), e))
                return true;
        return false;
    }

  private:
    // Seen: asked about once; Indexed: slots_ holds its elements;
    // Unindexed: some element is not a small Int.
    enum class State : uint8_t { Seen, Indexed, Unindexed };

    static bool isInsert(const Value& s) { return s.isData() && s.arity() == 2; }

    // An open-addressing hash table of the elements, at most half full,
    // probed linearly: a question costs one or two loads. (A binary search
    // was a chain of seven dependent loads and mispredicted branches at a
    // hundred elements.) kEmpty marks a free slot; the set may hold it.
    static constexpr int64_t kEmpty = INT64_MIN;

    size_t slotOf(int64_t x) const {
        return size_t((uint64_t(x) * 0x9E3779B97F4A7C15ull) >> shift_);
    }

    bool holds(int64_t x) const {
        if (x == kEmpty)
            return holdsEmptyKey_;
        size_t mask = slots_.size() - 1;
        for (size_t i = slotOf(x);; i = (i + 1) & mask) {
            int64_t k = slots_[i];
            if (k == x)
                return true;
            if (k == kEmpty)
                return false;
        }
    }

    void insert(int64_t x) {
        if (x == kEmpty) {
            holdsEmptyKey_ = true;
            return;
        }
        size_t mask = slots_.size() - 1;
        size_t i = slotOf(x);
        while (slots_[i] != kEmpty && slots_[i] != x)
            i = (i + 1) & mask;
        slots_[i] = x;
    }

    // A set longer than kShort, whose first kShort elements are not `e`;
    // `rest` is what follows them.
    [[gnu::noinline]] bool containsLong(const Value& set, const Value& e, const Value* rest) {
        if (e.isSmallInt()) {
            if (!set_.sharesCellWith(set)) {
                set_ = set;
                state_ = State::Seen;
            } else if (state_ == State::Seen) {
                build();
                if (state_ == State::Indexed)
                    return holds(e.smallInt());
            }
        }
        return walk(*rest, e);
    }

    void build() {
        state_ = State::Unindexed;
        size_t n = 0;
        for (const Value* s = &set_; isInsert(*s); s = &s->arg(1)) {
            if (!s->arg(0).isSmallInt())
                return;
            ++n;
        }
        // 2^bits slots, at least twice the elements
        int bits = 1;
        while ((size_t(1) << bits) < 2 * n)
            ++bits;
        shift_ = 64 - bits;
        slots_.assign(size_t(1) << bits, kEmpty);
        holdsEmptyKey_ = false;
        for (const Value* s = &set_; isInsert(*s); s = &s->arg(1))
            insert(s->arg(0).smallInt());
        state_ = State::Indexed;
    }

    Value set_;
    State state_ = State::Unindexed;
    std::vector<int64_t> slots_;
    int shift_ = 63;
    bool holdsEmptyKey_ = false;
};

} // namespace absim::interp
