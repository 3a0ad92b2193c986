// The plot file: a header with the run's facts, then one section per kind
// of chart (deployment components; machines and cost; model metrics), each
// a grid of equally sized panels, two per row, so that nothing overlaps
// however many DCs a run has.

#include "app/report/plot_svg.h"

#include "app/report/number_text.h"
#include "app/report/output_paths.h"
#include "app/report/run_charts.h"
#include "app/report/run_facts_text.h"
#include "app/report/svg_text.h"

#include <fmt/format.h>

namespace absim::report {

namespace {

constexpr double kMargin = 16;
constexpr double kGap = 16;
constexpr double kHeader = 58;
constexpr double kSectionTitle = 30;
constexpr int kColumns = 2;

struct Section {
    std::string title;
    std::vector<const Chart*> charts;
};

double sectionHeight(const Section& s) {
    auto rows = static_cast<double>((s.charts.size() + kColumns - 1) / kColumns);
    return kSectionTitle + rows * (kChartHeight + kGap);
}

} // namespace

std::string renderSvg(const RunRecord& record) {
    RunCharts charts = buildRunCharts(record);
    std::vector<Section> sections;
    Section dcs{"Deployment components", {}};
    for (const Chart& c : charts.dcs)
        dcs.charts.push_back(&c);
    Section fleet{"Machines and cost", {&charts.machines}};
    if (charts.billing)
        fleet.charts.push_back(&*charts.billing);
    Section metrics{"Model metrics", {}};
    for (const Chart& c : charts.metrics)
        metrics.charts.push_back(&c);
    for (Section* s : {&dcs, &fleet, &metrics}) {
        if (!s->charts.empty())
            sections.push_back(std::move(*s));
    }

    double width = 2 * kMargin + kColumns * kChartWidth + (kColumns - 1) * kGap;
    double height = kHeader + kMargin;
    for (const Section& s : sections)
        height += sectionHeight(s);

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                       "viewBox=\"0 0 {} {}\" font-family=\"sans-serif\">\n",
                       fixed(width, 0), fixed(height, 0), fixed(width, 0), fixed(height, 0));
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#f9fafb\"/>\n", fixed(width, 0),
                       fixed(height, 0));
    std::string model = record.facts.model.empty() ? "model" : record.facts.model;
    out += fmt::format("<text x=\"{}\" y=\"30\" font-size=\"18\" font-weight=\"bold\" "
                       "fill=\"#111827\">{}</text>\n",
                       fixed(kMargin, 0),
                       escapeXml(fitText("absim \u2014 " + model, 18, width - 2 * kMargin)));
    out += fmt::format("<text x=\"{}\" y=\"48\" font-size=\"12\" fill=\"#4b5563\">{}</text>\n",
                       fixed(kMargin, 0), escapeXml(runFactsLine(record.facts)));

    double y = kHeader;
    for (const Section& s : sections) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\" "
                           "fill=\"#111827\">{}</text>\n",
                           fixed(kMargin, 0), fixed(y + 20, 2), escapeXml(s.title));
        y += kSectionTitle;
        for (std::size_t i = 0; i < s.charts.size(); ++i) {
            auto col = static_cast<double>(i % kColumns);
            auto row = static_cast<double>(i / kColumns);
            ChartPlacement at{true, kMargin + col * (kChartWidth + kGap),
                              y + row * (kChartHeight + kGap)};
            out += renderChartSvg(*s.charts[i], kChartWidth, kChartHeight, at);
        }
        y += sectionHeight(s) - kSectionTitle;
    }
    out += "</svg>\n";
    return out;
}

WriteResult writeSvg(const RunRecord& record, const std::string& path) {
    if (std::string error = plotPathError(path); !error.empty())
        return WriteResult::failure(error);
    return writeFileAtomically(path, renderSvg(record));
}

} // namespace absim::report
