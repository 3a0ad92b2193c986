#pragma once
// `absim run --stats`: what the run cost and did, printed on stderr at the
// end. One `name: value` line each, aligned, so it reads well and greps well.

#include "interpreter/run/run_observer.h"

#include <string>

namespace absim::observe {

struct RunCosts {
    double wallSeconds = 0;
    std::string simulatedTime;   // exact, as toString prints it
    long long peakMemoryKiB = 0; // resident set high-water mark; 0 unknown
};

std::string statsText(const RunCosts& costs, const interp::RunStats& stats);

// The process's peak resident memory in KiB (getrusage), 0 if unknown.
long long peakMemoryKiB();

} // namespace absim::observe
