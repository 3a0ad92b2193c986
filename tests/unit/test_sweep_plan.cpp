// The runs of a parameter sweep (app/sweep_plan.h): value lists and integer
// ranges, seeds, the order of the combinations, run names, and the quoting
// of `--list` lines and summary fields.

#include "app/sweep_plan.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace absim::cli;

namespace {

std::vector<std::string> valuesOf(const std::string& spec) {
    std::vector<SweepAxis> axes;
    std::string problem = addSweepValues(axes, "n", spec);
    REQUIRE(problem.empty());
    REQUIRE(axes.size() == 1);
    return axes[0].values;
}

std::string problemOf(const std::string& spec) {
    std::vector<SweepAxis> axes;
    return addSweepValues(axes, "n", spec);
}

} // namespace

TEST_CASE("sweep values: lists, integer ranges, and values that only look like ranges") {
    CHECK(valuesOf("4") == std::vector<std::string>{"4"});
    CHECK(valuesOf("1,3/2,x") == std::vector<std::string>{"1", "3/2", "x"});
    CHECK(valuesOf("2..4,8") == std::vector<std::string>{"2", "3", "4", "8"});
    CHECK(valuesOf("-2..0") == std::vector<std::string>{"-2", "-1", "0"});
    CHECK(valuesOf("1.5,0.25") == std::vector<std::string>{"1.5", "0.25"});
    CHECK(valuesOf("7..7") == std::vector<std::string>{"7"});
}

TEST_CASE("sweep values: empty items and bad or empty ranges are refused with the reason") {
    CHECK(problemOf("1,,2").find("empty value") != std::string::npos);
    CHECK(problemOf("1,").find("empty value") != std::string::npos);
    CHECK(problemOf("5..1").find("is empty") != std::string::npos);
    CHECK(problemOf("a..b").find("not a range of integers") != std::string::npos);
    CHECK(problemOf("1..2.5").find("not a range of integers") != std::string::npos);
    CHECK(problemOf("0..100000000").find("more than") != std::string::npos);
}

TEST_CASE("sweep values: a name given again adds to its values, in order") {
    std::vector<SweepAxis> axes;
    CHECK(addSweepValues(axes, "a", "1,2").empty());
    CHECK(addSweepValues(axes, "b", "x").empty());
    CHECK(addSweepValues(axes, "a", "3").empty());
    REQUIRE(axes.size() == 2);
    CHECK(axes[0].name == "a");
    CHECK(axes[0].values == std::vector<std::string>{"1", "2", "3"});
    CHECK(axes[1].values == std::vector<std::string>{"x"});
}

TEST_CASE("sweep seeds: a count from 0, or a range") {
    CHECK(parseSeeds("3") == std::vector<uint64_t>{0, 1, 2});
    CHECK(parseSeeds("5..7") == std::vector<uint64_t>{5, 6, 7});
    CHECK_FALSE(parseSeeds("0"));
    CHECK_FALSE(parseSeeds("-1..2"));
    CHECK_FALSE(parseSeeds("3..1"));
    CHECK_FALSE(parseSeeds("x"));
    CHECK_FALSE(parseSeeds(""));
}

TEST_CASE("sweep runs: the first axis varies slowest, the seed fastest") {
    std::vector<SweepAxis> axes{{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}};
    std::vector<SweepRun> runs = sweepRuns(axes, {0, 1});
    REQUIRE(runs.size() == 12);
    CHECK(runs[0].values == std::vector<std::string>{"1", "x"});
    CHECK(runs[0].seed == 0);
    CHECK(runs[1].values == std::vector<std::string>{"1", "x"});
    CHECK(runs[1].seed == 1);
    CHECK(runs[2].values == std::vector<std::string>{"1", "y"});
    CHECK(runs[6].values == std::vector<std::string>{"2", "x"});
    CHECK(runs[11].values == std::vector<std::string>{"2", "z"});
    CHECK(runs[11].seed == 1);
}

TEST_CASE("sweep runs: no axes is one run per seed; too many runs is none") {
    std::vector<SweepRun> seedsOnly = sweepRuns({}, {4, 5});
    REQUIRE(seedsOnly.size() == 2);
    CHECK(seedsOnly[1].seed == 5);
    CHECK(seedsOnly[1].values.empty());
    std::vector<std::string> many(1000, "v");
    std::vector<SweepAxis> axes{{"a", many}, {"b", many}};
    CHECK(sweepRuns(axes, {0}).empty());
}

TEST_CASE("sweep run names sort in run order") {
    CHECK(runName(7, 12) == "run-0007");
    CHECK(runName(12, 12) == "run-0012");
    CHECK(runName(3, 12345) == "run-00003");
    CHECK(runNumberWidth(99999) == 5);
}

TEST_CASE("sweep quoting: shell words and CSV fields") {
    CHECK(shellQuoted("servers=4") == "servers=4");
    CHECK(shellQuoted("label=a b") == "'label=a b'");
    CHECK(shellQuoted("it's") == "'it'\\''s'");
    CHECK(shellQuoted("") == "''");
    CHECK(shellQuoted("$HOME") == "'$HOME'");
    CHECK(csvField("3/2") == "3/2");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("sweep columns: the first group of the last matching line, or the whole match") {
    std::vector<SweepColumn> columns;
    CHECK(addSweepColumn(columns, "util=utilisation: ([0-9.]+)%").empty());
    CHECK(addSweepColumn(columns, "word=serv[a-z]+").empty());
    REQUIRE(columns.size() == 2);
    std::string output = "utilisation: 12.5%\nservers: 3\nutilisation: 40%\ndone";
    CHECK(collected(columns[0], output) == "40");
    CHECK(collected(columns[1], output) == "servers");
    CHECK(collected(columns[0], "nothing here\n") == "");
    CHECK(collected(columns[0], "") == "");
}

TEST_CASE("sweep columns: a missing name, a name twice or a bad pattern is refused") {
    std::vector<SweepColumn> columns;
    CHECK(addSweepColumn(columns, "=x").find("NAME=REGEX") != std::string::npos);
    CHECK(addSweepColumn(columns, "nothing").find("NAME=REGEX") != std::string::npos);
    CHECK(addSweepColumn(columns, "a=x").empty());
    CHECK(addSweepColumn(columns, "a=y").find("twice") != std::string::npos);
    CHECK(addSweepColumn(columns, "b=([0-9]+").find("not a regular expression") !=
          std::string::npos);
}
