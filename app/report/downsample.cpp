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

std::size_t maxPerGroup(const std::vector<StepRun>& runs, std::size_t limit,
                        std::vector<StepSegment>& out) {
    long long total = 0;
    for (const StepRun& r : runs)
        total += r.count;
    auto cap = static_cast<long long>(limit);
    if (limit == 0 || total <= cap) {
        for (const StepRun& r : runs)
            for (long long k = 0; k < r.count; ++k)
                out.push_back({r.x0 + double(k), r.x0 + double(k + 1), r.y});
        return 1;
    }
    long long group = (total + cap - 1) / cap;
    std::size_t next = 0; // the run the next group starts in
    long long used = 0;   // how many of its steps earlier groups took
    while (next < runs.size()) {
        StepSegment merged;
        bool first = true;
        for (long long need = group; need > 0 && next < runs.size();) {
            const StepRun& r = runs[next];
            long long take = std::min(need, r.count - used);
            double x = r.x0 + double(used);
            if (first) {
                merged.x0 = x;
                merged.y = r.y;
                first = false;
            } else {
                merged.y = std::max(merged.y, r.y);
            }
            merged.x1 = x + double(take);
            used += take;
            need -= take;
            if (used == r.count) {
                ++next;
                used = 0;
            }
        }
        out.push_back(merged);
    }
    return static_cast<std::size_t>(group);
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
