// The instructions lowering chooses for loops and assignments: every loop's
// back edge is a JumpBack (the only place a loop that never releases its
// COG can be interrupted), in init blocks too, which keep generic
// assignments (Runtime::initialiseDirectly reads them).

#include "interpreter/format.h"
#include "interpreter/lower/lowerer.h"
#include "interpreter/program/runtime_program.h"
#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace absim::testing {
namespace {

const char* kLoops = R"(
module Loops;
interface I { Unit go(); }
class C implements I {
    Int x = 0;
    {
        Int i = 0;
        while (i < 3) { i = i + 1; }
        foreach (v in list[1, 2]) { x = x + v; }
    }
    Unit go() {
        Int i = 0;
        while (i < 3) { i = i + 1; }
        foreach (v in list[1, 2]) { x = x + v; }
    }
}
{
    Int i = 0;
    while (i < 3) { i = i + 1; }
}
)";

// Back edges are JumpBacks, forward jumps plain Jumps.
size_t backEdges(const interp::Code& code) {
    size_t n = 0;
    for (size_t i = 0; i < code.instrs.size(); ++i) {
        const interp::Instr& in = code.instrs[i];
        if (in.op == interp::Opcode::Jump)
            CHECK(in.target > i);
        if (in.op == interp::Opcode::JumpBack) {
            CHECK(in.target <= i);
            ++n;
        }
    }
    return n;
}

size_t count(const interp::Code& code, interp::Opcode op) {
    size_t n = 0;
    for (const interp::Instr& in : code.instrs)
        n += in.op == op;
    return n;
}

// A model checked and lowered, which must succeed; the checked program is
// kept with the lowered one.
struct Lowered {
    std::unique_ptr<sema::Program> checked;
    std::unique_ptr<interp::RuntimeProgram> program;
    const interp::RuntimeProgram* operator->() const { return program.get(); }
};

Lowered lower(SemaFixture& f, const char* source) {
    Lowered out;
    out.checked = f.build({source});
    REQUIRE(!f.diags.hasErrors());
    out.program = interp::lowerProgram(*out.checked, "", f.diags);
    REQUIRE(out.program);
    return out;
}

} // namespace

TEST_CASE("every_loop_jumps_back_through_an_interruptible_instruction") {
    SemaFixture f;
    auto lowered = lower(f, kLoops);
    const interp::ClassInfo* c = nullptr;
    for (const interp::ClassInfo& k : lowered->classes)
        if (k.name == "Loops.C")
            c = &k;
    REQUIRE(c);
    CHECK(backEdges(c->init) == 2);
    CHECK(backEdges(lowered->main) == 1);
    REQUIRE(c->ownedMethods.size() == 1);
    const interp::Code& go = c->ownedMethods[0]->code;
    CHECK(backEdges(go) == 2);
    // The method's counter is an AddLocal; the init block's stays generic.
    CHECK(count(go, interp::Opcode::AddLocal) == 1);
    CHECK(count(c->init, interp::Opcode::AddLocal) == 0);
}

// `x = appendright(x, e)`, `x = concatenate(x, list[e])` and `x = tail(x)`
// on a field or a local become the in-place list updates; the same calls
// on another variable, a concatenation of a longer list, and a function of
// the model's own that happens to be called appendright stay ordinary
// assignments.
const char* kQueues = R"(
module Queues;
def List<Int> appendright(List<Int> l, Int x) = Cons(x, l);
{
    List<Int> jobs = Nil;
    List<Int> other = Nil;
    jobs = ABS.StdLib.appendright(jobs, 1);
    jobs = ABS.StdLib.appendright(jobs, length(jobs));
    jobs = concatenate(jobs, list[length(other)]);
    jobs = concatenate(jobs, list[4]);
    jobs = concatenate(jobs, list[4, 5]);
    jobs = tail(jobs);
    other = ABS.StdLib.appendright(jobs, 2);
    other = tail(jobs);
    jobs = appendright(jobs, 3);
}
)";

TEST_CASE("queue updates of a variable by itself are selected as in-place list updates") {
    SemaFixture f;
    auto lowered = lower(f, kQueues);
    const interp::Code& main = lowered->main;
    CHECK(count(main, interp::Opcode::ListAppend) == 4);
    CHECK(count(main, interp::Opcode::ListDropHead) == 1);
    std::vector<std::string> elements;
    for (const interp::Instr& in : main.instrs)
        if (in.op == interp::Opcode::ListAppend)
            elements.push_back(
                in.e2->op == interp::ExprOp::Const ? interp::toString(in.e2->constant) : "call");
    CHECK(elements == std::vector<std::string>{"1", "call", "call", "4"});
}

// `x = x + a + ..` with a piece that is plainly a String becomes a
// StringAppend with its pieces in order; sums of numbers, a String piece
// that is only a variable or a sum in parentheses, and `x = a + x` stay
// assignments.
const char* kTexts = R"(
module Texts;
{
    String s = "";
    String name = "n";
    Int n = 0;
    Int m = 1;
    s = s + toString(n);
    s = s + "a" + name + `b$n$`;
    s = s + (name + "c");
    s = s + name;
    s = "z" + s;
    n = n + m;
    n = n + m + 2;
}
)";

TEST_CASE("appending plain strings to a variable by itself is selected as a StringAppend") {
    SemaFixture f;
    auto lowered = lower(f, kTexts);
    const interp::Code& main = lowered->main;
    std::vector<size_t> pieces;
    for (const interp::Instr& in : main.instrs)
        if (in.op == interp::Opcode::StringAppend)
            pieces.push_back(in.args.size());
    CHECK(pieces == std::vector<size_t>{1, 3});
}

} // namespace absim::testing
