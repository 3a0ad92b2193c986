#pragma once
// The tables behind ModuleScope (internal to frontend/sema). A module's
// scope is filled in three steps by buildProgram: its own declarations
// (declare_symbols.cpp), then imports and exports, which depend on each
// other across modules and are computed to a fixpoint (exports_imports.cpp).

#include "frontend/sema/program.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace absim::sema {

// Several distinct symbols may reach one name (two imports of different
// entities); lookups treat more than one as ambiguous.
using SymbolSet = std::vector<const Symbol*>;
using NameTable = std::unordered_map<std::string, SymbolSet>;

// Adds `sym` unless present; true when added (drives the fixpoint).
bool addUnique(SymbolSet& set, const Symbol* sym);

inline size_t spaceIndex(ModuleScope::Space s) {
    return static_cast<size_t>(s);
}

// The namespace a symbol's name lives in.
ModuleScope::Space spaceOf(const Symbol& sym);

struct ModuleScope::Impl {
    std::string moduleName;
    // Declared here: one symbol per name (duplicates are rejected).
    std::array<std::unordered_map<std::string, const Symbol*>, kSpaceCount> declared;
    // Usable unqualified through `import * from M` / `import n from M`.
    std::array<NameTable, kSpaceCount> imported;
    // Usable only in qualified form `M.n` through imports (own declarations
    // are found through `declared`).
    std::array<NameTable, kSpaceCount> qualified;
    // What this module exports, by simple name.
    std::array<NameTable, kSpaceCount> exported;
    // Every symbol imported from a module (by module name), in any form:
    // what `export * from M` re-exports.
    std::unordered_map<std::string, std::vector<const Symbol*>> importedFrom;

    const Symbol* find(size_t space, const std::string& name, bool* ambiguous) const;
};

} // namespace absim::sema
