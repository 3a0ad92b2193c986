#pragma once
// A process (task): one activation of a method, an init block, a `run`
// method or the main block. It is a stack of heap frames; suspending saves
// the pc of the top frame and returns to the scheduler, so a suspended
// process costs its frames and nothing else (no OS thread, no C++ stack).

#include "interpreter/pool.h"
#include "interpreter/program/code.h"
#include "interpreter/runtime/process_ref.h"
#include "interpreter/value.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace absim::interp {

struct Cog;
class Object;

// A try block's catch, on its process's handler stack (FrameStack).
struct Handler {
    uint32_t target; // pc of the catch code
    int32_t slot;    // where the exception goes
    uint32_t depth;  // the frame it belongs to: how many frames lie below it
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

    Frame() = default;
    // A frame built with its values in place, not defaulted and then set.
    Frame(const Code* code, Kind kind, Object* self, Value&& selfRef,
          std::unique_ptr<Value[]>&& locals, Dest resultDest)
        : code(code), kind(kind), self(self), selfRef(std::move(selfRef)),
          locals(std::move(locals)), resultDest(resultDest) {}
    Frame(Frame&&) = default;
    Frame& operator=(Frame&&) = default;

    // Drops what the frame holds (its object, slots) in place: a popped
    // frame needs no temporary to be moved from. Inline: every process
    // ends its first frame with it, and a call would cost a tenth of it.
    [[gnu::always_inline]] void release() {
        selfRef = Value();
        self = nullptr;
        locals.reset();
    }
};

// A process's call stack. Nearly every process only ever has its first
// frame (a method activation); that frame lives inside the process, so
// starting and ending a process allocates no frame array. Same-COG
// synchronous calls and init blocks push further frames on an array of
// their own, held as raw pointers: a synchronous call checks for room with
// one comparison and pops with no size arithmetic. The handlers of try
// blocks live beside the frames, on one stack per process (each knows its
// frame), so a frame carries no handler vector to build and destroy: a
// frame never ends with a handler of its own left (a `return` is never
// inside a try block, and an exception pops a frame only when it has none).
class FrameStack {
  public:
    // The deepest the stack of synchronous calls may grow (counting the
    // first frame): a call beyond it raises "recursion too deep".
    static constexpr size_t kMaxFrames = 100000;

    FrameStack() = default;
    // A stack whose first frame is built in place (a new process).
    FrameStack(const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
               std::unique_ptr<Value[]>&& locals)
        : first_(code, kind, self, std::move(selfRef), std::move(locals), Dest()), hasFirst_(true) {
    }
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;
    FrameStack& operator=(FrameStack&& other) noexcept {
        clear();
        freeMore();
        first_ = std::move(other.first_);
        hasFirst_ = other.hasFirst_;
        more_ = other.more_;
        top_ = other.top_;
        limit_ = other.limit_;
        end_ = other.end_;
        handlers_ = std::move(other.handlers_);
        other.hasFirst_ = false;
        other.more_ = other.top_ = other.limit_ = other.end_ = nullptr;
        return *this;
    }
    ~FrameStack() {
        destroyMore();
        freeMore();
    }

    size_t size() const { return hasFirst_ ? 1 + size_t(top_ - more_) : 0; }
    bool empty() const { return !hasFirst_; }
    // More than one frame: the top one is a synchronous callee or `new local`.
    bool nested() const { return top_ != more_; }
    Frame& front() { return first_; }
    const Frame& front() const { return first_; }
    Frame& back() { return top_ != more_ ? top_[-1] : first_; }
    const Frame& back() const { return top_ != more_ ? top_[-1] : first_; }
    Frame& operator[](size_t i) { return i == 0 ? first_ : more_[i - 1]; }
    const Frame& operator[](size_t i) const { return i == 0 ? first_ : more_[i - 1]; }

    // A synchronous call may push its frame without growing the array and
    // without going past kMaxFrames (the instruction loop's fast path;
    // anything else takes the general one, which grows or refuses).
    bool hasRoomForCall() const { return top_ < limit_; }
    // Whether `n` calls, one inside the other, would stay within kMaxFrames
    // (inlined calls, lower/inline_methods.h): surely when there is only
    // the first frame (n is small), or when the array has room for them;
    // false may be wrong (the general path counts).
    bool hasRoomForCalls(size_t n) const {
        return top_ == more_ || limit_ - top_ > ptrdiff_t(n - 1);
    }
    // A synchronous callee or an init block on top of the first frame.
    Frame& pushNested(const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
                      std::unique_ptr<Value[]>&& locals, Dest resultDest) {
        if (top_ == end_)
            growMore();
        return pushInRoom(code, kind, self, std::move(selfRef), std::move(locals), resultDest);
    }
    // The same when hasRoomForCall() holds.
    Frame& pushInRoom(const Code* code, Frame::Kind kind, Object* self, Value&& selfRef,
                      std::unique_ptr<Value[]>&& locals, Dest resultDest) {
        Frame* f =
            new (top_) Frame(code, kind, self, std::move(selfRef), std::move(locals), resultDest);
        ++top_;
        return *f;
    }
    // Pops a nested frame (nested() holds).
    void popNested() {
        --top_;
        top_->~Frame();
    }
    // Ends the only frame (not nested()), dropping its locals and object
    // now, as a pop would.
    void popOnly() {
        first_.release();
        hasFirst_ = false;
    }
    void pop_back() {
        if (nested()) {
            popNested();
            return;
        }
        popOnly();
    }
    // Empty and holding no memory: destroying it would do nothing.
    bool holdsNothing() const {
        return !hasFirst_ && more_ == nullptr && handlers_.capacity() == 0;
    }
    void clear() {
        destroyMore();
        handlers_.clear();
        if (hasFirst_)
            popOnly();
    }

    // Try blocks of the top frame.
    void pushHandler(uint32_t target, int32_t slot) {
        handlers_.push_back(Handler{target, slot, uint32_t(top_ - more_)});
    }
    void popHandler() { handlers_.pop_back(); }
    // The innermost handler of the top frame, taken off; false if it has none.
    bool takeHandler(Handler& h) {
        if (handlers_.empty() || handlers_.back().depth != uint32_t(top_ - more_))
            return false;
        h = handlers_.back();
        handlers_.pop_back();
        return true;
    }

  private:
    // A synchronous call chains a few frames deep (a method calling helpers
    // on `this`): one block for them, not a reallocation per level.
    [[gnu::noinline]] void growMore() {
        size_t used = size_t(top_ - more_);
        size_t capacity = size_t(end_ - more_);
        size_t grown = capacity ? 2 * capacity : 4;
        auto* fresh = static_cast<Frame*>(poolAllocate(grown * sizeof(Frame)));
        for (size_t i = 0; i < used; ++i) {
            new (fresh + i) Frame(std::move(more_[i]));
            more_[i].~Frame();
        }
        freeMore();
        more_ = fresh;
        top_ = fresh + used;
        end_ = fresh + grown;
        // A call's fast path pushes while the frames are at most
        // kMaxFrames, the first one included, as the general path checks.
        limit_ = fresh + std::min(grown, kMaxFrames);
    }
    void destroyMore() {
        while (top_ != more_)
            popNested();
    }
    void freeMore() {
        if (more_)
            poolFree(more_, size_t(end_ - more_) * sizeof(Frame));
        more_ = top_ = limit_ = end_ = nullptr;
    }

    Frame first_;
    bool hasFirst_ = false;
    Frame* more_ = nullptr;  // the frames above the first, from the bottom
    Frame* top_ = nullptr;   // one past the top one
    Frame* limit_ = nullptr; // where a call's fast path stops (hasRoomForCall)
    Frame* end_ = nullptr;   // the end of the array
    std::vector<Handler> handlers_;
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
