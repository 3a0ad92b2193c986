// User-defined schedulers (runtime.md §2.5): a COG created by a `new`
// carrying `[Scheduler: f(queue, fld...)]` (or of a class carrying it) asks
// f which enabled process runs next. Only such COGs come here, so the
// default scheduling path stays as it is.

#include "interpreter/builtins/builtin_scheduler.h"
#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/runtime.h"

namespace absim::interp {

Process* Runtime::pickByUserScheduler(Cog* cog) {
    std::vector<Process*> enabledProcs;
    for (Process* p = cog->head; p;) {
        Process* next = p->next;
        const Frame& bottom = p->frames.front();
        if (bottom.kind == Frame::Kind::Method && bottom.self && !bottom.self->alive) {
            cog->unlink(p);
            killProcess(p);
            drop(p);
        } else if (enabled(p)) {
            // The init process always runs first, without asking (§2.5).
            if (bottom.kind == Frame::Kind::Init)
                return p;
            enabledProcs.push_back(p);
        }
        p = next;
    }
    if (enabledProcs.empty())
        return nullptr;

    const SchedulerSpec& spec = *cog->scheduler;
    Value queue = Value::nil();
    for (size_t i = enabledProcs.size(); i-- > 0;) {
        const Process* p = enabledProcs[i];
        // proc_deadline is not clamped here, unlike deadline() (§5.4).
        Value deadline = p->deadline.isNull() ? infDuration_ : p->deadline;
        if (deadline.is(BuiltinConstructor::Duration))
            deadline = Value::make(builtinConstructor(BuiltinConstructor::Duration),
                                   subtract(deadline.arg(0), subtract(clock_, p->creationTime)));
        queue = Value::cons(
            makeProcessValue(p->method, p->creationTime, std::move(deadline), destinyOf(p), i),
            std::move(queue));
    }
    Object* first = cog->firstObject.entityAs<Object>();
    std::vector<Value> args;
    args.reserve(spec.argSlots.size());
    for (int32_t slot : spec.argSlots)
        args.push_back(slot < 0 ? queue : first->fields[size_t(slot)]);
    EvalContext ctx{this, nullptr, first, nullptr, nullptr};
    // A scheduler that fails, or answers a process not in its queue, leaves
    // the COG without a defined next step: the run stops with an error (the
    // spec is silent; the reference's COG crashes).
    std::string failure;
    int64_t index = -1;
    try {
        Value chosen = callFunction(spec.function, args.data(), ctx);
        // A scheduler may answer Maybe<Process>: Nothing runs nothing for now.
        if (chosen.is(BuiltinConstructor::Nothing))
            return nullptr;
        if (chosen.is(BuiltinConstructor::Just))
            chosen = chosen.arg(0);
        index = processQueueIndex(chosen);
        if (index < 0 || size_t(index) >= enabledProcs.size())
            failure = "it returned a process not in its queue";
    } catch (const AbsException& e) {
        failure = "uncaught " + toString(e.exception());
    } catch (const AbsRuntimeError& e) {
        failure = e.what();
    }
    if (!failure.empty()) {
        reportError("The scheduler of " + first->describe() + " failed: " + failure, nullptr);
        stopped_ = true;
        status_ = 70;
        return nullptr;
    }
    return enabledProcs[size_t(index)];
}

} // namespace absim::interp
