#pragma once
// Axis scaling with "nice" tick values (1, 2, 2.5 or 5 times a power of
// ten), so that a reader can interpolate between ticks at a glance.

#include <string>
#include <vector>

namespace absim::report {

struct Axis {
    double lo = 0;
    double hi = 1;
    double step = 1;
    std::vector<double> ticks; // lo, lo + step, ..., hi
};

// The smallest nice axis that covers [min, max] with at most about
// `maxTicks` intervals. `integers` keeps the step whole (counts of machines).
Axis niceAxis(double min, double max, int maxTicks, bool integers = false);

// An axis from exactly min to max with nice ticks inside: for time, where
// the chart should end at the end of the run, not at the next round number.
Axis exactAxis(double min, double max, int maxTicks);

// A tick's label with as many decimals as the step needs, and k/M/G for
// large values ("250k") so that labels stay short enough not to overlap.
std::string tickLabel(double value, const Axis& axis);

} // namespace absim::report
