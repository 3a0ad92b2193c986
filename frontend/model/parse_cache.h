#pragma once
// Parsed user files kept on disk between runs, so that running the same
// model again (a parameter sweep, the runs of a benchmark, a model opened
// again after a run) skips the ANTLR parse, which is most of the start-up.
//
// An entry holds the whole source text it was parsed from and the identity
// of the binary that wrote it, and is used only when both match exactly:
// the tree it holds is then the one the parser would build (ast_pack's form
// is private to one build). Only files that parsed without any diagnostic
// are stored, so a file read from the cache has nothing to report. Every
// failure (no directory, a corrupt or foreign entry, a full disk) falls back
// to parsing, silently: the cache can make a run faster, never different.

#include "frontend/ast/ast.h"
#include "frontend/source/source_file.h"

#include <optional>
#include <string>

namespace absim {

struct ParseCache {
    std::string directory; // empty: no cache
    std::string buildId;   // the binary's identity (app/build_identity.h)
    // How many entries the directory keeps; storing one more removes the
    // oldest.
    size_t capacity = 256;

    bool enabled() const { return !directory.empty() && !buildId.empty(); }
};

// The tree of `file` as stored by an earlier storeParsed(), or nothing.
std::optional<ast::CompilationUnit> lookUpParsed(const ParseCache& cache, const SourceFile& file);

// Stores the tree of `file`, parsed without diagnostics. `unit` is moved out
// and back (packing walks it in place).
void storeParsed(const ParseCache& cache, const SourceFile& file, ast::CompilationUnit& unit);

// The cache directory the environment asks for: ABSIM_CACHE_DIR if set (set
// but empty, or ABSIM_CACHE=off: none), else $XDG_CACHE_HOME/absim, else
// $HOME/.cache/absim; empty when there is none.
std::string parseCacheDirectoryFromEnvironment();

} // namespace absim
