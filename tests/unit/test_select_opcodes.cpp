// The instructions lowering chooses for loops and assignments: every loop's
// back edge is a JumpBack (the only place a loop that never releases its
// COG can be interrupted), in init blocks too, which keep generic
// assignments (Runtime::initialiseDirectly reads them).

#include "interpreter/lower/lowerer.h"
#include "interpreter/program/runtime_program.h"
#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

#include <memory>

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

} // namespace

TEST_CASE("every_loop_jumps_back_through_an_interruptible_instruction") {
    SemaFixture f;
    auto program = f.build({kLoops});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    REQUIRE(lowered);
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

} // namespace absim::testing
