// Inlining of small functions after lowering (interpreter/lower/inline_calls.h):
// which calls are inlined, and that inlining changes no result, no error
// and no evaluation order.

#include "tests/unit/lowered_fixture.h"
#include "tests/unit/run_fixture.h"
#include "tests/unit/sema_fixture.h"

#include "interpreter/eval/evaluator.h"

#include <vector>

#include <doctest/doctest.h>

using absim::testing::runAbs;
using namespace absim;

using absim::testing::callsLeft;
using absim::testing::Reach;

TEST_SUITE_BEGIN("InlineCalls");

TEST_CASE("small_functions_are_inlined_with_the_same_result") {
    const char* source = R"(
module M;
def Int sq(Int x) = x * x;
def Int sumSq(Int a, Int b) = sq(a) + sq(b);
{ Int n = 3; println(toString(sumSq(n, n + 1))); }
)";
    CHECK(callsLeft(source, "M.sq", Reach::MainBlock) == 0);
    CHECK(callsLeft(source, "M.sumSq", Reach::MainBlock) == 0);
    CHECK(runAbs(source).out == "25\n");
}

TEST_CASE("recursive_functions_stay_calls") {
    const char* source = R"(
module M;
def Int fact(Int n) = when n <= 1 then 1 else n * fact(n - 1);
def Int fib(Int n) = when n < 2 then n else fib(n - 1) + fib(n - 2);
def Bool isEven(Int n) = when n == 0 then True else isOdd(n - 1);
def Bool isOdd(Int n) = when n == 0 then False else isEven(n - 1);
{ println(toString(fact(10))); println(toString(isEven(7))); println(toString(fib(10))); }
)";
    // Not even unrolled once: each call in the main block stays a call.
    CHECK(callsLeft(source, "M.fact", Reach::MainBlock) == 1);
    CHECK(callsLeft(source, "M.isEven", Reach::MainBlock) == 1);
    CHECK(callsLeft(source, "M.fib", Reach::MainBlock) == 1);
    CHECK(runAbs(source).out == "3628800\nFalse\n55\n");
}

TEST_CASE("an_inlined_call_lets_go_of_its_variables") {
    // The callee's variables live in the caller's frame; when the inlined
    // body is done they are released, as the callee's own frame would be,
    // so a list bound in it does not stay alive in the caller.
    testing::SemaFixture f;
    auto program = f.build({R"(
module M;
def Int firstOr(List<Int> l, Int d) = case l { Cons(y, rest) => y + length(rest); Nil => d; };
{ List<Int> xs = list[5, 6, 7]; Int v = firstOr(Cons(4, xs), 0); }
)"});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    REQUIRE(lowered);
    const interp::Code& main = lowered->main;
    const interp::Expr* call = nullptr;
    for (const interp::Instr& in : main.instrs)
        if (in.e && in.e->op == interp::ExprOp::Scope)
            call = in.e;
    REQUIRE(call);
    CHECK(call->span >= 4); // l, d, y, rest
    std::vector<interp::Value> slots(main.slotCount);
    slots[0] = interp::Value::cons(interp::Value::fromInt(5), interp::Value::nil());
    interp::EvalContext ctx;
    ctx.locals = slots.data();
    // xs is slot 0; evaluate `firstOr(Cons(4, xs), 0)` on its own.
    interp::Value v = call->fn(call, ctx);
    CHECK(v.isSmallInt());
    CHECK(v.smallInt() == 5);
    for (uint32_t i = 0; i < call->span; ++i)
        CHECK(slots[size_t(call->slot) + i].isNull());
}

TEST_CASE("unused_arguments_are_still_evaluated_and_raise") {
    auto r = runAbs(R"(
module M;
def Int second(Int a, Int b) = b;
{
    Int zero = 0;
    try { Int x = second(1 / zero, 2); println("not raised"); }
    catch { DivisionByZeroException => println("raised"); }
}
)");
    CHECK(r.out == "raised\n");
}

TEST_CASE("variables_of_inlined_bodies_do_not_clash") {
    // Two inlined copies of the same case/let body in one expression, a
    // caller variable of the same name, and a pattern that binds.
    auto r = runAbs(R"(
module M;
def Int firstOr(List<Int> l, Int d) = case l { Cons(y, _) => y; Nil => d; };
def Int next(Int x) = let Int y = x + 1 in y * x;
{
    Int y = 100;
    println(toString(firstOr(list[1, 2], 0) + firstOr(Nil, 5) + next(y) + y));
}
)");
    CHECK(r.out == "10206\n");
}

TEST_CASE("inlined_code_keeps_its_values_across_a_suspension") {
    auto r = runAbs(R"(
module M;
def Int triple(Int x) = let Int t = x * 3 in t;
{
    Int a = triple(2);
    await duration(1, 1);
    println(toString(triple(a)) + " at " + toString(timeValue(now())));
}
)");
    CHECK(r.out == "18 at 1\n");
}

TEST_CASE("inlining_inside_anonymous_functions_and_methods") {
    auto r = runAbs(R"(
module M;
def Int sq(Int x) = x * x;
def Int total(List<Int> l) = case l { Nil => 0; Cons(h, t) => h + total(t); };
interface I { Int f(Int k); }
class C implements I { Int f(Int k) { return total(map((Int x) => sq(x) + k)(list[1, 2, 3])); } }
{ I o = new C(); Int v = await o!f(10); println(toString(v)); }
)");
    CHECK(r.out == "44\n");
}

TEST_CASE("the_time_selector_reads_the_clock_directly") {
    const char* source = R"(
module M;
{ await duration(3/2, 3/2); println(toString(timeValue(now()))); }
)";
    CHECK(callsLeft(source, "ABS.StdLib.now", Reach::MainBlock) == 0);
    CHECK(callsLeft(source, "ABS.StdLib.timeValue", Reach::MainBlock) == 0);
    CHECK(runAbs(source).out == "3/2\n");
}

TEST_CASE("large_functions_stay_calls") {
    // More than the size limit of an inlined body.
    std::string body = "x";
    for (int i = 0; i < 40; ++i)
        body = "(" + body + " + " + std::to_string(i) + ")";
    std::string source =
        "module M;\ndef Int big(Int x) = " + body + ";\n{ println(toString(big(1))); }\n";
    CHECK(callsLeft(source, "M.big") == 1);
    CHECK(runAbs(source).out == "781\n");
}

TEST_CASE("contains_on_sets_matches_the_stdlib_scan") {
    auto r = runAbs(R"(
module M;
{
    Set<Int> s = set[3, 1, 2];
    println(toString(list[contains(s, 1), contains(s, 4), contains(set[], 1)]));
    Set<Pair<String, Int>> p = insertElement(set[Pair("a", 1)], Pair("b", 2));
    println(toString(list[contains(p, Pair("b", 2)), contains(p, Pair("b", 3))]));
    println(toString(contains(remove(s, 2), 2)));
}
)");
    CHECK(r.out == "list[True,False,False]\nlist[True,False]\nFalse\n");
}

TEST_SUITE_END();
