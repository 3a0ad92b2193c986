#pragma once
// A concurrent object group: the scheduling domain of its objects'
// processes. At most one process holds it (`current`: running or blocked);
// the others wait in `queue`, in the order of runtime.md §2.3 (created or
// last released/woken at the back).

#include "interpreter/runtime/process.h"
#include "interpreter/value.h"

namespace absim::interp {

struct FunctionInfo;
struct DcState;
struct SchedulerSpec;

struct Cog {
    uint64_t id = 0;
    Process* current = nullptr; // holds one reference
    Process* head = nullptr;    // queue; each queued process holds one reference
    Process* tail = nullptr;
    size_t queued = 0;
    bool inRunQueue = false;
    Cog* nextRunnable = nullptr; // the next COG of the run queue
    Value dc;                    // the deployment component it runs on
    DcState* dcState = nullptr;  // its resource state, once looked up
    uint64_t objectCount = 0;    // numbers objects for their printed names
    // A user-defined scheduler (runtime.md §2.5) and the object whose fields
    // it reads: the one whose `new` created the COG.
    const SchedulerSpec* scheduler = nullptr;
    Value firstObject;

    void enqueue(Process* p) {
        ++p->refs;
        p->queued = true;
        p->prev = tail;
        p->next = nullptr;
        if (tail)
            tail->next = p;
        else
            head = p;
        tail = p;
        ++queued;
    }
    // Unlinks; the caller takes over the queue's reference.
    void unlink(Process* p) {
        if (p->prev)
            p->prev->next = p->next;
        else
            head = p->next;
        if (p->next)
            p->next->prev = p->prev;
        else
            tail = p->prev;
        p->prev = p->next = nullptr;
        p->queued = false;
        --queued;
    }
};

} // namespace absim::interp
