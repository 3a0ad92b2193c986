#pragma once
// Heads of the lists of every object and process not yet freed, per thread
// (one interpreter runs per thread). The end of a run walks them to break
// reference cycles, and deadlock reports walk the processes. Inline: every
// process, future and object links itself in and out, so reaching a head
// is one thread-local access, not a call.

namespace absim::interp {

class Object;
class Future;
struct Process;

namespace live_detail {
inline thread_local Object* objects = nullptr;
inline thread_local Process* processes = nullptr;
inline thread_local Future* futures = nullptr;
} // namespace live_detail

inline Object*& liveObjects() {
    return live_detail::objects;
}
inline Process*& liveProcesses() {
    return live_detail::processes;
}
inline Future*& liveFutures() {
    return live_detail::futures;
}

// A process in and out of its live list (its allNext and allPrev links).
template <typename P> inline void linkLiveProcess(P* p) {
    P*& all = liveProcesses();
    p->allNext = all;
    if (all)
        all->allPrev = p;
    all = p;
}
template <typename P> inline void unlinkLiveProcess(P* p) {
    if (p->allPrev)
        p->allPrev->allNext = p->allNext;
    else
        liveProcesses() = p->allNext;
    if (p->allNext)
        p->allNext->allPrev = p->allPrev;
}

} // namespace absim::interp
