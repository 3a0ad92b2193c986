// Compilation units, modules, imports/exports and declarations.

#include "frontend/parse/transformer.h"

namespace absim::parse {

ast::CompilationUnit Transformer::transform(P::CompilationUnitContext* ctx) {
    ast::CompilationUnit unit;
    unit.file = file_;
    if (!ctx)
        return unit;
    unit.range = range(ctx);
    // Declarations before any `module` header: an implicit module `Main`
    // (tutorial snippets are often written that way).
    if (P::ModuleBodyContext* body = ctx->moduleBody();
        body && body->getStop() && body->getStart() &&
        body->getStop()->getTokenIndex() >= body->getStart()->getTokenIndex() &&
        body->getStart()->getType() != antlr4::Token::EOF) {
        ast::ModuleDecl implicit;
        implicit.name.text = "Main";
        implicit.range = range(body);
        implicit.name.range = SourceRange{file_, implicit.range.begin, implicit.range.begin};
        moduleBody(body, implicit);
        unit.modules.push_back(std::move(implicit));
    }
    for (P::ModuleDeclContext* m : ctx->moduleDecl())
        unit.modules.push_back(moduleDecl(m));
    for (P::DeltaDeclContext* d : ctx->deltaDecl())
        unit.deltas.push_back(deltaDecl(d));
    for (P::ProductLineDeclContext* p : ctx->productLineDecl())
        unit.productLines.push_back(productLineDecl(p));
    for (P::ProductDeclContext* p : ctx->productDecl())
        unit.products.push_back(productDecl(p));
    for (P::FeatureModelDeclContext* f : ctx->featureModelDecl())
        unit.featureModels.push_back(featureModelDecl(f));
    finishCompatibilityWarnings();
    return unit;
}

ast::ModuleDecl Transformer::moduleDecl(P::ModuleDeclContext* ctx) {
    ast::ModuleDecl module;
    module.range = range(ctx);
    module.name = typeName(ctx->qualifiedTypeName());
    if (ctx->moduleBody())
        moduleBody(ctx->moduleBody(), module);
    return module;
}

void Transformer::moduleBody(P::ModuleBodyContext* ctx, ast::ModuleDecl& module) {
    for (P::ExportDeclContext* e : ctx->exportDecl())
        module.exports.push_back(exportDecl(e));
    for (P::ImportDeclContext* i : ctx->importDecl())
        module.imports.push_back(importDecl(i));
    for (P::DeclContext* d : ctx->decl())
        if (ast::Own<ast::Decl> decl = this->decl(d))
            module.decls.push_back(std::move(decl));
    if (P::MainBlockContext* m = ctx->mainBlock()) {
        ast::MainBlock main;
        main.range = range(m);
        main.annotations = annotations(m->annotations());
        main.body = block(m->block());
        module.main = std::move(main);
    }
}

ast::ExportDecl Transformer::exportDecl(P::ExportDeclContext* ctx) {
    ast::ExportDecl e;
    e.range = range(ctx);
    e.star = ctx->STAR() != nullptr;
    for (P::AnyNameContext* n : ctx->anyName())
        e.names.push_back(anyName(n));
    if (ctx->FROM())
        e.from = typeName(ctx->qualifiedTypeName());
    return e;
}

ast::ImportDecl Transformer::importDecl(P::ImportDeclContext* ctx) {
    ast::ImportDecl i;
    i.range = range(ctx);
    if (auto* star = dynamic_cast<P::ImportStarFromContext*>(ctx)) {
        i.kind = ast::ImportDecl::Kind::StarFrom;
        i.from = typeName(star->qualifiedTypeName());
    } else if (auto* from = dynamic_cast<P::ImportNamesFromContext*>(ctx)) {
        i.kind = ast::ImportDecl::Kind::NamesFrom;
        for (P::AnyNameContext* n : from->anyName())
            i.names.push_back(anyName(n));
        i.from = typeName(from->qualifiedTypeName());
    } else if (auto* qualified = dynamic_cast<P::ImportQualifiedContext*>(ctx)) {
        i.kind = ast::ImportDecl::Kind::Qualified;
        for (P::AnyNameContext* n : qualified->anyName())
            i.names.push_back(anyName(n));
    }
    return i;
}

ast::Own<ast::Decl> Transformer::decl(P::DeclContext* ctx) {
    if (!ctx)
        return nullptr;
    ast::Own<ast::Decl> d;
    if (ctx->dataDecl())
        d = dataDecl(ctx->dataDecl());
    else if (ctx->functionDecl())
        d = functionDecl(ctx->functionDecl());
    else if (ctx->partialFunctionDecl())
        d = partialFunctionDecl(ctx->partialFunctionDecl());
    else if (ctx->typeSynonymDecl())
        d = typeSynonymDecl(ctx->typeSynonymDecl());
    else if (ctx->exceptionDecl())
        d = exceptionDecl(ctx->exceptionDecl());
    else if (ctx->interfaceDecl())
        d = interfaceDecl(ctx->interfaceDecl());
    else if (ctx->classDecl())
        d = classDecl(ctx->classDecl());
    else if (ctx->traitDecl())
        d = traitDecl(ctx->traitDecl());
    if (d) {
        d->annotations = annotations(ctx->annotations());
        d->range = range(ctx);
    }
    return d;
}

std::vector<ast::TypeParam> Transformer::typeParams(P::TypeParamsContext* ctx) const {
    std::vector<ast::TypeParam> out;
    if (!ctx)
        return out;
    for (antlr4::tree::TerminalNode* t : ctx->TYPE_ID()) {
        ast::TypeParam p;
        p.name = t->getText();
        p.range = range(t);
        out.push_back(std::move(p));
    }
    return out;
}

ast::ConstructorArg Transformer::constructorArg(P::ConstructorArgContext* ctx) {
    ast::ConstructorArg a;
    a.range = range(ctx);
    a.type = typeUse(ctx->typeUse());
    if (ctx->name())
        a.selector = name(ctx->name(), true);
    return a;
}

ast::Own<ast::Decl> Transformer::dataDecl(P::DataDeclContext* ctx) {
    auto d = std::make_unique<ast::DataDecl>();
    d->name = typeName(ctx->qualifiedTypeName());
    d->typeParams = typeParams(ctx->typeParams());
    d->hasConstructors = ctx->ASSIGN() != nullptr;
    for (P::DataConstructorContext* c : ctx->dataConstructor()) {
        ast::DataConstructor con;
        con.range = range(c);
        con.name = c->TYPE_ID() ? c->TYPE_ID()->getText() : std::string();
        for (P::ConstructorArgContext* a : c->constructorArg())
            con.args.push_back(constructorArg(a));
        d->constructors.push_back(std::move(con));
    }
    return d;
}

ast::Own<ast::Decl> Transformer::typeSynonymDecl(P::TypeSynonymDeclContext* ctx) {
    auto d = std::make_unique<ast::TypeSynonymDecl>();
    d->name = typeName(ctx->qualifiedTypeName());
    d->type = typeArg(ctx->typeArg());
    return d;
}

ast::Own<ast::Decl> Transformer::exceptionDecl(P::ExceptionDeclContext* ctx) {
    auto d = std::make_unique<ast::ExceptionDecl>();
    d->name = typeName(ctx->qualifiedTypeName());
    for (P::ConstructorArgContext* a : ctx->constructorArg())
        d->args.push_back(constructorArg(a));
    return d;
}

ast::Own<ast::Decl> Transformer::functionDecl(P::FunctionDeclContext* ctx) {
    auto d = std::make_unique<ast::FunctionDecl>();
    d->returnType = typeUse(ctx->typeUse());
    d->name = qualifiedName(ctx->qualifiedName());
    d->typeParams = typeParams(ctx->typeParams());
    d->params = params(ctx->params());
    if (P::FunctionBodyContext* body = ctx->functionBody()) {
        if (body->BUILTIN()) {
            d->builtin = true;
            d->builtinArgs = pureExpList(body->pureExpList());
        } else {
            d->body = pureExp(body->pureExp());
        }
    }
    return d;
}

ast::Own<ast::Decl> Transformer::partialFunctionDecl(P::PartialFunctionDeclContext* ctx) {
    auto d = std::make_unique<ast::PartialFunctionDecl>();
    d->returnType = typeUse(ctx->typeUse());
    d->name = qualifiedName(ctx->qualifiedName());
    d->typeParams = typeParams(ctx->typeParams());
    if (P::FunctionParamsContext* f = ctx->functionParams()) {
        for (P::NameContext* n : f->name()) {
            d->funParams.push_back(name(n, true));
            d->funParamRanges.push_back(range(n));
        }
    }
    d->params = params(ctx->params());
    d->body = pureExp(ctx->pureExp());
    return d;
}

std::vector<ast::ParamDecl> Transformer::params(P::ParamsContext* ctx) {
    std::vector<ast::ParamDecl> out;
    if (!ctx)
        return out;
    for (P::ParamContext* p : ctx->param())
        out.push_back(param(p));
    return out;
}

ast::ParamDecl Transformer::param(P::ParamContext* ctx) {
    ast::ParamDecl p;
    p.range = range(ctx);
    p.annotations = annotations(ctx->annotations());
    p.type = typeUse(ctx->typeUse());
    p.name = name(ctx->name(), true);
    return p;
}

ast::MethodSig Transformer::methodSignature(P::MethodSignatureContext* ctx) {
    ast::MethodSig s;
    if (!ctx)
        return s;
    s.range = range(ctx);
    s.annotations = annotations(ctx->annotations());
    s.returnType = typeUse(ctx->typeUse());
    s.name = name(ctx->name());
    s.nameRange = range(ctx->name());
    s.params = params(ctx->params());
    return s;
}

ast::Own<ast::Decl> Transformer::interfaceDecl(P::InterfaceDeclContext* ctx) {
    auto d = std::make_unique<ast::InterfaceDecl>();
    std::vector<P::QualifiedTypeNameContext*> names = ctx->qualifiedTypeName();
    for (size_t i = 0; i < names.size(); ++i) {
        if (i == 0)
            d->name = typeName(names[i]);
        else
            d->extends.push_back(typeName(names[i]));
    }
    for (P::MethodSignatureContext* m : ctx->methodSignature())
        d->methods.push_back(methodSignature(m));
    return d;
}

ast::FieldDecl Transformer::fieldDecl(P::FieldDeclContext* ctx) {
    ast::FieldDecl f;
    if (!ctx)
        return f;
    f.range = range(ctx);
    f.annotations = annotations(ctx->annotations());
    f.type = typeUse(ctx->typeUse());
    f.name = name(ctx->name(), true);
    f.nameRange = range(ctx->name());
    f.init = pureExp(ctx->pureExp());
    return f;
}

ast::MethodDecl Transformer::methodDecl(P::MethodDeclContext* ctx) {
    ast::MethodDecl m;
    if (!ctx)
        return m;
    m.range = range(ctx);
    m.sig.range = m.range;
    m.sig.annotations = annotations(ctx->annotations());
    m.sig.returnType = typeUse(ctx->typeUse());
    m.sig.name = name(ctx->name());
    m.sig.nameRange = range(ctx->name());
    m.sig.params = params(ctx->params());
    m.body = block(ctx->block());
    return m;
}

ast::Own<ast::Decl> Transformer::classDecl(P::ClassDeclContext* ctx) {
    auto d = std::make_unique<ast::ClassDecl>();
    std::vector<P::QualifiedTypeNameContext*> names = ctx->qualifiedTypeName();
    for (size_t i = 0; i < names.size(); ++i) {
        if (i == 0)
            d->name = typeName(names[i]);
        else
            d->implements.push_back(typeName(names[i]));
    }
    if (ctx->params()) {
        d->hasParams = true;
        d->params = params(ctx->params());
    }
    for (P::FieldDeclContext* f : ctx->fieldDecl())
        d->fields.push_back(fieldDecl(f));
    if (ctx->block())
        d->init = block(ctx->block());
    if (P::RecoverBlockContext* r = ctx->recoverBlock()) {
        d->hasRecover = true;
        for (P::SwitchBranchContext* b : r->switchBranch())
            d->recover.push_back(switchBranch(b));
    }
    for (P::TraitUseContext* u : ctx->traitUse())
        d->traitUses.push_back(traitExpr(u->traitExpr()));
    for (P::MethodDeclContext* m : ctx->methodDecl())
        d->methods.push_back(methodDecl(m));
    return d;
}

ast::Own<ast::Decl> Transformer::traitDecl(P::TraitDeclContext* ctx) {
    auto d = std::make_unique<ast::TraitDecl>();
    d->name = typeName(ctx->qualifiedTypeName());
    d->body = traitExpr(ctx->traitExpr());
    return d;
}

ast::TraitExpr Transformer::traitExpr(P::TraitExprContext* ctx) {
    ast::TraitExpr t;
    if (!ctx)
        return t;
    t.range = range(ctx);
    t.basic = traitBasic(ctx->traitBasic());
    for (P::TraitOpContext* op : ctx->traitOp())
        t.ops.push_back(traitOp(op));
    return t;
}

ast::TraitBasic Transformer::traitBasic(P::TraitBasicContext* ctx) {
    ast::TraitBasic b;
    if (!ctx)
        return b;
    b.range = range(ctx);
    if (ctx->qualifiedTypeName()) {
        b.kind = ast::TraitBasic::Kind::Name;
        b.traitName = typeName(ctx->qualifiedTypeName());
    } else {
        b.kind = ast::TraitBasic::Kind::Methods;
        for (P::MethodDeclContext* m : ctx->methodDecl())
            b.methods.push_back(methodDecl(m));
    }
    return b;
}

ast::TraitOp Transformer::traitOp(P::TraitOpContext* ctx) {
    ast::TraitOp op;
    if (!ctx)
        return op;
    op.range = range(ctx);
    if (ctx->REMOVES()) {
        op.kind = ast::TraitOp::Kind::Removes;
        for (P::MethodSignatureContext* s : ctx->methodSignature())
            op.removed.push_back(methodSignature(s));
    } else {
        op.kind = ctx->ADDS() ? ast::TraitOp::Kind::Adds : ast::TraitOp::Kind::Modifies;
        op.basic = traitBasic(ctx->traitBasic());
    }
    return op;
}

} // namespace absim::parse
