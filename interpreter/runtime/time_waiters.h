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

class TimeWaiters {
  public:
    struct Entry {
        Value tmin, tmax;
        uint64_t order = 0; // FIFO among equal times
        uint64_t token = 0;
        ProcessRef process;
    };

    void add(Process* p, Value tmin, Value tmax) {
        Entry e{std::move(tmin), std::move(tmax), ++order_, ++tokens_, ProcessRef(p)};
        p->timeToken = e.token;
        if (compare(e.tmin, e.tmax) < 0) {
            ranged_.push_back(e);
            std::push_heap(ranged_.begin(), ranged_.end(), laterMin);
        }
        heap_.push_back(std::move(e));
        std::push_heap(heap_.begin(), heap_.end(), later);
    }

    // The earliest maximum bound of a live waiter; false when none.
    bool earliest(Value& t) {
        dropStale();
        if (heap_.empty())
            return false;
        t = heap_.front().tmax;
        return true;
    }

    // Removes and returns, in order, every live waiter due at time `t`.
    std::vector<ProcessRef> takeDue(const Value& t) {
        std::vector<Entry> due;
        for (;;) {
            dropStale();
            if (heap_.empty() || compare(heap_.front().tmax, t) > 0)
                break;
            std::pop_heap(heap_.begin(), heap_.end(), later);
            due.push_back(std::move(heap_.back()));
            heap_.pop_back();
            due.back().process->timeToken = 0;
        }
        while (!ranged_.empty()) {
            Entry& e = ranged_.front();
            bool live = e.process->timeToken == e.token;
            if (live && compare(e.tmin, t) > 0)
                break;
            std::pop_heap(ranged_.begin(), ranged_.end(), laterMin);
            if (live) {
                ranged_.back().process->timeToken = 0;
                due.push_back(std::move(ranged_.back()));
            }
            ranged_.pop_back();
        }
        std::sort(due.begin(), due.end(),
                  [](const Entry& a, const Entry& b) { return a.order < b.order; });
        std::vector<ProcessRef> out;
        out.reserve(due.size());
        for (Entry& e : due)
            out.push_back(std::move(e.process));
        return out;
    }

    void clear() {
        heap_.clear();
        ranged_.clear();
    }

  private:
    static bool later(const Entry& a, const Entry& b) {
        int c = compare(a.tmax, b.tmax);
        return c != 0 ? c > 0 : a.order > b.order;
    }
    static bool laterMin(const Entry& a, const Entry& b) {
        int c = compare(a.tmin, b.tmin);
        return c != 0 ? c > 0 : a.order > b.order;
    }
    void dropStale() {
        while (!heap_.empty() && heap_.front().process->timeToken != heap_.front().token) {
            std::pop_heap(heap_.begin(), heap_.end(), later);
            heap_.pop_back();
        }
    }

    std::vector<Entry> heap_;
    std::vector<Entry> ranged_;
    uint64_t order_ = 0;
    uint64_t tokens_ = 0;
};

} // namespace absim::interp
