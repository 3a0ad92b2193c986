#pragma once
// Lowers an ABS model given as source text and counts what is left of its
// calls: for the tests of the passes that rewrite lowered expressions
// (constant folding, inlining).

#include "interpreter/lower/lowerer.h"
#include "interpreter/program/runtime_program.h"
#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

namespace absim::testing {

enum class Reach { Everywhere, MainBlock };

// How many call nodes still call `function`, among the nodes reachable from
// the main block, or also from every function body, anonymous function and
// method (nodes a rewrite left behind are unreachable and not counted).
inline size_t callsLeft(const std::string& source, const std::string& function,
                        Reach reach = Reach::Everywhere) {
    SemaFixture f;
    auto program = f.build({source});
    REQUIRE(!f.diags.hasErrors());
    auto lowered = interp::lowerProgram(*program, "", f.diags);
    REQUIRE(lowered);
    std::vector<const interp::Expr*> todo;
    auto addCode = [&](const interp::Code& c) {
        for (const interp::Instr& in : c.instrs) {
            todo.push_back(in.e);
            todo.push_back(in.e2);
            for (const interp::Expr* a : in.args)
                todo.push_back(a);
        }
    };
    addCode(lowered->main);
    if (reach == Reach::Everywhere) {
        for (const interp::FunctionInfo& fn : lowered->functions)
            todo.push_back(fn.body);
        for (const interp::LambdaInfo& l : lowered->lambdas)
            todo.push_back(l.body);
        for (const interp::ClassInfo& c : lowered->classes)
            for (const auto& m : c.ownedMethods)
                addCode(m->code);
    }
    size_t n = 0;
    std::set<const interp::Expr*> seen;
    while (!todo.empty()) {
        const interp::Expr* e = todo.back();
        todo.pop_back();
        if (!e || !seen.insert(e).second)
            continue;
        if (e->op == interp::ExprOp::Call && e->function->name == function)
            ++n;
        for (const interp::Expr* k : e->kids)
            todo.push_back(k);
        for (const interp::CaseBranchCode& b : e->branches)
            todo.push_back(b.body);
    }
    return n;
}

} // namespace absim::testing
