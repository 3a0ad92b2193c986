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

Json dcJson(const DcRecord& dc) {
    Json j = Json::object();
    j["name"] = dc.name;
    j["created"] = jsonNumber(dc.created.value);
    j["shutdown"] = dc.shutdown ? jsonNumber(dc.shutdown->value) : Json(nullptr);
    j["cloud"] = dc.fromCloudProvider;
    j["cost"] = jsonNumber(dc.cost.value);
    j["first_interval"] = dc.firstInterval;
    Json resources = Json::object();
    for (Resource r : kResources) {
        Json list = Json::array();
        long long time = dc.firstInterval;
        for (const IntervalUsage& u : dc.intervals(r))
            list.push_back(intervalJson(time++, u));
        resources[resourceName(r)] = std::move(list);
    }
    j["resources"] = std::move(resources);
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

// The model's own series and counters, in the order of first use.
Json metricsJson(const ModelMetrics& m) {
    Json series = Json::array();
    for (const MetricSeries& s : m.series()) {
        Json samples = Json::array();
        for (const TimedValue& v : s.samples)
            samples.push_back(timedJson(v));
        Json j = Json::object();
        j["name"] = s.name;
        j["samples"] = std::move(samples);
        series.push_back(std::move(j));
    }
    Json counters = Json::array();
    for (const Counter& c : m.counters()) {
        Json j = Json::object();
        j["name"] = c.name;
        j["value"] = jsonNumber(c.value.value);
        j["value_exact"] = c.value.exact;
        counters.push_back(std::move(j));
    }
    Json j = Json::object();
    j["series"] = std::move(series);
    j["counters"] = std::move(counters);
    return j;
}

} // namespace

std::string renderDcLogJson(const RunRecord& record) {
    Json root = Json::object();
    root["format"] = "absim-dc-log";
    root["version"] = 1;
    root["run"] = runJson(record.facts);
    Json dcs = Json::array();
    for (const DcRecord& dc : record.dcs)
        dcs.push_back(dcJson(dc));
    root["dcs"] = std::move(dcs);
    root["metrics"] = metricsJson(record.metrics);
    return layoutJson(root);
}

} // namespace absim::report
