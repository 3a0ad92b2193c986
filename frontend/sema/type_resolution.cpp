// Types as written (`List<Pair<String, Rat>>`, `ABS.DC.DC`, `A`) to Type:
// type parameters in scope first, then the module's type names; synonyms
// are expanded (they are transparent) and may not be cyclic.

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

namespace absim::sema {

namespace {

size_t datatypeArity(const Symbol* sym) {
    if (const auto* d = sym->decl ? sym->decl->tryAs<ast::DataDecl>() : nullptr)
        return d->typeParams.size();
    // Stand-ins for builtins missing from the library.
    return sym->name == "Fut" || sym->name == "List" ? 1 : 0;
}

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

Checker::TypeParams Checker::declareTypeParams(const std::vector<ast::TypeParam>& params,
                                               const void* owner) {
    TypeParams out;
    for (const ast::TypeParam& p : params) {
        if (out.count(p.name)) {
            error(p.range, "duplicate type parameter '" + p.name + "'");
            continue;
        }
        out[p.name] = ts_.arena.param(p.name, owner);
    }
    return out;
}

const Type* Checker::resolveType(const ast::TypeUse& use, const ModuleInfo* module,
                                 const TypeParams& params) {
    const std::string& text = use.name.text;
    std::vector<const Type*> args;
    for (const auto& a : use.args)
        args.push_back(resolveType(*a, module, params));

    if (!use.name.qualified()) {
        if (auto it = params.find(text); it != params.end()) {
            if (!args.empty())
                error(use.range, "type parameter '" + text + "' takes no type arguments");
            return it->second;
        }
    }
    bool ambiguous = false;
    const Symbol* sym = module->scope.lookup(ModuleScope::Space::Type, text, &ambiguous);
    if (!sym && !ambiguous) {
        // Builtins are found even if the library does not declare them.
        std::string q = use.name.qualifier();
        if (q.empty() || q == "ABS.StdLib")
            sym = ts_.builtinNamed(use.name.simple());
        // The reference accepts `Any` as the type every value has (it may
        // only be compared) and an exception's name as a type: the
        // constructor's type, Exception. The spec is silent on both.
        if (!sym && use.args.empty() && (q.empty() || q == "ABS.StdLib") &&
            use.name.simple() == "Any")
            return ts_.arena.any();
        if (!sym && use.args.empty()) {
            const Symbol* c = module->scope.lookup(ModuleScope::Space::Constructor, text);
            if (c && c->kind == Symbol::Kind::Exception)
                return ts_.arena.data(ts_.builtins.Exception);
        }
    }
    if (!sym) {
        if (ambiguous) {
            error(use.name.range, "type '" + text +
                                      "' is ambiguous: it is imported from several modules; "
                                      "write it qualified");
        } else {
            std::vector<std::string> names = module->scope.visibleNames(ModuleScope::Space::Type);
            for (const auto& [n, t] : params)
                names.push_back(n);
            std::string hint = didYouMean(text, names);
            if (hint.empty())
                hint = unknownHint(ModuleScope::Space::Type, text, module);
            error(use.name.range, "unknown type '" + text + "'" + hint);
        }
        return ts_.arena.any();
    }
    switch (sym->kind) {
    case Symbol::Kind::Datatype: {
        size_t arity = datatypeArity(sym);
        if (args.size() != arity) {
            error(use.range, "type '" + sym->name + "' expects " + plural(arity, "type argument") +
                                 ", found " + std::to_string(args.size()));
            return ts_.arena.any();
        }
        return ts_.arena.data(sym, std::move(args));
    }
    case Symbol::Kind::TypeSynonym: {
        const Type* expanded = synonymType(sym, use.name.range);
        const auto* decl = sym->decl->as<ast::TypeSynonymDecl>();
        if (args.size() != decl->typeParams.size()) {
            error(use.range, "type '" + sym->name + "' expects " +
                                 plural(decl->typeParams.size(), "type argument") + ", found " +
                                 std::to_string(args.size()));
            return ts_.arena.any();
        }
        std::unordered_map<const Type*, const Type*> subst;
        for (size_t i = 0; i < args.size(); ++i)
            subst[ts_.arena.param(decl->typeParams[i].name, decl)] = args[i];
        return ts_.substitute(expanded, subst);
    }
    case Symbol::Kind::Interface:
        if (!args.empty())
            error(use.range, "interface '" + sym->name + "' takes no type arguments");
        return ts_.arena.interface(sym);
    case Symbol::Kind::Class:
        error(use.name.range,
              "class '" + sym->name + "' is not a type; use an interface it implements");
        return ts_.arena.any();
    case Symbol::Kind::Trait:
        error(use.name.range, "trait '" + sym->name + "' is not a type");
        return ts_.arena.any();
    default:
        error(use.name.range, "'" + text + "' is not a type");
        return ts_.arena.any();
    }
}

const Type* Checker::synonymType(const Symbol* sym, SourceRange useRange) {
    if (auto it = synonyms_.find(sym); it != synonyms_.end())
        return it->second;
    const auto* decl = sym->decl->as<ast::TypeSynonymDecl>();
    if (synonymBusy_[sym]) {
        (void)useRange;
        error(decl->name.range, "type synonym '" + sym->name + "' is defined in terms of itself");
        return synonyms_[sym] = ts_.arena.any();
    }
    synonymBusy_[sym] = true;
    TypeParams params = declareTypeParams(decl->typeParams, decl);
    const Type* t = decl->type ? resolveType(*decl->type, sym->module, params) : ts_.arena.any();
    synonymBusy_[sym] = false;
    // A cycle found below already stored Any for this synonym: keep it.
    auto [it, fresh] = synonyms_.try_emplace(sym, t);
    return it->second;
}

const Symbol* Checker::resolveInterfaceName(const ast::Name& name, const ModuleInfo* module) {
    bool ambiguous = false;
    const Symbol* sym = module->scope.lookup(ModuleScope::Space::Type, name.text, &ambiguous);
    if (sym && sym->kind == Symbol::Kind::TypeSynonym) {
        // `type DC = DeploymentComponent;` may stand for an interface.
        const Type* t = resolve(synonymType(sym, name.range));
        if (t->kind == Type::Kind::Interface)
            return t->symbol;
        error(name.range, "'" + name.text + "' is not an interface");
        return nullptr;
    }
    if (sym && sym->kind == Symbol::Kind::Interface)
        return sym;
    if (sym) {
        error(name.range, "'" + name.text + "' is not an interface");
    } else if (ambiguous) {
        error(name.range, "interface '" + name.text +
                              "' is ambiguous: it is imported from several modules; "
                              "write it qualified");
    } else {
        std::vector<std::string> names;
        for (const std::string& n : module->scope.visibleNames(ModuleScope::Space::Type)) {
            const Symbol* s = module->scope.lookup(ModuleScope::Space::Type, n);
            if (s && s->kind == Symbol::Kind::Interface)
                names.push_back(n);
        }
        error(name.range, "unknown interface '" + name.text + "'" + didYouMean(name.text, names));
    }
    return nullptr;
}

} // namespace absim::sema
