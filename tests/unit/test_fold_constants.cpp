// Constant folding after lowering (interpreter/lower/fold_constants.h):
// what gets folded, and that folding changes no result and hides no error.

#include "tests/unit/lowered_fixture.h"
#include "tests/unit/run_fixture.h"

#include <doctest/doctest.h>

using absim::testing::runAbs;
using namespace absim;

using absim::testing::callsLeft;

TEST_SUITE_BEGIN("FoldConstants");

TEST_CASE("calls_of_a_constant_function_become_its_value") {
    const char* source = R"(
module M;
def Float piF() = 3.5;
def Float twoPi() = 2.0 * piF();
def Float scaled(Float x) = x * twoPi();
{ println(toString(scaled(2.0))); }
)";
    CHECK(callsLeft(source, "M.piF") == 0);
    CHECK(callsLeft(source, "M.twoPi") == 0);
    // scaled(2.0) is inlined (inline_calls.h), then folded like the rest.
    CHECK(callsLeft(source, "M.scaled") == 0);
    CHECK(runAbs(source).out == "14.0\n");
}

TEST_CASE("an_error_is_not_folded_away_but_raised_when_evaluated") {
    auto r = runAbs(R"(
module M;
def Int broken() = 1 / 0;
def Int safe() = when 1 < 2 then 7 else 1 / 0;
{
    println(toString(safe()));
    try { Int x = broken(); println("not raised"); }
    catch { DivisionByZeroException => println("raised at run time"); }
}
)");
    CHECK(r.status == 0);
    CHECK(r.out == "7\nraised at run time\n");
}

TEST_CASE("natives_are_not_folded") {
    // random() and now() depend on the run: they must stay calls, also
    // where r() is inlined.
    const char* source = R"(
module M;
def Int r() = random(1000000);
{ Int a = r(); Int b = r(); println(toString(a != b || a == b)); }
)";
    CHECK(callsLeft(source, "M.r") == 0);
    CHECK(callsLeft(source, "ABS.StdLib.random", absim::testing::Reach::MainBlock) == 2);
}

TEST_CASE("folded_constructors_and_exact_numbers_print_as_before") {
    auto r = runAbs(R"(
module M;
def List<Rat> thirds() = list[1/3, 2/3, 3/3];
def Maybe<Int> big() = Just(9223372036854775807 + 1);
{ println(toString(thirds())); println(toString(big())); }
)");
    CHECK(r.out == "list[1/3,2/3,1]\nJust(9223372036854775808)\n");
}

TEST_SUITE_END();
