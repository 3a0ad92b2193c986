// The CSV form of the DC log: one flat table, so that a spreadsheet or
// pandas can filter it by DC and resource without joins. The DC's creation
// and shutdown times are repeated on each of its rows for the same reason.

#include "app/report/dc_log.h"

#include "app/report/number_text.h"
#include "app/report/run_stats.h"

#include <string_view>

namespace absim::report {

namespace {

// RFC 4180: quote a field that holds a comma, a quote or a line break.
std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// The model's metrics, when it recorded any, as a second table after an
// empty line: one row per sample, then one per counter (its total at the
// end of the run). A reader that wants only the DCs stops at the empty line.
void appendMetricsCsv(ChunkedText& out, const RunRecord& record) {
    const ModelMetrics& m = record.metrics;
    if (m.empty())
        return;
    std::string& text = out.text();
    text += "\nmetric,kind,time,value,time_exact,value_exact\n";
    auto row = [&](const std::string& name, const char* kind, const Number& time,
                   const Number& value) {
        text += csvField(name) + ',' + kind + ',' + decimal(time.value) + ',' +
                decimal(value.value) + ',' + time.exact + ',' + value.exact + '\n';
        return out.ready();
    };
    for (const MetricSeries& s : m.series())
        for (const TimedValue& v : s.samples)
            if (!row(s.name, "sample", v.time, v.value))
                return;
    for (const Counter& c : m.counters())
        if (!row(c.name, "counter", record.facts.finalTime, c.value))
            return;
}

} // namespace

void streamDcLogCsv(const RunRecord& record, const Emit& emit) {
    ChunkedText out(emit);
    std::string& text = out.text(); // the same string throughout; ready() empties it
    text = "dc,resource,time,total,consumed,load_percent,total_exact,consumed_exact,"
           "created,shutdown,cloud\n";
    for (const DcRecord& dc : record.dcs) {
        std::string name = csvField(dc.name);
        std::string tail = decimal(dc.created.value) + "," +
                           (dc.shutdown ? decimal(dc.shutdown->value) : std::string()) + "," +
                           (dc.fromCloudProvider ? "true" : "false") + "\n";
        for (Resource r : kResources) {
            std::string head = name + ',' + resourceName(r) + ',';
            long long time = dc.firstInterval;
            for (const IntervalRun& run : dc.intervals(r)) {
                // The rows of a run differ only in their time.
                const IntervalUsage& u = run.usage;
                auto load = loadPercent(u);
                std::string rest = ',' + (u.total ? decimal(u.total->value) : std::string("inf"));
                rest += ',' + decimal(u.consumed.value);
                rest += ',' + (load ? rounded(*load, 3) : std::string());
                rest += ',' + (u.total ? u.total->exact : std::string("inf"));
                rest += ',' + u.consumed.exact;
                rest += ',' + tail;
                for (long long k = 0; k < run.count; ++k) {
                    text += head;
                    text += std::to_string(time++);
                    text += rest;
                    if (!out.ready())
                        return;
                }
            }
        }
    }
    appendMetricsCsv(out, record);
}

} // namespace absim::report
