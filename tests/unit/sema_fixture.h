#pragma once
// Shorthands for the module and type-checker unit tests: parse ABS sources
// held in strings (with or without the embedded standard library), build
// the program, check it, and read the diagnostics back as plain lines.

#include "frontend/model/model.h"
#include "frontend/parse/parser.h"
#include "frontend/sema/checker.h"
#include "frontend/sema/program.h"
#include "stdlib/embedded.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace absim::testing {

class SemaFixture {
  public:
    ParsedModel model;
    DiagnosticEngine diags{model.sources};

    // Each source becomes a file `fileN.abs`, after the library.
    void load(const std::vector<std::string>& sources, bool withStdlib = true) {
        if (withStdlib) {
            for (const stdlib::EmbeddedFile& f : stdlib::embeddedStdlib()) {
                FileId id = model.sources.add(std::string(f.path), std::string(f.text));
                model.units.push_back(parse::parseFile(model.sources.file(id), diags));
            }
        }
        model.firstUserUnit = model.units.size();
        for (size_t i = 0; i < sources.size(); ++i) {
            FileId id = model.sources.add("file" + std::to_string(i) + ".abs", sources[i]);
            model.units.push_back(parse::parseFile(model.sources.file(id), diags));
        }
    }

    std::unique_ptr<sema::Program> build(const std::vector<std::string>& sources,
                                         bool withStdlib = true) {
        load(sources, withStdlib);
        return sema::buildProgram(model, diags);
    }

    // Parses and checks one file; a syntax error fails the test (the
    // checker only ever sees models that parse).
    sema::CheckResult check(const std::string& source) {
        load({source});
        REQUIRE_MESSAGE(diags.errorCount() == 0, onlyMessage());
        return sema::checkModel(model, diags);
    }

    // "line:col: message" for every diagnostic, notes left out.
    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diags.all())
            out.push_back(std::to_string(d.range.begin.line) + ":" +
                          std::to_string(d.range.begin.col) + ": " + d.message);
        return out;
    }

    // The only diagnostic's message, or a listing of all of them.
    std::string onlyMessage() const {
        if (diags.all().size() == 1)
            return diags.all().front().message;
        std::string all = std::to_string(diags.all().size()) + " diagnostics:";
        for (const std::string& m : messages())
            all += "\n  " + m;
        return all;
    }
};

} // namespace absim::testing
