// The deterministic scheduler of runtime.md §2.3, end to end: ABS sources
// in raw strings, their output compared exactly.

#include "tests/unit/run_fixture.h"

#include <doctest/doctest.h>

using absim::testing::runAbs;

TEST_SUITE_BEGIN("Scheduler");

TEST_CASE("cogs_take_turns_in_fifo_order") {
    auto r = runAbs(R"(
module M;
interface P { Unit loop(String n); }
class PImpl implements P {
    Unit loop(String n) { println(n + "1"); suspend; println(n + "2"); }
}
{
    P a = new PImpl(); P b = new PImpl();
    a!loop("a"); b!loop("b");
}
)");
    CHECK(r.status == 0);
    CHECK(r.out == "a1\nb1\na2\nb2\n");
}

TEST_CASE("await_on_a_true_guard_keeps_the_cog") {
    auto r = runAbs(R"(
module M;
interface P { Unit m(String n); }
class PImpl implements P {
    Unit m(String n) { println(n + "1"); await True; println(n + "2"); }
}
{
    P a = new PImpl();
    a!m("x"); a!m("y");
}
)");
    CHECK(r.out == "x1\nx2\ny1\ny2\n");
}

TEST_CASE("blocked_get_keeps_the_cog") {
    auto r = runAbs(R"(
module M;
interface P { Int slow(); Unit other(); Unit caller(P q); }
class PImpl implements P {
    Int slow() { suspend; return 1; }
    Unit other() { println("other"); }
    Unit caller(P q) {
        Fut<Int> f = q!slow();
        Int v = f.get;
        println("got " + toString(v));
    }
}
{
    P a = new PImpl(); P b = new PImpl();
    a!caller(b); a!other();
}
)");
    CHECK(r.out == "got 1\nother\n");
}

TEST_CASE("same_seed_same_random_schedule") {
    const char* src = R"(
module M;
interface P { Unit m(Int i); }
class PImpl implements P { Unit m(Int i) { suspend; println(toString(i)); } }
{
    P a = new PImpl();
    Int i = 0;
    while (i < 8) { a!m(i); i = i + 1; }
}
)";
    absim::interp::RunOptions o;
    o.randomSchedule = true;
    o.seed = 42;
    auto r1 = runAbs(src, o);
    auto r2 = runAbs(src, o);
    CHECK(r1.status == 0);
    CHECK(r1.out == r2.out);
    o.randomSchedule = false;
    CHECK(runAbs(src, o).out == "0\n1\n2\n3\n4\n5\n6\n7\n");
}

TEST_CASE("deadlocked_main_block_exits_70") {
    auto r = runAbs(R"(
module M;
interface P { Unit m(); }
class PImpl implements P { Unit m() { await False; } }
{
    P a = new PImpl();
    Fut<Unit> f = a!m();
    f.get;
}
)");
    CHECK(r.status == 70);
    CHECK(r.err.rfind("Deadlock: simulation cannot progress at time 0\n", 0) == 0);
}

TEST_CASE("clock_advances_to_the_earliest_maximum_bound") {
    auto r = runAbs(R"(
module M;
{
    await duration(2, 6);
    println(toString(now()));
}
)");
    CHECK(r.out == "Time(6)\n");
}

TEST_CASE("clock_limit_stops_the_run") {
    absim::interp::RunOptions o;
    o.clockLimit = 5;
    auto r = runAbs(R"(
module M;
{
    while (True) { println(toString(now())); await duration(1); }
}
)",
                    o);
    CHECK(r.status == 0);
    CHECK(r.out == "Time(0)\nTime(1)\nTime(2)\nTime(3)\nTime(4)\n");
    CHECK(r.err == "Simulation time limit reached; terminating\n");
}

TEST_SUITE_END();
