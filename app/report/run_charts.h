#pragma once
// The charts of a run, built from its RunRecord; shared by the plot file and
// the HTML report so both show the same pictures.

#include "app/report/chart.h"
#include "app/report/run_record.h"

#include <optional>
#include <vector>

namespace absim::report {

struct RunCharts {
    // Per DC, and per resource worth showing (run_stats.h: showResource):
    // capacity (dashed) and consumption (shaded) per interval.
    std::vector<Chart> dcs;
    // Deployment components alive: all, and those from a CloudProvider.
    Chart machines;
    // Accumulated billing cost, if the run recorded any.
    std::optional<Chart> billing;
    // One per model metric series, in the order of first use.
    std::vector<Chart> metrics;

    std::vector<const Chart*> all() const;
};

RunCharts buildRunCharts(const RunRecord& record);

inline constexpr const char* kTimeAxisLabel = "time (simulated time units)";

} // namespace absim::report
