// Type uses and annotations.

#include "frontend/parse/transformer.h"

namespace absim::parse {

ast::Own<ast::TypeUse> Transformer::typeUse(P::TypeUseContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    auto t = std::make_unique<ast::TypeUse>();
    t->range = range(ctx);
    t->name = typeName(ctx->qualifiedTypeName());
    for (P::TypeArgContext* a : ctx->typeArg())
        if (ast::Own<ast::TypeUse> arg = typeArg(a))
            t->args.push_back(std::move(arg));
    return t;
}

// `[Near] I` inside type arguments: the annotations belong to the type.
ast::Own<ast::TypeUse> Transformer::typeArg(P::TypeArgContext* ctx) {
    if (!ctx)
        return nullptr;
    ast::Own<ast::TypeUse> t = typeUse(ctx->typeUse());
    if (t) {
        t->annotations = annotations(ctx->annotations());
        t->range = range(ctx);
    }
    return t;
}

ast::Annotations Transformer::annotations(P::AnnotationsContext* ctx) {
    ast::Annotations out;
    if (!ctx)
        return out;
    for (P::AnnotationListContext* list : ctx->annotationList()) {
        for (P::AnnotationContext* a : list->annotation()) {
            ast::Annotation ann;
            ann.range = range(a);
            if (a->qualifiedTypeName())
                ann.name = typeName(a->qualifiedTypeName());
            ann.value = pureExp(a->pureExp());
            out.push_back(std::move(ann));
        }
    }
    return out;
}

} // namespace absim::parse
