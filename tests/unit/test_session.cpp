// The REPL's session (interpreter/run/session.h): a run that stops when
// the main block ends, can be interrupted, and describes what it left.

#include "frontend/model/model.h"
#include "frontend/sema/checker.h"
#include "interpreter/run/session.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <thread>
#include <unistd.h>

namespace {

using absim::interp::SessionState;

SessionState runSessionOn(const std::string& source) {
    char path[] = "/tmp/absim_session_XXXXXX.abs";
    int fd = mkstemps(path, 4);
    SessionState state;
    state.status = -1;
    if (fd < 0)
        return state;
    bool written = write(fd, source.data(), source.size()) == ssize_t(source.size());
    close(fd);
    absim::ParsedModel model;
    absim::DiagnosticEngine diags(model.sources);
    if (written && absim::loadModel({path}, model, diags) == absim::LoadStatus::Ok) {
        absim::sema::CheckResult checked = absim::sema::checkModel(model, diags);
        if (!diags.hasErrors())
            state = absim::interp::runSession(*checked.program, {}, diags);
    }
    std::remove(path);
    return state;
}

} // namespace

TEST_SUITE_BEGIN("Session");

TEST_CASE("the_run_stops_when_the_main_block_ends_and_keeps_its_objects") {
    // The ticker would tick forever; the session stops at time 3, when
    // the main block ends, and the counter (held only by a variable of the
    // main block) is still there to be described.
    SessionState s = runSessionOn(R"(
module M;
interface Ticker {}
class TickerImpl implements Ticker {
    Unit run() { while (True) { await duration(2, 2); println("tick"); } }
}
interface Counter {}
class CounterImpl(Int start) implements Counter { Int n = start + 1; }
{
    Ticker t = new TickerImpl();
    Counter c = new CounterImpl(41);
    await duration(3, 3);
    println("main ends");
}
)");
    CHECK(s.status == 0);
    CHECK(s.transcript == "tick\nmain ends\n");
    CHECK(s.clock == "3");
    REQUIRE(s.objects.size() == 2);
    CHECK(s.objects[0].name == "M.TickerImpl:2-1");
    CHECK(s.objects[1].name == "M.CounterImpl:3-1");
    CHECK(s.objects[1].dc == "Initial DC");
    REQUIRE(s.objects[1].fields.size() == 2);
    CHECK(s.objects[1].fields[0] == std::pair<std::string, std::string>("start", "41"));
    CHECK(s.objects[1].fields[1] == std::pair<std::string, std::string>("n", "42"));
}

TEST_CASE("deployment_components_are_described_with_their_resources") {
    SessionState s = runSessionOn(R"(
module M;
import * from ABS.DC;
{
    DC server = new DeploymentComponent("server", map[Pair(Speed, 50)]);
}
)");
    CHECK(s.status == 0);
    REQUIRE(s.dcs.size() == 2);
    CHECK(s.dcs[0].description == "Initial DC");
    CHECK(s.dcs[1].description == "server");
    REQUIRE(s.dcs[1].resources.size() == 3);
    CHECK(s.dcs[1].resources[0].name == "Speed");
    CHECK(s.dcs[1].resources[0].total == "Fin(50)");
    CHECK(s.dcs[1].resources[1].total == "InfRat");
}

TEST_CASE("an_interrupted_runaway_loop_ends_the_run") {
    // Set while the loop runs (as a SIGINT handler would): only the loop's
    // backward jump can see it, the process never returns to the scheduler.
    // (On a very slow machine the flag may come before the run starts; the
    // scheduler then stops it before main runs. Either way it must end.)
    absim::interp::runInterrupted = false;
    std::thread interrupter([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        absim::interp::runInterrupted = true;
    });
    SessionState s = runSessionOn(R"(
module M;
{
    println("before");
    while (True) { skip; }
}
)");
    interrupter.join();
    absim::interp::runInterrupted = false;
    CHECK(s.status == absim::interp::kInterruptedStatus);
    CHECK((s.transcript == "before\n" || s.transcript.empty()));
}

TEST_SUITE_END();
