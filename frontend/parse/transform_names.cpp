// Ranges and names, and the warnings for old spellings of names.

#include "frontend/parse/token_ranges.h"
#include "frontend/parse/transformer.h"

namespace absim::parse {

SourceRange Transformer::range(const antlr4::ParserRuleContext* ctx) const {
    return contextRange(file_, ctx);
}

SourceRange Transformer::range(const antlr4::Token* token) const {
    return tokenRange(file_, token);
}

SourceRange Transformer::range(antlr4::tree::TerminalNode* node) const {
    return tokenRange(file_, node ? node->getSymbol() : nullptr);
}

SourceRange Transformer::span(const antlr4::ParserRuleContext* first,
                              const antlr4::ParserRuleContext* last) const {
    if (!first || !last)
        return range(first ? first : last);
    return spanRange(file_, const_cast<antlr4::ParserRuleContext*>(first)->getStart(),
                     const_cast<antlr4::ParserRuleContext*>(last)->getStop());
}

Transformer::Nesting::Nesting(Transformer& transformer, const antlr4::ParserRuleContext* ctx)
    : t(transformer), ok(++transformer.depth_ <= kMaxNesting) {
    if (!ok && !t.tooDeepReported_) {
        t.tooDeepReported_ = true;
        t.reporter_.syntaxError(t.range(ctx), false, nestingTooDeep());
    }
}

// Dotted names are spelled without the spaces the lexer may have skipped.
ast::Name Transformer::typeName(P::QualifiedTypeNameContext* ctx) const {
    ast::Name n;
    if (!ctx)
        return n;
    for (antlr4::tree::TerminalNode* part : ctx->TYPE_ID()) {
        if (!n.text.empty())
            n.text += '.';
        n.text += part->getText();
    }
    n.range = range(ctx);
    return n;
}

ast::Name Transformer::qualifiedName(P::QualifiedNameContext* ctx) {
    ast::Name n;
    if (!ctx)
        return n;
    for (antlr4::tree::TerminalNode* part : ctx->TYPE_ID())
        n.text += part->getText() + '.';
    n.text += name(ctx->name());
    n.range = range(ctx);
    return n;
}

ast::Name Transformer::anyName(P::AnyNameContext* ctx) {
    if (!ctx)
        return {};
    if (ctx->qualifiedName())
        return qualifiedName(ctx->qualifiedName());
    return typeName(ctx->qualifiedTypeName());
}

ast::Name Transformer::terminalName(antlr4::tree::TerminalNode* node) const {
    ast::Name n;
    if (node) {
        n.text = node->getText();
        n.range = range(node);
    }
    return n;
}

std::string Transformer::name(P::NameContext* ctx, bool declared) {
    if (!ctx)
        return {};
    if (ctx->AS()) {
        SourceRange r = range(ctx);
        if (declared) {
            asDeclared_ = true;
            reporter_.warning(r, "'as' is the cast keyword in current ABS and no longer a name; "
                                 "rename it, e.g. to 'as_'");
        } else if (!firstAsUse_) {
            firstAsUse_ = r;
        }
        return "as";
    }
    // the one token's text (ParseTree::getText would build it from children)
    return ctx->getStart() ? ctx->getStart()->getText() : std::string();
}

// A name `as` that is only used here (declared in another file) is
// reported once, at its first use.
void Transformer::finishCompatibilityWarnings() {
    if (!asDeclared_ && firstAsUse_)
        reporter_.warning(*firstAsUse_, "'as' is the cast keyword in current ABS and no longer a "
                                        "name; rename it, e.g. to 'as_'");
}

std::string Transformer::sourceText(const antlr4::ParserRuleContext* constCtx) const {
    auto* ctx = const_cast<antlr4::ParserRuleContext*>(constCtx); // getStart() is not const
    if (!ctx || !ctx->getStart() || !ctx->getStop() ||
        ctx->getStop()->getStopIndex() < ctx->getStart()->getStartIndex())
        return {};
    antlr4::CharStream* chars = ctx->getStart()->getInputStream();
    if (!chars)
        return {};
    return chars->getText(
        antlr4::misc::Interval(ctx->getStart()->getStartIndex(), ctx->getStop()->getStopIndex()));
}

} // namespace absim::parse
