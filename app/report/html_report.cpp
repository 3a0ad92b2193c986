// Assembling the report page: header, DC summary, chart sections, metrics.

#include "app/report/html_report.h"

#include "app/report/chart.h"
#include "app/report/html_parts.h"
#include "app/report/output_paths.h"
#include "app/report/run_charts.h"
#include "app/report/svg_text.h"

#include <fmt/format.h>

namespace absim::report {

namespace {

std::string chartGrid(const std::vector<const Chart*>& charts) {
    std::string out = "<div class=\"grid\">\n";
    for (const Chart* c : charts)
        out += renderChartSvg(*c, kChartWidth, kChartHeight);
    out += "</div>\n";
    return out;
}

} // namespace

std::string renderHtmlReport(const RunRecord& record) {
    RunCharts charts = buildRunCharts(record);
    std::string model = record.facts.model.empty() ? "model" : record.facts.model;

    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta name=\"generator\" content=\"absim\">\n";
    out += fmt::format("<title>absim report \u2014 {}</title>\n", escapeXml(model));
    out += fmt::format("<style>{}</style>\n</head>\n<body>\n", reportStyleSheet());
    out += fmt::format("<header>\n<h1>absim report: {}</h1>\n", escapeXml(model));
    out += factsHtml(record.facts);
    out += "</header>\n<main>\n";

    out += "<section id=\"summary\">\n<h2>Deployment components</h2>\n";
    out += dcSummaryTableHtml(record);
    out += "</section>\n";

    if (!charts.dcs.empty()) {
        std::vector<const Chart*> list;
        for (const Chart& c : charts.dcs)
            list.push_back(&c);
        out += "<section id=\"load\">\n<h2>Capacity and load per deployment component</h2>\n";
        out += "<p class=\"note\">Per interval (time k up to k+1): capacity dashed, consumption "
               "shaded. "
               "Load is consumption divided by capacity.</p>\n";
        out += chartGrid(list) + "</section>\n";
    }

    std::vector<const Chart*> fleet{&charts.machines};
    if (charts.billing)
        fleet.push_back(&*charts.billing);
    out +=
        "<section id=\"fleet\">\n<h2>Machines and cost</h2>\n" + chartGrid(fleet) + "</section>\n";

    out += "<section id=\"metrics\">\n<h2>Model metrics</h2>\n";
    if (record.metrics.empty()) {
        out += "<p class=\"note\">The model recorded no metrics.</p>\n";
    } else {
        std::vector<const Chart*> list;
        for (const Chart& c : charts.metrics)
            list.push_back(&c);
        if (!list.empty())
            out += chartGrid(list);
        if (!record.metrics.counters().empty())
            out += "<h3>Counters</h3>\n" + countersTableHtml(record.metrics);
    }
    out += "</section>\n</main>\n";
    out += "<footer>Written by absim. Times are in simulated time units; "
           "hover a chart or a metric's marker for its values.</footer>\n</body>\n</html>\n";
    return out;
}

WriteResult writeHtmlReport(const RunRecord& record, const std::string& path) {
    if (std::string error = reportPathError(path); !error.empty())
        return WriteResult::failure(error);
    return writeFileAtomically(path, renderHtmlReport(record));
}

} // namespace absim::report
