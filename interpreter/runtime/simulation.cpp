// The main loop of a run (runtime.md §1.2, §2.3, §5.2, §9): start the
// initial DC and the main block, run COGs from the global FIFO until none
// can progress, advance the clock, and end when nothing is left to do.

#include "interpreter/runtime/runtime.h"

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
            newProcess(dcCog, &dcClass->init, Frame::Kind::Init, initialDC_, nullptr, 0, Value(),
                       "init");
        else
            objectInitialised(initialDC_.entityAs<Object>());
    }
    startInitialDc();
    Cog* mainCog = newCog(initialDC_);
    newProcess(mainCog, &program_.main, Frame::Kind::Main, Value(), nullptr, 0, Value(),
               "main");

    while (!stopped_) {
        while (!runQueue_.empty() && !stopped_) {
            Cog* c = runQueue_.front();
            runQueue_.pop_front();
            c->inRunQueue = false;
            Process* p = c->current;
            if (p) {
                if (!p->resumable)
                    continue;
                p->resumable = false;
            } else {
                p = pick(c);
                if (!p)
                    continue;
                c->unlink(p);
                c->current = p;
            }
            execute(p);
            afterStep(c, p);
        }
        if (stopped_ || !advanceTime())
            break;
    }
    if (!stopped_ && !mainDone_)
        deadlock();
    finishDcs();
    out_.flush();
    err_.flush();
    return status_;
}

} // namespace absim::interp
