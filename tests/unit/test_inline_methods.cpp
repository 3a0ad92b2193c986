// Which synchronous calls lowering copies into their callers
// (lower/inline_methods.h), and the shape of what it leaves: the inline
// sites the runtime reads to unwind and to print stack lines. What the
// copies compute is checked by the golden tests (tests/lang/inline_*),
// which also run with the pass turned off.

#include "interpreter/lower/lowerer.h"
#include "interpreter/program/runtime_program.h"
#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace absim::testing {
namespace {

std::string model() {
    std::string big;
    for (int i = 0; i < 70; ++i)
        big += "x = x + " + std::to_string(i) + ";\n";
    return R"(
module Calls;
interface I { Unit go(I other); }
class C implements I {
    Int x = 0;
    Int leaf(Int a) { return a + x; }
    Int mid(Int a) { Int b = this.leaf(a); return b * 2; }
    Int top(Int a) { Int c = this.mid(a); Int d = this.leaf(c); return d; }
    Int rec(Int n) { Int r = 0; if (n > 0) { r = this.rec(n - 1); } return r; }
    Bool ping(Int n) { Bool r = True; if (n > 0) { r = this.pong(n - 1); } return r; }
    Bool pong(Int n) { Bool r = False; if (n > 0) { r = this.ping(n - 1); } return r; }
    Unit guarded() { try { x = 1 / x; } catch { _ => x = 0; } }
    Unit onOther(I o) { o.go(o); }
    Unit big() { )" +
           big + R"( }
    Unit go(I other) {
        Int t = this.top(1);
        Int r = this.rec(3);
        Bool p = this.ping(2);
        this.guarded();
        this.onOther(other);
        this.big();
    }
}
{ }
)";
}

const interp::Code& method(const interp::RuntimeProgram& p, const std::string& name) {
    for (const interp::ClassInfo& c : p.classes)
        for (const auto& m : c.ownedMethods)
            if (m->code.name == name)
                return m->code;
    FAIL("no method " << name);
    throw;
}

size_t count(const interp::Code& code, interp::Opcode op) {
    size_t n = 0;
    for (const interp::Instr& in : code.instrs)
        n += in.op == op;
    return n;
}

// Every site: its InlineEnter at the call, in the enclosing site; its body
// inside it; its slots in the frame.
void checkSites(const interp::Code& code) {
    REQUIRE(code.siteOf.size() == (code.inlineSites.empty() ? 0 : code.instrs.size()));
    for (size_t s = 0; s < code.inlineSites.size(); ++s) {
        const interp::InlineSite& site = code.inlineSites[s];
        REQUIRE(site.callPc < site.bodyPc);
        REQUIRE(site.bodyPc <= site.endPc);
        REQUIRE(site.endPc <= code.instrs.size());
        const interp::Instr& enter = code.instrs[site.callPc];
        CHECK(enter.op == interp::Opcode::InlineEnter);
        CHECK(enter.slot == int32_t(s));
        CHECK(code.siteOf[site.callPc] == site.parent);
        CHECK(site.slot + site.slotCount <= code.slotCount);
        // How many sites enclose the call: what InlineEnter adds to the depth.
        int64_t depth = 0;
        for (int32_t p = site.parent; p >= 0; p = code.inlineSites[size_t(p)].parent)
            ++depth;
        CHECK(enter.imm == depth);
        for (uint32_t pc = site.bodyPc; pc < site.endPc; ++pc) {
            bool inside = false;
            for (int32_t t = code.siteOf[pc]; t >= 0; t = code.inlineSites[size_t(t)].parent)
                inside = inside || t == int32_t(s);
            CHECK(inside);
        }
    }
    for (size_t pc = 0; pc < code.instrs.size(); ++pc) {
        const interp::Instr& in = code.instrs[pc];
        if (in.op == interp::Opcode::Jump || in.op == interp::Opcode::JumpIfFalse)
            CHECK(in.target <= code.instrs.size());
    }
}

} // namespace

TEST_CASE("small_non_recursive_callees_on_this_are_copied_into_their_callers") {
    SemaFixture f;
    auto program = f.build({model()});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    REQUIRE(lowered);
    const interp::Code& top = method(*lowered, "C.top");
    // mid (with leaf inside it) and leaf: three calls, one inside another.
    CHECK(count(top, interp::Opcode::SyncCall) == 0);
    CHECK(count(top, interp::Opcode::InlineEnter) == 3);
    REQUIRE(top.inlineSites.size() == 3);
    CHECK(top.inlineSites[0].callee == &method(*lowered, "C.mid"));
    CHECK(top.inlineSites[1].callee == &method(*lowered, "C.leaf"));
    CHECK(top.inlineSites[1].parent == 0);
    CHECK(top.inlineSites[2].callee == &method(*lowered, "C.leaf"));
    CHECK(top.inlineSites[2].parent == -1);
    checkSites(top);
    // Recursive methods stay calls, in themselves and in their callers; so
    // do a callee with a try block, one that makes a call on another
    // object, and one too big.
    CHECK(count(method(*lowered, "C.rec"), interp::Opcode::SyncCall) == 1);
    CHECK(count(method(*lowered, "C.ping"), interp::Opcode::SyncCall) == 1);
    CHECK(count(method(*lowered, "C.pong"), interp::Opcode::SyncCall) == 1);
    const interp::Code& go = method(*lowered, "C.go");
    checkSites(go);
    // top (3 calls inside) is copied; rec, ping, guarded, onOther, big stay.
    CHECK(count(go, interp::Opcode::InlineEnter) == 4);
    CHECK(count(go, interp::Opcode::SyncCall) == 5);
}

// The slots of an inlined call are let go at its InlineExit (imm: how
// many), unless the frame's own `return` follows with only jumps and the
// ends of enclosing calls in between (imm 0: the frame's end lets go; a
// Nop when there is no value to store either).
TEST_CASE("an_inlined_call_just_before_the_frame_ends_leaves_its_slots_to_the_end") {
    SemaFixture f;
    auto program = f.build({R"(
module Ends;
class D {
    Int x = 0;
    Int leaf(Int a) { Int b = a + x; return b; }
    Int early() { Int r = this.leaf(x); x = r; return r; }
    Int last() { Int r = x; r = this.leaf(r); return r; }
    Unit nested() { if (x > 0) { Int q = this.last(); } }
    Unit looped() { while (x < 10) { x = this.leaf(x); } }
    Unit dropped() { this.leaf(x); }
}
{ }
)"});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    REQUIRE(lowered);
    auto exits = [&](const std::string& name) {
        std::vector<int64_t> out;
        const interp::Code& code = method(*lowered, name);
        checkSites(code);
        for (const interp::Instr& in : code.instrs)
            if (in.op == interp::Opcode::InlineExit)
                out.push_back(in.imm);
        return out;
    };
    // leaf's `a` is a field here: a slot of its own besides `b`.
    CHECK(exits("D.early") == std::vector<int64_t>{2});
    // `a` read in place of the local `r`: only `b`; the return follows.
    CHECK(exits("D.last") == std::vector<int64_t>{0});
    // last's own exit and the one copied with it: the frame ends after both.
    CHECK(exits("D.nested") == std::vector<int64_t>{0, 0});
    // The loop goes on after the call: its slots go at once.
    CHECK(exits("D.looped") == std::vector<int64_t>{2});
    // Nothing to store either: the exit is a Nop, in the callee's site.
    const interp::Code& dropped = method(*lowered, "D.dropped");
    CHECK(exits("D.dropped").empty());
    REQUIRE(dropped.inlineSites.size() == 1);
    uint32_t end = dropped.inlineSites[0].endPc;
    REQUIRE(end > 0);
    CHECK(dropped.instrs[end - 1].op == interp::Opcode::Nop);
    CHECK(dropped.siteOf[end - 1] == 0);
}

TEST_CASE("the_pass_is_off_with_ABSIM_INLINE_METHODS_0") {
    setenv("ABSIM_INLINE_METHODS", "0", 1);
    SemaFixture f;
    auto program = f.build({model()});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    unsetenv("ABSIM_INLINE_METHODS");
    REQUIRE(lowered);
    const interp::Code& go = method(*lowered, "C.go");
    CHECK(count(go, interp::Opcode::InlineEnter) == 0);
    CHECK(count(go, interp::Opcode::SyncCall) == 6);
    CHECK(go.inlineSites.empty());
}

} // namespace absim::testing
