#pragma once
// The ABS parser: source text in, our own AST out. ANTLR is an
// implementation detail of this folder; nothing here exposes it.

#include "frontend/ast/ast.h"
#include "frontend/diag/diagnostics.h"
#include "frontend/source/source_file.h"

namespace absim::parse {

struct ParseOptions {
    bool twoStage = true; // SLL first, LL only on failure
};

struct ParseStats {
    bool usedFullLL = false; // the fast SLL pass failed (or was skipped)
};

// Parses one file. Syntax errors go to `diags`; the result is whatever could
// be built (never throws).
ast::CompilationUnit parseFile(const SourceFile& file, DiagnosticEngine& diags,
                               const ParseOptions& opts = {}, ParseStats* stats = nullptr);

} // namespace absim::parse
