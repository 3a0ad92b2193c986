// buildProgram: one ModuleInfo per module declaration (standard library
// first), their declarations, then imports and exports.

#include "frontend/sema/module_scope_impl.h"
#include "frontend/sema/program_builder.h"

namespace absim::sema {

const ModuleInfo* Program::findModule(std::string_view name) const {
    for (const auto& m : modules_) {
        if (m->name == name)
            return m.get();
    }
    return nullptr;
}

const ModuleInfo* Program::mainModule(std::string_view requested) const {
    if (!requested.empty())
        return findModule(requested);
    for (const auto& m : modules_) {
        if (!m->fromStdlib && m->decl->main)
            return m.get();
    }
    return nullptr;
}

const ModuleInfo* Program::moduleOf(const ast::Decl* decl) const {
    auto it = declModule_.find(decl);
    return it == declModule_.end() ? nullptr : it->second;
}

const Symbol* Program::symbolOf(const ast::Decl* decl) const {
    auto it = declSymbol_.find(decl);
    return it == declSymbol_.end() ? nullptr : it->second;
}

const Symbol* Program::symbolOf(const ast::DataConstructor* constructor) const {
    auto it = constructorSymbol_.find(constructor);
    return it == constructorSymbol_.end() ? nullptr : it->second;
}

const Symbol* Program::selectorOf(const ast::DataDecl* data, std::string_view name) const {
    const ModuleInfo* m = moduleOf(data);
    if (!m)
        return nullptr;
    const auto& functions = m->scope.impl->declared[spaceIndex(ModuleScope::Space::Function)];
    auto it = functions.find(std::string(name));
    if (it == functions.end() || it->second->kind != Symbol::Kind::Selector ||
        it->second->decl != data)
        return nullptr;
    return it->second;
}

std::unique_ptr<Program> buildProgram(const ParsedModel& model, DiagnosticEngine& diags) {
    auto program = std::make_unique<Program>();
    std::unordered_map<std::string, const ModuleInfo*> seen;
    for (size_t u = 0; u < model.units.size(); ++u) {
        const ast::CompilationUnit& unit = model.units[u];
        for (const ast::ModuleDecl& decl : unit.modules) {
            auto info = std::make_unique<ModuleInfo>();
            info->name = decl.name.text;
            info->decl = &decl;
            info->unit = &unit;
            info->fromStdlib = u < model.firstUserUnit;
            info->scope.impl->moduleName = info->name;
            auto [it, fresh] = seen.try_emplace(info->name, info.get());
            if (!fresh) {
                Diagnostic& d =
                    diags.error(decl.name.range, "duplicate module '" + info->name + "'");
                addNote(d, it->second->decl->name.range, "previous declaration is here");
            }
            program->modules_.push_back(std::move(info));
        }
    }
    for (const auto& m : program->modules_)
        declareSymbols(*program, *m, diags);
    resolveImportsAndExports(*program, diags);
    return program;
}

} // namespace absim::sema
