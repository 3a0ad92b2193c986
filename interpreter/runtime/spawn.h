#pragma once
// Making and queueing a process (runtime.md §1-§3): inline, because an
// asynchronous call makes one per call and the instruction loop
// (execute.cpp) builds it in place, and the run loop (simulation.cpp)
// takes it, with no call into another translation unit on the way.

#include "interpreter/runtime/live_list.h"
#include "interpreter/runtime/runtime.h"

namespace absim::interp {

// A new process counted, linked into the live list and queued on its COG.
[[gnu::always_inline]] inline void Runtime::admit(Process* p, Cog* cog) {
    ++stats_.processesCreated;
    if (++stats_.liveProcesses > stats_.peakLiveProcesses)
        stats_.peakLiveProcesses = stats_.liveProcesses;
    linkLiveProcess(p);
    cog->enqueue(p);
    kick(cog);
}

[[gnu::always_inline]] inline Process* Runtime::newProcess(Cog* cog, const Code* code,
                                                           Frame::Kind kind, Value&& self,
                                                           std::unique_ptr<Value[]>&& locals,
                                                           Value&& destiny, const char* method) {
    Object* o = self.isObject() ? self.entityAs<Object>() : nullptr;
    if (!locals)
        locals = std::make_unique<Value[]>(code->slotCount);
    auto* p = new Process(++processIds_, cog, method, std::move(destiny), clock_, code, kind, o,
                          std::move(self), std::move(locals));
    admit(p, cog);
    return p;
}

// An asynchronous call from the instruction loop, the callee `o` known to
// be a live object with method `m`, the arguments in `locals` already:
// what startCall does, with the process built straight from the object (no
// callee, deadline or future value made and dropped on the way).
// `deadline` null: none. Returns the process; its future, when wanted, is
// its destiny.
[[gnu::always_inline]] inline Process* Runtime::spawnCall(Object* o, const MethodInfo* m,
                                                          std::unique_ptr<Value[]>&& locals,
                                                          bool wantFuture) {
    ++stats_.calls;
    Cog* cog = o->cog;
    uint64_t reserved = 0;
    Process* p;
    if (wantFuture) [[unlikely]] {
        Value fut = newFuture();
        p = new Process(++processIds_, cog, m->name.c_str(), std::move(fut), clock_, &m->code,
                        Frame::Kind::Method, o, Value::object(o), std::move(locals));
    } else {
        reserved = ++seq_;
        p = new Process(++processIds_, cog, m->name.c_str(), Value(), clock_, &m->code,
                        Frame::Kind::Method, o, Value::object(o), std::move(locals));
    }
    p->destinySeq = reserved;
    admit(p, cog);
    return p;
}

[[gnu::always_inline]] inline Value Runtime::startCall(Value&& callee, const MethodInfo* m,
                                                       std::unique_ptr<Value[]>&& locals,
                                                       Value&& deadline, bool wantFuture) {
    ++stats_.calls;
    Value fut;
    uint64_t reserved = 0;
    if (wantFuture)
        fut = newFuture();
    else
        reserved = ++seq_;
    Cog* cog = callee.entityAs<Object>()->cog;
    Process* p = newProcess(cog, &m->code, Frame::Kind::Method, std::move(callee),
                            std::move(locals), wantFuture ? Value(fut) : Value(), m->name.c_str());
    p->destinySeq = reserved;
    if (!deadline.isNull())
        p->deadline = std::move(deadline);
    return fut;
}

// Frees a process nothing refers to any more (refs reached 0), as
// destroyProcess does; inline and without the destructor when it holds
// nothing (ending an object's lifetime by freeing its storage is allowed
// when nothing depends on the destructor's effects, and it has none then).
[[gnu::always_inline]] inline void freeProcess(Process* p) {
    if (!p->holdsNothing()) [[unlikely]] {
        destroyProcess(p);
        return;
    }
    unlinkLiveProcess(p);
    poolFree(p, sizeof(Process));
}

// A method activation of an object that died meanwhile: it never runs (§8.3).
inline bool ownerDead(const Process* p) {
    const Frame& bottom = p->frames.front();
    return bottom.kind == Frame::Kind::Method && bottom.self && !bottom.self->alive;
}

[[gnu::always_inline]] inline void Runtime::kick(Cog* cog) {
    if (!cog->inRunQueue) {
        cog->inRunQueue = true;
        cog->nextRunnable = nullptr;
        if (runTail_)
            runTail_->nextRunnable = cog;
        else
            runHead_ = cog;
        runTail_ = cog;
    }
}

} // namespace absim::interp
