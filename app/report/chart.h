#pragma once
// A chart as data (title, axes, series) and its SVG rendering. The charts of
// a run are built from a RunRecord in run_charts.h; this part knows nothing
// about deployment components, so every chart looks and scales the same.

#include <string>
#include <vector>

namespace absim::report {

// A value that holds from x0 up to x1 (a step chart's horizontal piece).
struct StepSegment {
    double x0 = 0;
    double x1 = 0;
    double y = 0;
};

struct Point {
    double x = 0;
    double y = 0;
};

struct Series {
    std::string label;
    std::string colour; // a CSS colour
    bool dashed = false;
    bool filled = false; // shade the area between the series and zero
    // Either a step series (segments, in x order; a gap between two
    // segments breaks the line) or a line through points with markers.
    std::vector<StepSegment> steps;
    std::vector<Point> points;
};

struct Chart {
    std::string kind; // a data-chart attribute, for tests and styling
    std::string title;
    std::string subtitle; // one line of key figures or notes
    std::string xLabel;
    std::string yLabel;
    double xMin = 0;
    double xMax = 1;
    bool integerY = false; // counts: whole-number ticks
    std::vector<Series> series;
};

inline constexpr double kChartWidth = 600;
inline constexpr double kChartHeight = 320;

// A complete <svg> element of the given size. With `nestedAt`, it is
// positioned at (x, y) inside an enclosing SVG; otherwise it is a root
// element (with xmlns) that scales to its container via its viewBox.
struct ChartPlacement {
    bool nested = false;
    double x = 0;
    double y = 0;
};
std::string renderChartSvg(const Chart& chart, double width, double height,
                           ChartPlacement placement = {});

} // namespace absim::report
