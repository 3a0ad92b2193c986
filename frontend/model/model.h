#pragma once
// A model as absim reads it: the embedded standard library plus the user's
// files, each parsed into its own CompilationUnit. Every later phase (check,
// run, the REPL) starts from a ParsedModel.

#include "frontend/ast/ast.h"
#include "frontend/diag/diagnostics.h"
#include "frontend/model/parse_cache.h"
#include "frontend/source/source_file.h"

#include <string>
#include <vector>

namespace absim {

struct ParsedModel {
    SourceManager sources;
    std::vector<ast::CompilationUnit> units; // stdlib units first, then user files
    size_t firstUserUnit = 0;
};

struct LoadOptions {
    bool includeStdlib = true;
    bool twoStageParsing = true; // SLL first, LL only when SLL fails
    bool usePackedStdlib = true; // false: parse the stdlib sources (tests compare the two)
    ParseCache parseCache;       // user files parsed by earlier runs (off by default)
};

enum class LoadStatus {
    Ok,
    SyntaxErrors,   // diagnostics were reported
    UnreadableFile, // a file could not be read (reported as a diagnostic)
};

// Reads and parses `paths` (and the standard library). Diagnostics go to
// `diags`, which must refer to `model.sources`.
LoadStatus loadModel(const std::vector<std::string>& paths, ParsedModel& model,
                     DiagnosticEngine& diags, const LoadOptions& options = {});

} // namespace absim
