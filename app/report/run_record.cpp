// The record's small amount of behaviour: naming resources, adding DCs and
// collecting the model's metrics by name.

#include "app/report/run_record.h"

#include <cmath>

namespace absim::report {

namespace {

// Whether two intervals say the same (exactly, as the files print them).
bool sameUsage(const IntervalUsage& a, const IntervalUsage& b) {
    if (a.total.has_value() != b.total.has_value())
        return false;
    return a.consumed.exact == b.consumed.exact && (!a.total || a.total->exact == b.total->exact);
}

} // namespace

const char* resourceName(Resource r) {
    switch (r) {
    case Resource::Speed:
        return "Speed";
    case Resource::Bandwidth:
        return "Bandwidth";
    case Resource::Memory:
        return "Memory";
    }
    return "?";
}

DcRecord& RunRecord::addDc(std::string name, Number created, bool fromCloudProvider) {
    DcRecord dc;
    dc.name = std::move(name);
    dc.firstInterval = static_cast<long long>(std::floor(created.value));
    dc.created = std::move(created);
    dc.fromCloudProvider = fromCloudProvider;
    dcs.push_back(std::move(dc));
    return dcs.back();
}

long long DcRecord::intervalCount(Resource r) const {
    long long n = 0;
    for (const IntervalRun& run : intervals(r))
        n += run.count;
    return n;
}

void DcRecord::closeInterval(Resource r, std::optional<Number> total, Number consumed,
                             long long count) {
    if (count <= 0)
        return;
    IntervalUsage u{std::move(total), std::move(consumed)};
    auto& runs = intervals(r);
    if (!runs.empty() && sameUsage(runs.back().usage, u)) {
        runs.back().count += count;
        return;
    }
    runs.push_back({std::move(u), count});
}

void ModelMetrics::recordSample(std::string_view name, Number time, Number value) {
    std::string key(name);
    auto [it, inserted] = seriesIndex_.try_emplace(key, series_.size());
    if (inserted)
        series_.push_back(MetricSeries{key, {}});
    series_[it->second].samples.push_back({std::move(time), std::move(value)});
}

void ModelMetrics::incrementCounter(std::string_view name, const Number& by) {
    std::string key(name);
    auto [it, inserted] = counterIndex_.try_emplace(key, counters_.size());
    if (inserted)
        counters_.push_back(Counter{key, Number::integer(0)});
    Counter& c = counters_[it->second];
    c.value = add(c.value, by);
}

} // namespace absim::report
