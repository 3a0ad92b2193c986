#pragma once
// A compact binary form of parsed compilation units, so that the standard
// library can be parsed once at build time (tools/stdlib_pack) and read back
// at start-up in a fraction of the time ANTLR needs.
//
// The form is private to one build: the tool that writes it and the binary
// that reads it are compiled from the same ast.h, so there is no versioning
// beyond a magic number and a check that every byte was consumed. Only
// modules are stored (no deltas, product lines or feature models):
// packUnits refuses units that have them.

#include "frontend/ast/ast.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace absim::ast {

// File ids are stored relative to `firstFile` (the id of the first packed
// file), so the reader can place the files anywhere in its SourceManager.
// Returns nothing if a unit holds something the form does not store.
std::optional<std::string> packUnits(std::vector<CompilationUnit>& units, FileId firstFile);

// Reads what packUnits wrote, shifting file ids to start at `firstFile`.
// Returns false (and leaves `units` unspecified) on malformed input.
bool unpackUnits(std::string_view packed, FileId firstFile, std::vector<CompilationUnit>& units);

} // namespace absim::ast
