// The DC log (--dc-log): exact CSV and JSON for a small hand-built record,
// the file-name rules, exact numbers and the model's metrics.

#include "report_helpers.h"

#include "app/report/report.h"
#include "app/report/run_facts_text.h"
#include "app/report/run_stats.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace absim::report;
using namespace absim::report::testing;

TEST_SUITE_BEGIN("report");

TEST_CASE("dc_log_csv_has_one_row_per_dc_resource_and_interval") {
    CHECK(renderDcLogCsv(smallRecord()) ==
          "dc,resource,time,total,consumed,load_percent,total_exact,consumed_exact,created,"
          "shutdown,cloud\n"
          "\"Server, main\",Speed,0,10,5,50,10,5,0,,false\n"
          "\"Server, main\",Speed,1,10,10,100,10,10,0,,false\n"
          "\"Server, main\",Bandwidth,0,inf,0,,inf,0,0,,false\n"
          "\"Server, main\",Bandwidth,1,inf,2.5,,inf,5/2,0,,false\n"
          "cloud-1,Speed,2,3,1,33.333,3,1,2.5,4,true\n"
          // The metrics table: samples in order, the counter at the final time 4.
          "\n"
          "metric,kind,time,value,time_exact,value_exact\n"
          "latency <ms>,sample,1,1.5,1,3/2\n"
          "latency <ms>,sample,3,4,3,4\n"
          "requests & replies,counter,4,2,4,2\n");
}

TEST_CASE("dc_log_csv_has_no_metrics_table_without_metrics") {
    RunRecord record;
    record.addDc("Initial DC", Number::integer(0));
    CHECK(renderDcLogCsv(record) == "dc,resource,time,total,consumed,load_percent,total_exact,"
                                    "consumed_exact,created,shutdown,cloud\n");
}

TEST_CASE("dc_log_csv_quotes_names_with_quotes") {
    RunRecord record;
    DcRecord& dc = record.addDc("say \"hi\"", Number::integer(0));
    dc.closeInterval(Resource::Speed, Number::integer(1), Number::integer(1));
    CHECK(renderDcLogCsv(record).find("\"say \"\"hi\"\"\",Speed,0,1,1,100,") != std::string::npos);
}

TEST_CASE("dc_log_json_lists_run_facts_and_intervals_per_resource") {
    CHECK(renderDcLogJson(smallRecord()) == R"({
  "format": "absim-dc-log",
  "version": 1,
  "run": {
    "model": "m.abs",
    "arguments": ["run", "m.abs"],
    "seed": 3,
    "clock_limit": null,
    "final_time": 4
  },
  "dcs": [
    {
      "name": "Server, main",
      "created": 0,
      "shutdown": null,
      "cloud": false,
      "cost": 0,
      "first_interval": 0,
      "resources": {
        "Speed": [
          {"time": 0, "total": 10, "consumed": 5, "load_percent": 50, "total_exact": "10", "consumed_exact": "5"},
          {"time": 1, "total": 10, "consumed": 10, "load_percent": 100, "total_exact": "10", "consumed_exact": "10"}
        ],
        "Bandwidth": [
          {"time": 0, "total": null, "consumed": 0, "load_percent": null, "total_exact": "inf", "consumed_exact": "0"},
          {"time": 1, "total": null, "consumed": 2.5, "load_percent": null, "total_exact": "inf", "consumed_exact": "5/2"}
        ],
        "Memory": []
      }
    },
    {
      "name": "cloud-1",
      "created": 2.5,
      "shutdown": 4,
      "cloud": true,
      "cost": 2,
      "first_interval": 2,
      "resources": {
        "Speed": [
          {"time": 2, "total": 3, "consumed": 1, "load_percent": 33.333, "total_exact": "3", "consumed_exact": "1"}
        ],
        "Bandwidth": [],
        "Memory": []
      }
    }
  ],
  "metrics": {
    "series": [
      {
        "name": "latency <ms>",
        "samples": [
          {"time": 1, "value": 1.5, "time_exact": "1", "value_exact": "3/2"},
          {"time": 3, "value": 4, "time_exact": "3", "value_exact": "4"}
        ]
      }
    ],
    "counters": [
      {"name": "requests & replies", "value": 2, "value_exact": "2"}
    ]
  }
}
)");
}

TEST_CASE("dc_log_format_follows_the_extension") {
    CHECK(dcLogFormatFor("out.csv") == DcLogFormat::Csv);
    CHECK(dcLogFormatFor("dir.v2/OUT.JSON") == DcLogFormat::Json);
    CHECK_FALSE(dcLogFormatFor("out.txt"));
    CHECK_FALSE(dcLogFormatFor("csv"));
    CHECK(dcLogPathError("out.json").empty());
    CHECK(dcLogPathError("out.txt") == "--dc-log 'out.txt': the file name must end in .csv or "
                                       ".json (the extension chooses the format)");
    CHECK(plotPathError("charts.svg").empty());
    CHECK(plotPathError("charts.png") == "--plot 'charts.png': the file name must end in .svg");
    CHECK(reportPathError("r.htm").empty());
    CHECK(reportPathError("r.html").empty());
    CHECK(reportPathError("r.pdf") == "--report 'r.pdf': the file name must end in .html");
}

TEST_CASE("writers_refuse_a_wrong_extension_and_write_nothing") {
    ScratchDir dir;
    RunRecord record = smallRecord();
    WriteResult log = writeDcLog(record, dir.file("log.txt"));
    CHECK_FALSE(log.ok());
    CHECK(log.error == dcLogPathError(dir.file("log.txt")));
    CHECK_FALSE(writeSvg(record, dir.file("plot.png")).ok());
    CHECK_FALSE(writeHtmlReport(record, dir.file("report.txt")).ok());
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("writers_write_what_the_renderers_render") {
    ScratchDir dir;
    RunRecord record = smallRecord();
    REQUIRE(writeDcLog(record, dir.file("log.csv")).ok());
    REQUIRE(writeDcLog(record, dir.file("log.json")).ok());
    REQUIRE(writeSvg(record, dir.file("plot.svg")).ok());
    REQUIRE(writeHtmlReport(record, dir.file("report.html")).ok());
    CHECK(readFile(dir.file("log.csv")) == renderDcLogCsv(record));
    CHECK(readFile(dir.file("log.json")) == renderDcLogJson(record));
    CHECK(readFile(dir.file("plot.svg")) == renderSvg(record));
    CHECK(readFile(dir.file("report.html")) == renderHtmlReport(record));
}

// A record with a long run: a server idle for `idle` intervals after one
// busy one, created at 7/2 (so its history starts at interval 3).
RunRecord longRecord(long long idle = 300000) {
    RunRecord record;
    DcRecord& dc = record.addDc("server", Number::ratio(7, 2));
    dc.closeInterval(Resource::Speed, Number::integer(4), Number::integer(4));
    dc.closeInterval(Resource::Speed, Number::integer(4), Number::integer(0), idle);
    record.facts.finalTime = Number::integer(idle + 4);
    return record;
}

// What a stream handed on: how many pieces, the largest, the lines, and
// the text of the last piece.
struct Pieces {
    std::size_t count = 0, largest = 0, lines = 0;
    std::string last;
    Emit emit() {
        return [this](std::string_view piece) {
            ++count;
            largest = std::max(largest, piece.size());
            lines += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
            last = piece;
            return true;
        };
    }
};

// A log of a long run goes out in pieces of about a mebibyte, row by row:
// its text is never whole in memory, yet it is every interval's row.
TEST_CASE("dc_log_streams_long_runs_row_by_row") {
    RunRecord record = longRecord();
    REQUIRE(record.dcs[0].intervals(Resource::Speed).size() == 2);
    Pieces csv;
    streamDcLogCsv(record, csv.emit());
    CHECK(csv.count > 5);
    CHECK(csv.largest < (std::size_t(1) << 20) + 200);
    CHECK(csv.lines == 1 + 300001);
    std::string tail = "\nserver,Speed,300003,4,0,0,4,0,3.5,,false\n";
    CHECK(csv.last.substr(csv.last.size() - tail.size()) == tail);
    std::string small = renderDcLogCsv(longRecord(2));
    CHECK(small.find("server,Speed,3,4,4,100,4,4,3.5,,false\n"
                     "server,Speed,4,4,0,0,4,0,3.5,,false\n"
                     "server,Speed,5,4,0,0,4,0,3.5,,false\n") != std::string::npos);

    Pieces json;
    streamDcLogJson(record, json.emit());
    CHECK(json.count > 5);
    CHECK(json.largest < (std::size_t(1) << 20) + 300);
    auto parsed = nlohmann::json::parse(renderDcLogJson(longRecord(3000)));
    const auto& speed = parsed["dcs"][0]["resources"]["Speed"];
    REQUIRE(speed.size() == 3001);
    CHECK(speed[0]["consumed"] == 4);
    for (std::size_t k = 0; k < speed.size(); ++k)
        CHECK(speed[k]["time"] == 3 + static_cast<long long>(k));
    CHECK(speed.back()["load_percent"] == 0);
}

// A model may sample every job: its samples are streamed as well.
TEST_CASE("dc_log_streams_many_samples") {
    RunRecord record;
    for (long long k = 0; k < 60000; ++k)
        record.metrics.recordSample("response", Number::ratio(k, 4), Number::integer(k % 7));
    record.metrics.incrementCounter("jobs", Number::integer(60000));
    for (bool csv : {true, false}) {
        Pieces pieces;
        if (csv)
            streamDcLogCsv(record, pieces.emit());
        else
            streamDcLogJson(record, pieces.emit());
        CAPTURE(csv);
        CHECK(pieces.count >= 2);
        CHECK(pieces.largest < (std::size_t(1) << 20) + 300);
    }
    auto parsed = nlohmann::json::parse(renderDcLogJson(record));
    const auto& samples = parsed["metrics"]["series"][0]["samples"];
    REQUIRE(samples.size() == 60000);
    CHECK(samples[59999]["time_exact"] == "59999/4");
    CHECK(samples[59999]["value"] == 59999 % 7);
    CHECK(parsed["metrics"]["counters"][0]["value"] == 60000);
    std::string csv = renderDcLogCsv(record);
    CHECK(csv.find("\nresponse,sample,14999.75,2,59999/4,2\njobs,counter,0,60000,0,60000\n") !=
          std::string::npos);
}

// Once the file refuses a piece (a full disk), nothing more is produced.
TEST_CASE("dc_log_stops_at_the_first_refused_piece") {
    RunRecord record = longRecord();
    for (bool csv : {true, false}) {
        std::size_t offered = 0;
        Emit refuseSecond = [&](std::string_view) { return ++offered < 2; };
        if (csv)
            streamDcLogCsv(record, refuseSecond);
        else
            streamDcLogJson(record, refuseSecond);
        CHECK(offered == 2);
    }
}

TEST_CASE("numbers_keep_exact_rationals") {
    CHECK(Number::ratio(10, 4).exact == "5/2");
    CHECK(Number::ratio(10, 4).value == 2.5);
    CHECK(Number::ratio(-6, 3).exact == "-2");
    CHECK(Number::integer(-7).exact == "-7");
    Number third = Number::ratio(1, 3);
    CHECK(add(add(third, third), third).exact == "1");
    CHECK(Number::parse("-5/2")->value == -2.5);
    CHECK_FALSE(Number::parse("2.5"));
    CHECK_FALSE(Number::parse("1/0"));
    CHECK_FALSE(Number::parse(" 1"));
}

TEST_CASE("metrics_collect_series_and_counters_by_name_in_first_use_order") {
    ModelMetrics m;
    m.recordSample("b", Number::integer(0), Number::integer(1));
    m.recordSample("a", Number::integer(1), Number::integer(2));
    m.recordSample("b", Number::integer(2), Number::integer(3));
    m.incrementCounter("served", Number::integer(2));
    m.incrementCounter("fraction", Number::ratio(1, 3));
    m.incrementCounter("served", Number::integer(5));
    m.incrementCounter("fraction", Number::ratio(1, 6));
    REQUIRE(m.series().size() == 2);
    CHECK(m.series()[0].name == "b");
    CHECK(m.series()[0].samples.size() == 2);
    CHECK(m.series()[0].samples[1].value.exact == "3");
    CHECK(m.series()[1].name == "a");
    REQUIRE(m.counters().size() == 2);
    CHECK(m.counters()[0].name == "served");
    CHECK(m.counters()[0].value.exact == "7");
    CHECK(m.counters()[1].value.exact == "1/2");
    CHECK(m.counters()[1].value.value == 0.5);
}

TEST_CASE("dc_records_stay_put_while_more_are_added") {
    RunRecord record;
    DcRecord* first = &record.addDc("a", Number::ratio(7, 2));
    for (int i = 0; i < 100; ++i)
        record.addDc("dc" + std::to_string(i), Number::integer(i));
    CHECK(first == &record.dcs.front());
    CHECK(first->firstInterval == 3);
}

TEST_CASE("load_and_summaries_follow_dc_load") {
    IntervalUsage half{Number::integer(10), Number::integer(5)};
    IntervalUsage unlimited{std::nullopt, Number::integer(5)};
    IntervalUsage none{Number::integer(0), Number::integer(0)};
    CHECK(*loadPercent(half) == 50);
    CHECK_FALSE(loadPercent(unlimited));
    CHECK_FALSE(loadPercent(none));
    // The example of runtime spec §6.5: 5 of 10, then 10 of 10.
    IntervalUsage full{Number::integer(10), Number::integer(10)};
    ResourceSummary s = summarize({{half, 1}, {full, 1}});
    CHECK(*s.averageLoad == 75);
    CHECK(*s.peakLoad == 100);
    CHECK(*s.minCapacity == 10);
    CHECK(s.totalConsumed == 15);
    CHECK(s.intervals == 2);
    CHECK_FALSE(summarize({{unlimited, 1}}).maxCapacity);
    // A run counts once per interval it stands for.
    ResourceSummary runs = summarize({{half, 3}, {full, 1}, {unlimited, 4}});
    CHECK(*runs.averageLoad == 62.5);
    CHECK(runs.totalConsumed == 45);
    CHECK(runs.intervals == 8);
}

TEST_CASE("machines_alive_counts_creations_and_shutdowns") {
    RunRecord record = smallRecord();
    auto steps = machinesAlive(record);
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].time == 0);
    CHECK(steps[0].all == 1);
    CHECK(steps[0].cloud == 0);
    CHECK(steps[1].time == 2.5);
    CHECK(steps[1].all == 2);
    CHECK(steps[1].cloud == 1);
    CHECK(steps[2].time == 4);
    CHECK(steps[2].all == 1);
    CHECK(steps[2].cloud == 0);
    CHECK(endTime(record) == 4);
    CHECK(lifetime(record.dcs[1], 4) == 1.5);
}

TEST_SUITE_END();

TEST_CASE("run_facts_line_rounds_long_exact_times") {
    RunFacts facts;
    // A day-long run ends at an odd rational time: 21642463/250 = 86569.852.
    facts.finalTime = Number::ratio(21642463, 250);
    facts.clockLimit = Number::ratio(1, 3);
    CHECK(runFactsLine(facts) == "final time 86569.852 \u00b7 clock limit 1/3");
    // Short exact texts stay exact.
    facts.finalTime = Number::ratio(5, 2);
    facts.clockLimit.reset();
    CHECK(runFactsLine(facts) == "final time 5/2");
}
