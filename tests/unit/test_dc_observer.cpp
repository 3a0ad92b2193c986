// The deployment-component events a run gives its RunObserver (runtime.md
// §6.6, §7): creation, closed intervals, shutdown and billing, worked out
// by hand from the spec's rules.

#include "interpreter/format.h"
#include "interpreter/run/run_observer.h"
#include "tests/unit/run_fixture.h"

#include <doctest/doctest.h>

using absim::testing::runAbs;
using namespace absim::interp;

namespace {

// Writes one line per event; Speed only for intervals, to keep it short.
class Recorder : public RunObserver {
  public:
    std::string log;
    bool intervals = true;

    void dcCreated(uint32_t dc, std::string_view name, const Value& time,
                   bool fromCloudProvider) override {
        log += "created " + std::to_string(dc) + " " + std::string(name) + " " + toString(time) +
               (fromCloudProvider ? " cloud\n" : " local\n");
    }
    // "closed DC FIRST..LAST TOTAL CONSUMED": one line per call, so the
    // log shows how intervals are grouped as well as what they hold.
    void dcIntervalsClosed(uint32_t dc, int resource, int64_t first, int64_t count,
                           const Value* total, const Value& consumed) override {
        if (!intervals || resource != 0)
            return;
        log += "closed " + std::to_string(dc) + " " + std::to_string(first) + ".." +
               std::to_string(first + count - 1) + " " + (total ? toString(*total) : "inf") + " " +
               toString(consumed) + "\n";
    }
    void dcShutdown(uint32_t dc, const Value& time) override {
        log += "shutdown " + std::to_string(dc) + " " + toString(time) + "\n";
    }
    void dcCost(uint32_t dc, const Value& time, const Value& cost) override {
        log += "cost " + std::to_string(dc) + " " + toString(time) + " " + toString(cost) + "\n";
    }
    int progressCalls = 0;
    void progress(const Value&, const RunStats&) override { ++progressCalls; }

    // Runs `source` with this recorder as its observer.
    absim::testing::RunResult run(const std::string& source, RunOptions opts = {}) {
        opts.observer = this;
        return runAbs(source, std::move(opts));
    }
};

} // namespace

TEST_SUITE_BEGIN("DcObserver");

// §6.3's two-COG example: 10 per interval until P2 is done at time 2; the
// run ends at 2 with interval 2 already used, so it is reported too. The
// component with a queue closes at each boundary; the idle initial DC
// catches up at the end of the run.
TEST_CASE("intervals_of_the_two_cog_example") {
    Recorder rec;
    auto r = rec.run(R"(
module M;
import * from ABS.DC;
interface Job { Rat work(Rat c); }
class JobImpl implements Job {
    Rat work(Rat c) { [Cost: c] skip; return timeValue(now()); }
}
{
    DC dc = new DeploymentComponent("ten", map[Pair(Speed, 10)]);
    [DC: dc] Job p1 = new JobImpl();
    [DC: dc] Job p2 = new JobImpl();
    Fut<Rat> f1 = p1!work(15);
    Fut<Rat> f2 = p2!work(15);
    Rat t1 = f1.get;
    Rat t2 = f2.get;
}
)");
    CHECK(r.status == 0);
    CHECK(rec.log == "created 0 Initial DC 0 local\n"
                     "created 1 ten 0 local\n"
                     "closed 1 0..0 10 10\n"
                     "closed 1 1..1 10 10\n"
                     "closed 0 0..0 inf 0\n"
                     "closed 0 1..1 inf 0\n"
                     "closed 1 2..2 10 10\n");
}

// §7: billed per completed payment interval until the shutdown completes
// (shutdown asked at 3, done at 4), nothing after.
TEST_CASE("billing_until_the_shutdown_completes") {
    Recorder rec;
    rec.intervals = false;
    auto r = rec.run(R"(
module M;
import * from ABS.DC;
{
    CloudProvider cp = new CloudProvider("cloud");
    DC d = await cp!launchInstance(map[Pair(PaymentInterval, 2), Pair(CostPerInterval, 1),
                                       Pair(Shutdownduration, 1)]);
    await duration(3);
    Bool down = await cp!shutdownInstance(d);
    await duration(4);
    Rat c = await cp!getAccumulatedCost();
    println(toString(c));
}
)");
    CHECK(r.status == 0);
    CHECK(r.out == "2\n");
    CHECK(rec.log == "created 0 Initial DC 0 local\n"
                     "created 1 cloud-0 0 cloud\n"
                     "cost 1 2 1\n"
                     "shutdown 1 3\n"
                     "cost 1 4 2\n");
}

// §5.5: at the clock limit the boundaries up to the limit close; the empty
// interval starting at the limit is not reported.
TEST_CASE("intervals_up_to_the_clock_limit") {
    Recorder rec;
    RunOptions opts;
    opts.clockLimit = 3;
    auto r = rec.run(R"(
module M;
{
    await duration(10);
    println("never");
}
)",
                     opts);
    CHECK(r.status == 0);
    CHECK(r.out == "");
    CHECK(rec.log == "created 0 Initial DC 0 local\n"
                     "closed 0 0..0 inf 0\n"
                     "closed 0 1..2 inf 0\n");
}

// An idle stretch is one call however long: a component used at 5 and
// then at 10^6 + 1/2 tells of the million idle intervals between at once,
// when it is used again, and of the rest at the end of the run.
TEST_CASE("idle_stretches_come_as_one_call") {
    Recorder rec;
    auto r = rec.run(R"(
module M;
import * from ABS.DC;
interface Job { Unit work(Rat c); }
class JobImpl implements Job {
    Unit work(Rat c) { [Cost: c] skip; }
}
{
    DC dc = new DeploymentComponent("two", map[Pair(Speed, 2)]);
    [DC: dc] Job j = new JobImpl();
    await duration(5);
    await j!work(1);
    await duration(999995 + 1/2);
    await j!work(1);
    await duration(3);
}
)");
    CHECK(r.status == 0);
    CHECK(rec.log == "created 0 Initial DC 0 local\n"
                     "created 1 two 0 local\n"
                     "closed 1 0..0 2 0\n"
                     "closed 1 1..4 2 0\n"
                     "closed 1 5..5 2 1\n"
                     "closed 1 6..999999 2 0\n"
                     "closed 0 0..0 inf 0\n"
                     "closed 0 1..1000002 inf 0\n"
                     "closed 0 1000003..1000003 inf 0\n"
                     "closed 1 1000000..1000000 2 1\n"
                     "closed 1 1000001..1000002 2 0\n"
                     "closed 1 1000003..1000003 2 0\n");
}

// A process that waits alone goes on without returning to the run loop
// (Runtime::advanceAlone); the observer still hears of progress, or a
// progress line would freeze for as long as the loop runs.
TEST_CASE("progress_keeps_coming_while_a_process_waits_alone") {
    Recorder rec;
    auto r = rec.run(R"(
module M;
{
    Int i = 0;
    while (i < 20000) {
        await duration(1, 1);
        i = i + 1;
    }
    println(toString(timeValue(now())));
}
)");
    CHECK(r.status == 0);
    CHECK(r.out == "20000\n");
    CHECK(rec.progressCalls >= 4); // 20000 steps, one call per 4096 at least
}

TEST_CASE("a_run_without_an_observer_keeps_working") {
    auto r = runAbs(R"(
module M;
import * from ABS.DC;
interface Job { Rat work(Rat c); }
class JobImpl implements Job {
    Rat work(Rat c) { [Cost: c] skip; return timeValue(now()); }
}
{
    DC dc = new DeploymentComponent("one", map[Pair(Speed, 1)]);
    [DC: dc] Job j = new JobImpl();
    await duration(1000000);
    Rat t = await j!work(3);
    Rat l = await dc!load(Speed, 1000);
    println(toString(t) + " " + toString(l));
}
)");
    CHECK(r.status == 0);
    // 1 at 10^6 and at the two next boundaries; of the 1000 newest closed
    // intervals, 1000001 and 1000000 were full and 998 idle.
    CHECK(r.out == "1000002 1/5\n");
}

TEST_SUITE_END();
