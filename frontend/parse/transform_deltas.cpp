// Deltas, product lines, products and feature models (language.md §2.10).

#include "frontend/parse/transformer.h"

namespace absim::parse {

namespace {

using grammar::ABSLexer;

ast::DeltaModifier::Kind modifierKind(bool adds) {
    return adds ? ast::DeltaModifier::Kind::AddDecl : ast::DeltaModifier::Kind::ModifyDecl;
}

} // namespace

ast::DeltaDecl Transformer::deltaDecl(P::DeltaDeclContext* ctx) {
    ast::DeltaDecl d;
    d.range = range(ctx);
    d.name = terminalName(ctx->TYPE_ID());
    for (P::DeltaParamContext* p : ctx->deltaParam())
        d.params.push_back(deltaParam(p));
    // Each `uses M;` starts the modifiers of module M; modifiers before any
    // `uses` name their targets qualified.
    for (P::DeltaItemContext* item : ctx->deltaItem()) {
        if (auto* uses = dynamic_cast<P::DeltaUsesContext*>(item)) {
            ast::ModuleModifier m;
            m.range = range(item);
            m.module = typeName(uses->qualifiedTypeName());
            d.modules.push_back(std::move(m));
            continue;
        }
        if (d.modules.empty()) {
            ast::ModuleModifier m;
            m.range = range(item);
            d.modules.push_back(std::move(m));
        }
        ast::ModuleModifier& current = d.modules.back();
        current.range.end = range(item).end;
        ast::DeltaModifier mod;
        mod.range = range(item);
        if (auto* c = dynamic_cast<P::AddsDeclContext*>(item)) {
            mod.kind = modifierKind(true);
            mod.decl = decl(c->decl());
        } else if (auto* c = dynamic_cast<P::ModifiesDeclContext*>(item)) {
            mod.kind = modifierKind(false);
            if (c->dataDecl())
                mod.decl = dataDecl(c->dataDecl());
            else if (c->typeSynonymDecl())
                mod.decl = typeSynonymDecl(c->typeSynonymDecl());
            else if (c->functionDecl())
                mod.decl = functionDecl(c->functionDecl());
            else if (c->partialFunctionDecl())
                mod.decl = partialFunctionDecl(c->partialFunctionDecl());
            else if (c->exceptionDecl())
                mod.decl = exceptionDecl(c->exceptionDecl());
            if (mod.decl) {
                mod.decl->annotations = annotations(c->annotations());
                mod.decl->range = range(item);
            }
        } else if (auto* c = dynamic_cast<P::AddsImportContext*>(item)) {
            mod.kind = ast::DeltaModifier::Kind::AddImport;
            if (c->importDecl())
                mod.import = importDecl(c->importDecl());
        } else if (auto* c = dynamic_cast<P::AddsExportContext*>(item)) {
            mod.kind = ast::DeltaModifier::Kind::AddExport;
            if (c->exportDecl())
                mod.exportDecl = exportDecl(c->exportDecl());
        } else if (auto* c = dynamic_cast<P::RemovesDeclContext*>(item)) {
            mod.kind = ast::DeltaModifier::Kind::RemoveDecl;
            mod.removedKind = c->removableKind() ? c->removableKind()->getText() : std::string();
            mod.target = anyName(c->anyName());
        } else if (auto* c = dynamic_cast<P::ModifiesInterfaceContext*>(item)) {
            mod.kind = ast::DeltaModifier::Kind::ModifyInterface;
            mod.target = typeName(c->qualifiedTypeName());
            for (P::InterfaceModifierContext* m : c->interfaceModifier()) {
                if (m->ADDS())
                    mod.addedSigs.push_back(methodSignature(m->methodSignature()));
                else
                    mod.removedSigs.push_back(methodSignature(m->methodSignature()));
            }
        } else if (auto* c = dynamic_cast<P::ModifiesClassContext*>(item)) {
            mod.kind = ast::DeltaModifier::Kind::ModifyClass;
            // names in order: the class, then the `adds` list, then `removes`
            std::vector<P::QualifiedTypeNameContext*> names = c->qualifiedTypeName();
            size_t removesAt = c->REMOVES() ? c->REMOVES()->getSymbol()->getTokenIndex() : SIZE_MAX;
            for (size_t i = 0; i < names.size(); ++i) {
                if (i == 0)
                    mod.target = typeName(names[i]);
                else if (names[i]->getStart()->getTokenIndex() > removesAt)
                    mod.removeInterfaces.push_back(typeName(names[i]));
                else
                    mod.addInterfaces.push_back(typeName(names[i]));
            }
            for (P::ClassModifierContext* m : c->classModifier()) {
                if (auto* f = dynamic_cast<P::AddsFieldContext*>(m))
                    mod.addedFields.push_back(fieldDecl(f->fieldDecl()));
                else if (auto* f = dynamic_cast<P::RemovesFieldContext*>(m))
                    mod.removedFields.push_back(fieldDecl(f->fieldDecl()));
                else if (auto* op = dynamic_cast<P::MethodModifierContext*>(m))
                    mod.methodOps.push_back(traitOp(op->traitOp()));
            }
        } else {
            continue; // an item error recovery could not classify
        }
        current.modifiers.push_back(std::move(mod));
    }
    return d;
}

ast::DeltaParam Transformer::deltaParam(P::DeltaParamContext* ctx) {
    ast::DeltaParam p;
    p.range = range(ctx);
    if (P::ParamContext* value = ctx->param()) {
        p.type = typeUse(value->typeUse());
        p.name = name(value->name(), true);
    } else {
        p.hasCondition = sourceText(ctx);
    }
    return p;
}

ast::ProductLineDecl Transformer::productLineDecl(P::ProductLineDeclContext* ctx) {
    ast::ProductLineDecl pl;
    pl.range = range(ctx);
    std::vector<antlr4::tree::TerminalNode*> names = ctx->TYPE_ID();
    for (size_t i = 0; i < names.size(); ++i) {
        if (i == 0)
            pl.name = terminalName(names[i]);
        else
            pl.features.push_back(terminalName(names[i]));
    }
    for (P::DeltaClauseContext* c : ctx->deltaClause())
        pl.deltas.push_back(deltaClause(c));
    return pl;
}

ast::DeltaClause Transformer::deltaClause(P::DeltaClauseContext* ctx) {
    ast::DeltaClause c;
    c.range = range(ctx);
    std::vector<antlr4::tree::TerminalNode*> names = ctx->TYPE_ID();
    for (size_t i = 0; i < names.size(); ++i) {
        if (i == 0)
            c.delta = terminalName(names[i]);
        else
            c.after.push_back(terminalName(names[i]));
    }
    for (P::DeltaArgContext* a : ctx->deltaArg()) {
        if (a->pureExp()) {
            if (ast::Own<ast::PureExp> e = pureExp(a->pureExp()))
                c.args.push_back(std::move(e));
        } else {
            // a feature attribute `F.a`
            auto v = std::make_unique<ast::VarExp>();
            v->range = range(a);
            v->name =
                (a->TYPE_ID() ? a->TYPE_ID()->getText() : std::string()) + "." + name(a->name());
            c.args.push_back(std::move(v));
        }
    }
    c.when = featureCondition(ctx->featureCondition());
    return c;
}

ast::Own<ast::FeatureExpr> Transformer::featureCondition(P::FeatureConditionContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    if (auto* c = dynamic_cast<P::ParenConditionContext*>(ctx))
        return featureCondition(c->featureCondition());
    auto f = std::make_unique<ast::FeatureExpr>();
    f->range = range(ctx);
    using Kind = ast::FeatureExpr::Kind;
    if (auto* c = dynamic_cast<P::FeatureRefContext*>(ctx)) {
        f->kind = Kind::Feature;
        f->feature = terminalName(c->TYPE_ID());
    } else if (auto* c = dynamic_cast<P::NotConditionContext*>(ctx)) {
        f->kind = Kind::Not;
        f->left = featureCondition(c->featureCondition());
    } else if (auto* c = dynamic_cast<P::AndConditionContext*>(ctx)) {
        f->kind = Kind::And;
        f->left = featureCondition(c->featureCondition(0));
        f->right = featureCondition(c->featureCondition(1));
    } else if (auto* c = dynamic_cast<P::OrConditionContext*>(ctx)) {
        f->kind = Kind::Or;
        f->left = featureCondition(c->featureCondition(0));
        f->right = featureCondition(c->featureCondition(1));
    } else if (auto* c = dynamic_cast<P::ImpliesConditionContext*>(ctx)) {
        f->kind = Kind::Impl;
        f->left = featureCondition(c->featureCondition(0));
        f->right = featureCondition(c->featureCondition(1));
    } else if (auto* c = dynamic_cast<P::EquivConditionContext*>(ctx)) {
        f->kind = Kind::Equiv;
        f->left = featureCondition(c->featureCondition(0));
        f->right = featureCondition(c->featureCondition(1));
    } else {
        return nullptr;
    }
    return f;
}

ast::ProductDecl Transformer::productDecl(P::ProductDeclContext* ctx) {
    ast::ProductDecl p;
    p.range = range(ctx);
    p.name = terminalName(ctx->TYPE_ID());
    for (P::FeatureSelectionContext* s : ctx->featureSelection()) {
        ast::ProductFeature f;
        f.range = range(s);
        f.feature = terminalName(s->TYPE_ID());
        for (P::AttributeAssignmentContext* a : s->attributeAssignment())
            f.attributes.emplace_back(name(a->name()), sourceText(a->pureExp()));
        p.features.push_back(std::move(f));
    }
    if (ctx->productExpr())
        p.expression = sourceText(ctx->productExpr());
    for (P::ProductReconfigurationContext* r : ctx->productReconfiguration())
        p.reconfigurations.push_back(sourceText(r));
    return p;
}

ast::FeatureModelDecl Transformer::featureModelDecl(P::FeatureModelDeclContext* ctx) {
    ast::FeatureModelDecl m;
    m.range = range(ctx);
    if (ctx->ROOT()) {
        m.root = featureDecl(ctx->featureDecl(), false);
    } else {
        m.extension = true;
        m.root.range = range(ctx);
        m.root.name = terminalName(ctx->TYPE_ID());
        if (ctx->featureBody())
            featureBody(ctx->featureBody(), m.root);
    }
    return m;
}

ast::FeatureDecl Transformer::featureDecl(P::FeatureDeclContext* ctx, bool optional) {
    ast::FeatureDecl f;
    if (!ctx)
        return f;
    f.range = range(ctx);
    f.optional = optional;
    f.name = terminalName(ctx->TYPE_ID());
    if (ctx->featureBody())
        featureBody(ctx->featureBody(), f);
    return f;
}

// Groups give children; attributes and constraints are kept as written, in
// source order.
void Transformer::featureBody(P::FeatureBodyContext* ctx, ast::FeatureDecl& feature) {
    for (antlr4::tree::ParseTree* child : ctx->children) {
        if (auto* g = dynamic_cast<P::FeatureGroupContext*>(child)) {
            if (P::GroupCardinalityContext* card = g->groupCardinality()) {
                feature.group = card->ONEOF()   ? "oneof"
                                : card->ALLOF() ? "allof"
                                                : sourceText(card);
                // `[1 .. *]` and `[1..*]` read the same
                std::string compact;
                for (char c : feature.group)
                    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                        compact += c;
                feature.group = compact;
            }
            for (P::ChildFeatureContext* c : g->childFeature())
                feature.children.push_back(featureDecl(c->featureDecl(), c->OPT() != nullptr));
        } else if (auto* r = dynamic_cast<antlr4::ParserRuleContext*>(child)) {
            feature.attributesAndConstraints.push_back(sourceText(r));
        }
    }
}

} // namespace absim::parse
