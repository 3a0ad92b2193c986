#pragma once
// Processes waiting for the clock (`await duration`, `duration`), in a
// min-heap on their latest wake-up time: the clock advances to the earliest
// maximum bound (runtime.md §5.2). Waiters with min < max are also kept in
// a min-heap on their minimum, since an advance wakes every waiter whose
// minimum is reached: an advance costs O(log n) per woken waiter.
// Entries are never removed early: a stale one (its process was killed or
// woken otherwise) is recognised by its token and skipped.

#include "interpreter/compare.h"
#include "interpreter/runtime/process.h"

#include <algorithm>
#include <vector>

namespace absim::interp {

// A time as a double, rounded toward zero (scheduler.cpp): monotonic.
double timeKeySlow(const Value& t);

class TimeWaiters {
  public:
    // An entry of the maximum heap holds its waiter's maximum bound, an
    // entry of the minimum heap its minimum: each heap orders by one time.
    struct Entry {
        Value time;
        double key = 0;     // `time` rounded to nearest: orders most pairs without GMP
        uint64_t order = 0; // FIFO among equal times
        uint64_t token = 0;
        ProcessRef process;
    };
    // A waiter taken by takeDue, with its place in the waking order.
    struct Due {
        uint64_t order = 0;
        ProcessRef process;
    };

    // A wait until exactly `t`.
    void add(Process* p, Value t) {
        uint64_t token = ++tokens_;
        p->timeToken = token;
        double k = key(t);
        push(heap_, Entry{std::move(t), k, ++order_, token, ProcessRef(p)});
    }
    // A wait that ends at `tmax`, or at an advance to `tmin` or later.
    void add(Process* p, Value tmin, Value tmax) {
        if (compare(tmin, tmax) >= 0) {
            add(p, std::move(tmax));
            return;
        }
        uint64_t token = ++tokens_;
        p->timeToken = token;
        ++order_;
        double kmin = key(tmin), kmax = key(tmax);
        push(ranged_, Entry{std::move(tmin), kmin, order_, token, ProcessRef(p)});
        push(heap_, Entry{std::move(tmax), kmax, order_, token, ProcessRef(p)});
    }

    // The earliest maximum bound of a live waiter; null when none.
    const Value* earliest() {
        dropStale();
        return heap_.empty() ? nullptr : &heap_.front().time;
    }

    // Removes and returns, in waking order (the order of their waits), every
    // live waiter due at time `t`. The list is reused by the next call (no
    // allocation per time step).
    std::vector<Due>& takeDue(const Value& t) {
        due_.clear();
        // Waiters leave the heap in (maximum, order) order, and every one due
        // at an advance has the same maximum (the clock never passes a
        // maximum): the list is mostly in order already, and is sorted only
        // when it is not (waiters with a range joined it).
        bool sorted = true;
        for (;;) {
            dropStale();
            if (heap_.empty() || compare(heap_.front().time, t) > 0)
                break;
            Entry& e = heap_.front();
            e.process->timeToken = 0;
            if (!due_.empty() && due_.back().order > e.order)
                sorted = false;
            due_.push_back(Due{e.order, std::move(e.process)});
            pop(heap_);
        }
        while (!ranged_.empty()) {
            Entry& e = ranged_.front();
            bool live = e.process->timeToken == e.token;
            if (live && compare(e.time, t) > 0)
                break;
            if (live) {
                e.process->timeToken = 0;
                if (!due_.empty() && due_.back().order > e.order)
                    sorted = false;
                due_.push_back(Due{e.order, std::move(e.process)});
            }
            pop(ranged_);
        }
        if (!sorted)
            std::sort(due_.begin(), due_.end(),
                      [](const Due& a, const Due& b) { return a.order < b.order; });
        return due_;
    }

    void clear() {
        heap_.clear();
        ranged_.clear();
        due_.clear();
    }

  private:
    // A rounding to double (toward zero, for every kind of number) never
    // reverses an order: different keys order two times exactly, and only
    // equal keys need the exact comparison.
    static double key(const Value& t) {
        // Ints below 2^53 convert exactly; everything else is truncated by
        // timeKeySlow, so all keys come from the same rounding.
        if (t.isSmallInt() && t.smallInt() > -(int64_t(1) << 53) &&
            t.smallInt() < (int64_t(1) << 53))
            return double(t.smallInt());
        return timeKeySlow(t);
    }
    static bool later(const Entry& a, const Entry& b) {
        if (a.key != b.key)
            return a.key > b.key;
        int c = compare(a.time, b.time);
        return c != 0 ? c > 0 : a.order > b.order;
    }
    // Heap operations that leave a lone entry where it is: most of the time
    // one process waits for the clock (no entry moves at all then).
    static void push(std::vector<Entry>& h, Entry&& e) {
        h.push_back(std::move(e));
        if (h.size() > 1)
            std::push_heap(h.begin(), h.end(), later);
    }
    static void pop(std::vector<Entry>& h) {
        if (h.size() > 1)
            std::pop_heap(h.begin(), h.end(), later);
        h.pop_back();
    }
    void dropStale() {
        while (!heap_.empty() && heap_.front().process->timeToken != heap_.front().token)
            pop(heap_);
    }

    std::vector<Entry> heap_;
    std::vector<Entry> ranged_;
    std::vector<Due> due_; // what takeDue returned last
    uint64_t order_ = 0;
    uint64_t tokens_ = 0;
};

} // namespace absim::interp
