#pragma once
// A future: a write-once cell resolved by the process that owns it, with a
// value or an exception, and the processes waiting for it (runtime.md §4).

#include "interpreter/pool.h"
#include "interpreter/runtime/process_ref.h"
#include "interpreter/value.h"

#include <vector>

namespace absim::interp {

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
    std::vector<ProcessRef> waiters;

    // Every future not yet freed: a future may hold a value that refers to
    // itself (`return destiny;`), a cycle the end of a run must cut.
    Future* prevLive = nullptr;
    Future* nextLive = nullptr;
};

} // namespace absim::interp
