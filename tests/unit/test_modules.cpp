// Module graph and name resolution (frontend/sema/program.h):
// language.md §3.5.

#include "tests/unit/sema_fixture.h"

#include <doctest/doctest.h>

using absim::sema::ModuleScope;
using absim::sema::Symbol;
using Space = ModuleScope::Space;

namespace {

const absim::sema::ModuleScope& scopeOf(const absim::sema::Program& p, const char* module) {
    const absim::sema::ModuleInfo* m = p.findModule(module);
    REQUIRE(m != nullptr);
    return m->scope;
}

std::string qualifiedName(const Symbol* s) {
    return s ? s->qualifiedName : "<none>";
}

} // namespace

TEST_SUITE_BEGIN("Modules");

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "stdlib_is_imported_implicitly") {
    auto p = build({R"(module M; { })"});
    CHECK(diags.errorCount() == 0);
    const auto& scope = scopeOf(*p, "M");
    CHECK(qualifiedName(scope.lookup(Space::Function, "head")) == "ABS.StdLib.head");
    CHECK(qualifiedName(scope.lookup(Space::Function, "ABS.StdLib.length")) == "ABS.StdLib.length");
    CHECK(qualifiedName(scope.lookup(Space::Constructor, "Cons")) == "ABS.StdLib.Cons");
    CHECK(qualifiedName(scope.lookup(Space::Type, "List")) == "ABS.StdLib.List");
    CHECK(qualifiedName(scope.lookup(Space::PartialFunction, "map")) == "ABS.StdLib.map");
    CHECK(qualifiedName(scope.lookup(Space::Function, "map")) == "ABS.StdLib.map");
    CHECK(scope.lookup(Space::PartialFunction, "map") != scope.lookup(Space::Function, "map"));
    // Exceptions come through ABS.StdLib's re-export.
    CHECK(scope.lookup(Space::Constructor, "DivisionByZeroException") != nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "explicit_stdlib_import_replaces_the_implicit_one") {
    auto p = build({R"(module M; import head from ABS.StdLib;)"});
    CHECK(diags.errorCount() == 0);
    const auto& scope = scopeOf(*p, "M");
    CHECK(scope.lookup(Space::Function, "head") != nullptr);
    CHECK(scope.lookup(Space::Function, "ABS.StdLib.head") != nullptr);
    CHECK(scope.lookup(Space::Function, "tail") == nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "declared_names_are_visible_plain_and_qualified") {
    auto p = build({R"(module M; data D = A | B; def Int f() = 1;)"});
    const auto& scope = scopeOf(*p, "M");
    CHECK(qualifiedName(scope.lookup(Space::Type, "D")) == "M.D");
    CHECK(qualifiedName(scope.lookup(Space::Type, "M.D")) == "M.D");
    CHECK(qualifiedName(scope.lookup(Space::Function, "M.f")) == "M.f");
    CHECK(scope.lookup(Space::Function, "N.f") == nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "import_forms") {
    auto p = build({R"(
module A; export *;
def Int f() = 1;
def Int g() = 2;
data T = T1 | T2;
module B; import * from A;
module C; import f, T from A;
module D; import A.f;
)"});
    CHECK(diags.errorCount() == 0);
    CHECK(qualifiedName(scopeOf(*p, "B").lookup(Space::Function, "g")) == "A.g");
    CHECK(qualifiedName(scopeOf(*p, "B").lookup(Space::Function, "A.g")) == "A.g");
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "f") != nullptr);
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "A.f") != nullptr);
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "g") == nullptr);
    CHECK(scopeOf(*p, "C").lookup(Space::Type, "T") != nullptr);
    // Importing the type name does not import the constructors.
    CHECK(scopeOf(*p, "C").lookup(Space::Constructor, "T1") == nullptr);
    CHECK(scopeOf(*p, "D").lookup(Space::Function, "f") == nullptr);
    CHECK(scopeOf(*p, "D").lookup(Space::Function, "A.f") != nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "exporting_a_type_keeps_its_constructors_private") {
    auto p = build({R"(
module A; export Stack, push;
data Stack = Empty | Push(Int, Stack);
def Stack push(Stack s, Int i) = Push(i, s);
module B; import * from A;
)"});
    CHECK(diags.errorCount() == 0);
    const auto& b = scopeOf(*p, "B");
    CHECK(b.lookup(Space::Type, "Stack") != nullptr);
    CHECK(b.lookup(Space::Function, "push") != nullptr);
    CHECK(b.lookup(Space::Constructor, "Push") == nullptr);
    CHECK(b.lookup(Space::Constructor, "Empty") == nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "export_star_exports_declarations_only") {
    auto p = build({R"(
module A; export *; def Int a() = 1;
module B; export *; import * from A; def Int b() = 2;
module C; import * from B;
)"});
    CHECK(diags.errorCount() == 0);
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "b") != nullptr);
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "a") == nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "reexports") {
    auto p = build({R"(
module A; export *; def Int a() = 1; def Int a2() = 1;
module B; import * from A; export * from A;
module B2; import * from A; export a2 from A;
module B3; import a from A; export a;
module C; import * from B; import * from B2; import * from B3;
)"});
    CHECK(diags.errorCount() == 0);
    const auto& c = scopeOf(*p, "C");
    // The same entity through several modules is not ambiguous.
    bool ambiguous = true;
    CHECK(qualifiedName(c.lookup(Space::Function, "a", &ambiguous)) == "A.a");
    CHECK_FALSE(ambiguous);
    CHECK(qualifiedName(c.lookup(Space::Function, "a2")) == "A.a2");
    CHECK(qualifiedName(c.lookup(Space::Function, "B3.a")) == "A.a");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "modules_may_import_each_other_in_a_cycle") {
    auto p = build({R"(
module A; export *; import * from B; def Int a() = b();
module B; export *; import * from A; def Int b() = 1;
)"});
    CHECK(diags.errorCount() == 0);
    CHECK(scopeOf(*p, "A").lookup(Space::Function, "b") != nullptr);
    CHECK(scopeOf(*p, "B").lookup(Space::Function, "a") != nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "local_declarations_shadow_imports") {
    auto p = build({R"(module M; def Int head(List<Int> l) = 0;)"});
    CHECK(diags.errorCount() == 0);
    CHECK(qualifiedName(scopeOf(*p, "M").lookup(Space::Function, "head")) == "M.head");
    CHECK(qualifiedName(scopeOf(*p, "M").lookup(Space::Function, "ABS.StdLib.head")) ==
          "ABS.StdLib.head");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "same_name_from_two_modules_is_ambiguous") {
    auto p = build({R"(
module A; export *; def Int f() = 1;
module B; export *; def Int f() = 2;
module C; import * from A; import * from B;
)"});
    CHECK(diags.errorCount() == 0); // only an error when used
    bool ambiguous = false;
    CHECK(scopeOf(*p, "C").lookup(Space::Function, "f", &ambiguous) == nullptr);
    CHECK(ambiguous);
    CHECK(qualifiedName(scopeOf(*p, "C").lookup(Space::Function, "B.f")) == "B.f");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "unknown_module_with_hint") {
    build({R"(module M; import * from ABS.Stdlib;)"});
    CHECK(onlyMessage() == "unknown module 'ABS.Stdlib'; did you mean 'ABS.StdLib'?");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "importing_a_name_not_exported") {
    build({R"(
module A; export f; def Int f() = 1; def Int secret() = 2;
module B; import fo, secret from A;
)"});
    REQUIRE(diags.errorCount() == 2);
    CHECK(messages()[0] == "3:18: module 'A' does not export 'fo'; did you mean 'f'?");
    CHECK(messages()[1] == "3:22: module 'A' does not export 'secret'");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "exporting_an_unknown_name") {
    build({R"(module A; export fooo; def Int foo() = 1;)"});
    CHECK(onlyMessage() == "cannot export 'fooo': no such name in module 'A'; did you mean 'foo'?");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "duplicates") {
    build({R"(
module A; data D = X | Y; def Int f() = 1; def Int f() = 2; data E = X;
module A;
)"});
    auto m = messages();
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "3:8: duplicate module 'A'");
    CHECK(m[1] == "2:52: duplicate declaration of 'f'");
    CHECK(m[2] == "2:70: duplicate declaration of 'X'");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "selectors_are_shared_between_constructors") {
    auto p = build({R"(module M; data Shape = Circle(Rat size) | Square(Rat size, Int n);)"});
    CHECK(diags.errorCount() == 0);
    const Symbol* size = scopeOf(*p, "M").lookup(Space::Function, "size");
    REQUIRE(size != nullptr);
    CHECK(size->kind == Symbol::Kind::Selector);
    REQUIRE(size->selectorOf.size() == 2);
    CHECK(size->selectorOf[0].first->name == "Circle");
    CHECK(size->selectorOf[1].first->name == "Square");
    CHECK(size->selectorOf[1].second == 0);
    const auto* data = size->decl->as<absim::ast::DataDecl>();
    CHECK(p->selectorOf(data, "size") == size);
    CHECK(p->symbolOf(&data->constructors[1])->name == "Square");
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "class_and_interface_may_share_a_name") {
    auto p = build({R"(module M; interface Node {} class Node implements Node {})"});
    CHECK(diags.errorCount() == 0);
    const auto& scope = scopeOf(*p, "M");
    CHECK(scope.lookup(Space::Type, "Node")->kind == Symbol::Kind::Interface);
    CHECK(scope.lookup(Space::Class, "Node")->kind == Symbol::Kind::Class);
    // With no interface of that name, the type lookup finds the class.
    auto q = scopeOf(*p, "ABS.DC").lookup(Space::Class, "DeploymentComponent");
    CHECK(q != nullptr);
}

TEST_CASE_FIXTURE(absim::testing::SemaFixture, "main_module_and_module_of") {
    auto p = build({R"(module Lib; def Int f() = 1;)", R"(module App; { } module Other; { })"});
    REQUIRE(p->mainModule() != nullptr);
    CHECK(p->mainModule()->name == "App");
    CHECK(p->mainModule("Other")->name == "Other");
    CHECK(p->mainModule("Nope") == nullptr);
    const auto* lib = p->findModule("Lib");
    CHECK(p->moduleOf(lib->decl->decls[0].get()) == lib);
    CHECK(!lib->fromStdlib);
    CHECK(p->findModule("ABS.StdLib")->fromStdlib);
}

TEST_SUITE_END();
