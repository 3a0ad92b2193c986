#pragma once
// A process (task): one activation of a method, an init block, a `run`
// method or the main block. It is a stack of heap frames; suspending saves
// the pc of the top frame and returns to the scheduler, so a suspended
// process costs its frames and nothing else (no OS thread, no C++ stack).

#include "interpreter/pool.h"
#include "interpreter/program/code.h"
#include "interpreter/runtime/process_ref.h"
#include "interpreter/value.h"

#include <memory>
#include <vector>

namespace absim::interp {

struct Cog;
class Object;

struct Handler {
    uint32_t target; // pc of the catch code
    int32_t slot;    // where the exception goes
};

struct Frame {
    enum class Kind : uint8_t {
        Method,  // a method body (async or same-COG synchronous call)
        Init,    // field initialisers + init block
        Main,    // the main block
        Recover, // the recover block of a dying object
    };
    const Code* code = nullptr;
    uint32_t pc = 0;
    Kind kind = Kind::Method;
    Object* self = nullptr; // kept alive by `selfRef`
    Value selfRef;
    std::unique_ptr<Value[]> locals;
    Dest resultDest; // where the caller (frame below) wants the result
    std::vector<Handler> handlers;

    Frame() = default;
    // A frame built with its values in place, not defaulted and then set.
    Frame(const Code* code, Kind kind, Object* self, Value&& selfRef,
          std::unique_ptr<Value[]>&& locals, Dest resultDest)
        : code(code), kind(kind), self(self), selfRef(std::move(selfRef)),
          locals(std::move(locals)), resultDest(resultDest) {}
    Frame(Frame&&) = default;
    Frame& operator=(Frame&&) = default;

    // Drops what the frame holds (its object, slots, handlers) in place: a
    // popped frame needs no temporary to be moved from.
    void release() {
        selfRef = Value();
        self = nullptr;
        locals.reset();
        handlers.clear();
    }
};

// A process's call stack. Nearly every process only ever has its first
// frame (a method activation); that frame lives inside the process, so
// starting and ending a process allocates no frame array. Same-COG
// synchronous calls and init blocks push further frames on a vector.
class FrameStack {
  public:
    FrameStack() = default;
    // A stack whose first frame is built in place (a new process).
    FrameStack(const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
               std::unique_ptr<Value[]>&& locals)
        : first_(code, kind, self, std::move(selfRef), std::move(locals), Dest()), hasFirst_(true) {
    }

    size_t size() const { return hasFirst_ ? 1 + more_.size() : 0; }
    bool empty() const { return !hasFirst_; }
    // More than one frame: the top one is a synchronous callee or `new local`.
    bool nested() const { return !more_.empty(); }
    Frame& front() { return first_; }
    const Frame& front() const { return first_; }
    Frame& back() { return more_.empty() ? first_ : more_.back(); }
    const Frame& back() const { return more_.empty() ? first_ : more_.back(); }
    Frame& operator[](size_t i) { return i == 0 ? first_ : more_[i - 1]; }
    const Frame& operator[](size_t i) const { return i == 0 ? first_ : more_[i - 1]; }

    // A synchronous callee or an init block on top of the first frame.
    Frame& pushNested(const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
                      std::unique_ptr<Value[]>&& locals, Dest resultDest) {
        if (more_.size() == more_.capacity())
            growMore();
        return more_.emplace_back(code, kind, self, std::move(selfRef), std::move(locals),
                                  resultDest);
    }
    // Pops a nested frame (nested() holds).
    void popNested() { more_.pop_back(); }
    // Ends the only frame (not nested()), dropping its locals and object
    // now, as a pop would.
    void popOnly() {
        first_.release();
        hasFirst_ = false;
    }
    void pop_back() {
        if (!more_.empty()) {
            more_.pop_back();
            return;
        }
        popOnly();
    }
    // Empty and holding no memory: destroying it would do nothing.
    bool holdsNothing() const {
        return !hasFirst_ && more_.capacity() == 0 && first_.handlers.capacity() == 0;
    }
    void clear() {
        more_.clear();
        if (hasFirst_)
            popOnly();
    }

  private:
    // A synchronous call chains a few frames deep (a method calling helpers
    // on `this`): one block for them, not a reallocation per level.
    [[gnu::noinline]] void growMore() {
        more_.reserve(more_.capacity() ? 2 * more_.capacity() : 4);
    }

    Frame first_;
    bool hasFirst_ = false;
    std::vector<Frame, PoolAllocator<Frame>> more_;
};

enum class ProcessState : uint8_t {
    Ready,         // in its COG's queue, can run
    Running,       // holds its COG
    WaitingGuard,  // in its COG's queue, enabled when its guard holds
    WaitingFuture, // out of the queue until a future it awaits resolves
    WaitingTime,   // out of the queue until the clock wakes it
    Blocked,       // holds its COG without running (get, duration, remote call, new)
    Done,
};

enum class BlockReason : uint8_t { None, Get, SyncCall, New, Duration, Resource };

struct Process {
    uint32_t refs = 0;
    uint64_t id = 0;
    Cog* cog = nullptr;
    ProcessState state = ProcessState::Ready;
    BlockReason blockedOn = BlockReason::None;
    bool resumable = false; // Blocked: the reason went away, run it next
    FrameStack frames;
    // Its future (null for main and init processes). `mutable`: made on
    // first use when the caller discarded it (see destinyOf).
    mutable Value destiny;
    // The creation number of a future its caller discarded (`o!m();`): the
    // future is made only if the process itself asks for it (`destiny`, a
    // user scheduler), so a fire-and-forget call costs no future. 0: none.
    mutable uint64_t destinySeq = 0;
    const char* method = ""; // what schedulers and stack traces call it
    // Await state.
    const GuardCode* guard = nullptr;
    Value awaited;      // Blocked on Get/SyncCall/New: the future
    Value pendingError; // an exception to raise when it next runs (§8.4)
    bool hasPendingError = false;
    bool timePassed = false; // the duration part of its guard is over
    Value initDone;          // init process of `new`: resolved with the object when done
    // Time. Its arrival in the queue (a user scheduler's `arrival`) is its
    // creation time: nothing requeues it as new.
    Value creationTime; // Rat
    // Its `[Deadline: ...]`, a Duration; null for none (InfDuration), so
    // that a process without one copies no value to say so.
    Value deadline;
    uint64_t timeToken = 0; // matches the live entry of the time-waiter heap
    // Position in the COG's queue (intrusive: no allocation to requeue).
    Process* prev = nullptr;
    Process* next = nullptr;
    bool queued = false;
    // Every process not yet freed, for deadlock reports and the end of a run.
    Process* allPrev = nullptr;
    Process* allNext = nullptr;

    Process() = default;
    // A new process of `cog`, created now, with its future and its first
    // frame (`code` run on `self` with `locals`): the fields are built once
    // with their values, not reset and then set.
    Process(uint64_t id, Cog* cog, const char* method, Value&& destiny, const Value& now,
            const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
            std::unique_ptr<Value[]>&& locals)
        : id(id), cog(cog), frames(code, kind, self, std::move(selfRef), std::move(locals)),
          destiny(std::move(destiny)), method(method), creationTime(now) {}

    Frame& top() { return frames.back(); }

    // Nothing of it holds a reference or memory (the usual ended process:
    // its frame popped, no future made, no exception or await left), so
    // its storage can be freed without running the destructor.
    bool holdsNothing() const {
        return frames.holdsNothing() && !destiny.holdsCell() && !awaited.holdsCell() &&
               !pendingError.holdsCell() && !initDone.holdsCell() && !creationTime.holdsCell() &&
               !deadline.holdsCell();
    }

    // One process per asynchronous call: recycled (interpreter/pool.h).
    static void* operator new(size_t bytes) { return poolAllocate(bytes); }
    static void operator delete(void* p, size_t bytes) noexcept { poolFree(p, bytes); }
};

// The process's future (`destiny`), made now if its caller discarded it.
const Value& destinyOf(const Process* p);

} // namespace absim::interp
