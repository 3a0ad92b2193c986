#include "app/observe/record_observer.h"

#include "app/observe/value_number.h"
#include "interpreter/compare.h"
#include "interpreter/numbers.h"

namespace absim::observe {

using interp::Value;

void RecordObserver::dcCreated(uint32_t id, std::string_view name, const Value& time,
                               bool fromCloudProvider) {
    if (id >= dcs_.size()) {
        dcs_.resize(id + 1, nullptr);
        costs_.resize(id + 1, Value::fromInt(0));
    }
    dcs_[id] = &record_.addDc(std::string(name), toNumber(time), fromCloudProvider);
}

void RecordObserver::dcIntervalClosed(uint32_t id, int resource, int64_t interval,
                                      const Value* total, const Value& consumed) {
    if (!keepHistory_)
        return;
    report::DcRecord* d = dc(id);
    if (!d || resource < 0 || resource >= int(report::kResources.size()))
        return;
    bool empty = true;
    for (const auto& h : d->history)
        empty = empty && h.empty();
    // The first interval to close defines where the history starts (the
    // runtime closes intervals of every live DC, from its creation on).
    if (empty)
        d->firstInterval = interval;
    d->closeInterval(report::kResources[resource], toCapacity(total), toNumber(consumed));
}

void RecordObserver::dcShutdown(uint32_t id, const Value& time) {
    if (report::DcRecord* d = dc(id); d && !d->shutdown)
        d->shutdown = toNumber(time);
}

void RecordObserver::dcCost(uint32_t id, const Value& time, const Value& cost) {
    report::DcRecord* d = dc(id);
    if (!d)
        return;
    if (totalCost_.isNull())
        totalCost_ = Value::fromInt(0);
    totalCost_ = interp::add(interp::subtract(totalCost_, costs_[id]), cost);
    costs_[id] = cost;
    d->cost = toNumber(cost);
    report::Number t = toNumber(time);
    report::Number sum = toNumber(totalCost_);
    auto& billing = record_.billing;
    if (!billing.empty() && billing.back().value.exact == sum.exact)
        return;
    if (!billing.empty() && billing.back().time.exact == t.exact)
        billing.back().value = std::move(sum);
    else
        billing.push_back({std::move(t), std::move(sum)});
}

void RecordObserver::metricSample(std::string_view name, const Value& time, const Value& value) {
    record_.metrics.recordSample(name, toNumber(time), toNumber(value));
}

void RecordObserver::counterAdded(std::string_view name, const Value&, const Value& by) {
    auto it = counterIndex_.find(name);
    if (it == counterIndex_.end()) {
        it = counterIndex_.emplace(std::string(name), counters_.size()).first;
        counters_.emplace_back(std::string(name), Value::fromInt(0));
    }
    Value& total = counters_[it->second].second;
    total = interp::add(total, by);
}

void RecordObserver::finished(const Value& now, const interp::RunStats& stats) {
    record_.facts.finalTime = toNumber(now);
    for (const auto& [name, total] : counters_)
        record_.metrics.incrementCounter(name, toNumber(total));
    counters_.clear();
    counterIndex_.clear();
    stats_ = stats;
    ran_ = true;
}

} // namespace absim::observe
