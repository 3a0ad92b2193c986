// The deterministic scheduler (runtime.md §2.3): a global FIFO of COGs that
// may have something to run; a COG, when its turn comes, runs the first
// enabled process of its queue (or a seeded random one with
// --schedule random) until that process releases the COG, blocks or ends.
// When nothing can run anywhere, the clock advances (§5.2).

#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/runtime/runtime.h"
#include "interpreter/runtime/spawn.h"

#include <gmp.h>

#include <bit>
#include <cmath>

namespace absim::interp {

// Every time gets its key by one rounding, to nearest (ties to even), so
// the keys never reverse the exact order (two roundings mixed could: a
// value rounded up and a slightly larger one truncated). Inline numbers are
// rounded by the hardware (an int64 to double, or the quotient of two
// doubles that hold their integers exactly); GMP's conversions truncate, so
// other numbers are rounded here from the truncated double. A time that is
// not a number (never, for a typed model) gets one key for all, so only the
// exact comparison orders it.
static double nearestDouble(mpq_srcptr q) {
    double d = mpq_get_d(q); // toward zero
    if (!std::isfinite(d))
        return d;
    mpq_t x, mid;
    mpq_init(x);
    mpq_init(mid);
    mpq_set_d(x, d);
    int c = mpq_cmp(q, x);
    if (c != 0) {
        // q lies between d and the next double away from zero: the nearer
        // one, or the even one at the midpoint.
        double away = std::nextafter(d, c > 0 ? HUGE_VAL : -HUGE_VAL);
        if (std::isfinite(away)) {
            mpq_set_d(mid, away);
            mpq_add(mid, mid, x);
            mpq_div_2exp(mid, mid, 1);
            int h = mpq_cmp(q, mid) * c; // > 0: beyond the midpoint
            if (h > 0 || (h == 0 && (std::bit_cast<uint64_t>(d) & 1) != 0))
                d = away;
        }
    }
    mpq_clear(mid);
    mpq_clear(x);
    return d;
}

double timeKeySlow(const Value& t) {
    constexpr int64_t kExact = int64_t(1) << 53; // integers a double holds exactly
    if (t.isSmallExact()) {
        int64_t num = t.smallNumerator();
        uint64_t den = t.smallDenominator();
        if (den == 1)
            return double(num);
        if (num > -kExact && num < kExact && den < uint64_t(kExact))
            return double(num) / double(den);
        return nearestDouble(t.toRational().backend().data());
    }
    if (t.isBigRat())
        return nearestDouble(t.bigRat().backend().data());
    if (t.isBigInt()) {
        mpq_t q;
        mpq_init(q);
        mpq_set_z(q, t.bigInt().backend().data());
        double d = nearestDouble(q);
        mpq_clear(q);
        return d;
    }
    return 0;
}

void Runtime::drop(Process* p) {
    if (--p->refs == 0)
        destroyProcess(p);
}

bool Runtime::guardHolds(Process* p, const GuardCode* g) {
    switch (g->kind) {
    case GuardCode::Kind::Future: {
        Frame& f = p->frames.back();
        EvalContext ctx{this, f.locals.get(), f.self, p, nullptr};
        Value v = eval(g->exp, ctx);
        if (!v.isFuture())
            throwBuiltinException(BuiltinConstructor::NullPointerException);
        return v.entityAs<Future>()->resolved();
    }
    case GuardCode::Kind::Duration:
        return p->timePassed;
    case GuardCode::Kind::Bool: {
        Frame& f = p->frames.back();
        EvalContext ctx{this, f.locals.get(), f.self, p, nullptr};
        return evalBool(g->exp, ctx);
    }
    case GuardCode::Kind::And:
        return guardHolds(p, g->left) && guardHolds(p, g->right);
    }
    return false;
}

bool Runtime::guardHasBool(const GuardCode* g) const {
    switch (g->kind) {
    case GuardCode::Kind::Bool:
        return true;
    case GuardCode::Kind::And:
        return guardHasBool(g->left) || guardHasBool(g->right);
    default:
        return false;
    }
}

void Runtime::registerOnFutures(Process* p, const GuardCode* g) {
    if (g->kind == GuardCode::Kind::And) {
        registerOnFutures(p, g->left);
        registerOnFutures(p, g->right);
        return;
    }
    if (g->kind != GuardCode::Kind::Future)
        return;
    Frame& f = p->frames.back();
    EvalContext ctx{this, f.locals.get(), f.self, p, nullptr};
    Value v = eval(g->exp, ctx);
    if (!v.isFuture())
        return;
    Future* fut = v.entityAs<Future>();
    if (fut->resolved())
        return;
    fut->waiters.addUnlessLast(p);
}

// A guard that raises counts as enabled; the exception is raised at the
// `await` when the process runs (§8.4).
bool Runtime::enabled(Process* p) {
    if (p->state == ProcessState::Ready)
        return true;
    if (p->state != ProcessState::WaitingGuard)
        return false;
    try {
        return guardHolds(p, p->guard);
    } catch (const AbsException& e) {
        p->pendingError = e.exception();
    } catch (const AbsRuntimeError& e) {
        p->pendingError = runtimeErrorValue(e.what());
    }
    p->hasPendingError = true;
    return true;
}

Process* Runtime::pick(Cog* cog) {
    if (cog->scheduler)
        return pickByUserScheduler(cog);
    if (!options_.randomSchedule) {
        for (Process* p = cog->head; p;) {
            Process* next = p->next;
            if (ownerDead(p)) {
                cog->unlink(p);
                killProcess(p);
                drop(p);
            } else if (enabled(p)) {
                return p;
            }
            p = next;
        }
        return nullptr;
    }
    std::vector<Process*> choice;
    for (Process* p = cog->head; p; p = p->next)
        if (enabled(p))
            choice.push_back(p);
    if (choice.empty())
        return nullptr;
    std::uniform_int_distribution<size_t> d(0, choice.size() - 1);
    return choice[d(rng_)];
}

void Runtime::wake(Process* p, Future* from) {
    switch (p->state) {
    case ProcessState::WaitingFuture:
        if (ownerDead(p)) {
            killProcess(p);
            return;
        }
        if (guardHolds(p, p->guard)) {
            p->state = ProcessState::Ready;
            p->cog->enqueue(p);
            kick(p->cog);
        }
        return;
    case ProcessState::WaitingGuard:
        kick(p->cog);
        return;
    case ProcessState::Blocked:
        if (p->awaited.isFuture() && p->awaited.entityAs<Future>() == from) {
            p->resumable = true;
            kick(p->cog);
        }
        return;
    default:
        return;
    }
}

// Inline in the advance: it runs once per waiter woken by the clock.
[[gnu::always_inline]] inline void Runtime::wakeByTime(Process* p) {
    if (p->state == ProcessState::WaitingTime) {
        if (ownerDead(p)) {
            killProcess(p);
            return;
        }
        p->timePassed = true;
        p->state = p->guard->kind == GuardCode::Kind::Duration ? ProcessState::Ready
                                                               : ProcessState::WaitingGuard;
        if (p->state == ProcessState::WaitingGuard)
            registerOnFutures(p, p->guard);
        p->cog->enqueue(p);
        kick(p->cog);
    } else if (p->state == ProcessState::Blocked && p->blockedOn == BlockReason::Duration) {
        p->resumable = true;
        kick(p->cog);
    }
}

// After a step of `p` on `c`: give the COG back unless `p` blocked on it.
void Runtime::afterStep(Cog* c, Process* p) {
    switch (p->state) {
    case ProcessState::Blocked:
        if (p->resumable)
            kick(c);
        return;
    case ProcessState::Ready:
    case ProcessState::WaitingGuard:
        c->current = nullptr;
        c->enqueue(p);
        drop(p);
        kick(c);
        return;
    case ProcessState::Running: // cannot happen: a step ends in another state
    case ProcessState::WaitingFuture:
    case ProcessState::WaitingTime:
    case ProcessState::Done:
        c->current = nullptr;
        drop(p);
        if (c->head)
            kick(c);
        return;
    }
}

// A process about to wait until `t` (inline) while nothing else could run
// before the clock reaches it: no other COG runnable, no other process on
// its own, every other wait ending later, and none of what makes the
// advance more than moving the clock (starved processes, a clock limit at
// or before `t`, another order of picking). The advance would wake it
// alone and its COG would run it next, so it moves the clock here and goes
// on without waiting (runtime.md §5.2): the same clock, the same order,
// one activation less. True when it did. A run observer hears what the
// advance would tell it: billing, and progress now and then, since a
// process that keeps going alone does not return to the run loop.
// `key` is TimeWaiters::keyOf(t). The first test is waitForTime's, inline.
bool Runtime::advanceAlone(Process* p, const Value& t, double key) {
    Cog* c = p->cog;
    if (!mayGoOnAlone(p, key) || !timeWaiters_.allAfter(key))
        return false;
    if (stopped_ || resourceWaiters_ != 0 || !starved_.empty() || options_.randomSchedule ||
        c->scheduler || !t.isSmallExact() || ownerDead(p) ||
        runInterrupted.load(std::memory_order_relaxed))
        return false;
    if (options_.clockLimit && compareTime(t, Value::fromInt(int64_t(*options_.clockLimit))) >= 0)
        return false;
    if (compareTime(t, clock_) > 0) {
        clock_ = t;
        ++stats_.timeAdvances;
        clockInterval_ = floorSmall(t);
        if (!billing_.empty())
            billUntil(clock_);
    }
    ++stats_.steps; // the activation it saves
    if ((stats_.steps & 4095) == 0 && options_.observer)
        options_.observer->progress(clock_, stats_);
    return true;
}

bool Runtime::advanceTime() {
    // The usual advance: no process starved of resources, and the earliest
    // waiter's time inline and before any clock limit. Components catch up
    // with the clock lazily (syncDc), so crossing boundaries only moves
    // the interval in progress: what passBoundaries would do, in a line,
    // with the billing a run observer follows.
    int64_t num;
    uint64_t den;
    if (resourceWaiters_ == 0 && starved_.empty() && timeWaiters_.earliestInline(num, den))
        [[likely]] {
        using smallrat::Int128;
        if (!options_.clockLimit ||
            Int128(num) < Int128(int64_t(*options_.clockLimit)) * Int128(den)) [[likely]] {
            Value at = den == 1 ? Value::fromInt(num) : Value::fromSmallRat(num, den);
            if (compareTime(at, clock_) > 0) {
                clock_ = at;
                ++stats_.timeAdvances;
                clockInterval_ = floorSmall(at);
                if (!billing_.empty())
                    billUntil(clock_);
            }
            timeWaiters_.wakeEarliest(clock_, [this](Process* p) { wakeByTime(p); });
            return true;
        }
    }
    Value t;
    bool any = timeWaiters_.earliest(t);
    // Processes starved of resources wait for the next boundary (§6.3).
    // [Ours] Unless nothing could ever serve them and no clock limit is
    // set: then stepping on would never end (§9).
    if (resourceWaiters_ > 0 && (any || options_.clockLimit || resourcesCanProgress())) {
        Value boundary = Value::fromInt(clockInterval_ + 1);
        if (!any || compareTime(boundary, t) < 0)
            t = boundary;
        any = true;
    }
    if (!any)
        return false;
    if (options_.clockLimit) {
        Value limit = Value::fromInt(int64_t(*options_.clockLimit));
        if (compareTime(t, limit) >= 0) {
            if (compareTime(limit, clock_) > 0) {
                clock_ = limit;
                passBoundaries();
            }
            out_.flush();
            err_.write("Simulation time limit reached; terminating\n");
            err_.flush();
            stopped_ = true;
            return false;
        }
    }
    if (compareTime(t, clock_) > 0) {
        clock_ = std::move(t);
        ++stats_.timeAdvances;
        passBoundaries();
    }
    timeWaiters_.wakeDue(clock_, [this](Process* p) { wakeByTime(p); });
    return true;
}

} // namespace absim::interp
