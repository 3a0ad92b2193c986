#pragma once
// A readable, stable text dump of the AST: one node per line, indented by
// depth, `Kind salient-data @line:col`. Golden tests compare it, so its
// format changes only on purpose.

#include "frontend/ast/ast.h"

#include <string>

namespace absim::ast {

std::string dumpAst(const CompilationUnit& unit, const SourceManager& sources);

} // namespace absim::ast
