// Patterns of `case`, `switch`, `catch` and `recover` against the type of
// the value they match. A name already in scope (local, parameter, field,
// or earlier in the same pattern) compares; any other name binds.

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

namespace absim::sema {

namespace {

bool fieldVisible(const Context& ctx, const std::string& name) {
    return ctx.cls && ctx.where != Where::Function && ctx.where != Where::Main &&
           ctx.cls->fieldIndex.count(name);
}

} // namespace

void Checker::checkPattern(const ast::Pattern& p, const Type* scrutinee, Context& ctx,
                           Frame& into) {
    auto literal = [&](const Type* t, bool fits) {
        if (!fits && !TypeSystem::isOpen(scrutinee))
            error(p.range, "pattern of type " + quoted(t) + " cannot match a value of type " +
                               quoted(scrutinee));
        else if (TypeSystem::isOpen(scrutinee))
            ts_.isSubtype(t, scrutinee);
    };
    switch (p.kind) {
    case ast::PatternKind::Wildcard:
        return;
    case ast::PatternKind::IntLit:
        literal(ts_.intType(), ts_.isIntOrRat(scrutinee));
        return;
    case ast::PatternKind::FloatLit:
        literal(ts_.floatType(), ts_.isData(scrutinee, ts_.builtins.Float));
        return;
    case ast::PatternKind::StringLit:
        literal(ts_.stringType(), ts_.isData(scrutinee, ts_.builtins.String));
        return;
    case ast::PatternKind::Var: {
        const Type* existing = nullptr;
        if (auto it = into.find(p.text); it != into.end()) {
            existing = it->second.type;
        } else if (LocalVar* v = findLocal(ctx, p.text)) {
            existing = v->type;
            recordVar(&p, v->kind);
        } else if (fieldVisible(ctx, p.text)) {
            existing = ctx.cls->fields[ctx.cls->fieldIndex.at(p.text)].type;
            recordVar(&p, VarKind::Field);
        }
        if (!silent_)
            out_.setPatternBinds(&p, existing == nullptr);
        if (!existing) {
            into[p.text] = LocalVar{scrutinee, VarKind::PatternBound, true, p.range};
            return;
        }
        // A bound name matches values equal to it.
        if (!ts_.isSubtype(existing, scrutinee) && !ts_.isSubtype(scrutinee, existing) &&
            !(ts_.isReference(existing) && ts_.isReference(scrutinee)))
            error(p.range, "'" + p.text + "' is already bound to a value of type " +
                               quoted(existing) + ", which cannot match a value of type " +
                               quoted(scrutinee));
        return;
    }
    case ast::PatternKind::Constructor:
        break;
    }

    const std::string& name = p.constructor.text;
    bool ambiguous = false;
    const Symbol* sym = ctx.module->scope.lookup(ModuleScope::Space::Constructor, name, &ambiguous);
    if (!sym) {
        if (ambiguous)
            error(p.constructor.range, "constructor '" + name +
                                           "' is ambiguous: it is imported from several modules; "
                                           "write it qualified");
        else
            error(p.constructor.range,
                  "unknown constructor '" + name + "'" +
                      unknownHint(ModuleScope::Space::Constructor, name, ctx.module));
        for (const ast::Pattern& a : p.args)
            checkPattern(a, ts_.arena.any(), ctx, into);
        return;
    }
    recordSymbol(&p, sym);
    const FunctionSig& sig = sigOf(sym);
    std::unordered_map<const Type*, const Type*> subst;
    for (const Type* t : sig.typeParams)
        subst[t] = ts_.arena.freshVar();
    const Type* built = ts_.substitute(sig.result, subst);
    if (!ts_.isSubtype(built, scrutinee) && !ts_.isSubtype(scrutinee, built))
        error(p.range, "pattern '" + name + "' of type " + quoted(built) +
                           " cannot match a value of type " + quoted(scrutinee));
    if (p.args.size() != sig.params.size()) {
        error(p.range, "constructor '" + name + "' takes " + std::to_string(sig.params.size()) +
                           " argument" + (sig.params.size() == 1 ? "" : "s") +
                           ", but the pattern has " + std::to_string(p.args.size()));
        for (const ast::Pattern& a : p.args)
            checkPattern(a, ts_.arena.any(), ctx, into);
        return;
    }
    for (size_t i = 0; i < p.args.size(); ++i)
        checkPattern(p.args[i], ts_.substitute(sig.params[i], subst), ctx, into);
}

} // namespace absim::sema
