// Shared derived figures: loads, summaries, machines alive, the time span.

#include "app/report/run_stats.h"

#include <algorithm>
#include <map>

namespace absim::report {

std::optional<double> loadPercent(const IntervalUsage& u) {
    if (!u.total || u.total->value <= 0)
        return std::nullopt;
    return u.consumed.value * 100.0 / u.total->value;
}

// Sums interval by interval, as over the expanded history: adding a run's
// value `count` times rounds exactly as before, where a product would not.
// Adding zero changes nothing, so idle runs cost nothing however long.
ResourceSummary summarize(const std::vector<IntervalRun>& intervals) {
    ResourceSummary s;
    double loadSum = 0;
    long long loaded = 0;
    for (const IntervalRun& run : intervals) {
        const IntervalUsage& u = run.usage;
        s.intervals += run.count;
        double consumed = u.consumed.value;
        if (consumed != 0)
            for (long long k = 0; k < run.count; ++k)
                s.totalConsumed += consumed;
        if (u.total) {
            double t = u.total->value;
            s.minCapacity = s.minCapacity ? std::min(*s.minCapacity, t) : t;
            s.maxCapacity = s.maxCapacity ? std::max(*s.maxCapacity, t) : t;
        }
        if (auto load = loadPercent(u)) {
            if (*load != 0)
                for (long long k = 0; k < run.count; ++k)
                    loadSum += *load;
            loaded += run.count;
            s.peakLoad = s.peakLoad ? std::max(*s.peakLoad, *load) : *load;
        }
    }
    if (loaded > 0)
        s.averageLoad = loadSum / static_cast<double>(loaded);
    return s;
}

bool showResource(const DcRecord& dc, Resource r) {
    if (r == Resource::Speed)
        return true;
    ResourceSummary s = summarize(dc.intervals(r));
    return s.totalConsumed > 0 || (r == Resource::Bandwidth && s.maxCapacity);
}

std::vector<AliveStep> machinesAlive(const RunRecord& record) {
    // Net change per time; a map keeps times ordered and merges equal ones.
    std::map<double, std::pair<int, int>> delta;
    for (const DcRecord& dc : record.dcs) {
        int cloud = dc.fromCloudProvider ? 1 : 0;
        auto& up = delta[dc.created.value];
        up.first += 1;
        up.second += cloud;
        if (dc.shutdown) {
            auto& down = delta[dc.shutdown->value];
            down.first -= 1;
            down.second -= cloud;
        }
    }
    std::vector<AliveStep> steps;
    AliveStep current;
    if (delta.empty() || delta.begin()->first > 0)
        steps.push_back(current);
    for (const auto& [time, change] : delta) {
        current.time = time;
        current.all += change.first;
        current.cloud += change.second;
        steps.push_back(current);
    }
    return steps;
}

double endTime(const RunRecord& record) {
    double end = record.facts.finalTime.value;
    for (const DcRecord& dc : record.dcs) {
        for (Resource r : kResources) {
            double last =
                static_cast<double>(dc.firstInterval) + static_cast<double>(dc.intervalCount(r));
            if (!dc.intervals(r).empty())
                end = std::max(end, last);
        }
        if (dc.shutdown)
            end = std::max(end, dc.shutdown->value);
    }
    for (const TimedValue& p : record.billing)
        end = std::max(end, p.time.value);
    for (const MetricSeries& s : record.metrics.series()) {
        for (const TimedValue& p : s.samples)
            end = std::max(end, p.time.value);
    }
    return end > 0 ? end : 1;
}

double lifetime(const DcRecord& dc, double finalTime) {
    double until = dc.shutdown ? dc.shutdown->value : finalTime;
    return std::max(0.0, until - dc.created.value);
}

} // namespace absim::report
