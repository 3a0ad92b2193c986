// Resources of deployment components (runtime.md §6): consumption by
// [Cost:]/[DataSize:] in strict FIFO per component and resource, interval
// refills at integer time boundaries, the per-interval history, and the
// run observer's DC events (creation, closed intervals, shutdown, billing).
//
// A model without resource annotations never enters this file on its hot
// path: statements do not look at components, and a time advance only
// compares floor(clock) with the last boundary (components catch up with
// the clock lazily, when next used).

#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/number_builtins.h"
#include "interpreter/numbers.h"
#include "interpreter/run/run_observer.h"
#include "interpreter/runtime/runtime.h"
#include "interpreter/runtime/spawn.h"

#include <algorithm>

namespace absim::interp {

namespace {

int64_t floorInt(const Value& t) {
    if (t.isSmallInt())
        return t.smallInt();
    Value f = floor(t);
    return f.isSmallInt() ? f.smallInt() : INT64_MAX / 2;
}

// Appends `n` intervals to a history, merging with an identical last run.
void record(std::vector<DcState::HistoryRun>& h, const Value& consumed, const Value& total,
            int64_t n) {
    if (!h.empty()) {
        DcState::HistoryRun& last = h.back();
        if (last.total.isNull() == total.isNull() && equals(last.consumed, consumed) &&
            (total.isNull() || equals(last.total, total))) {
            last.count += n;
            return;
        }
    }
    h.push_back(DcState::HistoryRun{consumed, total, n});
}

bool laterBilling(const Value& a, uint32_t ad, const Value& b, uint32_t bd) {
    int c = compare(a, b);
    return c != 0 ? c > 0 : ad > bd;
}

} // namespace

DcState& Runtime::dcState(const Object* dc) {
    auto it = dcByObject_.find(dc);
    if (it != dcByObject_.end())
        return *it->second;
    auto s = std::make_unique<DcState>();
    s->id = uint32_t(dcs_.size());
    for (int r = 0; r < DcState::Count; ++r)
        s->consumed[r] = Value::fromInt(0);
    s->interval = clockInterval_;
    s->creationTime = clock_;
    s->costPerInterval = Value::fromInt(0);
    DcState* raw = s.get();
    dcs_.push_back(std::move(s));
    if (dc)
        dcByObject_.emplace(dc, raw);
    return *raw;
}

DcState& Runtime::dcOf(Cog* c) {
    if (!c->dcState)
        c->dcState = c->dc.isObject() ? &dcState(c->dc.entityAs<Object>()) : dcs_.front().get();
    return *c->dcState;
}

// The first entry of each resource in the configuration map counts (as
// `lookup` finds it); absent resources are unlimited (§6.1).
void Runtime::initDc(const Object* dc, const std::string& name, const Value& config) {
    DcState& s = dcState(dc);
    if (s.initialised)
        return;
    s.initialised = true;
    s.name = name;
    bool seen[DcState::Count] = {false, false, false};
    int64_t payment = 1;
    bool paymentSeen = false, costSeen = false;
    for (const Value* m = &config; m->is(BuiltinConstructor::InsertAssoc); m = &m->arg(1)) {
        const Value& entry = m->arg(0);
        const Value& key = entry.arg(0);
        if (!key.isData())
            continue;
        const std::string& k = key.constructor()->name;
        int r = k == "Speed"       ? DcState::Speed
                : k == "Bandwidth" ? DcState::Bandwidth
                : k == "Memory"    ? DcState::Memory
                                   : -1;
        if (r >= 0 && !seen[r]) {
            seen[r] = true;
            s.total[r] = entry.arg(1);
            s.next[r] = entry.arg(1);
        } else if (k == "PaymentInterval" && !paymentSeen) {
            paymentSeen = true;
            Value t = truncate(entry.arg(1));
            payment = t.isSmallInt() ? t.smallInt() : 0;
        } else if (k == "CostPerInterval" && !costSeen) {
            costSeen = true;
            s.costPerInterval = entry.arg(1);
        }
    }
    s.paymentInterval = payment;
    RunObserver* obs = options_.observer;
    if (!obs)
        return;
    bool cloud = false;
    auto it = std::find(expectedCloudDcs_.begin(), expectedCloudDcs_.end(), name);
    if (it != expectedCloudDcs_.end()) {
        cloud = true;
        expectedCloudDcs_.erase(it);
    }
    obs->dcCreated(s.id, s.name, s.creationTime, cloud);
    if (s.paymentInterval > 0 && compare(s.costPerInterval, Value::fromInt(0)) > 0) {
        billing_.push_back(
            BillingDue{add(s.creationTime, Value::fromInt(s.paymentInterval)), s.id});
        std::push_heap(billing_.begin(), billing_.end(),
                       [](const BillingDue& a, const BillingDue& b) {
                           return laterBilling(a.at, a.dc, b.at, b.dc);
                       });
    }
}

// The initial DC exists before anything runs (id 0, time 0, unlimited).
void Runtime::startInitialDc() {
    const Object* o = initialDC_.isObject() ? initialDC_.entityAs<Object>() : nullptr;
    initDc(o, "Initial DC", Value::constant(builtinConstructor(BuiltinConstructor::EmptyMap)));
}

bool Runtime::consume(Process* p, int r, const Value& request) {
    // `Cost` is a synonym of Duration (stdlib), so `[Cost: Duration(3)]`
    // is well typed: its amount is the duration's value.
    const Value& amount = request.is(BuiltinConstructor::Duration) ? request.arg(0) : request;
    if (amount.is(BuiltinConstructor::InfDuration))
        throwRuntimeError("a cost of InfDuration can never be served");
    if (compare(amount, Value::fromInt(0)) <= 0)
        return true;
    DcState& s = dcOf(p->cog);
    syncDc(s);
    Value& used = s.consumed[r];
    if (s.total[r].isNull()) {
        used = add(used, amount);
        return true;
    }
    Value available = subtract(s.total[r], used);
    if (compare(available, amount) >= 0) {
        used = add(used, amount);
        return true;
    }
    used = s.total[r];
    s.queue[r].push_back(DcState::Request{ProcessRef(p), subtract(amount, available)});
    ++resourceWaiters_;
    if (!s.starved) {
        s.starved = true;
        starved_.push_back(&s);
    }
    return false;
}

// Closes every interval of `s` before `upTo` (§6.3 step 1-3 per boundary).
// Without a queue, the idle intervals after the first are one history run,
// and one observer call per resource.
void Runtime::closeIntervals(DcState& s, int64_t upTo) {
    RunObserver* obs = s.shutdown ? nullptr : options_.observer;
    while (s.interval < upTo) {
        int64_t n = s.hasQueue() ? 1 : upTo - s.interval;
        for (int r = 0; r < DcState::Count; ++r) {
            record(s.history[r], s.consumed[r], s.total[r], 1);
            if (obs)
                obs->dcIntervalsClosed(s.id, r, s.interval, 1,
                                       s.total[r].isNull() ? nullptr : &s.total[r], s.consumed[r]);
            if (r != DcState::Memory)
                s.consumed[r] = Value::fromInt(0);
            s.total[r] = s.next[r];
            if (n > 1) {
                record(s.history[r], s.consumed[r], s.total[r], n - 1);
                if (obs)
                    obs->dcIntervalsClosed(s.id, r, s.interval + 1, n - 1,
                                           s.total[r].isNull() ? nullptr : &s.total[r],
                                           s.consumed[r]);
            }
        }
        s.interval += n;
        if (s.hasQueue())
            serveQueues(s);
    }
}

// Strict head-of-line FIFO: the head takes what it can; nobody behind it
// gets anything before it is done.
void Runtime::serveQueues(DcState& s) {
    for (int r = 0; r < DcState::Memory; ++r) {
        auto& q = s.queue[r];
        Value& used = s.consumed[r];
        while (!q.empty()) {
            DcState::Request& head = q.front();
            Process* p = head.process.get();
            if (p->state != ProcessState::Blocked || p->blockedOn != BlockReason::Resource) {
                q.pop_front(); // killed while waiting
                --resourceWaiters_;
                continue;
            }
            if (!s.total[r].isNull()) {
                Value available = subtract(s.total[r], used);
                if (compare(head.remaining, available) > 0) {
                    head.remaining = subtract(head.remaining, available);
                    used = s.total[r];
                    break;
                }
            }
            used = add(used, head.remaining);
            p->resumable = true;
            kick(p->cog);
            q.pop_front();
            --resourceWaiters_;
        }
    }
}

void Runtime::passBoundaries() {
    // Most advances stay inside the interval: one comparison, no floor.
    if (compareTime(clock_, Value::fromInt(clockInterval_ + 1)) >= 0) {
        int64_t k = clock_.isSmallExact() ? floorSmall(clock_) : floorInt(clock_);
        if (!starved_.empty()) {
            std::sort(starved_.begin(), starved_.end(),
                      [](const DcState* a, const DcState* b) { return a->id < b->id; });
            for (size_t i = 0; i < starved_.size(); ++i)
                closeIntervals(*starved_[i], k);
        }
        clockInterval_ = k;
        if (!starved_.empty())
            std::erase_if(starved_, [](DcState* s) {
                if (s->hasQueue())
                    return false;
                s->starved = false;
                return true;
            });
    }
    if (!billing_.empty())
        billUntil(clock_);
}

// Nothing runs, so no total can change any more: if no queued head can ever
// get anything, waiting for the next boundary is pointless.
bool Runtime::resourcesCanProgress() const {
    for (const DcState* s : starved_)
        for (int r = 0; r < DcState::Memory; ++r)
            if (!s->queue[r].empty() &&
                (s->next[r].isNull() || compare(s->next[r], Value::fromInt(0)) > 0))
                return true;
    return false;
}

// getAccumulatedCost grows by costPerInterval at creation + m*interval.
void Runtime::billUntil(const Value& t) {
    auto later = [](const BillingDue& a, const BillingDue& b) {
        return laterBilling(a.at, a.dc, b.at, b.dc);
    };
    while (!billing_.empty() && compare(billing_.front().at, t) <= 0) {
        std::pop_heap(billing_.begin(), billing_.end(), later);
        BillingDue due = std::move(billing_.back());
        billing_.pop_back();
        DcState& s = *dcs_[due.dc];
        if (s.billingEnded)
            continue;
        Value elapsed = subtract(due.at, s.creationTime);
        Value periods = Value::fromInt(floorInt(elapsed) / s.paymentInterval);
        options_.observer->dcCost(s.id, due.at, multiply(periods, s.costPerInterval));
        billing_.push_back(BillingDue{add(due.at, Value::fromInt(s.paymentInterval)), s.id});
        std::push_heap(billing_.begin(), billing_.end(), later);
    }
}

// The interval in progress, when it has begun or seen consumption.
void Runtime::reportOpenInterval(DcState& s) {
    RunObserver* obs = options_.observer;
    bool begun = compare(clock_, Value::fromInt(s.interval)) > 0;
    for (int r = 0; r < DcState::Count && !begun; ++r)
        begun = !isZero(s.consumed[r]);
    if (!begun)
        return;
    for (int r = 0; r < DcState::Count; ++r) {
        obs->dcIntervalsClosed(s.id, r, s.interval, 1, s.total[r].isNull() ? nullptr : &s.total[r],
                               s.consumed[r]);
    }
}

void Runtime::dcShutdown(DcState& s, bool billingEnds) {
    if (s.shutdown)
        return;
    if (RunObserver* obs = options_.observer) {
        syncDc(s);
        reportOpenInterval(s);
        obs->dcShutdown(s.id, clock_);
    }
    s.shutdown = true;
    if (stats_.liveDeploymentComponents > 0)
        --stats_.liveDeploymentComponents;
    if (billingEnds)
        s.billingEnded = true;
}

void Runtime::finishDcs() {
    for (auto& s : dcs_) {
        for (int r = 0; r < DcState::Count; ++r)
            s->queue[r].clear();
        if (options_.observer && !s->shutdown) {
            syncDc(*s); // idle components have not closed their intervals yet
            reportOpenInterval(*s);
        }
    }
    starved_.clear();
    resourceWaiters_ = 0;
}

} // namespace absim::interp
