// Module-level declarations other than classes: datatypes, functions,
// higher-order functions, interfaces, and the main block.

#include "frontend/sema/checker_impl.h"

namespace absim::sema {

void Checker::checkParams(const std::vector<ast::ParamDecl>& params, Context& ctx,
                          std::vector<const Type*>* types, VarKind kind) {
    for (size_t i = 0; i < params.size(); ++i) {
        const ast::ParamDecl& p = params[i];
        checkAnnotations(p.annotations, ctx);
        const Type* t = types && i < types->size() ? (*types)[i] : ts_.arena.any();
        if (ctx.frames.back().count(p.name)) {
            errorWithNote(p.range, "duplicate parameter '" + p.name + "'",
                          ctx.frames.back()[p.name].range, "previous declaration is here");
            continue;
        }
        // Method parameters may be assigned; function parameters cannot be
        // (functions have no statements).
        ctx.frames.back()[p.name] = LocalVar{t, kind, false, p.range};
    }
}

void Checker::checkModule(const ModuleInfo& m) {
    for (const auto& d : m.decl->decls) {
        if (!program_.symbolOf(d.get()))
            continue; // a duplicate: already reported
        switch (d->kind) {
        case ast::DeclKind::Data:
            checkDatatype(*d->as<ast::DataDecl>(), m);
            break;
        case ast::DeclKind::Function:
            checkFunction(*d->as<ast::FunctionDecl>(), m);
            break;
        case ast::DeclKind::PartialFunction:
            checkPartialFunction(*d->as<ast::PartialFunctionDecl>(), m);
            break;
        case ast::DeclKind::Interface:
            checkInterface(*d->as<ast::InterfaceDecl>(), m);
            break;
        case ast::DeclKind::Class:
            checkClass(*d->as<ast::ClassDecl>(), m);
            break;
        case ast::DeclKind::TypeSynonym:
        case ast::DeclKind::Exception:
        case ast::DeclKind::Trait:
            // Synonyms and exceptions were resolved with the signatures;
            // traits are checked inside each class that uses them.
            break;
        }
    }
    if (m.decl->main)
        checkMain(*m.decl->main, m);
}

void Checker::checkDatatype(const ast::DataDecl& d, const ModuleInfo& m) {
    Context ctx;
    ctx.module = &m;
    ctx.frames.emplace_back();
    checkAnnotations(d.annotations, ctx);
    // Constructor argument types were resolved with the signatures; unused
    // type parameters are allowed (phantom types).
    typeParamsOf(d.typeParams, &d);
}

void Checker::checkFunction(const ast::FunctionDecl& d, const ModuleInfo& m) {
    const Symbol* sym = program_.symbolOf(&d);
    FunctionSig sig = sigOf(sym);
    Context ctx;
    ctx.module = &m;
    ctx.where = Where::Function;
    ctx.typeParams = typeParamsOf(d.typeParams, &d);
    ctx.frames.emplace_back();
    checkAnnotations(d.annotations, ctx);
    checkParams(d.params, ctx, &sig.params, VarKind::Parameter);
    if (d.builtin) {
        for (const auto& a : d.builtinArgs)
            checkPure(*a, ctx);
        return;
    }
    if (!d.body)
        return;
    const Type* t = checkPure(*d.body, ctx, sig.result);
    if (!ts_.isSubtype(t, sig.result))
        error(d.body->range, "body of function '" + sym->name + "' has type " + quoted(t) +
                                 ", expected " + quoted(sig.result));
}

void Checker::checkPartialFunction(const ast::PartialFunctionDecl& d, const ModuleInfo& m) {
    const Symbol* sym = program_.symbolOf(&d);
    FunctionSig sig = sigOf(sym);
    Context ctx;
    ctx.module = &m;
    ctx.where = Where::Function;
    ctx.typeParams = typeParamsOf(d.typeParams, &d);
    ctx.partial = &d;
    for (size_t i = 0; i < d.funParams.size(); ++i) {
        if (!ctx.funArgs.try_emplace(d.funParams[i]).second)
            error(i < d.funParamRanges.size() ? d.funParamRanges[i] : d.name.range,
                  "duplicate function parameter '" + d.funParams[i] + "'");
    }
    ctx.frames.emplace_back();
    checkAnnotations(d.annotations, ctx);
    checkParams(d.params, ctx, &sig.params, VarKind::Parameter);
    if (!d.body)
        return;
    const Type* t = checkPure(*d.body, ctx, sig.result);
    if (!ts_.isSubtype(t, sig.result))
        error(d.body->range, "body of function '" + sym->name + "' has type " + quoted(t) +
                                 ", expected " + quoted(sig.result));
}

void Checker::checkInterface(const ast::InterfaceDecl& d, const ModuleInfo& m) {
    InterfaceInfo* info = interfaceInfo(program_.symbolOf(&d));
    Context ctx;
    ctx.module = &m;
    ctx.frames.emplace_back();
    checkAnnotations(d.annotations, ctx);
    for (const MethodInfo& mi : info->own) {
        Context sigCtx;
        sigCtx.module = &m;
        sigCtx.frames.emplace_back();
        checkAnnotations(mi.sig->annotations, sigCtx);
        std::vector<const Type*> params = mi.params;
        checkParams(mi.sig->params, sigCtx, &params, VarKind::Parameter);
    }
}

void Checker::checkMain(const ast::MainBlock& main, const ModuleInfo& m) {
    Context ctx;
    ctx.module = &m;
    ctx.where = Where::Main;
    ctx.frames.emplace_back();
    checkAnnotations(main.annotations, ctx);
    if (main.body)
        checkBody(*main.body, ctx);
}

} // namespace absim::sema
