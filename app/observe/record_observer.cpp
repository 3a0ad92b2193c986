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
        open_.resize(id + 1);
    }
    dcs_[id] = &record_.addDc(std::string(name), toNumber(time), fromCloudProvider);
}

void RecordObserver::dcIntervalsClosed(uint32_t id, int resource, int64_t first, int64_t count,
                                       const Value* total, const Value& consumed) {
    if (!keepHistory_ || count <= 0)
        return;
    report::DcRecord* d = dc(id);
    if (!d || resource < 0 || resource >= int(report::kResources.size()))
        return;
    // The first interval to close defines where the history starts (the
    // runtime closes intervals of every live DC, from its creation on).
    bool none = true;
    for (size_t r = 0; r < report::kResources.size(); ++r)
        none = none && d->history[r].empty() && open_[id][r].count == 0;
    if (none)
        d->firstInterval = first;
    OpenRun& run = open_[id][size_t(resource)];
    bool unlimited = total == nullptr || total->isNull();
    if (run.count > 0 && run.total.isNull() == unlimited &&
        interp::equals(run.consumed, consumed) &&
        (unlimited || interp::equals(run.total, *total))) {
        run.count += count;
        return;
    }
    settle(id, resource);
    run.total = unlimited ? Value() : *total;
    run.consumed = consumed;
    run.count = count;
}

void RecordObserver::settle(uint32_t id, int resource) {
    OpenRun& run = open_[id][size_t(resource)];
    if (run.count == 0)
        return;
    dcs_[id]->closeInterval(report::kResources[size_t(resource)],
                            toCapacity(run.total.isNull() ? nullptr : &run.total),
                            toNumber(run.consumed), run.count);
    run = OpenRun{};
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
    for (uint32_t id = 0; id < open_.size(); ++id)
        for (int r = 0; r < int(report::kResources.size()); ++r)
            if (dcs_[id])
                settle(id, r);
    record_.facts.finalTime = toNumber(now);
    for (const auto& [name, total] : counters_)
        record_.metrics.incrementCounter(name, toNumber(total));
    counters_.clear();
    counterIndex_.clear();
    stats_ = stats;
    ran_ = true;
}

} // namespace absim::observe
