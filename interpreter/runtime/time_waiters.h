#pragma once
// Processes waiting for the clock (`await duration`, `duration`), in a
// min-heap on their latest wake-up time: the clock advances to the earliest
// maximum bound (runtime.md §5.2). Waiters with min < max are also kept in
// a min-heap on their minimum, since an advance wakes every waiter whose
// minimum is reached: an advance costs O(log n) per woken waiter.
// Entries are never removed early: a stale one (its process was killed or
// woken otherwise) is recognised by its number and skipped.
//
// A heap entry is the time as a double key and a tag holding the wait's
// number, in two arrays: the keys of a node's eight children fill one
// cache line, a sift step picks the earliest of them without a branch, and
// equal times whose keys are exact (Ints, mostly) are ordered by their
// numbers alone. The rest of a wait (its exact time, its process) sits
// still in a slab the tag names; a sift reads it only for equal keys of
// inexact times.
//
// Every time waited for is in practice an inline Int or Rat (value.h), so a
// wait holds its time as num/den: plain words, no reference counting, and
// two times compare by their words (equal denominators, e.g. two Ints) or
// by a 128-bit cross-multiplication. Other times (big Ints, heap Rats) sit
// in a side table and compare through the general order.

#include "interpreter/compare.h"
#include "interpreter/runtime/process.h"
#include "interpreter/small_rat.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace absim::interp {

// A time as the nearest double (ties to even; scheduler.cpp): monotonic.
double timeKeySlow(const Value& t);

// timeKeySlow for an inline Int or Rat, without a call in the usual cases:
// an int64 converts to the nearest double, and so does the quotient of two
// integers that doubles hold exactly.
inline double timeKey(const Value& t) {
    constexpr int64_t kExact = int64_t(1) << 53; // integers a double holds exactly
    int64_t num = t.smallNumerator();
    uint64_t den = t.smallDenominator();
    if (den == 1)
        return double(num);
    if (num > -kExact && num < kExact && den < uint64_t(kExact)) [[likely]]
        return double(num) / double(den);
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
    // Wait numbers are renumbered from 1 when they reach `orderLimit`
    // (tests make it small; in a run it is never reached in practice).
    explicit TimeWaiters(uint64_t orderLimit = kOrderLimit) : orderLimit_(orderLimit) {}
    TimeWaiters(const TimeWaiters&) = delete;
    TimeWaiters& operator=(const TimeWaiters&) = delete;
    ~TimeWaiters() { clear(); }

    // A wait until exactly `t`.
    [[gnu::always_inline]] void add(Process* p, const Value& t) {
        uint64_t order = nextOrder();
        p->timeToken = order;
        heap_.push(entry(t, order, p), *this);
    }
    // A wait that ends at `tmax`, or at an advance to `tmin` or later.
    void add(Process* p, const Value& tmin, const Value& tmax) {
        if (compareTime(tmin, tmax) >= 0) {
            add(p, tmax);
            return;
        }
        uint64_t order = nextOrder();
        p->timeToken = order;
        ranged_.push(entry(tmin, order, p), *this);
        heap_.push(entry(tmax, order, p), *this);
    }

    // The earliest maximum bound of a live waiter, into `t`; false when none.
    [[gnu::always_inline]] bool earliest(Value& t) {
        dropStale(heap_);
        if (heap_.empty())
            return false;
        const Node& f = heap_.front();
        const Wait& w = waits_[f.tag & kSlotMask];
        t = timeOf(w);
        // An advance nearly always goes to this time: wakeDue reuses it.
        last_ = Probe{f.key, w.num, w.den, f.tag & kInexact};
        return true;
    }

    // The usual advance in one pass (runtime.md §5.2): when no ranged wait
    // is left and the earliest maximum of a live waiter is an inline time,
    // that time as num/den (den 1: an Int); wakeEarliest then wakes the
    // waiters due at it without comparing it with the clock again.
    [[gnu::always_inline]] bool earliestInline(int64_t& num, uint64_t& den) {
        dropStale(heap_);
        dropStale(ranged_);
        if (heap_.empty() || !ranged_.empty())
            return false;
        const Node f = heap_.front();
        const Wait& w = waits_[f.tag & kSlotMask];
        if (w.den == 0)
            return false;
        num = w.num;
        den = w.den;
        last_ = Probe{f.key, w.num, w.den, f.tag & kInexact};
        return true;
    }
    // The key a wait until `t` gets (for allAfter, then add).
    static double keyOf(const Value& t) { return t.isSmallExact() ? timeKey(t) : timeKeySlow(t); }
    // False when a live maximum is known not to be after the time of
    // `key`: the usual answer when many wait, found in a few instructions.
    [[gnu::always_inline]] bool frontAfter(double key) const {
        return heap_.empty() || heap_.front().key > key || !live(heap_.front());
    }
    // Whether every live waiter's wait ends after the time of `key`: no
    // ranged wait is left and the earliest maximum has a larger key (keys
    // never reverse the exact order, so it is a later time).
    bool allAfter(double key) {
        dropStale(heap_);
        dropStale(ranged_);
        return ranged_.empty() && (heap_.empty() || heap_.front().key > key);
    }
    // A wait until exactly `t`, whose key is `key` (keyOf(t)).
    [[gnu::always_inline]] void add(Process* p, const Value& t, double key) {
        uint64_t order = nextOrder();
        p->timeToken = order;
        heap_.push(entry(t, key, order, p), *this);
    }

    // After earliestInline, with the clock `t` at the time it found. The
    // front is live and due (it is at `t`), so it goes without a check.
    template <typename Wake> void wakeEarliest(const Value& t, Wake&& wake) {
        Node e = heap_.front();
        heap_.pop(*this);
        wakeTaken(e, wake);
        wakeMaxima(last_, t, wake);
    }

    // Wakes, by wake(process), every live waiter due at time `t`, in the
    // order of their waits; each leaves the waiters before it is woken.
    template <typename Wake> void wakeDue(const Value& t, Wake&& wake) {
        Probe at =
            t.isSmallExact() && t.smallNumerator() == last_.num && t.smallDenominator() == last_.den
                ? last_
                : probe(t);
        dropStale(ranged_);
        if (!ranged_.empty() && due(ranged_.front(), at, t)) {
            wakeMixed(at, t, wake);
            return;
        }
        wakeMaxima(at, t, wake);
    }

    void clear() {
        // Out of the heaps first: a process freed here frees what it holds.
        std::vector<Node> entries;
        heap_.takeAll(entries);
        ranged_.takeAll(entries);
        for (const Node& e : entries)
            release(e);
        waits_.clear();
        freeWaits_.clear();
        bigTimes_.clear();
        freeBigTimes_.clear();
        due_.clear();
    }

    // How many times the wait numbers were renumbered (for tests).
    size_t renumbers() const { return renumbers_; }

  private:
    // The wait's number goes in the tag's high bits, so that tags compare
    // as the numbers do; a slab index in the low ones.
    static constexpr int kSlotBits = 28;
    static constexpr uint64_t kSlotMask = (uint64_t(1) << kSlotBits) - 1;
    static constexpr uint64_t kInexact = uint64_t(1) << kSlotBits; // key != time
    static constexpr int kOrderShift = kSlotBits + 1;
    static constexpr uint64_t kOrderLimit = uint64_t(1) << (64 - kOrderShift);

    // A heap entry, as the heaps hand it out and take it in.
    struct Node {
        double key;   // the time rounded to nearest: orders most pairs
        uint64_t tag; // order << kOrderShift | inexact key | slab index
    };
    // The rest of a wait, in place while its entry moves.
    struct Wait {
        int64_t num;      // the time is num/den (den 1: an Int) ...
        uint64_t den;     // ... or, when den is 0, bigTimes_[num]
        Process* process; // holds a reference
    };
    // `t` as an entry holds it (den 0: not inline).
    struct Probe {
        double key = 0;
        int64_t num = 0;
        uint64_t den = 0;
        uint64_t inexact = kInexact;
    };
    // A waiter about to be woken, with its place in the waking order.
    struct Due {
        uint64_t order = 0;
        ProcessRef process;
    };

    static uint64_t orderOf(const Node& e) { return e.tag >> kOrderShift; }

    // A heap with eight children per node, its keys and tags in separate
    // arrays stored seven places in, so that the eight children's keys of
    // a node fill one aligned cache line: a sift step loads one line and
    // picks the smallest key without a branch. Keys past the end are
    // +infinity, so a step always reads eight.
    class Heap {
      public:
        Heap() = default;
        Heap(const Heap&) = delete;
        Heap& operator=(const Heap&) = delete;
        ~Heap() { deallocate(); }

        bool empty() const { return size_ == 0; }
        size_t size() const { return size_; }
        Node front() const { return Node{keys_[kFront], tags_[kFront]}; }
        Node at(size_t i) const { return Node{keys_[i + kFront], tags_[i + kFront]}; }
        void setTag(size_t i, uint64_t tag) { tags_[i + kFront] = tag; }

        [[gnu::always_inline]] void push(const Node& e, const TimeWaiters& w) {
            if (size_ == capacity_)
                grow();
            // Most of the time few processes wait: a lone entry moves nowhere.
            riseFrom(size_++, e, w);
        }
        // Removes the front entry (already released or taken). The hole
        // left at the front goes down to a leaf through the earliest child,
        // and the last entry rises from there to its place: it nearly
        // always belongs low, so this saves a comparison on every level.
        [[gnu::always_inline]] void pop(const TimeWaiters& w) {
            Node last = at(--size_);
            keys_[size_ + kFront] = kNone;
            size_t n = size_;
            if (n == 0)
                return;
            size_t i = 0;
            for (;;) {
                size_t first = i * kArity + 1;
                if (first >= n)
                    break;
                size_t best = first + earliestChild(first, n, w);
                put(i, at(best));
                i = best;
            }
            riseFrom(i, last, w);
        }
        // Moves every entry to `out`, leaving the heap empty.
        void takeAll(std::vector<Node>& out) {
            for (size_t i = 0; i < size_; ++i) {
                out.push_back(at(i));
                keys_[i + kFront] = kNone;
            }
            size_ = 0;
        }

      private:
        static constexpr size_t kArity = 8;
        static constexpr size_t kFront = 7; // children of i at 8i+8.. in the arrays
        static constexpr size_t kLine = 64;
        static constexpr double kNone = std::numeric_limits<double>::infinity();

        void put(size_t i, const Node& e) {
            keys_[i + kFront] = e.key;
            tags_[i + kFront] = e.tag;
        }
        // Puts `e` in the hole at `i`, moving the hole up past every
        // ancestor that `e` comes before.
        [[gnu::always_inline]] void riseFrom(size_t i, const Node& e, const TimeWaiters& w) {
            while (i > 0) {
                size_t parent = (i - 1) / kArity;
                if (!w.before(e, at(parent)))
                    break;
                put(i, at(parent));
                i = parent;
            }
            put(i, e);
        }

        // The place (0-7) of the earliest of the eight entries from logical
        // index `first` (those from `n` on are padding). The smallest key
        // decides; equal smallest keys, nearly always equal times, go to
        // the exact order.
        size_t earliestChild(size_t first, size_t n, const TimeWaiters& w) const {
            const double* k = keys_ + first + kFront;
#if defined(__SSE2__)
            __m128d a = _mm_load_pd(k), b = _mm_load_pd(k + 2);
            __m128d c = _mm_load_pd(k + 4), d = _mm_load_pd(k + 6);
            __m128d m = _mm_min_pd(_mm_min_pd(a, b), _mm_min_pd(c, d));
            m = _mm_min_pd(m, _mm_shuffle_pd(m, m, 1));
            unsigned mask = unsigned(_mm_movemask_pd(_mm_cmpeq_pd(a, m))) |
                            unsigned(_mm_movemask_pd(_mm_cmpeq_pd(b, m))) << 2 |
                            unsigned(_mm_movemask_pd(_mm_cmpeq_pd(c, m))) << 4 |
                            unsigned(_mm_movemask_pd(_mm_cmpeq_pd(d, m))) << 6;
#else
            double m = k[0];
            for (size_t j = 1; j < kArity; ++j)
                m = std::min(m, k[j]);
            unsigned mask = 0;
            for (size_t j = 0; j < kArity; ++j)
                mask |= unsigned(k[j] == m) << j;
#endif
            if ((mask & (mask - 1)) == 0) [[likely]]
                return size_t(__builtin_ctz(mask)); // mask is never 0: no NaN keys
            return earliestTied(first, n, mask, w);
        }
        // Equal smallest keys. When all are exact they are equal times (many
        // waits for one time): the smallest number wins, picked without a
        // branch. Otherwise the exact order decides, padding left out (an
        // infinite key of a real entry is never exact).
        [[gnu::noinline]] size_t earliestTied(size_t first, size_t n, unsigned mask,
                                              const TimeWaiters& w) const {
            const uint64_t* t = tags_ + first + kFront;
            uint64_t least = ~uint64_t(0), inexact = 0;
            size_t best = 0;
            for (size_t j = 0; j < kArity; ++j) {
                uint64_t tag = mask >> j & 1 ? t[j] : ~uint64_t(0);
                inexact |= mask >> j & 1 ? t[j] & kInexact : 0;
                best = tag < least ? j : best;
                least = tag < least ? tag : least;
            }
            if (inexact == 0) [[likely]]
                return best;
            best = size_t(std::countr_zero(mask));
            for (size_t j = best + 1; j < kArity && first + j < n; ++j)
                if ((mask >> j & 1) && w.before(at(first + j), at(first + best)))
                    best = j;
            return best;
        }

        void grow() {
            size_t capacity = capacity_ ? 2 * capacity_ : 120;
            size_t slots = capacity + kFront + kArity;
            double* keys = static_cast<double*>(
                ::operator new(slots * sizeof(double), std::align_val_t(kLine)));
            uint64_t* tags = static_cast<uint64_t*>(
                ::operator new(slots * sizeof(uint64_t), std::align_val_t(kLine)));
            std::fill(keys, keys + slots, kNone);
            std::fill(tags, tags + slots, uint64_t(0));
            if (keys_) {
                std::memcpy(keys + kFront, keys_ + kFront, size_ * sizeof(double));
                std::memcpy(tags + kFront, tags_ + kFront, size_ * sizeof(uint64_t));
            }
            deallocate();
            keys_ = keys;
            tags_ = tags;
            capacity_ = capacity;
        }
        void deallocate() {
            if (keys_) {
                ::operator delete(keys_, std::align_val_t(kLine));
                ::operator delete(tags_, std::align_val_t(kLine));
            }
            keys_ = nullptr;
            tags_ = nullptr;
        }

        double* keys_ = nullptr;
        uint64_t* tags_ = nullptr;
        size_t size_ = 0;
        size_t capacity_ = 0;
    };

    uint64_t nextOrder() {
        if (order_ + 1 >= orderLimit_)
            renumber();
        return ++order_;
    }

    [[gnu::always_inline]] Node entry(const Value& t, uint64_t order, Process* p) {
        return entry(t, t.isSmallExact() ? timeKey(t) : 0, order, p);
    }
    // `key` is the key of `t` when `t` is inline (else it is found here).
    [[gnu::always_inline]] Node entry(const Value& t, double key, uint64_t order, Process* p) {
        size_t slot;
        if (!freeWaits_.empty()) {
            slot = freeWaits_.back();
            freeWaits_.pop_back();
        } else {
            if (waits_.size() > kSlotMask)
                throw std::length_error("too many processes waiting for the clock");
            slot = waits_.size();
            waits_.emplace_back();
        }
        ++p->refs;
        Wait& w = waits_[slot];
        w.process = p;
        if (t.isSmallExact()) [[likely]] {
            w.num = t.smallNumerator();
            w.den = t.smallDenominator();
        } else {
            size_t big;
            if (!freeBigTimes_.empty()) {
                big = freeBigTimes_.back();
                freeBigTimes_.pop_back();
                bigTimes_[big] = t;
            } else {
                big = bigTimes_.size();
                bigTimes_.push_back(t);
            }
            w.num = int64_t(big);
            w.den = 0;
            key = timeKeySlow(t);
        }
        return Node{key, order << kOrderShift | inexactBit(w) | slot};
    }
    // Whether the key may not be the time itself (then equal keys need not
    // be equal times). An integer a double holds over a power of two (an
    // Int, a half, a quarter, ...) is its key exactly.
    static uint64_t inexactBit(const Wait& w) {
        constexpr int64_t kExact = int64_t(1) << 53;
        bool exact = w.den != 0 && (w.den & (w.den - 1)) == 0 && w.num > -kExact && w.num < kExact;
        return exact ? 0 : kInexact;
    }
    Probe probe(const Value& t) const {
        if (t.isSmallExact()) [[likely]] {
            Probe at{timeKey(t), t.smallNumerator(), t.smallDenominator(), 0};
            at.inexact = inexactBit(Wait{at.num, at.den, nullptr});
            return at;
        }
        return Probe{timeKeySlow(t), 0, 0, kInexact};
    }

    Value timeOf(const Wait& w) const {
        if (w.den == 1)
            return Value::fromInt(w.num);
        if (w.den != 0)
            return Value::fromSmallRat(w.num, w.den);
        return bigTimes_[size_t(w.num)];
    }
    // Frees an entry's slab place and time (its process is dealt with).
    void freeWait(const Node& e) {
        size_t slot = e.tag & kSlotMask;
        Wait& w = waits_[slot];
        if (w.den == 0) {
            bigTimes_[size_t(w.num)] = Value();
            freeBigTimes_.push_back(size_t(w.num));
        }
        freeWaits_.push_back(uint32_t(slot));
    }
    Process* processOf(const Node& e) const {
        return waits_[e.tag & kSlotMask].process;
    }
    bool live(const Node& e) const {
        return processOf(e)->timeToken == orderOf(e);
    }
    // Drops an entry's hold on its process and time.
    void release(const Node& e) {
        Process* p = processOf(e);
        freeWait(e);
        if (--p->refs == 0)
            destroyProcess(p);
    }
    // Whether entry `e` is due at time `t` (`at`).
    bool due(const Node& e, const Probe& at, const Value& t) const {
        if (e.key != at.key) [[likely]]
            return e.key < at.key;
        if (((e.tag & kInexact) | at.inexact) == 0)
            return true; // both times are the key
        const Wait& w = waits_[e.tag & kSlotMask];
        if (w.num == at.num && w.den == at.den && at.den != 0)
            return true;
        if (w.den != 0 && at.den != 0)
            return smallrat::Int128(w.num) * smallrat::Int128(at.den) <=
                   smallrat::Int128(at.num) * smallrat::Int128(w.den);
        return compare(timeOf(w), t) <= 0;
    }
    // Wakes the waiters due at `t` (`at`) when only maxima are due.
    template <typename Wake> void wakeMaxima(const Probe& at, const Value& t, Wake& wake) {
        // Every one due has the maximum `t` (the clock
        // never passes a maximum, and `t` is at most the earliest), so they
        // leave the heap in the order of their waits: wake them as they come.
        // A front that is not due is left as it is, stale or not.
        while (!heap_.empty() && due(heap_.front(), at, t)) {
            Node e = heap_.front();
            heap_.pop(*this);
            if (live(e))
                wakeTaken(e, wake);
            else
                release(e);
        }
        // The next front is most likely the next to wake: its process
        // comes into the cache while the woken ones run.
        if (!heap_.empty()) {
            Process* next = processOf(heap_.front());
            __builtin_prefetch(next);
            __builtin_prefetch(&next->timeToken);
        }
    }

    // Wakes the process of a live entry that has left its heap; the
    // entry's reference is dropped after the wake, even if it throws.
    template <typename Wake> void wakeTaken(const Node& e, Wake& wake) {
        struct Held {
            Process* p;
            ~Held() {
                if (--p->refs == 0)
                    destroyProcess(p);
            }
        } held{processOf(e)};
        held.p->timeToken = 0;
        freeWait(e);
        wake(held.p);
    }
    // Some minima are due too: those waiters may have waited before the
    // maxima, so all due are gathered and woken in the order of their waits.
    template <typename Wake> void wakeMixed(const Probe& at, const Value& t, Wake& wake) {
        due_.clear();
        for (Heap* h : {&heap_, &ranged_}) {
            for (;;) {
                dropStale(*h);
                if (h->empty() || !due(h->front(), at, t))
                    break;
                Node e = h->front();
                h->pop(*this);
                take(e);
            }
        }
        std::sort(due_.begin(), due_.end(),
                  [](const Due& a, const Due& b) { return a.order < b.order; });
        for (Due& d : due_)
            wake(d.process.get());
        due_.clear();
    }
    // Moves a live entry's process (and its reference) to the due list.
    void take(const Node& e) {
        Process* p = processOf(e);
        p->timeToken = 0;
        due_.push_back(Due{orderOf(e), ProcessRef(p)});
        --p->refs; // the heap's reference, now the list's
        freeWait(e);
    }

    // Whether `a` leaves its heap before `b`: earlier time, then earlier wait.
    // Keys never reverse the exact order; equal keys that are both exact
    // are equal times, ordered by the tags' numbers.
    bool before(const Node& a, const Node& b) const {
        if (a.key != b.key) [[likely]]
            return a.key < b.key;
        if (((a.tag | b.tag) & kInexact) == 0) [[likely]]
            return a.tag < b.tag;
        return beforeSlow(a, b);
    }
    bool beforeSlow(const Node& a, const Node& b) const {
        const Wait& x = waits_[a.tag & kSlotMask];
        const Wait& y = waits_[b.tag & kSlotMask];
        int c;
        if (x.num == y.num && x.den == y.den && x.den != 0) {
            c = 0;
        } else if (x.den != 0 && y.den != 0) {
            smallrat::Int128 l = smallrat::Int128(x.num) * smallrat::Int128(y.den);
            smallrat::Int128 r = smallrat::Int128(y.num) * smallrat::Int128(x.den);
            c = (l > r) - (l < r);
        } else {
            c = compare(timeOf(x), timeOf(y));
        }
        return c != 0 ? c < 0 : a.tag < b.tag;
    }

    [[gnu::always_inline]] void dropStale(Heap& h) {
        while (!h.empty() && !live(h.front())) {
            Node e = h.front();
            h.pop(*this);
            release(e);
        }
    }

    // Wait numbers ran out: number the waits from 1 again, in their order,
    // so that ties keep theirs; entries keep their places in the heaps.
    // A process's token follows its live wait.
    void renumber() {
        std::vector<uint64_t> orders;
        for (Heap* h : {&heap_, &ranged_})
            for (size_t i = 0; i < h->size(); ++i)
                orders.push_back(orderOf(h->at(i)));
        std::sort(orders.begin(), orders.end());
        orders.erase(std::unique(orders.begin(), orders.end()), orders.end());
        auto renumbered = [&](uint64_t order) {
            return uint64_t(std::lower_bound(orders.begin(), orders.end(), order) -
                            orders.begin()) +
                   1;
        };
        // Which entries are live is seen against the old tokens before any
        // token changes (a ranged wait's two entries name one process).
        std::vector<std::pair<Process*, uint64_t>> tokens;
        for (Heap* h : {&heap_, &ranged_})
            for (size_t i = 0; i < h->size(); ++i)
                if (Node e = h->at(i); live(e))
                    tokens.emplace_back(processOf(e), renumbered(orderOf(e)));
        for (auto& [p, token] : tokens)
            p->timeToken = token;
        for (Heap* h : {&heap_, &ranged_})
            for (size_t i = 0; i < h->size(); ++i) {
                uint64_t tag = h->at(i).tag;
                h->setTag(i, renumbered(tag >> kOrderShift) << kOrderShift |
                                 (tag & (kSlotMask | kInexact)));
            }
        order_ = orders.size();
        ++renumbers_;
        if (order_ + 1 >= orderLimit_)
            throw std::length_error("too many processes waiting for the clock");
    }

    Heap heap_;
    Heap ranged_;
    std::vector<Wait> waits_;          // the slab the entries name
    std::vector<uint32_t> freeWaits_;  // free places in waits_
    std::vector<Value> bigTimes_;      // times that are not inline numbers
    std::vector<size_t> freeBigTimes_; // free places in bigTimes_
    std::vector<Due> due_;             // wakeMixed's list, kept for its capacity
    Probe last_;                       // the time earliest() last found
    uint64_t order_ = 0;
    uint64_t orderLimit_;
    size_t renumbers_ = 0;
};

} // namespace absim::interp
