// Imports and exports (language.md §3.5). What a module exports can depend
// on what it imports (`export * from M2`, `export n` of an imported name),
// and modules may import each other in cycles, so both are computed together
// by repeating the passes until nothing new is added; tables only grow, so
// this terminates. Errors are reported in one last pass over the settled
// tables, so each is reported once.

#include "frontend/sema/module_scope_impl.h"
#include "frontend/sema/program_builder.h"
#include "frontend/sema/suggest.h"

#include <algorithm>
#include <map>
#include <utility>

namespace absim::sema {

namespace {

constexpr const char* kStdLib = "ABS.StdLib";

class Linker {
  public:
    Linker(Program& program, DiagnosticEngine& diags) : program_(program), diags_(diags) {
        for (const auto& m : program_.modules_)
            byName_.try_emplace(m->name, m.get());
        for (const auto& m : program_.modules_)
            implicitStdLib_[m.get()] = needsImplicitStdLib(*m);
    }

    void run() {
        bool changed = true;
        while (changed) {
            changed = false;
            for (const auto& m : program_.modules_)
                changed |= importInto(*m);
            for (const auto& m : program_.modules_)
                changed |= exportFrom(*m);
        }
        reporting_ = true;
        for (const auto& m : program_.modules_) {
            importInto(*m);
            exportFrom(*m);
        }
    }

  private:
    Program& program_;
    DiagnosticEngine& diags_;
    std::unordered_map<std::string, ModuleInfo*> byName_;
    std::unordered_map<const ModuleInfo*, bool> implicitStdLib_;
    bool reporting_ = false;
    std::unordered_map<const ModuleInfo*, size_t> exportGrowth_;
    std::map<std::pair<const ModuleInfo*, const ModuleInfo*>, size_t> importedAllAt_;

    static ModuleScope::Impl& tables(const ModuleInfo& m) { return *m.scope.impl; }

    // Every module imports ABS.StdLib unless it names that module in an
    // import itself (then only what it names).
    bool needsImplicitStdLib(const ModuleInfo& m) const {
        if (m.name == kStdLib || !byName_.count(kStdLib))
            return false;
        for (const ast::ImportDecl& imp : m.decl->imports) {
            if (imp.from && imp.from->text == kStdLib)
                return false;
        }
        return true;
    }

    ModuleInfo* moduleNamed(const ast::Name& name) {
        auto it = byName_.find(name.text);
        if (it != byName_.end())
            return it->second;
        if (reporting_) {
            std::vector<std::string> names;
            for (const auto& [n, m] : byName_)
                names.push_back(n);
            diags_.error(name.range,
                         "unknown module '" + name.text + "'" + didYouMean(name.text, names));
        }
        return nullptr;
    }

    // All names `from` exports, in any namespace (for hints).
    static std::vector<std::string> exportedNames(const ModuleInfo& from) {
        std::vector<std::string> names;
        for (const NameTable& table : tables(from).exported)
            for (const auto& [n, syms] : table)
                names.push_back(n);
        return names;
    }

    void reportNotExported(const ast::Name& name, const std::string& simple,
                           const ModuleInfo& from) {
        diags_.error(name.range, "module '" + from.name + "' does not export '" + simple + "'" +
                                     didYouMean(simple, exportedNames(from)));
    }

    // Makes `sym` (exported by `from`) visible in `into`.
    static bool addImport(ModuleInfo& into, const ModuleInfo& from, const Symbol* sym,
                          bool unqualified) {
        ModuleScope::Impl& t = tables(into);
        size_t space = spaceIndex(spaceOf(*sym));
        bool changed = false;
        if (unqualified)
            changed |= addUnique(t.imported[space][sym->name], sym);
        // `qualified` and `importedFrom` only grow here, together: a symbol
        // new to one is new to the other (no quadratic search of the
        // ever-growing importedFrom list).
        if (addUnique(t.qualified[space][from.name + "." + sym->name], sym)) {
            t.importedFrom[from.name].push_back(sym);
            changed = true;
        }
        return changed;
    }

    // Everything `from` exports. Its exports only grow, each growth counted
    // in exportGrowth_: when they have not grown since the last time, there
    // is nothing new to import (the passes repeat until nothing changes, and
    // a model imports the whole standard library into every module).
    bool importAll(ModuleInfo& into, const ModuleInfo& from) {
        size_t& seen = importedAllAt_[{&into, &from}];
        size_t now = exportGrowth_[&from] + 1; // 0: never imported
        if (seen == now)
            return false;
        seen = now;
        bool changed = false;
        for (const NameTable& table : tables(from).exported)
            for (const auto& [n, syms] : table)
                for (const Symbol* sym : syms)
                    changed |= addImport(into, from, sym, true);
        return changed;
    }

    // Imports `simple` from `from`; false result in `found` when not exported.
    static bool importOne(ModuleInfo& into, const ModuleInfo& from, const std::string& simple,
                          bool unqualified, bool& found) {
        bool changed = false;
        found = false;
        for (const NameTable& table : tables(from).exported) {
            auto it = table.find(simple);
            if (it == table.end())
                continue;
            found = true;
            for (const Symbol* sym : it->second)
                changed |= addImport(into, from, sym, unqualified);
        }
        return changed;
    }

    bool importInto(ModuleInfo& m) {
        bool changed = false;
        if (implicitStdLib_[&m] && !reporting_)
            changed |= importAll(m, *byName_.at(kStdLib));
        for (const ast::ImportDecl& imp : m.decl->imports) {
            switch (imp.kind) {
            case ast::ImportDecl::Kind::StarFrom:
                if (ModuleInfo* from = imp.from ? moduleNamed(*imp.from) : nullptr)
                    changed |= importAll(m, *from);
                break;
            case ast::ImportDecl::Kind::NamesFrom: {
                ModuleInfo* from = imp.from ? moduleNamed(*imp.from) : nullptr;
                if (!from)
                    break;
                for (const ast::Name& n : imp.names) {
                    bool found = false;
                    changed |= importOne(m, *from, n.simple(), true, found);
                    if (!found && reporting_)
                        reportNotExported(n, n.simple(), *from);
                }
                break;
            }
            case ast::ImportDecl::Kind::Qualified:
                for (const ast::Name& n : imp.names)
                    changed |= importQualified(m, n);
                break;
            }
        }
        return changed;
    }

    bool importQualified(ModuleInfo& m, const ast::Name& n) {
        if (!n.qualified()) {
            if (reporting_)
                diags_.error(n.range, "'import " + n.text +
                                          ";' must name the module: write 'import " + n.text +
                                          " from M;' or 'import M." + n.text + ";'");
            return false;
        }
        ast::Name moduleName{n.qualifier(), n.range};
        ModuleInfo* from = moduleNamed(moduleName);
        if (!from)
            return false;
        bool found = false;
        bool changed = importOne(m, *from, n.simple(), false, found);
        if (!found && reporting_)
            reportNotExported(n, n.simple(), *from);
        return changed;
    }

    bool addExport(ModuleInfo& m, const Symbol* sym) {
        bool added = addUnique(tables(m).exported[spaceIndex(spaceOf(*sym))][sym->name], sym);
        if (added)
            ++exportGrowth_[&m];
        return added;
    }

    bool exportFrom(ModuleInfo& m) {
        bool changed = false;
        ModuleScope::Impl& t = tables(m);
        for (const ast::ExportDecl& exp : m.decl->exports) {
            if (exp.star && !exp.from) {
                for (const Symbol* sym : m.declared)
                    changed |= addExport(m, sym);
                continue;
            }
            ModuleInfo* from = nullptr;
            if (exp.from) {
                from = moduleNamed(*exp.from);
                if (!from)
                    continue;
            }
            if (exp.star) {
                changed |= reexportAll(m, *from);
                continue;
            }
            for (const ast::Name& n : exp.names) {
                bool found = false;
                if (from)
                    changed |= reexportOne(m, *from, n.simple(), found);
                else
                    changed |= exportVisible(m, n, found);
                if (found || !reporting_)
                    continue;
                if (from) {
                    reportNotExported(n, n.simple(), *from);
                } else {
                    std::vector<std::string> names;
                    for (const auto& table : t.declared)
                        for (const auto& [name, sym] : table)
                            names.push_back(name);
                    for (const auto& table : t.imported)
                        for (const auto& [name, syms] : table)
                            names.push_back(name);
                    diags_.error(n.range, "cannot export '" + n.text +
                                              "': no such name in module '" + m.name + "'" +
                                              didYouMean(n.text, names));
                }
            }
        }
        return changed;
    }

    // `export * from M2`: what this module imported from M2 (or, when it
    // imports nothing from M2, everything M2 exports).
    bool reexportAll(ModuleInfo& m, const ModuleInfo& from) {
        bool changed = false;
        ModuleScope::Impl& t = tables(m);
        auto it = t.importedFrom.find(from.name);
        if (it != t.importedFrom.end()) {
            std::vector<const Symbol*> syms = it->second; // addExport does not touch it
            for (const Symbol* sym : syms)
                changed |= addExport(m, sym);
            return changed;
        }
        for (const NameTable& table : tables(from).exported)
            for (const auto& [n, syms] : table)
                for (const Symbol* sym : syms)
                    changed |= addExport(m, sym);
        return changed;
    }

    bool reexportOne(ModuleInfo& m, const ModuleInfo& from, const std::string& simple,
                     bool& found) {
        bool changed = false;
        found = false;
        ModuleScope::Impl& t = tables(m);
        if (auto it = t.importedFrom.find(from.name); it != t.importedFrom.end()) {
            std::vector<const Symbol*> syms = it->second;
            for (const Symbol* sym : syms) {
                if (sym->name == simple) {
                    found = true;
                    changed |= addExport(m, sym);
                }
            }
        }
        if (found)
            return changed;
        for (const NameTable& table : tables(from).exported) {
            auto it = table.find(simple);
            if (it == table.end())
                continue;
            found = true;
            for (const Symbol* sym : it->second)
                changed |= addExport(m, sym);
        }
        return changed;
    }

    // `export n;`: every entity `n` denotes here, in any namespace (a
    // datatype and its constructor often share a name).
    bool exportVisible(ModuleInfo& m, const ast::Name& n, bool& found) {
        bool changed = false;
        found = false;
        ModuleScope::Impl& t = tables(m);
        std::string simple = n.simple();
        bool own = !n.qualified() || n.qualifier() == m.name;
        for (size_t s = 0; s < ModuleScope::kSpaceCount; ++s) {
            if (own) {
                if (auto it = t.declared[s].find(simple); it != t.declared[s].end()) {
                    found = true;
                    changed |= addExport(m, it->second);
                    continue;
                }
            }
            const NameTable& table = n.qualified() ? t.qualified[s] : t.imported[s];
            if (auto it = table.find(n.text); it != table.end()) {
                found = true;
                SymbolSet syms = it->second;
                for (const Symbol* sym : syms)
                    changed |= addExport(m, sym);
            }
        }
        return changed;
    }
};

} // namespace

void resolveImportsAndExports(Program& program, DiagnosticEngine& diags) {
    Linker(program, diags).run();
}

} // namespace absim::sema
