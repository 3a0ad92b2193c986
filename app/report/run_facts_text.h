#pragma once
// One-line summaries of a run's facts, shared by the plot's header and the
// report's header so they say the same thing.

#include "app/report/run_record.h"

#include <string>

namespace absim::report {

// "final time 100 · seed 42 · clock limit 200" (only the known facts; no
// wall time, which would make identical runs differ).
std::string runFactsLine(const RunFacts& facts);

// The arguments joined by spaces, each quoted if it needs to be for a shell.
std::string commandLineText(const std::vector<std::string>& arguments);

} // namespace absim::report
