// The JSON form of the DC log: the run's facts, then each DC with its
// intervals grouped by resource. The fields mirror the CSV columns.

#include "app/report/dc_log.h"

#include "app/report/json_layout.h"
#include "app/report/number_text.h"
#include "app/report/run_stats.h"

#include <charconv>
#include <string>

namespace absim::report {

namespace {

using Json = nlohmann::ordered_json;

// The value of the CSV's rounded text (from_chars: locale-independent).
double roundedValue(double v) {
    std::string text = rounded(v, 3);
    double out = v;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

Json intervalJson(long long time, const IntervalUsage& u) {
    Json j = Json::object();
    auto load = loadPercent(u);
    j["time"] = time;
    j["total"] = u.total ? jsonNumber(u.total->value) : Json(nullptr);
    j["consumed"] = jsonNumber(u.consumed.value);
    // Rounded like the CSV, so both files carry the same figures.
    j["load_percent"] = load ? jsonNumber(roundedValue(*load)) : Json(nullptr);
    j["total_exact"] = u.total ? Json(u.total->exact) : Json("inf");
    j["consumed_exact"] = u.consumed.exact;
    return j;
}

Json runJson(const RunFacts& facts) {
    Json j = Json::object();
    j["model"] = facts.model;
    j["arguments"] = facts.arguments;
    j["seed"] = facts.seed ? Json(*facts.seed) : Json(nullptr);
    j["clock_limit"] = facts.clockLimit ? jsonNumber(facts.clockLimit->value) : Json(nullptr);
    j["final_time"] = jsonNumber(facts.finalTime.value);
    return j;
}

Json timedJson(const TimedValue& v) {
    Json j = Json::object();
    j["time"] = jsonNumber(v.time.value);
    j["value"] = jsonNumber(v.value.value);
    j["time_exact"] = v.time.exact;
    j["value_exact"] = v.value.exact;
    return j;
}

// The model's counters, in the order of first use.
Json countersJson(const ModelMetrics& m) {
    Json counters = Json::array();
    for (const Counter& c : m.counters()) {
        Json j = Json::object();
        j["name"] = c.name;
        j["value"] = jsonNumber(c.value.value);
        j["value_exact"] = c.value.exact;
        counters.push_back(std::move(j));
    }
    return counters;
}

// {"series": [{"name", "samples"}, ...], "counters": [...]} as layoutJson
// lays it out two spaces deep (series 6, their members 8, samples 10), a
// line per sample, streamed: a model may sample every job. False when the
// file refused a piece.
bool streamMetricsJson(const ModelMetrics& m, ChunkedText& out) {
    std::string& text = out.text();
    text += "{\n    \"series\": ";
    if (m.series().empty())
        text += "[]";
    for (const MetricSeries& s : m.series()) {
        text += &s == &m.series().front() ? "[\n      {" : ",\n      {";
        text += "\n        \"name\": ";
        layoutJsonInto(Json(s.name), 8, text);
        text += ",\n        \"samples\": ";
        if (s.samples.empty())
            text += "[]";
        for (const TimedValue& v : s.samples) {
            text += &v == &s.samples.front() ? "[\n          " : ",\n          ";
            layoutJsonInto(timedJson(v), 10, text);
            if (!out.ready())
                return false;
        }
        if (!s.samples.empty())
            text += "\n        ]";
        text += "\n      }";
    }
    if (!m.series().empty())
        text += "\n    ]";
    text += ",\n    \"counters\": ";
    layoutJsonInto(countersJson(m), 4, text);
    text += "\n  }";
    return true;
}

} // namespace

// The file is what layoutJson makes of {"format", "version", "run", "dcs",
// "metrics"}, written piece by piece: the DCs' interval lists are made
// here, a line per interval, so a long run's log is never whole in memory.
// The indentation below is layoutJson's at each depth (dcs 4, a DC's
// members 6, resources 8, intervals 10).
void streamDcLogJson(const RunRecord& record, const Emit& emit) {
    ChunkedText out(emit);
    std::string& text = out.text(); // the same string throughout; ready() empties it
    text += "{\n  \"format\": \"absim-dc-log\",\n  \"version\": 1,\n  \"run\": ";
    layoutJsonInto(runJson(record.facts), 2, text);
    text += ",\n  \"dcs\": [";
    const char* dcSeparator = "\n    {";
    for (const DcRecord& dc : record.dcs) {
        text += dcSeparator;
        dcSeparator = ",\n    {";
        Json members = Json::object();
        members["name"] = dc.name;
        members["created"] = jsonNumber(dc.created.value);
        members["shutdown"] = dc.shutdown ? jsonNumber(dc.shutdown->value) : Json(nullptr);
        members["cloud"] = dc.fromCloudProvider;
        members["cost"] = jsonNumber(dc.cost.value);
        members["first_interval"] = dc.firstInterval;
        for (auto it = members.begin(); it != members.end(); ++it) {
            text += it == members.begin() ? "\n      " : ",\n      ";
            layoutJsonInto(Json(it.key()), 6, text);
            text += ": ";
            layoutJsonInto(it.value(), 6, text);
        }
        text += ",\n      \"resources\": {";
        for (Resource r : kResources) {
            text += r == kResources.front() ? "\n        " : ",\n        ";
            layoutJsonInto(Json(resourceName(r)), 8, text);
            text += ": ";
            const auto& runs = dc.intervals(r);
            if (runs.empty()) {
                text += "[]";
                continue;
            }
            text += '[';
            const char* separator = "\n          ";
            long long time = dc.firstInterval;
            for (const IntervalRun& run : runs) {
                // The lines of a run differ only in their time, the first member.
                std::string line;
                layoutJsonInto(intervalJson(0, run.usage), 10, line);
                const std::string head = "{\"time\": ";
                const std::string rest = line.substr(head.size() + 1); // past the time 0
                for (long long k = 0; k < run.count; ++k) {
                    text += separator;
                    separator = ",\n          ";
                    text += head;
                    text += std::to_string(time++);
                    text += rest;
                    if (!out.ready())
                        return;
                }
            }
            text += "\n        ]";
        }
        text += "\n      }\n    }";
    }
    text += record.dcs.empty() ? "]" : "\n  ]";
    text += ",\n  \"metrics\": ";
    if (!streamMetricsJson(record.metrics, out))
        return;
    text += "\n}\n";
}

} // namespace absim::report
