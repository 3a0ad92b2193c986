// The report's tables and fact list. Numbers are shown rounded for reading;
// exact values are in the DC log.

#include "app/report/html_parts.h"

#include "app/report/number_text.h"
#include "app/report/run_facts_text.h"
#include "app/report/run_stats.h"
#include "app/report/svg_text.h"

#include <fmt/format.h>

#include <vector>

namespace absim::report {

namespace {

std::string cell(const std::string& text, bool number = false) {
    return fmt::format("<td{}>{}</td>", number ? " class=\"num\"" : "", escapeXml(text));
}

std::string percent(const std::optional<double>& v) {
    return v ? rounded(*v, 1) + "%" : "\u2014";
}

std::string capacityText(const ResourceSummary& s) {
    if (!s.maxCapacity)
        return "unlimited";
    if (*s.minCapacity == *s.maxCapacity)
        return rounded(*s.maxCapacity, 3);
    return rounded(*s.minCapacity, 3) + " \u2013 " + rounded(*s.maxCapacity, 3);
}

void fact(std::string& out, const char* name, const std::string& value) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, escapeXml(value));
}

} // namespace

std::string factsHtml(const RunFacts& facts) {
    std::string out = "<dl class=\"facts\">\n";
    fact(out, "Model", facts.model.empty() ? "\u2014" : facts.model);
    fact(out, "Arguments", facts.arguments.empty() ? "\u2014" : commandLineText(facts.arguments));
    fact(out, "Seed", facts.seed ? std::to_string(*facts.seed) : "\u2014");
    fact(out, "Clock limit", facts.clockLimit ? facts.clockLimit->exact : "none");
    fact(out, "Final time", facts.finalTime.exact);
    fact(out, "Wall time", fmt::format("{:.3f} s", facts.wallSeconds));
    out += "</dl>\n";
    return out;
}

std::string dcSummaryTableHtml(const RunRecord& record) {
    if (record.dcs.empty())
        return "<p class=\"note\">No deployment components were recorded.</p>\n";
    double finalTime = record.facts.finalTime.value;
    std::string out =
        "<table class=\"summary\">\n<thead><tr><th>Deployment component</th><th>Origin</th>"
        "<th>Created</th><th>Shut down</th><th>Lifetime</th><th>Cost</th>"
        "<th>Resource</th><th>Capacity</th><th>Average load</th><th>Peak load</th>"
        "<th>Consumed</th></tr></thead>\n<tbody>\n";
    Number totalCost = Number::integer(0);
    for (const DcRecord& dc : record.dcs) {
        totalCost = add(totalCost, dc.cost);
        std::vector<Resource> shown;
        for (Resource r : kResources) {
            if (showResource(dc, r))
                shown.push_back(r);
        }
        bool first = true;
        for (Resource r : shown) {
            ResourceSummary s = summarize(dc.intervals(r));
            out += "<tr>";
            if (first) {
                // The DC's own columns span its resource rows.
                std::string span =
                    shown.size() > 1 ? fmt::format(" rowspan=\"{}\"", shown.size()) : "";
                auto dcCell = [&](const std::string& text, bool number) {
                    return fmt::format("<td{}{}>{}</td>", span, number ? " class=\"num\"" : "",
                                       escapeXml(text));
                };
                out += dcCell(dc.name, false);
                out += dcCell(dc.fromCloudProvider ? "CloudProvider" : "direct", false);
                out += dcCell(readable(dc.created.value, dc.created.exact), true);
                out += dcCell(dc.shutdown ? readable(dc.shutdown->value, dc.shutdown->exact)
                                          : "\u2014",
                              true);
                out += dcCell(rounded(lifetime(dc, finalTime), 3), true);
                out += dcCell(dc.cost.exact, true);
                first = false;
            }
            out += cell(resourceName(r)) + cell(capacityText(s), true) +
                   cell(percent(s.averageLoad), true) + cell(percent(s.peakLoad), true) +
                   cell(rounded(s.totalConsumed, 3), true);
            out += "</tr>\n";
        }
    }
    out += "</tbody>\n";
    out += fmt::format("<tfoot><tr><td colspan=\"5\">Total cost</td><td class=\"num\">{}</td>"
                       "<td colspan=\"5\"></td></tr></tfoot>\n</table>\n",
                       escapeXml(totalCost.exact));
    return out;
}

std::string countersTableHtml(const ModelMetrics& metrics) {
    if (metrics.counters().empty())
        return {};
    std::string out =
        "<table "
        "class=\"counters\">\n<thead><tr><th>Counter</th><th>Value</th></tr></thead>\n<tbody>\n";
    for (const Counter& c : metrics.counters()) {
        std::string value = c.value.exact;
        if (value.find('/') != std::string::npos)
            value += " (" + rounded(c.value.value, 3) + ")";
        out += "<tr>" + cell(c.name) + cell(value, true) + "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
}

} // namespace absim::report
