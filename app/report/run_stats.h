#pragma once
// Figures derived from a RunRecord that several outputs share (the DC log's
// load column, the report's summary table, the charts), computed in one
// place so that the table and the charts never disagree.

#include "app/report/run_record.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace absim::report {

// consumed * 100 / total for one interval, as DC.load computes it (§6.5);
// nullopt when the capacity is infinite or zero (there is no load to speak of).
std::optional<double> loadPercent(const IntervalUsage& u);

struct ResourceSummary {
    long long intervals = 0;
    double totalConsumed = 0;
    // Over the intervals with a finite capacity; nullopt if it was always infinite.
    std::optional<double> minCapacity;
    std::optional<double> maxCapacity;
    // Over the intervals that have a load (see loadPercent).
    std::optional<double> averageLoad;
    std::optional<double> peakLoad;
};

ResourceSummary summarize(const std::vector<IntervalRun>& intervals);

// Whether a resource of a DC deserves a chart and a table row: Speed
// always (it is what models are about); Bandwidth and Memory only if
// something was consumed or, for Bandwidth, the capacity was finite, so a
// report on a CPU-only model is not three times as long as it needs to be.
bool showResource(const DcRecord& dc, Resource r);

// How many DCs exist from `time` on (created, not yet shut down), all of
// them and those from a CloudProvider.
struct AliveStep {
    double time = 0;
    int all = 0;
    int cloud = 0;
};
// Starts at time 0; one step per distinct creation or shutdown time.
std::vector<AliveStep> machinesAlive(const RunRecord& record);

// Where the time axis of every chart ends: the final time, or later if the
// history or a sample reaches beyond it; at least 1 so axes are never empty.
double endTime(const RunRecord& record);

// From creation to shutdown, or to the end of the run.
double lifetime(const DcRecord& dc, double finalTime);

} // namespace absim::report
