// Between the interpreter and the outputs: interpreter numbers as report
// numbers, the observer that fills a RunRecord from the hooks, the counters
// every run keeps (RunStats), the ABS.Metrics builtins, the progress line
// and the --stats text.

#include "run_fixture.h"
#include "value_helpers.h"

#include "app/observe/progress_line.h"
#include "app/observe/record_observer.h"
#include "app/observe/stats_text.h"
#include "app/observe/value_number.h"

#include <doctest/doctest.h>

#include <cstdio>

using namespace absim;
using namespace absim::interp::testing;
using absim::interp::Value;

TEST_SUITE_BEGIN("observe");

TEST_CASE("interpreter_numbers_become_report_numbers_with_exact_text") {
    report::Number four = observe::toNumber(I(4));
    CHECK(four.value == 4);
    CHECK(four.exact == "4");
    report::Number half = observe::toNumber(R(-5, 2));
    CHECK(half.value == -2.5);
    CHECK(half.exact == "-5/2");
    report::Number third = observe::toNumber(R(1, 3));
    CHECK(third.exact == "1/3");
    CHECK(third.value == doctest::Approx(1.0 / 3));
    report::Number huge = observe::toNumber(big("123456789012345678901234567890"));
    CHECK(huge.exact == "123456789012345678901234567890");
    CHECK(huge.value == doctest::Approx(1.2345678901234568e29));
}

TEST_CASE("capacities_are_numbers_fin_values_or_unlimited") {
    Value ten = I(10);
    CHECK(observe::toCapacity(&ten)->exact == "10");
    Value fin = Value::make(ctor(interp::BuiltinConstructor::Fin), R(7, 2));
    CHECK(observe::toCapacity(&fin)->exact == "7/2");
    Value inf = Value::constant(ctor(interp::BuiltinConstructor::InfRat));
    CHECK_FALSE(observe::toCapacity(&inf));
    CHECK_FALSE(observe::toCapacity(nullptr));
}

TEST_CASE("record_observer_keeps_dcs_by_id_with_their_intervals") {
    report::RunRecord record;
    observe::RecordObserver o(record);
    o.dcCreated(0, "Initial DC", I(0), false);
    o.dcCreated(1, "cloud-1", R(5, 2), true);
    Value ten = I(10);
    o.dcIntervalsClosed(0, 0, 0, 1, &ten, I(4));
    o.dcIntervalsClosed(0, 1, 0, 1, nullptr, R(1, 2));
    o.dcIntervalsClosed(1, 0, 2, 1, &ten, I(10));
    o.dcIntervalsClosed(7, 0, 2, 1, &ten, I(10)); // unknown DC: ignored
    o.dcShutdown(1, I(4));
    o.dcShutdown(1, I(5)); // only the first shutdown counts
    o.finished(I(6), {});

    REQUIRE(record.dcs.size() == 2);
    const report::DcRecord& initial = record.dcs[0];
    CHECK(initial.name == "Initial DC");
    CHECK_FALSE(initial.fromCloudProvider);
    CHECK(initial.firstInterval == 0);
    REQUIRE(initial.intervals(report::Resource::Speed).size() == 1);
    CHECK(initial.intervals(report::Resource::Speed)[0].usage.total->exact == "10");
    CHECK(initial.intervals(report::Resource::Speed)[0].usage.consumed.exact == "4");
    REQUIRE(initial.intervals(report::Resource::Bandwidth).size() == 1);
    CHECK_FALSE(initial.intervals(report::Resource::Bandwidth)[0].usage.total);
    CHECK(initial.intervals(report::Resource::Bandwidth)[0].usage.consumed.exact == "1/2");

    const report::DcRecord& cloud = record.dcs[1];
    CHECK(cloud.fromCloudProvider);
    CHECK(cloud.created.exact == "5/2");
    CHECK(cloud.firstInterval == 2);
    CHECK(cloud.shutdown->exact == "4");
    CHECK(record.facts.finalTime.exact == "6");
    CHECK(o.ran());
}

// Intervals that say the same lengthen one run, whether they come one by
// one (a busy machine) or as a stretch (an idle one); a different one, or
// the end of the run, puts the run into the record.
TEST_CASE("record_observer_merges_equal_intervals_into_runs") {
    report::RunRecord record;
    observe::RecordObserver o(record);
    o.dcCreated(0, "Initial DC", I(0), false);
    o.dcCreated(1, "server", I(3), false);
    Value ten = I(10);
    for (int k = 3; k < 1003; ++k)
        o.dcIntervalsClosed(1, 0, k, 1, &ten, I(10));    // saturated, one by one
    o.dcIntervalsClosed(1, 0, 1003, 500000, &ten, I(0)); // idle stretch
    o.dcIntervalsClosed(1, 0, 501003, 1, &ten, R(5, 1)); // 5 again: a new run
    o.dcIntervalsClosed(1, 0, 501004, 2, &ten, I(5));
    o.dcIntervalsClosed(1, 1, 3, 501003, nullptr, I(0));
    o.finished(I(501006), {});

    const report::DcRecord& server = record.dcs[1];
    CHECK(server.firstInterval == 3);
    const auto& speed = server.intervals(report::Resource::Speed);
    REQUIRE(speed.size() == 3);
    CHECK(speed[0].count == 1000);
    CHECK(speed[0].usage.consumed.exact == "10");
    CHECK(speed[1].count == 500000);
    CHECK(speed[1].usage.consumed.exact == "0");
    CHECK(speed[2].count == 3);
    CHECK(speed[2].usage.consumed.exact == "5");
    CHECK(speed[2].usage.total->exact == "10");
    CHECK(server.intervalCount(report::Resource::Speed) == 501003);
    REQUIRE(server.intervals(report::Resource::Bandwidth).size() == 1);
    CHECK_FALSE(server.intervals(report::Resource::Bandwidth)[0].usage.total);
    CHECK(server.intervalCount(report::Resource::Bandwidth) == 501003);
    CHECK(record.dcs[0].intervals(report::Resource::Speed).empty());
}

TEST_CASE("record_observer_sums_billing_over_dcs_exactly") {
    report::RunRecord record;
    observe::RecordObserver o(record);
    o.dcCreated(0, "Initial DC", I(0), false);
    o.dcCreated(1, "a", I(0), true);
    o.dcCreated(2, "b", I(1), true);
    o.dcCost(1, I(1), R(1, 3));
    o.dcCost(2, I(2), R(1, 3));
    o.dcCost(1, I(2), R(2, 3)); // same time: replaces the point at 2
    o.dcCost(2, I(3), R(1, 3)); // unchanged sum: no new point
    o.finished(I(3), {});
    REQUIRE(record.billing.size() == 2);
    CHECK(record.billing[0].time.exact == "1");
    CHECK(record.billing[0].value.exact == "1/3");
    CHECK(record.billing[1].time.exact == "2");
    CHECK(record.billing[1].value.exact == "1");
    CHECK(record.dcs[1].cost.exact == "2/3");
    CHECK(record.dcs[2].cost.exact == "1/3");
    CHECK(record.dcs[0].cost.exact == "0");
}

TEST_CASE("record_observer_collects_metrics_and_exact_counters") {
    report::RunRecord record;
    observe::RecordObserver o(record);
    o.metricSample("queue", I(0), I(3));
    o.counterAdded("served", I(1), I(1));
    o.metricSample("latency", R(1, 2), R(7, 4));
    o.counterAdded("cost", I(1), R(1, 3));
    o.metricSample("queue", I(2), I(1));
    o.counterAdded("served", I(2), I(1));
    o.counterAdded("cost", I(3), R(2, 3));
    o.finished(I(3), {});

    const auto& series = record.metrics.series();
    REQUIRE(series.size() == 2);
    CHECK(series[0].name == "queue");
    REQUIRE(series[0].samples.size() == 2);
    CHECK(series[0].samples[1].time.exact == "2");
    CHECK(series[0].samples[1].value.exact == "1");
    CHECK(series[1].name == "latency");
    CHECK(series[1].samples[0].time.exact == "1/2");
    CHECK(series[1].samples[0].value.exact == "7/4");
    const auto& counters = record.metrics.counters();
    REQUIRE(counters.size() == 2);
    CHECK(counters[0].name == "served");
    CHECK(counters[0].value.exact == "2");
    CHECK(counters[1].name == "cost");
    CHECK(counters[1].value.exact == "1");
}

namespace {

// Collects what a run reports: the metrics hooks and the last stats.
struct Collecting : interp::RunObserver {
    std::vector<std::string> events;
    interp::RunStats last;
    int progressCalls = 0;
    int finishedCalls = 0;
    void metricSample(std::string_view name, const Value& time, const Value& value) override {
        events.push_back("sample " + std::string(name) + " " + interp::toString(time) + " " +
                         interp::toString(value));
    }
    void counterAdded(std::string_view name, const Value& time, const Value& by) override {
        events.push_back("count " + std::string(name) + " " + interp::toString(time) + " " +
                         interp::toString(by));
    }
    void progress(const Value&, const interp::RunStats&) override { ++progressCalls; }
    void finished(const Value& now, const interp::RunStats& stats) override {
        ++finishedCalls;
        last = stats;
        events.push_back("finished " + interp::toString(now));
    }
};

} // namespace

TEST_CASE("metrics_builtins_call_the_observer_with_the_current_time") {
    Collecting c;
    interp::RunOptions options;
    options.observer = &c;
    auto r = testing::runAbs(R"(
module M;
import * from ABS.Metrics;
def Int twice(Int x) = let Unit u = countUpBy("twice", 1/2) in 2 * x;
interface I { Unit go(); }
class C implements I {
    Unit go() {
        await duration(3/2, 3/2);
        recordSample("queue", 4);
        countUp("served");
    }
}
{
    recordSample("queue", 1);
    I c = new C();
    await c!go();
    Int y = twice(2);
    countUpBy("served", -1/3);
    println(toString(y));
}
)",
                             options);
    CHECK(r.status == 0);
    CHECK(r.out == "4\n");
    CHECK(c.events == std::vector<std::string>{"sample queue 0 1", "sample queue 3/2 4",
                                               "count served 3/2 1", "count twice 3/2 1/2",
                                               "count served 3/2 -1/3", "finished 3/2"});
    CHECK(c.finishedCalls == 1);
}

TEST_CASE("metrics_builtins_do_nothing_without_an_observer") {
    auto r = testing::runAbs(R"(
module M;
import * from ABS.Metrics;
{ recordSample("q", 1); countUp("c"); println("ok"); }
)");
    CHECK(r.status == 0);
    CHECK(r.out == "ok\n");
}

TEST_CASE("run_stats_count_processes_calls_steps_and_time_advances") {
    Collecting c;
    interp::RunOptions options;
    options.observer = &c;
    // The initial DC's init block, main, 3 run processes of C and 3 async
    // go() = 8 processes; 3 async and 3 same-COG synchronous calls
    // (this.tick()); the clock moves to 1, 2, 3.
    auto r = testing::runAbs(R"(
module M;
interface I { Unit go(Int n); }
class C implements I {
    Unit run() { skip; }
    Unit tick() { skip; }
    Unit go(Int n) { await duration(n, n); this.tick(); }
}
{
    Int i = 1;
    while (i <= 3) {
        I c = new C();
        c!go(i);
        i = i + 1;
    }
}
)",
                             options);
    CHECK(r.status == 0);
    const interp::RunStats& s = c.last;
    CHECK(s.processesCreated == 8);
    CHECK(s.calls == 6);
    CHECK(s.timeAdvances == 3);
    CHECK(s.liveProcesses == 0);
    // The DC's init block ends before main starts; main's step creates the
    // three run processes and the three go() calls: main plus 6.
    CHECK(s.peakLiveProcesses == 7);
    // The init block, main; per object, run and go (awaits, then resumes).
    CHECK(s.steps == 2 + 3 * 3);
    CHECK(c.progressCalls == 3); // after every time advance, none per 4096 steps yet
    CHECK(c.finishedCalls == 1);
}

TEST_CASE("run_stats_are_reported_at_the_clock_limit_too") {
    Collecting c;
    interp::RunOptions options;
    options.observer = &c;
    options.clockLimit = 5;
    auto r = testing::runAbs(R"(
module M;
{ while (True) { await duration(2, 2); } }
)",
                             options);
    CHECK(r.status == 0);
    CHECK(c.finishedCalls == 1);
    CHECK(c.events.back() == "finished 5");
    CHECK(c.last.timeAdvances == 2); // 2 and 4; 6 is past the limit
}

TEST_CASE("progress_line_text_shows_time_rate_processes_and_machines") {
    interp::RunStats s;
    s.liveProcesses = 532;
    s.liveDeploymentComponents = 3;
    CHECK(observe::ProgressLine::text(1234, 5000, 1234567, s) ==
          "time 1234 / 5000 (25%) | 1.23M events/s | 532 processes | 3 machines");
    s.liveProcesses = 25000;
    CHECK(observe::ProgressLine::text(2.5, std::nullopt, 800, s) ==
          "time 2.5 | 800 events/s | 25.0k processes | 3 machines");
}

namespace {
std::string contents(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string out;
    char buf[256];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    return out;
}
} // namespace

TEST_CASE("progress_line_appears_after_a_second_is_throttled_and_cleared") {
    using namespace std::chrono;
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    auto t0 = observe::ProgressLine::Clock::time_point{} + hours(1);
    observe::ProgressLine line(f, 10, t0);
    interp::RunStats s;
    s.steps = 1000;
    line.progressAt(t0 + milliseconds(500), I(1), s);
    CHECK_FALSE(line.shown()); // a short run shows nothing
    line.progressAt(t0 + milliseconds(1000), I(2), s);
    CHECK(line.shown());
    s.steps = 1500;
    line.progressAt(t0 + milliseconds(1100), I(3), s); // too soon: not redrawn
    s.steps = 2000;
    line.progressAt(t0 + milliseconds(1500), I(4), s);
    line.finished(I(4), s);
    CHECK_FALSE(line.shown());
    CHECK(contents(f) == "\rtime 2 / 10 (20%) | 1000 events/s | 0 processes | 0 machines\x1b[K"
                         "\rtime 4 / 10 (40%) | 2000 events/s | 0 processes | 0 machines\x1b[K"
                         "\r\x1b[K");
    s.liveDeploymentComponents = 1;
    CHECK(observe::ProgressLine::text(3, 10, 0, s) ==
          "time 3 / 10 (30%) | 0 events/s | 0 processes | 1 machine");
    std::fclose(f);
}

TEST_CASE("stats_text_lists_one_aligned_figure_per_line") {
    interp::RunStats s;
    s.processesCreated = 12;
    s.calls = 30;
    s.steps = 45;
    s.timeAdvances = 7;
    s.peakLiveProcesses = 5;
    s.deploymentComponents = 2;
    CHECK(observe::statsText({1.5, "7/2", 2048}, s) == "wall time:              1.500 s\n"
                                                       "simulated time:         7/2\n"
                                                       "processes created:      12\n"
                                                       "method calls:           30\n"
                                                       "steps:                  45\n"
                                                       "time advances:          7\n"
                                                       "peak live processes:    5\n"
                                                       "deployment components:  2\n"
                                                       "peak memory:            2.0 MiB\n");
}

TEST_CASE("writes_to_stderr_during_a_run_erase_the_progress_line_first") {
    using namespace std::chrono;
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    auto t0 = observe::ProgressLine::Clock::time_point{} + hours(1);
    observe::ProgressLine line(f, std::nullopt, t0);
    interp::RunStats s;
    line.progressAt(t0 + seconds(2), I(7), s);
    REQUIRE(line.shown());
    std::FILE* realErr = stderr;
    {
        observe::EraseBeforeWrites guard(line);
        CHECK(stderr != realErr);
        std::fputs("\n", stderr); // what an error report would do
        CHECK_FALSE(line.shown());
    }
    CHECK(stderr == realErr);
    CHECK(contents(f) == "\rtime 7 | 0 events/s | 0 processes | 0 machines\x1b[K\r\x1b[K");
    std::fclose(f);
}
