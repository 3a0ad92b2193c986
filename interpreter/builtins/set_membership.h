#pragma once
// `contains(s, e)` on a set of Ints that a model asks about again and again
// (a field such as the set of active servers, tested on every job): the
// ABS definition walks the Insert chain, one cell per element, and at a
// few hundred elements that walk is a large share of a run. Sets are
// immutable, so an index of one set stays valid as long as that set lives:
// this remembers the set asked about last (holding a reference, which only
// keeps its cells allocated a little longer) and, when the same set comes
// back, answers from its sorted elements by binary search.
//
// Only sets longer than kShort whose elements are all small Ints are
// indexed, and only small Int needles use the index: there `equals` is
// equality of the two integers, so the answer is the walk's. Anything else
// walks.

#include "interpreter/compare.h"
#include "interpreter/value.h"

#include <algorithm>
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
            return std::binary_search(sorted_.begin(), sorted_.end(), e.smallInt());
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
    // Seen: asked about once; Indexed: sorted_ holds its elements;
    // Unindexed: some element is not a small Int.
    enum class State : uint8_t { Seen, Indexed, Unindexed };

    static bool isInsert(const Value& s) { return s.isData() && s.arity() == 2; }

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
                    return std::binary_search(sorted_.begin(), sorted_.end(), e.smallInt());
            }
        }
        return walk(*rest, e);
    }

    void build() {
        sorted_.clear();
        state_ = State::Unindexed;
        for (const Value* s = &set_; isInsert(*s); s = &s->arg(1)) {
            const Value& x = s->arg(0);
            if (!x.isSmallInt())
                return;
            sorted_.push_back(x.smallInt());
        }
        std::sort(sorted_.begin(), sorted_.end());
        state_ = State::Indexed;
    }

    Value set_;
    State state_ = State::Unindexed;
    std::vector<int64_t> sorted_;
};

} // namespace absim::interp
