// The main loop of a run (runtime.md §1.2, §2.3, §5.2, §9): start the
// initial DC and the main block, run COGs from the global FIFO until none
// can progress, advance the clock, and end when nothing is left to do.

#include "interpreter/runtime/runtime.h"
#include "interpreter/runtime/spawn.h"

namespace absim::interp {

int Runtime::run() {
    // The initial deployment component, in its own COG (§1.2).
    if (const ClassInfo* dcClass = program_.deploymentComponentClass) {
        Cog* dcCog = newCog(Value());
        Value args[2] = {Value::fromString("Initial DC"),
                         Value::constant(builtinConstructor(BuiltinConstructor::EmptyMap))};
        initialDC_ = newObject(dcClass, dcCog, args);
        dcCog->dc = initialDC_;
        if (dcClass->hasInitWork)
            newProcess(dcCog, &dcClass->init, Frame::Kind::Init, Value(initialDC_), nullptr, Value(),
                       "init");
        else
            objectInitialised(initialDC_.entityAs<Object>());
    }
    startInitialDc();
    Cog* mainCog = newCog(initialDC_);
    newProcess(mainCog, &program_.main, Frame::Kind::Main, Value(), nullptr, Value(), "main");

    while (!stopped_) {
        while (runHead_ && !stopped_) {
            if (runInterrupted.load(std::memory_order_relaxed)) {
                stopped_ = true;
                status_ = kInterruptedStatus;
                break;
            }
            Cog* c = runHead_;
            runHead_ = c->nextRunnable;
            if (!runHead_)
                runTail_ = nullptr;
            c->inRunQueue = false;
            Process* p = c->current;
            if (p) {
                if (!p->resumable)
                    continue;
                p->resumable = false;
            } else {
                // The usual turn: the first process of the queue is ready
                // and the default order applies, so it is the one pick()
                // would choose, without the walk.
                p = c->head;
                if (!p || p->state != ProcessState::Ready || c->scheduler ||
                    options_.randomSchedule || ownerDead(p)) {
                    p = pick(c);
                    if (!p)
                        continue;
                }
                c->unlink(p);
                c->current = p;
            }
            execute(p);
            if (p->state == ProcessState::Done) {
                // afterStep's ending, inline: the commonest end of a step.
                --stats_.liveProcesses;
                c->current = nullptr;
                if (--p->refs == 0)
                    freeProcess(p);
                if (c->head)
                    kick(c);
            } else {
                afterStep(c, p);
            }
            // A cheap test per step; the observer decides whether to draw.
            if ((++stats_.steps & 4095) == 0 && options_.observer)
                options_.observer->progress(clock_, stats_);
        }
        if (stopped_)
            break;
        if (!advanceTime())
            break;
        if (options_.observer)
            options_.observer->progress(clock_, stats_);
    }
    if (!stopped_ && !mainDone_)
        deadlock();
    finishDcs();
    if (options_.observer)
        options_.observer->finished(clock_, stats_);
    out_.flush();
    err_.flush();
    return status_;
}

} // namespace absim::interp
