// The packed form of syntax trees (frontend/ast/ast_pack.h) that carries the
// standard library from the build to start-up: what it reads back must be
// the parser's tree, ranges included, and a damaged pack must be refused.

#include "frontend/ast/ast_dump.h"
#include "frontend/ast/ast_pack.h"
#include "frontend/model/model.h"
#include "frontend/parse/parser.h"
#include "stdlib/embedded.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace absim;

namespace {

std::string dumpAll(const ParsedModel& m) {
    std::string out;
    for (const ast::CompilationUnit& u : m.units)
        out += ast::dumpAst(u, m.sources);
    return out;
}

} // namespace

TEST_CASE("the packed standard library is the parsed one") {
    ParsedModel packed, parsed;
    DiagnosticEngine packedDiags(packed.sources), parsedDiags(parsed.sources);
    LoadOptions fromSource;
    fromSource.usePackedStdlib = false;
    REQUIRE(loadModel({}, packed, packedDiags) == LoadStatus::Ok);
    REQUIRE(loadModel({}, parsed, parsedDiags, fromSource) == LoadStatus::Ok);
    CHECK(packedDiags.all().empty());
    REQUIRE(packed.units.size() == stdlib::embeddedStdlib().size());
    REQUIRE(packed.units.size() == parsed.units.size());
    for (size_t i = 0; i < packed.units.size(); ++i)
        CHECK(packed.units[i].file == parsed.units[i].file);
    // The dump shows every node with its range (file:line:col).
    CHECK(dumpAll(packed) == dumpAll(parsed));
}

TEST_CASE("every parsable test model survives packing, in any file position") {
    namespace fs = std::filesystem;
    size_t checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(ABSIM_SOURCE_DIR "/tests")) {
        if (entry.path().extension() != ".abs")
            continue;
        std::string text;
        REQUIRE(readFile(entry.path().string(), text));
        SourceManager sources;
        sources.add("padding.abs", "");
        DiagnosticEngine diags(sources);
        FileId id = sources.add(entry.path().string(), text);
        std::vector<ast::CompilationUnit> units;
        units.push_back(parse::parseFile(sources.file(id), diags));
        if (diags.hasErrors())
            continue;
        auto packed = ast::packUnits(units, id);
        if (!packed)
            continue; // deltas or product lines: not packable
        // Read back as if the file had id 0: ranges move with it.
        std::vector<ast::CompilationUnit> back;
        REQUIRE(ast::unpackUnits(*packed, 0, back));
        REQUIRE(back.size() == 1);
        CHECK(back[0].file == 0);
        SourceManager shifted;
        shifted.add(entry.path().string(), text);
        INFO(entry.path().string());
        CHECK(ast::dumpAst(back[0], shifted) == ast::dumpAst(units[0], sources));
        ++checked;
    }
    CHECK(checked > 50);
}

TEST_CASE("a damaged pack is refused") {
    SourceManager sources;
    DiagnosticEngine diags(sources);
    FileId id = sources.add("m.abs", "module M; data D = A(Int) | B; def Int f(D d) = case d {"
                                     " A(n) => n; B => 0 }; { Int x = f(A(3)); await x > 2; }");
    std::vector<ast::CompilationUnit> units;
    units.push_back(parse::parseFile(sources.file(id), diags));
    REQUIRE_FALSE(diags.hasErrors());
    auto packed = ast::packUnits(units, id);
    REQUIRE(packed);
    std::vector<ast::CompilationUnit> back;
    CHECK(ast::unpackUnits(*packed, id, back));
    for (size_t len = 0; len < packed->size(); ++len) {
        back.clear();
        CHECK_FALSE(ast::unpackUnits(std::string_view(*packed).substr(0, len), id, back));
    }
    back.clear();
    CHECK_FALSE(ast::unpackUnits(*packed + "x", id, back));
}
