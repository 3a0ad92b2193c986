#pragma once
// The steps of buildProgram (internal to frontend/sema).

#include "frontend/sema/program.h"

namespace absim::sema {

// Creates the symbols declared in `module` (datatypes, their constructors
// and selectors, synonyms, exceptions, functions, interfaces, classes,
// traits) and reports duplicates.
void declareSymbols(Program& program, ModuleInfo& module, DiagnosticEngine& diags);

// Computes every module's imports and exports (they depend on each other
// across modules, so to a fixpoint) and reports unknown modules and names
// that are not exported.
void resolveImportsAndExports(Program& program, DiagnosticEngine& diags);

// Attaches a note to `d`.
void addNote(Diagnostic& d, SourceRange range, std::string message);

} // namespace absim::sema
