#pragma once
// Thinning long series before drawing: a chart is about 500 pixels wide,
// so a run of 100 000 intervals would only make the file huge. Thinning
// keeps what a reader looks for: peaks (a load spike must still reach
// 100%) and, for lines, the range each pixel column covers.

#include "app/report/chart.h"

#include <cstddef>
#include <vector>

namespace absim::report {

// Merges runs of `group` consecutive segments into one that spans them and
// holds their maximum, with `group` chosen so at most `limit` remain.
// Returns the group size used (1: unchanged).
std::size_t maxPerGroup(std::vector<StepSegment>& steps, std::size_t limit);

// `count` unit steps at height `y`, the first from x0 to x0 + 1, the next
// from x0 + 1 to x0 + 2, and so on: a run of equal intervals of a history.
struct StepRun {
    double x0 = 0;
    long long count = 1;
    double y = 0;
};

// Into `out`: what expanding `runs` into unit steps and then calling the
// maxPerGroup above would give, in time and memory that grow with the
// number of runs and the limit, not with the number of intervals.
std::size_t maxPerGroup(const std::vector<StepRun>& runs, std::size_t limit,
                        std::vector<StepSegment>& out);

// Keeps, of each run of points, the lowest and the highest (in their
// original order), so at most about `limit` remain.
void envelope(std::vector<Point>& points, std::size_t limit);

} // namespace absim::report
