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

// Keeps, of each run of points, the lowest and the highest (in their
// original order), so at most about `limit` remain.
void envelope(std::vector<Point>& points, std::size_t limit);

} // namespace absim::report
