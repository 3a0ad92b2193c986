#pragma once
// --plot FILE.svg: all charts of a run in one SVG file, in a grid.

#include "app/report/atomic_write.h"
#include "app/report/run_record.h"

#include <string>

namespace absim::report {

// Deterministic: the same record gives the same bytes (the wall time is
// left out for that reason).
std::string renderSvg(const RunRecord& record);

WriteResult writeSvg(const RunRecord& record, const std::string& path);

} // namespace absim::report
