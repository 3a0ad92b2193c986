// Renders a Chart as SVG: title and subtitle, a legend that wraps instead of
// overlapping, a plot frame with nice ticks and grid lines, axis labels,
// then the series. Styling is in attributes rather than CSS so a chart
// looks the same on its own, inside the plot file and inside the report.
// Coordinates are printed with two decimals: same chart, same bytes.

#include "app/report/chart.h"

#include "app/report/number_text.h"
#include "app/report/svg_text.h"
#include "app/report/ticks.h"

#include <algorithm>
#include <fmt/format.h>

namespace absim::report {

namespace {

constexpr double kLeft = 66;
constexpr double kRight = 18;
constexpr double kBottom = 46;
constexpr double kTitleSize = 14;
constexpr double kSmallSize = 11;
constexpr double kTickSize = 10;
constexpr double kLegendRow = 16;
constexpr double kSwatch = 22;
constexpr std::size_t kMaxMarkers = 200;
const char* const kAxisColour = "#374151";
const char* const kGridColour = "#e5e7eb";
const char* const kTextColour = "#111827";
const char* const kMutedColour = "#4b5563";

std::string c(double v) {
    return fixed(v, 2);
}

struct Frame {
    double left, top, right, bottom;
    Axis x, y;
    double px(double v) const { return left + (v - x.lo) / (x.hi - x.lo) * (right - left); }
    double py(double v) const { return bottom - (v - y.lo) / (y.hi - y.lo) * (bottom - top); }
};

struct LegendItem {
    const Series* series;
    double x, y;
};

// Places legend items left to right, wrapping to a new row when the next
// one would not fit; returns the rows used.
int layoutLegend(const Chart& chart, double width, double top, std::vector<LegendItem>& items) {
    double x = kLeft;
    int rows = chart.series.empty() ? 0 : 1;
    for (const Series& s : chart.series) {
        double w = kSwatch + 6 + textWidth(s.label, kSmallSize) + 18;
        if (x + w > width - kRight && x > kLeft) {
            x = kLeft;
            ++rows;
        }
        items.push_back({&s, x, top + (rows - 1) * kLegendRow});
        x += w;
    }
    return rows;
}

void dataRange(const Chart& chart, double& lo, double& hi, bool& any) {
    lo = 0;
    hi = 0;
    any = false;
    for (const Series& s : chart.series) {
        for (const StepSegment& seg : s.steps) {
            lo = std::min(lo, seg.y);
            hi = std::max(hi, seg.y);
            any = true;
        }
        for (const Point& p : s.points) {
            lo = std::min(lo, p.y);
            hi = std::max(hi, p.y);
            any = true;
        }
    }
}

std::string dashAttr(const Series& s) {
    return s.dashed ? " stroke-dasharray=\"6 4\"" : "";
}

void drawSteps(const Series& s, const Frame& f, std::string& out) {
    if (s.steps.empty())
        return;
    double base = f.py(std::clamp(0.0, f.y.lo, f.y.hi));
    if (s.filled) {
        std::string area;
        for (std::size_t i = 0; i < s.steps.size(); ++i) {
            const StepSegment& seg = s.steps[i];
            bool starts = i == 0 || s.steps[i - 1].x1 != seg.x0;
            if (starts)
                area += "M" + c(f.px(seg.x0)) + " " + c(base);
            area += "V" + c(f.py(seg.y)) + "H" + c(f.px(seg.x1));
            bool ends = i + 1 == s.steps.size() || s.steps[i + 1].x0 != seg.x1;
            if (ends)
                area += "V" + c(base) + "Z";
        }
        out += fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.15\" stroke=\"none\"/>\n",
                           area, s.colour);
    }
    std::string line;
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const StepSegment& seg = s.steps[i];
        if (i == 0 || s.steps[i - 1].x1 != seg.x0)
            line += "M" + c(f.px(seg.x0)) + " " + c(f.py(seg.y));
        else
            line += "V" + c(f.py(seg.y));
        line += "H" + c(f.px(seg.x1));
    }
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\"{}/>\n",
                       line, s.colour, dashAttr(s));
}

void drawPoints(const Series& s, const Frame& f, std::string& out) {
    if (s.points.empty())
        return;
    std::string pts;
    for (const Point& p : s.points)
        pts += (pts.empty() ? "" : " ") + c(f.px(p.x)) + "," + c(f.py(p.y));
    out += fmt::format(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\"{}/>\n", pts,
        s.colour, dashAttr(s));
    if (s.points.size() > kMaxMarkers)
        return;
    // Markers carry their values as tooltips (no script needed).
    for (const Point& p : s.points) {
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"2.6\" fill=\"{}\"><title>t = {}: "
                           "{}</title></circle>\n",
                           c(f.px(p.x)), c(f.py(p.y)), s.colour, rounded(p.x, 3), rounded(p.y, 3));
    }
}

void drawAxes(const Chart& chart, const Frame& f, double height, std::string& out) {
    out += "<g font-size=\"" + decimal(kTickSize) + "\" fill=\"" + kMutedColour + "\">\n";
    for (double t : f.y.ticks) {
        double y = f.py(t);
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n",
                           c(f.left), c(y), c(f.right), c(y), kGridColour);
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", c(f.left - 6),
                           c(y + 3.5), escapeXml(tickLabel(t, f.y)));
    }
    for (double t : f.x.ticks) {
        double x = f.px(t);
        out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n", c(x),
                           c(f.bottom), c(x), c(f.bottom + 5), kAxisColour);
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", c(x),
                           c(f.bottom + 17), escapeXml(tickLabel(t, f.x)));
    }
    out += "</g>\n";
    out += fmt::format("<path d=\"M{} {}V{}H{}\" fill=\"none\" stroke=\"{}\"/>\n", c(f.left),
                       c(f.top), c(f.bottom), c(f.right), kAxisColour);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
        c((f.left + f.right) / 2), c(height - 8), decimal(kSmallSize), kTextColour,
        escapeXml(chart.xLabel));
    double midY = (f.top + f.bottom) / 2;
    out +=
        fmt::format("<text x=\"14\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\" "
                    "transform=\"rotate(-90 14 {})\">{}</text>\n",
                    c(midY), decimal(kSmallSize), kTextColour, c(midY),
                    escapeXml(fitText(chart.yLabel, kSmallSize, f.bottom - f.top)));
}

void drawLegend(const std::vector<LegendItem>& items, std::string& out) {
    for (const LegendItem& item : items) {
        const Series& s = *item.series;
        double y = item.y;
        out += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>\n",
            c(item.x), c(y - 4), c(item.x + kSwatch), c(y - 4), s.colour, dashAttr(s));
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
                           c(item.x + kSwatch + 6), c(y), decimal(kSmallSize), kTextColour,
                           escapeXml(s.label));
    }
}

} // namespace

std::string renderChartSvg(const Chart& chart, double width, double height,
                           ChartPlacement placement) {
    std::string out;
    if (placement.nested) {
        out += fmt::format("<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} "
                           "{}\" data-chart=\"{}\">\n",
                           c(placement.x), c(placement.y), c(width), c(height), c(width), c(height),
                           escapeXml(chart.kind));
    } else {
        out += fmt::format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" "
            "width=\"{}\" height=\"{}\" font-family=\"sans-serif\" role=\"img\" "
            "data-chart=\"{}\">\n",
            c(width), c(height), c(width), c(height), escapeXml(chart.kind));
    }
    out += "<title>" + escapeXml(chart.title) + (chart.subtitle.empty() ? "" : " \u2014 ") +
           escapeXml(chart.subtitle) + "</title>\n";
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"{}\"/>\n",
                       c(width), c(height), kGridColour);

    double avail = width - kLeft - kRight;
    double y = 20;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{}\">{}</text>\n",
        c(kLeft), c(y), decimal(kTitleSize), kTextColour,
        escapeXml(fitText(chart.title, kTitleSize, avail)));
    if (!chart.subtitle.empty()) {
        y += 16;
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
                           c(kLeft), c(y), decimal(kSmallSize), kMutedColour,
                           escapeXml(fitText(chart.subtitle, kSmallSize, avail)));
    }
    std::vector<LegendItem> legend;
    int rows = layoutLegend(chart, width, y + 18, legend);
    double top = y + 18 + rows * kLegendRow - 4;

    double lo, hi;
    bool any;
    dataRange(chart, lo, hi, any);
    // A little room above the highest value, so a series at its maximum
    // (a saturated DC) does not vanish into the frame.
    hi += (hi - lo) * 0.04;
    Frame f{kLeft,
            top,
            width - kRight,
            height - kBottom,
            exactAxis(chart.xMin, chart.xMax, 8),
            niceAxis(lo, hi, 5, chart.integerY)};

    drawLegend(legend, out);
    drawAxes(chart, f, height, out);
    for (const Series& s : chart.series) {
        drawSteps(s, f, out);
        drawPoints(s, f, out);
    }
    if (!any) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" "
                           "fill=\"{}\">no data</text>\n",
                           c((f.left + f.right) / 2), c((f.top + f.bottom) / 2),
                           decimal(kSmallSize), kMutedColour);
    }
    out += "</svg>\n";
    return out;
}

} // namespace absim::report
