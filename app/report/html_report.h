#pragma once
// --report FILE.html: one self-contained page (inline CSS and SVG, no
// scripts, nothing fetched) with the run's facts, a summary table per DC,
// the charts, and the model's own metrics.

#include "app/report/atomic_write.h"
#include "app/report/run_record.h"

#include <string>

namespace absim::report {

std::string renderHtmlReport(const RunRecord& record);

WriteResult writeHtmlReport(const RunRecord& record, const std::string& path);

} // namespace absim::report
