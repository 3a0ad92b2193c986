// Charts: nice axes, thinning of long series, well-formed and deterministic
// SVG, and a self-contained HTML report.

#include "report_helpers.h"

#include "app/report/chart.h"
#include "app/report/downsample.h"
#include "app/report/html_report.h"
#include "app/report/plot_svg.h"
#include "app/report/ticks.h"

#include <doctest/doctest.h>

#include <random>

#include <vector>

using namespace absim::report;
using namespace absim::report::testing;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

RunRecord manyDcs(int n, int intervals) {
    RunRecord record;
    record.facts.finalTime = Number::integer(intervals);
    for (int i = 0; i < n; ++i) {
        DcRecord& dc = record.addDc("dc-" + std::to_string(i), Number::integer(0), i % 2 == 1);
        for (int k = 0; k < intervals; ++k)
            dc.closeInterval(Resource::Speed, Number::integer(10),
                             Number::integer((k * 7 + i) % 11));
    }
    return record;
}

} // namespace

TEST_SUITE_BEGIN("report");

TEST_CASE("axes_use_nice_steps_that_cover_the_data") {
    Axis a = niceAxis(0, 87, 5);
    CHECK(a.lo == 0);
    CHECK(a.hi == 100);
    CHECK(a.step == 20);
    CHECK(a.ticks == std::vector<double>{0, 20, 40, 60, 80, 100});
    Axis flat = niceAxis(0, 0, 5);
    CHECK(flat.lo == 0);
    CHECK(flat.hi == 1);
    Axis counts = niceAxis(0, 3, 8, true);
    CHECK(counts.step == 1);
    CHECK(counts.hi == 3);
    Axis small = niceAxis(0, 0.7, 5);
    CHECK(small.step == doctest::Approx(0.2));
    CHECK(tickLabel(small.ticks[3], small) == "0.6");
    Axis big = niceAxis(0, 1'234'567, 5);
    CHECK(tickLabel(big.ticks[1], big) == "250k");
    Axis negative = niceAxis(-3, 7, 5);
    CHECK(negative.lo == -4);
    CHECK(tickLabel(negative.ticks[0], negative) == "-4");
}

TEST_CASE("thinning_keeps_peaks_of_step_series") {
    std::vector<StepSegment> steps;
    for (int k = 0; k < 1000; ++k)
        steps.push_back({double(k), double(k + 1), k == 777 ? 100.0 : 1.0});
    std::size_t group = maxPerGroup(steps, 100);
    CHECK(group == 10);
    REQUIRE(steps.size() == 100);
    CHECK(steps.front().x0 == 0);
    CHECK(steps.back().x1 == 1000);
    CHECK(steps[77].y == 100);
    CHECK(steps[76].y == 1);

    std::vector<Point> points;
    for (int k = 0; k < 1000; ++k)
        points.push_back({double(k), k == 500 ? -5.0 : double(k % 3)});
    envelope(points, 100);
    CHECK(points.size() <= 100);
    bool keptDip = false;
    for (const Point& p : points)
        keptDip = keptDip || p.y == -5;
    CHECK(keptDip);
}

// Thinning a history kept in runs draws what thinning it interval by
// interval draws, segment for segment, at every limit.
TEST_CASE("thinning_runs_equals_thinning_their_intervals") {
    std::mt19937 random(7);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<StepRun> runs;
        std::vector<StepSegment> expanded;
        double x = double(random() % 5);
        int n = 1 + int(random() % 40);
        for (int i = 0; i < n; ++i) {
            long long count = 1 + (random() % 4 == 0 ? static_cast<long long>(random() % 300) : 0);
            double y = double(random() % 7);
            runs.push_back({x, count, y});
            for (long long k = 0; k < count; ++k)
                expanded.push_back({x + double(k), x + double(k + 1), y});
            // Now and then a gap, as the capacity series has where it is unlimited.
            x += double(count) + (random() % 6 == 0 ? 3 : 0);
        }
        for (std::size_t limit : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(60),
                                  std::size_t(600), std::size_t(100000)}) {
            std::vector<StepSegment> byInterval = expanded;
            std::size_t groupA = maxPerGroup(byInterval, limit);
            std::vector<StepSegment> byRun;
            std::size_t groupB = maxPerGroup(runs, limit, byRun);
            CAPTURE(trial);
            CAPTURE(limit);
            CHECK(groupA == groupB);
            REQUIRE(byInterval.size() == byRun.size());
            std::size_t differs = 0; // the first segment that differs, plus one
            for (std::size_t i = 0; i < byRun.size() && differs == 0; ++i)
                if (byInterval[i].x0 != byRun[i].x0 || byInterval[i].x1 != byRun[i].x1 ||
                    byInterval[i].y != byRun[i].y)
                    differs = i + 1;
            CHECK(differs == 0);
        }
    }
}

TEST_CASE("the_xml_check_catches_what_it_should") {
    CHECK(xmlProblem("<a x=\"1\"><b/>t &amp; &#8212;</a>") == "");
    CHECK(xmlProblem("<a><b></a></b>") != "");
    CHECK(xmlProblem("<a x=1/>") != "");
    CHECK(xmlProblem("<a>fish & chips</a>") != "");
    CHECK(xmlProblem("<a>") != "");
    CHECK(xmlProblem("<a x=\"<\"/>") != "");
}

TEST_CASE("plot_svg_is_well_formed_and_has_every_chart") {
    RunRecord record = smallRecord();
    std::string svg = renderSvg(record);
    CHECK(xmlProblem(svg) == "");
    CHECK(svg.rfind("<?xml", 0) == 0);
    // Server: Speed and Bandwidth; cloud-1: Speed; machines; billing; one metric.
    CHECK(count(svg, "data-chart=\"dc-Speed\"") == 2);
    CHECK(count(svg, "data-chart=\"dc-Bandwidth\"") == 1);
    CHECK(count(svg, "data-chart=\"machines\"") == 1);
    CHECK(count(svg, "data-chart=\"billing\"") == 1);
    CHECK(count(svg, "data-chart=\"metric\"") == 1);
    CHECK(svg.find("latency &lt;ms&gt;") != std::string::npos);
    CHECK(svg.find("time (simulated time units)") != std::string::npos);
    CHECK(svg.find("stroke-dasharray") != std::string::npos); // capacity is dashed
}

TEST_CASE("plot_svg_is_the_same_bytes_for_the_same_record") {
    CHECK(renderSvg(smallRecord()) == renderSvg(smallRecord()));
    CHECK(renderHtmlReport(smallRecord()) == renderHtmlReport(smallRecord()));
}

TEST_CASE("many_dcs_are_laid_out_in_a_grid_without_overlap") {
    std::string svg = renderSvg(manyDcs(7, 50));
    CHECK(xmlProblem(svg) == "");
    // Two columns: charts at x 16 and 632, rows 336 apart.
    CHECK(count(svg, "<svg x=\"16.00\"") == 5); // 4 DCs + machines
    CHECK(count(svg, "<svg x=\"632.00\"") == 3);
    CHECK(svg.find("y=\"88.00\" width=\"600.00\"") != std::string::npos);
    CHECK(svg.find("y=\"424.00\" width=\"600.00\"") != std::string::npos);
}

TEST_CASE("long_runs_make_charts_of_bounded_size") {
    std::string svg = renderSvg(manyDcs(1, 100000));
    CHECK(xmlProblem(svg) == "");
    CHECK(svg.size() < 200000);
    CHECK(svg.find("each step: max of 167 intervals") != std::string::npos);
}

TEST_CASE("a_record_without_data_still_renders") {
    RunRecord empty;
    std::string svg = renderSvg(empty);
    CHECK(xmlProblem(svg) == "");
    CHECK(svg.find("data-chart=\"machines\"") != std::string::npos);
    std::string html = renderHtmlReport(empty);
    CHECK(html.find("No deployment components were recorded.") != std::string::npos);
    CHECK(html.find("The model recorded no metrics.") != std::string::npos);
}

TEST_CASE("html_report_is_self_contained_with_tables_and_inline_charts") {
    RunRecord record = smallRecord();
    record.dcs[0].name = "<b>Server</b>";
    std::string html = renderHtmlReport(record);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://www.w3.org/2000/svg") != std::string::npos); // the xmlns only
    CHECK(count(html, "http") == count(html, "http://www.w3.org/2000/svg"));
    CHECK(html.find("&lt;b&gt;Server&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<b>Server") == std::string::npos);
    CHECK(html.find("<dt>Seed</dt><dd>3</dd>") != std::string::npos);
    CHECK(html.find("<dt>Wall time</dt><dd>0.500 s</dd>") != std::string::npos);
    CHECK(html.find("<td class=\"num\">100%</td>") != std::string::npos); // peak Speed load
    CHECK(html.find("<td>requests &amp; replies</td><td class=\"num\">2</td>") !=
          std::string::npos);
    // Every inline chart is well-formed on its own.
    std::size_t charts = 0;
    for (auto at = html.find("<svg "); at != std::string::npos; at = html.find("<svg ", at + 1)) {
        auto end = html.find("</svg>", at);
        REQUIRE(end != std::string::npos);
        CHECK(xmlProblem(html.substr(at, end + 6 - at)) == "");
        ++charts;
    }
    CHECK(charts == 6);
}

TEST_SUITE_END();
