// Nice tick steps and their labels.

#include "app/report/ticks.h"

#include "app/report/number_text.h"

#include <algorithm>
#include <cmath>

namespace absim::report {

namespace {

double niceStep(double range, int maxTicks) {
    double raw = range / std::max(1, maxTicks);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / magnitude;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return nice * magnitude;
}

// Decimals needed to print multiples of `step` exactly (step 2.5 -> 1).
int decimalsFor(double step) {
    for (int d = 0; d < 10; ++d) {
        double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled))
            return d;
    }
    return 10;
}

} // namespace

Axis niceAxis(double min, double max, int maxTicks, bool integers) {
    if (!std::isfinite(min) || !std::isfinite(max))
        min = max = 0;
    if (max < min)
        std::swap(min, max);
    if (max - min <= 0) {
        // A flat series: stretch the axis to zero (or 0..1 if it is zero).
        if (max > 0)
            min = 0;
        else if (max < 0)
            max = 0;
        else
            max = 1;
    }
    Axis axis;
    axis.step = niceStep(max - min, maxTicks);
    if (integers)
        axis.step = std::max(1.0, std::round(axis.step));
    axis.lo = std::floor(min / axis.step + 1e-9) * axis.step;
    axis.hi = std::ceil(max / axis.step - 1e-9) * axis.step;
    if (axis.hi <= axis.lo)
        axis.hi = axis.lo + axis.step;
    long long count = std::llround((axis.hi - axis.lo) / axis.step);
    for (long long i = 0; i <= count; ++i) {
        // Multiply rather than accumulate, so 0.1 steps do not drift.
        double v = axis.lo + static_cast<double>(i) * axis.step;
        axis.ticks.push_back(std::fabs(v) < axis.step * 1e-9 ? 0.0 : v);
    }
    return axis;
}

Axis exactAxis(double min, double max, int maxTicks) {
    Axis nice = niceAxis(min, max, maxTicks);
    if (!(max > min))
        return nice;
    Axis axis;
    axis.lo = min;
    axis.hi = max;
    axis.step = nice.step;
    for (double t : nice.ticks) {
        if (t >= min - nice.step * 1e-9 && t <= max + nice.step * 1e-9)
            axis.ticks.push_back(t);
    }
    return axis;
}

std::string tickLabel(double value, const Axis& axis) {
    if (value == 0)
        return "0";
    static const struct {
        double scale;
        const char* suffix;
    } units[] = {{1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    for (const auto& u : units) {
        if (axis.step >= u.scale ||
            (std::fabs(axis.hi) >= 10 * u.scale && axis.step >= u.scale / 10))
            return rounded(value / u.scale, decimalsFor(axis.step / u.scale)) + u.suffix;
    }
    return rounded(value, decimalsFor(axis.step));
}

} // namespace absim::report
