// The parser: AST shapes and ranges, decoded literals, precedence trees, the
// two-stage strategy, and how syntax errors are reported.

#include "frontend/ast/ast.h"
#include "frontend/ast/ast_dump.h"
#include "frontend/parse/parser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace absim;

namespace {

// One parsed source with its diagnostics, rendered without colour.
struct Parsed {
    SourceManager sources;
    DiagnosticEngine diags{sources};
    ast::CompilationUnit unit;
    parse::ParseStats stats;

    std::string messages() const {
        std::string out;
        for (const Diagnostic& d : diags.all())
            out += diags.render(d, false);
        return out;
    }
};

std::unique_ptr<Parsed> parseText(const std::string& text, parse::ParseOptions opts = {}) {
    auto p = std::make_unique<Parsed>();
    FileId id = p->sources.add("test.abs", text);
    p->unit = parse::parseFile(p->sources.file(id), p->diags, opts, &p->stats);
    return p;
}

// The first statement of the main block of the first module.
const ast::Stmt& mainStmt(const Parsed& p, size_t i = 0) {
    REQUIRE(!p.unit.modules.empty());
    REQUIRE(p.unit.modules[0].main.has_value());
    REQUIRE(i < p.unit.modules[0].main->body->stmts.size());
    return *p.unit.modules[0].main->body->stmts[i];
}

// The initialiser of `T x = e;`, the i-th statement of the main block.
const ast::PureExp& initOf(const Parsed& p, size_t i = 0) {
    const ast::Stmt& s = mainStmt(p, i);
    REQUIRE(s.kind == ast::StmtKind::VarDecl);
    REQUIRE(s.as<ast::VarDeclStmt>()->init != nullptr);
    return *s.as<ast::VarDeclStmt>()->init;
}

const ast::PureExp& initOf(const std::unique_ptr<Parsed>& p, size_t i = 0) {
    return initOf(*p, i);
}

void checkPos(const SourcePos& pos, uint32_t line, uint32_t col) {
    CHECK(pos.line == line);
    CHECK(pos.col == col);
}

} // namespace

TEST_SUITE_BEGIN("parser");

TEST_CASE("a variable declaration has exact ranges for itself, its type, name and value") {
    auto p = parseText("module M;\n{\n  List<Int> xs = Nil;\n}\n");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* v = mainStmt(*p).as<ast::VarDeclStmt>();
    CHECK(v->name == "xs");
    checkPos(v->range.begin, 3, 3);
    checkPos(v->range.end, 3, 21); // the `;`
    checkPos(v->type->range.begin, 3, 3);
    checkPos(v->type->range.end, 3, 11); // the closing `>`
    checkPos(v->nameRange.begin, 3, 13);
    checkPos(v->nameRange.end, 3, 14);
    checkPos(v->init->range.begin, 3, 18);
    checkPos(v->init->range.end, 3, 20);
    CHECK(v->range.file == p->unit.file);
}

TEST_CASE("columns count code points, not bytes") {
    auto p = parseText("module M;\n{ String s = \"ééé\"; Int x = 1; }\n");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* s = mainStmt(*p, 0).as<ast::VarDeclStmt>();
    checkPos(s->init->range.begin, 2, 14);
    checkPos(s->init->range.end, 2, 18);
    checkPos(mainStmt(*p, 1).range.begin, 2, 21);
}

TEST_CASE("string escapes are decoded") {
    auto p = parseText(R"(module M; { String s = "a\"b\\c\nd\te\rf"; String u = "ü"; })");
    REQUIRE(p->diags.errorCount() == 0);
    CHECK(initOf(p, 0).as<ast::StringLitExp>()->value == "a\"b\\c\nd\te\rf");
    CHECK(initOf(p, 1).as<ast::StringLitExp>()->value == "ü");
}

TEST_CASE("template strings split into literal pieces and expressions") {
    auto p = parseText("module M; { String s = `n=$n$, \\$ and \\` and a\\tb $f(1)$`; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* t = initOf(p).as<ast::TemplateStrExp>();
    REQUIRE(t->pieces.size() == 3);
    REQUIRE(t->exps.size() == 2);
    CHECK(t->pieces[0] == "n=");
    CHECK(t->pieces[1] == ", $ and ` and a\\tb ");
    CHECK(t->pieces[2] == "");
    CHECK(t->exps[0]->as<ast::VarExp>()->name == "n");
    CHECK(t->exps[1]->as<ast::FnAppExp>()->function.text == "f");
}

TEST_CASE("a template string may span lines and nest") {
    auto p = parseText("module M; { String s = `a\nb $g(`x $y$`)$`; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* t = initOf(p).as<ast::TemplateStrExp>();
    CHECK(t->pieces[0] == "a\nb ");
    const auto* inner = t->exps[0]->as<ast::FnAppExp>()->args[0]->as<ast::TemplateStrExp>();
    CHECK(inner->pieces[0] == "x ");
    CHECK(inner->exps[0]->as<ast::VarExp>()->name == "y");
}

TEST_CASE("numbers keep their spelling and floats their value") {
    auto p = parseText("module M; { Int a = 123456789012345678901234567890; Float b = .5; "
                       "Float c = 1.5e-3; }");
    REQUIRE(p->diags.errorCount() == 0);
    CHECK(initOf(p, 0).as<ast::IntLitExp>()->digits == "123456789012345678901234567890");
    CHECK(initOf(p, 1).as<ast::FloatLitExp>()->value == doctest::Approx(0.5));
    CHECK(initOf(p, 2).as<ast::FloatLitExp>()->text == "1.5e-3");
    CHECK(initOf(p, 2).as<ast::FloatLitExp>()->value == doctest::Approx(0.0015));
}

TEST_CASE("multiplication binds tighter than addition, comparison than ||") {
    auto p = parseText("module M; { Bool b = 1 + 2 * 3 < 4 || x && y; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* orExp = initOf(p).as<ast::BinaryExp>();
    CHECK(orExp->op == ast::BinaryOp::Or);
    const auto* lt = orExp->left->as<ast::BinaryExp>();
    CHECK(lt->op == ast::BinaryOp::Lt);
    const auto* add = lt->left->as<ast::BinaryExp>();
    CHECK(add->op == ast::BinaryOp::Add);
    CHECK(add->right->as<ast::BinaryExp>()->op == ast::BinaryOp::Mul);
    CHECK(orExp->right->as<ast::BinaryExp>()->op == ast::BinaryOp::And);
}

TEST_CASE("binary operators are left-associative; prefix operators bind tightest") {
    auto p = parseText("module M; { Int a = 10 - 3 - 2; Int b = -x * y; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* sub = initOf(p, 0).as<ast::BinaryExp>();
    CHECK(sub->left->as<ast::BinaryExp>()->op == ast::BinaryOp::Sub);
    CHECK(sub->right->as<ast::IntLitExp>()->digits == "2");
    const auto* mul = initOf(p, 1).as<ast::BinaryExp>();
    CHECK(mul->op == ast::BinaryOp::Mul);
    CHECK(mul->left->as<ast::UnaryExp>()->op == ast::UnaryOp::Neg);
}

TEST_CASE("as and implements apply to the whole expression before them") {
    auto p = parseText("module M; { Bool b = o == null || o implements I; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* impl = initOf(p).as<ast::ImplementsExp>();
    CHECK(impl->interface.text == "I");
    CHECK(impl->operand->as<ast::BinaryExp>()->op == ast::BinaryOp::Or);
}

TEST_CASE("when extends as far right as possible") {
    auto p = parseText("module M; { Int x = 1 + when c then 2 else 3 + 4; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* add = initOf(p).as<ast::BinaryExp>();
    const auto* when = add->right->as<ast::WhenExp>();
    CHECK(when->otherwise->as<ast::BinaryExp>()->op == ast::BinaryOp::Add);
}

TEST_CASE("effectful expressions: get, new, async and sync calls") {
    auto p = parseText("module M; { Int a = f.get; I o = new local C(1); Fut<Int> g = o!m(2); "
                       "Int b = await o!m(3); Int c = o.m(4); }");
    REQUIRE(p->diags.errorCount() == 0);
    CHECK(initOf(p, 0).as<ast::GetExp>()->future->as<ast::VarExp>()->name == "f");
    CHECK(initOf(p, 1).as<ast::NewExp>()->local);
    const auto* async = initOf(p, 2).as<ast::AsyncCallExp>();
    CHECK(!async->await);
    CHECK(async->method == "m");
    checkPos(async->methodRange.begin, 1, 65);
    CHECK(initOf(p, 3).as<ast::AsyncCallExp>()->await);
    CHECK(initOf(p, 4).as<ast::SyncCallExp>()->args.size() == 1);
}

TEST_CASE("nested type arguments close with two separate '>'") {
    auto p = parseText("module M; { Map<String, List<List<Int>>> m = map[]; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* v = mainStmt(*p).as<ast::VarDeclStmt>();
    REQUIRE(v->type->args.size() == 2);
    CHECK(v->type->args[1]->args[0]->args[0]->name.text == "Int");
}

TEST_CASE("a case with expression branches and a ';' is an expression statement") {
    auto p = parseText("module M; { case x { 1 => f(); _ => g(); }; case x { 1 => skip; } }");
    REQUIRE(p->diags.errorCount() == 0);
    CHECK(mainStmt(*p, 0).kind == ast::StmtKind::ExpStmt);
    CHECK(mainStmt(*p, 1).kind == ast::StmtKind::Switch);
    CHECK(mainStmt(*p, 1).as<ast::SwitchStmt>()->legacyCase);
}

TEST_CASE("else belongs to the nearest if") {
    auto p = parseText("module M; { if (a) if (b) skip; else suspend; }");
    REQUIRE(p->diags.errorCount() == 0);
    const auto* outer = mainStmt(*p).as<ast::IfStmt>();
    CHECK(outer->otherwise == nullptr);
    CHECK(outer->then->as<ast::IfStmt>()->otherwise != nullptr);
}

TEST_CASE("old spellings are accepted with a warning naming the modern one") {
    auto p = parseText("module M; { Bool b = ~c; Autoscaler as = x; as!go(); }");
    CHECK(p->diags.errorCount() == 0);
    CHECK(p->diags.warningCount() == 2);
    std::string text = p->messages();
    CHECK(text.find("warning: '~' is the old spelling of boolean negation; write '!'") !=
          std::string::npos);
    CHECK(text.find("warning: 'as' is the cast keyword in current ABS") != std::string::npos);
    CHECK(initOf(p).as<ast::UnaryExp>()->legacyTilde);
}

TEST_CASE("a missing ';' is reported just after the previous token, with the source line") {
    auto p = parseText("module M;\n{\n  Int x = 5\n  x = 6;\n}\n");
    CHECK(p->diags.errorCount() == 1);
    CHECK(p->messages() == "test.abs:3:12: error: expected ';' after the statement\n"
                           "    Int x = 5\n"
                           "             ^\n");
}

TEST_CASE("recovery reports several errors in one file") {
    auto p = parseText("module M;\ninterface I { Unit m(int x); }\n"
                       "class C { Unit m(Int x) { Int y = ; } }\n");
    CHECK(p->diags.errorCount() == 2);
    std::string text = p->messages();
    CHECK(text.find("test.abs:2:22: error: 'int' starts with a lowercase letter") !=
          std::string::npos);
    CHECK(text.find("test.abs:3:35: error: expected an expression, found ';'") !=
          std::string::npos);
}

TEST_CASE("messages never use ANTLR's words") {
    const char* inputs[] = {
        "module M; { Int x = 5 }", "module M; class { }", "module M; { x = ; }",
        "module M; { f(1,; }",     "module M; }",         "module M; data D = ;"};
    for (const char* input : inputs) {
        auto p = parseText(input);
        CHECK(p->diags.errorCount() >= 1);
        std::string text = p->messages();
        CHECK(text.find("mismatched") == std::string::npos);
        CHECK(text.find("extraneous") == std::string::npos);
        CHECK(text.find("viable") == std::string::npos);
        CHECK(text.find("LOWER_ID") == std::string::npos);
        CHECK(text.find("TYPE_ID") == std::string::npos);
        CHECK(text.find("<EOF>") == std::string::npos);
    }
}

TEST_CASE("garbage and binary input give errors, never an exception") {
    std::string binary;
    for (int i = 0; i < 4000; ++i)
        binary += static_cast<char>((i * 7919) % 256);
    const std::string inputs[] = {binary,
                                  "module",
                                  "module M; { `abc $",
                                  "/* open",
                                  "\"",
                                  "module M; class C { Unit m() { if (",
                                  std::string("\0\0\0", 3)};
    for (const std::string& input : inputs) {
        auto p = parseText(input);
        CHECK(p->diags.errorCount() >= 1);
        CHECK(p->diags.errorCount() <= 21); // a file is given up after 20 errors
    }
}

TEST_CASE("very deep nesting is reported, not a crash") {
    std::string deep =
        "module M; { Int x = " + std::string(20000, '(') + "1" + std::string(20000, ')') + "; }";
    auto p = parseText(deep);
    CHECK(p->diags.errorCount() == 1);
    CHECK(p->messages().find("nesting too deep") != std::string::npos);
}

TEST_CASE("a valid file is parsed by the SLL pass alone; an invalid one needs full LL") {
    auto ok = parseText("module M; { Int x = 1; }");
    CHECK(!ok->stats.usedFullLL);
    auto bad = parseText("module M; { Int x = 1 }");
    CHECK(bad->stats.usedFullLL);
    parse::ParseOptions llOnly;
    llOnly.twoStage = false;
    auto forced = parseText("module M; { Int x = 1; }", llOnly);
    CHECK(forced->stats.usedFullLL);
    CHECK(forced->diags.errorCount() == 0);
}

TEST_CASE("every tests/parse program parses without errors and without the LL pass") {
    namespace fs = std::filesystem;
    size_t count = 0;
    for (const auto& entry :
         fs::directory_iterator(fs::path(ABSIM_SOURCE_DIR) / "tests" / "parse")) {
        if (entry.path().extension() != ".abs")
            continue;
        std::string text;
        REQUIRE(readFile(entry.path().string(), text));
        auto p = parseText(text);
        INFO(entry.path().filename().string());
        CHECK(p->diags.errorCount() == 0);
        CHECK(!p->stats.usedFullLL);
        ++count;
    }
    CHECK(count >= 40);
}

// The SLL pass answers decisions settled by one token without ANTLR's
// prediction (first_token_prediction.h); the trees must be those of full LL.
TEST_CASE("the SLL pass builds the same tree as full LL") {
    namespace fs = std::filesystem;
    parse::ParseOptions llOnly;
    llOnly.twoStage = false;
    auto same = [&](const std::string& name, const std::string& text) {
        auto fast = parseText(text);
        auto full = parseText(text, llOnly);
        INFO(name);
        CHECK(fast->diags.errorCount() == full->diags.errorCount());
        // a valid text needs no second pass (a wrong shortcut would force one)
        if (full->diags.errorCount() == 0)
            CHECK(!fast->stats.usedFullLL);
        CHECK(fast->messages() == full->messages());
        CHECK(ast::dumpAst(fast->unit, fast->sources) == ast::dumpAst(full->unit, full->sources));
    };
    size_t count = 0;
    for (const char* dir : {"tests/parse", "stdlib"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(ABSIM_SOURCE_DIR) / dir)) {
            if (entry.path().extension() != ".abs")
                continue;
            std::string text;
            REQUIRE(readFile(entry.path().string(), text));
            same(entry.path().filename().string(), text);
            ++count;
        }
    }
    CHECK(count >= 50);
    // Readings that only later tokens tell apart.
    same("case", "module M; { Int x = 1; case x { 1 => skip; _ => x = 2; } "
                 "Int y = case x { 1 => 2; as => 3; }; }");
    same("dangling else", "module M; { Int x = 1; if (x > 0) if (x > 1) x = 2; else x = 3; "
                          "Int y = if x > 0 then 1 else 2; }");
    same("suffixes", "module M; interface I { Int m(); } { I o = null; Fut<Int> f = o!m(); "
                     "Int v = f.get; o.m(); Int w = o.m(); await f?; }");
    same("operators", "module M; { Int x = 1 + 2 * 3 - 4 / 5 % 6; Bool b = x < 1 && x >= 2 || "
                      "!(x == 3) && x != 4; List<Int> l = list[1, 2]; Maybe<Int> m = Just(x); }");
    // Decisions settled by the second token.
    same("two tokens",
         "module M; import * from ABS.StdLib; interface I { Unit m(); } "
         "class C(Int p) implements I { Int f = 0; List<Int> l = Nil; "
         "Unit m() { f = p; this.f = 1; Int x = f; x = head(l); x = ABS.StdLib.head(l); "
         "Maybe<Int> y = Just(x); Pair<Int, Int> q = Pair(x, x); this.m(); "
         "List<Int> k = list[x]; Int z = length(k); } } { I o = new C(1); o.m(); }");
    // Precedence loops: where an operator continues the inner operand and
    // where it returns to the caller.
    same("precedence", "module M; { Int x = 1 - 2 - 3 * 4 / 5 % 6 + -7 * 8; Bool b = x < 1 == "
                       "x > 2 != x <= 3 || x >= 4 && x == 5 || !b && b; "
                       "Int y = when b then x else x + 1 * 2; Int z = let Int a = x in a - a * a; "
                       "Rat r = x / 2 as Rat; Bool i = x implements Any == b; }");
}

TEST_CASE("the AST dump is one node per line with positions") {
    auto p = parseText("module M;\ndef Int f(Int x) = x + 1;\n");
    REQUIRE(p->diags.errorCount() == 0);
    CHECK(ast::dumpAst(p->unit, p->sources) == "CompilationUnit test.abs\n"
                                               "  Module M @1:1\n"
                                               "    Function Int f @2:1\n"
                                               "      Param Int x @2:11\n"
                                               "      Binary + @2:20\n"
                                               "        Var x @2:20\n"
                                               "        IntLit 1 @2:24\n");
}

TEST_CASE("binary operators spell themselves") {
    CHECK(std::string(ast::spelling(ast::BinaryOp::Or)) == "||");
    CHECK(std::string(ast::spelling(ast::BinaryOp::Le)) == "<=");
    CHECK(std::string(ast::spelling(ast::BinaryOp::Mod)) == "%");
}

TEST_SUITE_END();
