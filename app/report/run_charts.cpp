// Turning a RunRecord into charts. Every chart spans the same time axis
// (0 to the end of the run) so that charts stacked in a grid can be read
// against each other: a spike in one DC lines up with a launch in the
// machines chart.

#include "app/report/run_charts.h"

#include "app/report/downsample.h"
#include "app/report/number_text.h"
#include "app/report/run_stats.h"

#include <fmt/format.h>

namespace absim::report {

namespace {

constexpr std::size_t kMaxSteps = 600;
constexpr std::size_t kMaxPoints = 1200;
const char* const kCapacityColour = "#111827";
const char* const kConsumedColour = "#2563eb";
const char* const kAllColour = "#7c3aed";
const char* const kCloudColour = "#059669";
const char* const kCostColour = "#d97706";
const char* const kMetricColours[] = {"#2563eb", "#dc2626", "#059669",
                                      "#d97706", "#7c3aed", "#0891b2"};

std::string unitsLabel(Resource r) {
    return r == Resource::Memory ? "Memory (units)"
                                 : fmt::format("{} (units per time unit)", resourceName(r));
}

std::string dcSubtitle(const DcRecord& dc, Resource r, const ResourceSummary& s,
                       std::size_t group) {
    std::string text = resourceName(r);
    if (!s.maxCapacity)
        text += " \u2014 capacity unlimited";
    else if (s.peakLoad)
        text += fmt::format(" \u2014 peak load {}%, average {}%", rounded(*s.peakLoad, 1),
                            rounded(*s.averageLoad, 1));
    if (dc.created.value > 0)
        text += "; created at " + readable(dc.created.value, dc.created.exact);
    if (dc.shutdown)
        text += "; shut down at " + readable(dc.shutdown->value, dc.shutdown->exact);
    if (group > 1)
        text += fmt::format("; each step: max of {} intervals", group);
    return text;
}

Chart dcChart(const DcRecord& dc, Resource r, double end) {
    const auto& intervals = dc.intervals(r);
    Series capacity{"capacity", kCapacityColour, true, false, {}, {}};
    Series consumed{"consumed", kConsumedColour, false, true, {}, {}};
    std::vector<StepRun> capacityRuns, consumedRuns;
    double x = static_cast<double>(dc.firstInterval);
    for (const IntervalRun& run : intervals) {
        if (run.usage.total)
            capacityRuns.push_back({x, run.count, run.usage.total->value});
        consumedRuns.push_back({x, run.count, run.usage.consumed.value});
        x += static_cast<double>(run.count);
    }
    std::size_t group = maxPerGroup(consumedRuns, kMaxSteps, consumed.steps);
    maxPerGroup(capacityRuns, kMaxSteps, capacity.steps);

    Chart chart;
    chart.kind = fmt::format("dc-{}", resourceName(r));
    chart.title = dc.name;
    chart.subtitle = dcSubtitle(dc, r, summarize(intervals), group);
    chart.xLabel = kTimeAxisLabel;
    chart.yLabel = unitsLabel(r);
    chart.xMax = end;
    // Capacity drawn last, so its dashes stay visible where the load is 100%.
    chart.series.push_back(std::move(consumed));
    if (!capacity.steps.empty())
        chart.series.push_back(std::move(capacity));
    return chart;
}

Chart machinesChart(const RunRecord& record, double end) {
    Series all{"all deployment components", kAllColour, false, false, {}, {}};
    Series cloud{"from a CloudProvider", kCloudColour, true, false, {}, {}};
    bool anyCloud = false;
    int peak = 0;
    auto steps = machinesAlive(record);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        double until = i + 1 < steps.size() ? steps[i + 1].time : end;
        all.steps.push_back({steps[i].time, until, static_cast<double>(steps[i].all)});
        cloud.steps.push_back({steps[i].time, until, static_cast<double>(steps[i].cloud)});
        anyCloud = anyCloud || steps[i].cloud > 0;
        peak = std::max(peak, steps[i].all);
    }
    Chart chart;
    chart.kind = "machines";
    chart.title = "Machines alive";
    chart.subtitle = fmt::format("{} deployment components in the run, at most {} at once",
                                 record.dcs.size(), peak);
    chart.xLabel = kTimeAxisLabel;
    chart.yLabel = "deployment components";
    chart.xMax = end;
    chart.integerY = true;
    chart.series.push_back(std::move(all));
    if (anyCloud)
        chart.series.push_back(std::move(cloud));
    return chart;
}

Chart billingChart(const RunRecord& record, double end) {
    Series cost{"accumulated cost", kCostColour, false, true, {}, {}};
    const auto& points = record.billing;
    if (points.front().time.value > 0)
        cost.steps.push_back({0, points.front().time.value, 0});
    for (std::size_t i = 0; i < points.size(); ++i) {
        double until = i + 1 < points.size() ? points[i + 1].time.value : end;
        cost.steps.push_back({points[i].time.value, until, points[i].value.value});
    }
    maxPerGroup(cost.steps, kMaxSteps);
    Chart chart;
    chart.kind = "billing";
    chart.title = "Accumulated billing cost";
    chart.subtitle =
        readable(points.back().value.value, points.back().value.exact) + " at the end of the run";
    chart.xLabel = kTimeAxisLabel;
    chart.yLabel = "cost (billing units)";
    chart.xMax = end;
    chart.series.push_back(std::move(cost));
    return chart;
}

Chart metricChart(const MetricSeries& series, std::size_t index, double end) {
    Series line{series.name, kMetricColours[index % std::size(kMetricColours)], false, false, {},
                {}};
    for (const TimedValue& s : series.samples)
        line.points.push_back({s.time.value, s.value.value});
    envelope(line.points, kMaxPoints);
    Chart chart;
    chart.kind = "metric";
    chart.title = series.name;
    std::size_t n = series.samples.size();
    chart.subtitle = fmt::format("model metric, {} sample{}", n, n == 1 ? "" : "s");
    chart.xLabel = kTimeAxisLabel;
    chart.yLabel = "value";
    chart.xMax = end;
    chart.series.push_back(std::move(line));
    return chart;
}

} // namespace

std::vector<const Chart*> RunCharts::all() const {
    std::vector<const Chart*> out;
    for (const Chart& c : dcs)
        out.push_back(&c);
    out.push_back(&machines);
    if (billing)
        out.push_back(&*billing);
    for (const Chart& c : metrics)
        out.push_back(&c);
    return out;
}

RunCharts buildRunCharts(const RunRecord& record) {
    double end = endTime(record);
    RunCharts charts;
    for (const DcRecord& dc : record.dcs) {
        for (Resource r : kResources) {
            if (showResource(dc, r))
                charts.dcs.push_back(dcChart(dc, r, end));
        }
    }
    charts.machines = machinesChart(record, end);
    if (!record.billing.empty())
        charts.billing = billingChart(record, end);
    const auto& series = record.metrics.series();
    for (std::size_t i = 0; i < series.size(); ++i)
        charts.metrics.push_back(metricChart(series[i], i, end));
    return charts;
}

} // namespace absim::report
