// Run-time error reports on stderr (runtime.md §8-§9): the message, then
// the ABS stack of the process (innermost first, file:line) and the
// simulated time. What the model printed so far is flushed first.

#include "interpreter/format.h"
#include "interpreter/runtime/live_list.h"
#include "interpreter/runtime/runtime.h"

#include <algorithm>

namespace absim::interp {

std::string Runtime::stackTrace(Process* p) const {
    // A line the same as the one before (a recursion) is counted, and a run
    // of more than kShown repeats is said in one line after the first ones.
    constexpr size_t kShown = 10;
    std::string s, last;
    size_t repeats = 0;
    auto flush = [&] {
        for (size_t k = 0; k < std::min(repeats, kShown); ++k)
            s += last;
        if (repeats > kShown)
            s += "  ... " + std::to_string(repeats - kShown) + " more times the line above\n";
        repeats = 0;
    };
    auto line = [&](std::string text) {
        if (text == last) {
            ++repeats;
            return;
        }
        flush();
        s += text;
        last = std::move(text);
    };
    for (size_t i = p->frames.size(); i-- > 0;) {
        const Frame& f = p->frames[i];
        // The top frame is at its current instruction; the others are just
        // past the call that is running.
        uint32_t pc = f.pc;
        if (i + 1 < p->frames.size() && pc > 0)
            --pc;
        const Code& code = *f.code;
        auto at = [&](const Code& in) {
            uint32_t lineNo = pc < code.instrs.size() ? code.instrs[pc].line : 0;
            line("  at " + in.name + " (" + in.file + ":" + std::to_string(lineNo) + ")\n");
        };
        // Calls inlined into the code show as the frames they would have
        // been: the callee at its instruction, then the caller at the call.
        for (int32_t site = code.siteAt(pc); site >= 0;) {
            const InlineSite& is = code.inlineSites[size_t(site)];
            at(*is.callee);
            pc = is.callPc;
            site = is.parent;
        }
        at(code);
    }
    flush();
    return s;
}

void Runtime::flushRepeatedKills() {
    if (repeatedKill_.more > 0) {
        std::string m = repeatedKill_.method;
        out_.flush();
        err_.write("(and the same for the " + std::to_string(repeatedKill_.more) +
                   " further frames of " + m + " below)\n");
        err_.flush();
    }
    repeatedKill_ = RepeatedKill{};
}

void Runtime::reportError(const std::string& headline, Process* p) {
    out_.flush();
    std::string text = headline + "\n";
    if (p)
        text += stackTrace(p);
    text += "  at time " + toString(clock_) + "\n";
    err_.write(text);
    err_.flush();
}

static const char* waitDescription(const Process* p) {
    switch (p->state) {
    case ProcessState::WaitingGuard:
        return "awaiting a condition";
    case ProcessState::WaitingFuture:
        return "awaiting a future";
    case ProcessState::WaitingTime:
        return "awaiting a duration";
    case ProcessState::Ready:
        return "ready";
    case ProcessState::Running:
        return "running";
    case ProcessState::Done:
        return "done";
    case ProcessState::Blocked:
        switch (p->blockedOn) {
        case BlockReason::Get:
            return "blocked on .get of an unresolved future";
        case BlockReason::SyncCall:
            return "blocked on a synchronous call to another COG";
        case BlockReason::New:
            return "blocked in new, waiting for an init block";
        case BlockReason::Duration:
            return "blocked in duration";
        case BlockReason::Resource:
            return "blocked waiting for resources of its deployment component";
        case BlockReason::None:
            break;
        }
        return "blocked";
    }
    return "";
}

void Runtime::deadlock() {
    out_.flush();
    std::string text = "Deadlock: simulation cannot progress at time " + toString(clock_) + "\n";
    // Oldest first: the list is newest first.
    std::vector<Process*> waiting;
    for (Process* p = liveProcesses(); p; p = p->allNext)
        if (p->state != ProcessState::Done && !p->frames.empty())
            waiting.push_back(p);
    for (auto it = waiting.rbegin(); it != waiting.rend(); ++it) {
        Process* p = *it;
        const Frame& top = p->frames.back();
        uint32_t pc = top.pc > 0 && p->state != ProcessState::Blocked ? top.pc - 1 : top.pc;
        uint32_t line = pc < top.code->instrs.size() ? top.code->instrs[pc].line : 0;
        const Code& in = top.code->codeAt(pc); // an inlined callee, as its own frame would show
        text += "  " + in.name + " (" + in.file + ":" + std::to_string(line) + ") " +
                waitDescription(p) + "\n";
    }
    err_.write(text);
    err_.flush();
    status_ = 70;
}

// Reference counting cannot free cycles (objects whose fields point at each
// other, processes and the futures they wait for): cut every link held by
// objects and processes, then let the counts do the rest.
void Runtime::breakCycles() {
    timeWaiters_.clear();
    runHead_ = runTail_ = nullptr;
    for (auto& s : dcs_)
        for (auto& q : s->queue)
            q.clear();
    std::vector<Value> keepObjects;
    for (Object* o = liveObjects(); o; o = o->nextLive)
        keepObjects.push_back(Value::object(o));
    std::vector<ProcessRef> keepProcesses;
    for (Process* p = liveProcesses(); p; p = p->allNext)
        keepProcesses.emplace_back(p);
    for (auto& cog : cogs_) {
        while (Process* p = cog->head) {
            cog->unlink(p);
            drop(p);
        }
        if (cog->current) {
            drop(cog->current);
            cog->current = nullptr;
        }
        cog->dc = Value();
    }
    for (ProcessRef& p : keepProcesses) {
        p->frames.clear();
        p->destiny = Value();
        p->awaited = Value();
        p->initDone = Value();
        p->pendingError = Value();
    }
    for (Value& v : keepObjects) {
        Object* o = v.entityAs<Object>();
        for (size_t i = 0; i < o->fieldCount(); ++i)
            o->fields[i] = Value();
    }
    std::vector<Value> keepFutures;
    for (Future* f = liveFutures(); f; f = f->nextLive)
        keepFutures.push_back(Value::future(f));
    for (Value& v : keepFutures) {
        Future* f = v.entityAs<Future>();
        f->value = Value();
        f->waiters.clear();
    }
    keepFutures.clear();
    initialDC_ = Value();
    keepObjects.clear();
    keepProcesses.clear();
}

} // namespace absim::interp
