// The module-level names a module declares. Constructors, functions and
// type-level names are separate namespaces; a datatype also yields one
// selector function per distinct selector name among its constructors.

#include "frontend/sema/module_scope_impl.h"
#include "frontend/sema/program_builder.h"

namespace absim::sema {

void addNote(Diagnostic& d, SourceRange range, std::string message) {
    Diagnostic note;
    note.severity = Severity::Note;
    note.range = range;
    note.message = std::move(message);
    d.notes.push_back(std::move(note));
}

namespace {

class Declarer {
  public:
    Declarer(Program& program, ModuleInfo& module, DiagnosticEngine& diags)
        : program_(program), module_(module), diags_(diags), scope_(*module.scope.impl) {}

    void run() {
        for (const auto& decl : module_.decl->decls)
            declare(*decl);
    }

  private:
    Program& program_;
    ModuleInfo& module_;
    DiagnosticEngine& diags_;
    ModuleScope::Impl& scope_;
    // Where each declared symbol was introduced, for "previous declaration".
    std::unordered_map<const Symbol*, SourceRange> where_;

    Symbol* make(Symbol::Kind kind, const std::string& name, const ast::Decl* decl,
                 SourceRange range) {
        auto sym = std::make_unique<Symbol>();
        sym->kind = kind;
        sym->name = name;
        sym->qualifiedName = module_.name + "." + name;
        sym->module = &module_;
        sym->decl = decl;
        Symbol* raw = sym.get();
        auto& table = scope_.declared[spaceIndex(spaceOf(*raw))];
        if (auto it = table.find(name); it != table.end()) {
            Diagnostic& d = diags_.error(range, "duplicate declaration of '" + name + "'");
            addNote(d, where_[it->second], "previous declaration is here");
            return nullptr;
        }
        program_.symbols_.push_back(std::move(sym));
        table.emplace(name, raw);
        where_[raw] = range;
        module_.declared.push_back(raw);
        return raw;
    }

    void declare(const ast::Decl& decl) {
        using K = Symbol::Kind;
        program_.declModule_[&decl] = &module_;
        std::string name = decl.name.simple();
        Symbol* sym = nullptr;
        switch (decl.kind) {
        case ast::DeclKind::Data:
            sym = make(K::Datatype, name, &decl, decl.name.range);
            declareConstructors(*decl.as<ast::DataDecl>());
            break;
        case ast::DeclKind::TypeSynonym:
            sym = make(K::TypeSynonym, name, &decl, decl.name.range);
            break;
        case ast::DeclKind::Exception: {
            sym = make(K::Exception, name, &decl, decl.name.range);
            // `exception E(T name)` declares a selector `name`, as a
            // constructor argument does (the reference's behaviour).
            const auto& args = decl.as<ast::ExceptionDecl>()->args;
            for (size_t i = 0; i < args.size(); ++i)
                if (args[i].selector)
                    if (Symbol* sel = make(K::Selector, *args[i].selector, &decl, args[i].range))
                        sel->selectorOf.emplace_back(nullptr, i);
            break;
        }
        case ast::DeclKind::Function:
            sym = make(K::Function, name, &decl, decl.name.range);
            break;
        case ast::DeclKind::PartialFunction:
            sym = make(K::PartialFunction, name, &decl, decl.name.range);
            break;
        case ast::DeclKind::Interface:
            sym = make(K::Interface, name, &decl, decl.name.range);
            break;
        case ast::DeclKind::Class:
            sym = make(K::Class, name, &decl, decl.name.range);
            break;
        case ast::DeclKind::Trait:
            sym = make(K::Trait, name, &decl, decl.name.range);
            break;
        }
        if (sym)
            program_.declSymbol_[&decl] = sym;
    }

    void declareConstructors(const ast::DataDecl& data) {
        // Selectors of this datatype by name: one function serves every
        // constructor that names an argument the same way.
        std::unordered_map<std::string, Symbol*> selectors;
        for (const ast::DataConstructor& c : data.constructors) {
            Symbol* sym = make(Symbol::Kind::Constructor, c.name, &data, c.range);
            if (sym) {
                sym->constructor = &c;
                program_.constructorSymbol_[&c] = sym;
            }
            for (size_t i = 0; i < c.args.size(); ++i) {
                const ast::ConstructorArg& arg = c.args[i];
                if (!arg.selector)
                    continue;
                // Only the first use of a name declares it (a clash is
                // reported once).
                auto [it, fresh] = selectors.try_emplace(*arg.selector, nullptr);
                if (fresh)
                    it->second = make(Symbol::Kind::Selector, *arg.selector, &data, arg.range);
                if (it->second)
                    it->second->selectorOf.emplace_back(&c, i);
            }
        }
    }
};

} // namespace

void declareSymbols(Program& program, ModuleInfo& module, DiagnosticEngine& diags) {
    Declarer(program, module, diags).run();
}

} // namespace absim::sema
