// The type checker (frontend/sema/checker.h) and what it records for later
// phases (frontend/sema/checked_model.h). Whole-program diagnostics are
// covered by the golden tests in tests/types; these look at the API.

#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

using absim::sema::typeName;
using absim::sema::VarKind;
namespace ast = absim::ast;

namespace {

// The main block's statements of the (single) user module.
const ast::BlockStmt& mainBody(const absim::sema::CheckResult& r) {
    const auto* m = r.program->mainModule();
    REQUIRE(m != nullptr);
    return *m->decl->main->body;
}

const ast::PureExp& initOf(const ast::Stmt& s) {
    return *s.as<ast::VarDeclStmt>()->init;
}

} // namespace

TEST_SUITE_BEGIN("Typechecker");

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "well_typed_program_has_no_diagnostics") {
    auto r = check(R"(
module M;
interface I { Int m(Int x); }
class C implements I { Int m(Int x) { return x + 1; } }
{ I i = new C(); Int v = await i!m(1); }
)");
    CHECK(r.ok);
    CHECK(diags.all().empty());
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "expression_types_are_recorded_and_solved") {
    auto r = check(R"(
module M;
{
    List<Rat> l = list[1, 1/2];
    Maybe<String> m = Nothing;
    Pair<Int, String> p = Pair(1, "a");
    Rat x = 7 / 2;
}
)");
    REQUIRE(r.ok);
    const auto& body = mainBody(r);
    CHECK(typeName(r.checked->typeOf(&initOf(*body.stmts[0]))) == "List<Rat>");
    CHECK(typeName(r.checked->typeOf(&initOf(*body.stmts[1]))) == "Maybe<String>");
    CHECK(typeName(r.checked->typeOf(&initOf(*body.stmts[2]))) == "Pair<Int, String>");
    CHECK(typeName(r.checked->typeOf(&initOf(*body.stmts[3]))) == "Rat");
    CHECK(typeName(r.checked->typeOf(body.stmts[0]->as<ast::VarDeclStmt>())) == "List<Rat>");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "variable_uses_are_classified") {
    auto r = check(R"(
module M;
interface I { Int m(Int p); }
class C(Int param) implements I {
    Int field = 1;
    Int m(Int p) {
        Int loc = p + field + param;
        field = loc;
        p = 2;
        Int k = case Just(loc) { Just(v) => v; Nothing => 0; };
        foreach (e in list[1]) { loc = e; }
        return loc;
    }
}
)");
    REQUIRE(r.ok);
    const auto* cls = r.program->findModule("M")->decl->decls[1]->as<ast::ClassDecl>();
    const auto& stmts = cls->methods[0].body->stmts;
    // p + field + param
    const auto& sum = initOf(*stmts[0]).as<ast::BinaryExp>();
    const auto* pf = sum->left->as<ast::BinaryExp>();
    CHECK(r.checked->varKind(pf->left->as<ast::VarExp>()) == VarKind::Parameter);
    CHECK(r.checked->varKind(pf->right->as<ast::VarExp>()) == VarKind::Field);
    CHECK(r.checked->varKind(sum->right->as<ast::VarExp>()) == VarKind::Field);
    CHECK(r.checked->assignTarget(stmts[1]->as<ast::AssignStmt>()) == VarKind::Field);
    CHECK(r.checked->varKind(stmts[1]->as<ast::AssignStmt>()->value->as<ast::VarExp>()) ==
          VarKind::Local);
    CHECK(r.checked->assignTarget(stmts[2]->as<ast::AssignStmt>()) == VarKind::Parameter);
    const auto* caseExp = initOf(*stmts[3]).as<ast::CaseExp>();
    const auto& branch = caseExp->branches[0];
    CHECK(r.checked->patternBinds(&branch.pattern.args[0]));
    CHECK(r.checked->varKind(branch.body->as<ast::VarExp>()) == VarKind::PatternBound);
    CHECK(r.checked->constructorOf(&branch.pattern)->name == "Just");
    const auto* loop = stmts[4]->as<ast::ForeachStmt>();
    const auto* inner = loop->body->as<ast::BlockStmt>()->stmts[0]->as<ast::AssignStmt>();
    CHECK(r.checked->varKind(inner->value->as<ast::VarExp>()) == VarKind::LoopVariable);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "bound_names_in_patterns_compare") {
    auto r = check(R"(
module M;
def Bool firstIs(List<Int> l, Int x) = case l { Cons(x, _) => True; _ => False; };
)");
    REQUIRE(r.ok);
    const auto* fn = r.program->findModule("M")->decl->decls[0]->as<ast::FunctionDecl>();
    const auto& pattern = fn->body->as<ast::CaseExp>()->branches[0].pattern;
    CHECK_FALSE(r.checked->patternBinds(&pattern.args[0]));
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "applications_resolve_to_symbols") {
    auto r = check(R"(
module M;
data Shape = Circle(Rat size);
interface I { }
class C implements I { }
{
    Rat s = size(Circle(2));
    I i = new C();
    List<Int> l = map((Int x) => x + 1)(list[1]);
    List<Bool> b = map(isEmpty)(list[list[1]]);
}
)");
    REQUIRE(r.ok);
    const auto& body = mainBody(r);
    const auto* call = initOf(*body.stmts[0]).as<ast::FnAppExp>();
    const auto* selector = r.checked->symbolOf(call);
    REQUIRE(selector != nullptr);
    CHECK(selector->kind == absim::sema::Symbol::Kind::Selector);
    CHECK(r.checked->symbolOf(call->args[0].get())->qualifiedName == "M.Circle");
    CHECK(r.checked->symbolOf(&initOf(*body.stmts[1]))->qualifiedName == "M.C");
    CHECK(r.checked->symbolOf(&initOf(*body.stmts[2]))->qualifiedName == "ABS.StdLib.map");
    const auto* named = initOf(*body.stmts[3]).as<ast::PartialFnAppExp>();
    CHECK(r.checked->functionOf(&named->funArgs[0])->qualifiedName == "ABS.StdLib.isEmpty");
    CHECK(r.checked->functionOf(&initOf(*body.stmts[2]).as<ast::PartialFnAppExp>()->funArgs[0]) ==
          nullptr);
    CHECK(typeName(r.checked->typeOf(named)) == "List<Bool>");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "class_methods_include_trait_methods") {
    auto r = check(R"(
module M;
trait T = { Unit a() { skip; } Unit b() { skip; } } removes Unit b();
interface I { }
class C implements I { uses T; Unit own() { skip; } }
)");
    REQUIRE(r.ok);
    const auto* cls = r.program->findModule("M")->decl->decls[2]->as<ast::ClassDecl>();
    const auto& methods = r.checked->methodsOf(cls);
    REQUIRE(methods.size() == 2);
    CHECK(methods[0]->sig.name == "own");
    CHECK(methods[1]->sig.name == "a");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture,
                  "higher_order_results_come_from_the_function_argument") {
    auto r = check(R"(
module M;
def List<B> apply<A, B>(f)(List<A> l) = case l { Nil => Nil; Cons(x, xs) => Cons(f(x), apply(xs)); };
{ List<String> s = apply((Int i) => toString(i))(list[1]); }
)");
    CHECK(r.ok);
    CHECK(typeName(r.checked->typeOf(&initOf(*mainBody(r).stmts[0]))) == "List<String>");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "error_names_expected_and_found_types") {
    check(R"(
module M;
{ Int x = "s"; }
)");
    CHECK(onlyMessage() == "cannot assign 'String' to 'x' of type 'Int'");
    CHECK(messages()[0].rfind("3:11:", 0) == 0);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "errors_do_not_cascade_from_unknown_names") {
    check(R"(
module M;
{ Int x = nope(1) + 2; String s = x + undefinedThing; }
)");
    auto m = messages();
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "3:11: unknown function 'nope'");
    CHECK(m[1] == "3:39: unknown variable 'undefinedThing'");
    CHECK(m[2] == "3:35: cannot assign 'Int' to 's' of type 'String'");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "dump_types_lists_declarations_and_expressions") {
    auto r = check("module M;\ndef Int f(Int x) = x + 1;\n{ Int y = f(2); }\n");
    REQUIRE(r.ok);
    std::string dump = absim::sema::dumpTypes(model, *r.checked);
    CHECK(dump.find("file0.abs:2:9: def f(Int) : Int\n") != std::string::npos);
    CHECK(dump.find("file0.abs:3:7: y : Int\n") != std::string::npos);
    CHECK(dump.find("file0.abs:3:11: `f(2)` : Int\n") != std::string::npos);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "standard_library_type_checks") {
    load({"module M;"});
    auto r = absim::sema::checkModel(model, diags);
    CHECK(r.ok);
    CHECK(onlyMessage() == "0 diagnostics:");
}

TEST_SUITE_END();
