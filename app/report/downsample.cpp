// Max-per-group for step series, min/max envelope for lines.

#include "app/report/downsample.h"

#include <algorithm>

namespace absim::report {

std::size_t maxPerGroup(std::vector<StepSegment>& steps, std::size_t limit) {
    if (limit == 0 || steps.size() <= limit)
        return 1;
    std::size_t group = (steps.size() + limit - 1) / limit;
    std::vector<StepSegment> out;
    out.reserve(steps.size() / group + 1);
    for (std::size_t i = 0; i < steps.size(); i += group) {
        std::size_t end = std::min(steps.size(), i + group);
        StepSegment merged = steps[i];
        for (std::size_t j = i + 1; j < end; ++j)
            merged.y = std::max(merged.y, steps[j].y);
        merged.x1 = steps[end - 1].x1;
        out.push_back(merged);
    }
    steps = std::move(out);
    return group;
}

void envelope(std::vector<Point>& points, std::size_t limit) {
    if (limit < 2 || points.size() <= limit)
        return;
    std::size_t group = (points.size() + limit / 2 - 1) / (limit / 2);
    std::vector<Point> out;
    for (std::size_t i = 0; i < points.size(); i += group) {
        std::size_t end = std::min(points.size(), i + group);
        std::size_t lo = i, hi = i;
        for (std::size_t j = i + 1; j < end; ++j) {
            if (points[j].y < points[lo].y)
                lo = j;
            if (points[j].y > points[hi].y)
                hi = j;
        }
        out.push_back(points[std::min(lo, hi)]);
        if (lo != hi)
            out.push_back(points[std::max(lo, hi)]);
    }
    points = std::move(out);
}

} // namespace absim::report
