#pragma once
// Processes waiting for the clock (`await duration`, `duration`), in a
// min-heap on their latest wake-up time: the clock advances to the earliest
// maximum bound (runtime.md §5.2). Waiters with min < max are also kept in
// a min-heap on their minimum, since an advance wakes every waiter whose
// minimum is reached: an advance costs O(log n) per woken waiter.
// Entries are never removed early: a stale one (its process was killed or
// woken otherwise) is recognised by its number and skipped.
//
// Every time waited for is in practice an inline Int or Rat (value.h), so an
// entry holds its time as num/den: entries are plain words, a sift moves
// them without reference counting, and two times compare by their words
// (equal denominators, e.g. two Ints) or by a 128-bit cross-multiplication.
// Other times (big Ints, heap Rats) sit in a side table and compare through
// the general order.

#include "interpreter/compare.h"
#include "interpreter/runtime/process.h"
#include "interpreter/small_rat.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace absim::interp {

// A time as a double, rounded toward zero (scheduler.cpp): monotonic.
double timeKeySlow(const Value& t);

// timeKeySlow for an inline Int or Rat, without a call in the usual cases.
inline double timeKey(const Value& t) {
    constexpr int64_t kExact = int64_t(1) << 53; // integers a double holds exactly
    int64_t num = t.smallNumerator();
    uint64_t den = t.smallDenominator();
    if (num > -kExact && num < kExact) [[likely]] {
        if (den == 1)
            return double(num);
        if (den < uint64_t(kExact)) {
            double q = double(num) / double(den); // rounded to nearest
            // The sign of q * den - num, computed with one rounding, says
            // whether q overshot the exact quotient; then the next double
            // toward zero is one less in the magnitude bits.
            double overshoot = std::fma(q, double(den), -double(num));
            if ((num > 0 && overshoot > 0) || (num < 0 && overshoot < 0))
                q = std::bit_cast<double>(std::bit_cast<uint64_t>(q) - 1);
            return q;
        }
    }
    return timeKeySlow(t);
}

// Three-way comparison of two times; inline numbers without a call.
inline int compareTime(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt())
        return (a.smallInt() > b.smallInt()) - (a.smallInt() < b.smallInt());
    if (a.isSmallExact() && b.isSmallExact()) [[likely]]
        return smallrat::compare(a, b);
    return compare(a, b);
}

// The integer part, rounded down, of an inline Int or Rat.
inline int64_t floorSmall(const Value& t) {
    int64_t num = t.smallNumerator();
    uint64_t den = t.smallDenominator();
    if (den == 1)
        return num;
    // den < 2^56, so it is an int64; the quotient rounds toward zero.
    int64_t q = num / int64_t(den);
    return num < 0 && q * int64_t(den) != num ? q - 1 : q;
}

// Whether a duration is below zero (no wait at all, §5.3).
inline bool negativeTime(const Value& d) {
    if (d.isSmallExact()) [[likely]]
        return d.smallNumerator() < 0;
    return compare(d, Value::fromInt(0)) < 0;
}

class TimeWaiters {
  public:
    TimeWaiters() = default;
    TimeWaiters(const TimeWaiters&) = delete;
    TimeWaiters& operator=(const TimeWaiters&) = delete;
    ~TimeWaiters() { clear(); }

    // A wait until exactly `t`.
    void add(Process* p, const Value& t) {
        uint64_t order = ++order_;
        p->timeToken = order;
        push(heap_, entry(t, order, p));
    }
    // A wait that ends at `tmax`, or at an advance to `tmin` or later.
    void add(Process* p, const Value& tmin, const Value& tmax) {
        if (compareTime(tmin, tmax) >= 0) {
            add(p, tmax);
            return;
        }
        uint64_t order = ++order_;
        p->timeToken = order;
        push(ranged_, entry(tmin, order, p));
        push(heap_, entry(tmax, order, p));
    }

    // The earliest maximum bound of a live waiter, into `t`; false when none.
    bool earliest(Value& t) {
        dropStale(heap_);
        if (heap_.empty())
            return false;
        t = timeOf(heap_.front());
        return true;
    }

    // Wakes, by wake(process), every live waiter due at time `t`, in the
    // order of their waits; each leaves the waiters before it is woken.
    template <typename Wake> void wakeDue(const Value& t, Wake&& wake) {
        Probe at(t);
        dropStale(ranged_);
        if (!ranged_.empty() && due(ranged_.front(), at, t)) {
            wakeMixed(at, t, wake);
            return;
        }
        // Only maxima are due. Every one due has the maximum `t` (the clock
        // never passes a maximum, and `t` is at most the earliest), so they
        // leave the heap in the order of their waits: wake them as they come.
        for (;;) {
            dropStale(heap_);
            if (heap_.empty() || !due(heap_.front(), at, t))
                return;
            Entry e = heap_.front();
            pop(heap_);
            wakeTaken(e, wake);
        }
    }

    void clear() {
        // Out of the heaps first: a process freed here frees what it holds.
        std::vector<Entry> entries = std::move(heap_);
        entries.insert(entries.end(), ranged_.begin(), ranged_.end());
        heap_.clear();
        ranged_.clear();
        for (const Entry& e : entries)
            release(e);
        bigTimes_.clear();
        freeBigTimes_.clear();
        due_.clear();
    }

  private:
    // Trivially copyable: heaps move entries as words.
    struct Entry {
        double key;       // the time rounded toward zero: orders most pairs
        int64_t num;      // the time is num/den (den 1: an Int) ...
        uint64_t den;     // ... or, when den is 0, bigTimes_[num]
        uint64_t order;   // the wait's number: FIFO among equal times; the
                          // process's timeToken while the wait is live
        Process* process; // holds a reference
    };
    // A waiter about to be woken, with its place in the waking order.
    struct Due {
        uint64_t order = 0;
        ProcessRef process;
    };
    // A heap with four children per node: half the depth of a binary one,
    // and a node's children share a cache line or two.
    static constexpr size_t kArity = 4; // popSift's tournament assumes 4

    Entry entry(const Value& t, uint64_t order, Process* p) {
        ++p->refs;
        if (t.isSmallExact()) [[likely]]
            return Entry{timeKey(t), t.smallNumerator(), t.smallDenominator(), order, p};
        size_t slot;
        if (!freeBigTimes_.empty()) {
            slot = freeBigTimes_.back();
            freeBigTimes_.pop_back();
            bigTimes_[slot] = t;
        } else {
            slot = bigTimes_.size();
            bigTimes_.push_back(t);
        }
        return Entry{timeKeySlow(t), int64_t(slot), 0, order, p};
    }
    Value timeOf(const Entry& e) const {
        if (e.den == 1)
            return Value::fromInt(e.num);
        if (e.den != 0)
            return Value::fromSmallRat(e.num, e.den);
        return bigTimes_[size_t(e.num)];
    }
    void freeTime(const Entry& e) {
        if (e.den == 0) {
            bigTimes_[size_t(e.num)] = Value();
            freeBigTimes_.push_back(size_t(e.num));
        }
    }
    // Drops an entry's hold on its process and time.
    void release(const Entry& e) {
        freeTime(e);
        if (--e.process->refs == 0)
            destroyProcess(e.process);
    }
    // `t` as an entry holds it (den 0: not inline).
    struct Probe {
        double key = 0;
        int64_t num = 0;
        uint64_t den = 0;
        explicit Probe(const Value& t) {
            if (t.isSmallExact()) [[likely]] {
                key = timeKey(t);
                num = t.smallNumerator();
                den = t.smallDenominator();
            } else {
                key = timeKeySlow(t);
            }
        }
    };
    // Whether entry `e` is due at time `t` (`at`).
    bool due(const Entry& e, const Probe& at, const Value& t) const {
        if (e.key != at.key) [[likely]]
            return e.key < at.key;
        if (e.num == at.num && e.den == at.den && at.den != 0)
            return true;
        if (e.den != 0 && at.den != 0)
            return smallrat::Int128(e.num) * smallrat::Int128(at.den) <=
                   smallrat::Int128(at.num) * smallrat::Int128(e.den);
        return compare(timeOf(e), t) <= 0;
    }
    // Wakes the process of a live entry that has left its heap; the
    // entry's reference is dropped after the wake, even if it throws.
    template <typename Wake> void wakeTaken(const Entry& e, Wake& wake) {
        struct Held {
            Process* p;
            ~Held() {
                if (--p->refs == 0)
                    destroyProcess(p);
            }
        } held{e.process};
        e.process->timeToken = 0;
        freeTime(e);
        wake(e.process);
    }
    // Some minima are due too: those waiters may have waited before the
    // maxima, so all due are gathered and woken in the order of their waits.
    template <typename Wake> void wakeMixed(const Probe& at, const Value& t, Wake& wake) {
        due_.clear();
        for (;;) {
            dropStale(heap_);
            if (heap_.empty() || !due(heap_.front(), at, t))
                break;
            take(heap_.front());
            pop(heap_);
        }
        for (;;) {
            dropStale(ranged_);
            if (ranged_.empty() || !due(ranged_.front(), at, t))
                break;
            take(ranged_.front());
            pop(ranged_);
        }
        std::sort(due_.begin(), due_.end(),
                  [](const Due& a, const Due& b) { return a.order < b.order; });
        for (Due& d : due_)
            wake(d.process.get());
        due_.clear();
    }
    // Moves a live entry's process (and its reference) to the due list.
    void take(const Entry& e) {
        e.process->timeToken = 0;
        due_.push_back(Due{e.order, ProcessRef(e.process)});
        --e.process->refs; // the heap's reference, now the list's
        freeTime(e);
    }

    // Whether `a` leaves its heap before `b`: earlier time, then earlier wait.
    // Keys never reverse the exact order; equal keys are nearly always equal
    // times, seen in their words (two entries never share a big-time slot).
    bool before(const Entry& a, const Entry& b) const {
        if (a.key != b.key) [[likely]]
            return a.key < b.key;
        if (a.num == b.num && a.den == b.den) [[likely]]
            return a.order < b.order;
        return beforeSlow(a, b);
    }
    bool beforeSlow(const Entry& a, const Entry& b) const {
        int c;
        if (a.den != 0 && b.den != 0) {
            smallrat::Int128 x = smallrat::Int128(a.num) * smallrat::Int128(b.den);
            smallrat::Int128 y = smallrat::Int128(b.num) * smallrat::Int128(a.den);
            c = (x > y) - (x < y);
        } else {
            c = compare(timeOf(a), timeOf(b));
        }
        return c != 0 ? c < 0 : a.order < b.order;
    }

    // Most of the time few processes wait for the clock: a lone entry
    // moves nowhere, and the sifts are out of the way.
    void push(std::vector<Entry>& h, const Entry& e) {
        h.push_back(e);
        if (h.size() > 1)
            siftUp(h);
    }
    // Removes the front entry (already released or taken).
    void pop(std::vector<Entry>& h) {
        if (h.size() > 1)
            popSift(h);
        else
            h.pop_back();
    }
    // Sifts through a hole: each level moves one entry instead of swapping.
    void siftUp(std::vector<Entry>& h) {
        size_t i = h.size() - 1;
        Entry e = h[i];
        while (i > 0) {
            size_t parent = (i - 1) / kArity;
            if (!before(e, h[parent]))
                break;
            h[i] = h[parent];
            i = parent;
        }
        h[i] = e;
    }
    // The hole left at the front goes down to a leaf through the earliest
    // child, and the last entry rises from there to its place: it nearly
    // always belongs low, so this saves a comparison on every level.
    void popSift(std::vector<Entry>& h) {
        Entry last = h.back();
        h.pop_back();
        size_t n = h.size();
        size_t i = 0;
        for (;;) {
            size_t first = i * kArity + 1;
            if (first >= n)
                break;
            size_t best = first;
            if (first + kArity <= n) {
                // All four children: a tournament in three comparisons.
                size_t a = before(h[first + 1], h[first]) ? first + 1 : first;
                size_t b = before(h[first + 3], h[first + 2]) ? first + 3 : first + 2;
                best = before(h[b], h[a]) ? b : a;
            } else {
                for (size_t c = first + 1; c < n; ++c)
                    if (before(h[c], h[best]))
                        best = c;
            }
            h[i] = h[best];
            i = best;
        }
        while (i > 0) {
            size_t parent = (i - 1) / kArity;
            if (!before(last, h[parent]))
                break;
            h[i] = h[parent];
            i = parent;
        }
        h[i] = last;
    }
    void dropStale(std::vector<Entry>& h) {
        while (!h.empty() && h.front().process->timeToken != h.front().order) {
            release(h.front());
            pop(h);
        }
    }

    std::vector<Entry> heap_;
    std::vector<Entry> ranged_;
    std::vector<Value> bigTimes_;      // times that are not inline numbers
    std::vector<size_t> freeBigTimes_; // free places in bigTimes_
    std::vector<Due> due_;             // wakeMixed's list, kept for its capacity
    uint64_t order_ = 0;
};

} // namespace absim::interp
