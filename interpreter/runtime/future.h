#pragma once
// A future: a write-once cell resolved by the process that owns it, with a
// value or an exception, and the processes waiting for it (runtime.md §4).

#include "interpreter/pool.h"
#include "interpreter/runtime/process_ref.h"
#include "interpreter/value.h"

#include <vector>

namespace absim::interp {

// The processes waiting for a future, in the order they began to wait.
// Nearly always one (the caller awaiting its call), so the first is kept
// in place: an `await f?` or `f.get` allocates nothing.
class FutureWaiters {
  public:
    bool empty() const { return !first_; }
    // Adds `p` unless it is the last waiter already (a guard registered
    // again after a wake-up that did not let it run).
    void addUnlessLast(Process* p) {
        if (empty() || last() != p)
            add(p);
    }
    void add(Process* p) {
        if (!first_)
            first_ = ProcessRef(p);
        else
            more_.emplace_back(p);
    }
    void clear() {
        first_ = ProcessRef();
        more_.clear();
    }
    // Empties the list into `wake(process)`, the first waiter first. The
    // list is empty before the first call (a woken process may wait again).
    template <typename Wake> void takeAll(Wake&& wake) {
        ProcessRef first = std::move(first_);
        if (more_.empty()) {
            if (first)
                wake(first.get());
            return;
        }
        std::vector<ProcessRef> more = std::move(more_);
        more_.clear();
        wake(first.get());
        for (ProcessRef& p : more)
            wake(p.get());
    }

  private:
    Process* last() const { return more_.empty() ? first_.get() : more_.back().get(); }

    ProcessRef first_;
    std::vector<ProcessRef> more_;
};

class Future final : public HeapEntity {
  public:
    enum class State : uint8_t { Unresolved, Value, Exception };
    explicit Future(uint64_t seq);
    ~Future() override;
    std::string describe() const override;

    // One future per asynchronous call: recycled (interpreter/pool.h).
    static void* operator new(size_t bytes) { return poolAllocate(bytes); }
    static void operator delete(void* p, size_t bytes) noexcept { poolFree(p, bytes); }

    bool resolved() const { return state != State::Unresolved; }

    State state = State::Unresolved;
    Value value; // the value, or the exception
    // Processes to wake when resolved: awaiting it (`await f?`) or blocked
    // on it (`f.get`, a synchronous call to another COG, `new`).
    FutureWaiters waiters;

    // Every future not yet freed: a future may hold a value that refers to
    // itself (`return destiny;`), a cycle the end of a run must cut.
    Future* prevLive = nullptr;
    Future* nextLive = nullptr;
};

} // namespace absim::interp
