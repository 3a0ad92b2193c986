// Expressions (pure and effectful), patterns and template strings.

#include "frontend/parse/literals.h"
#include "frontend/parse/transformer.h"

#include <cstdlib>

namespace absim::parse {

namespace {

using grammar::ABSLexer;

template <typename T> ast::Own<T> make(SourceRange r) {
    auto e = std::make_unique<T>();
    e->range = r;
    return e;
}

ast::BinaryOp binaryOp(size_t tokenType) {
    switch (tokenType) {
    case ABSLexer::OR:
        return ast::BinaryOp::Or;
    case ABSLexer::AND:
        return ast::BinaryOp::And;
    case ABSLexer::EQ:
        return ast::BinaryOp::Eq;
    case ABSLexer::NE:
        return ast::BinaryOp::Ne;
    case ABSLexer::LT:
        return ast::BinaryOp::Lt;
    case ABSLexer::LE:
        return ast::BinaryOp::Le;
    case ABSLexer::GT:
        return ast::BinaryOp::Gt;
    case ABSLexer::GE:
        return ast::BinaryOp::Ge;
    case ABSLexer::PLUS:
        return ast::BinaryOp::Add;
    case ABSLexer::MINUS:
        return ast::BinaryOp::Sub;
    case ABSLexer::STAR:
        return ast::BinaryOp::Mul;
    case ABSLexer::SLASH:
        return ast::BinaryOp::Div;
    default:
        return ast::BinaryOp::Mod;
    }
}

// `007` was reported by the lexical check; its value is 7.
std::string intDigits(const std::string& text) {
    size_t nonZero = text.find_first_not_of('0');
    return nonZero == std::string::npos ? "0" : text.substr(nonZero);
}

} // namespace

ast::OwnList<ast::PureExp> Transformer::pureExpList(P::PureExpListContext* ctx) {
    ast::OwnList<ast::PureExp> out;
    if (!ctx)
        return out;
    for (P::PureExpContext* e : ctx->pureExp())
        if (ast::Own<ast::PureExp> x = pureExp(e))
            out.push_back(std::move(x));
    return out;
}

ast::Own<ast::Exp> Transformer::exp(P::ExpContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    SourceRange r = range(ctx);
    if (auto* c = dynamic_cast<P::PureOrCallExpContext*>(ctx)) {
        ast::Own<ast::PureExp> operand = pureExp(c->pureExp());
        P::EffectfulSuffixContext* suffix = c->effectfulSuffix();
        if (!suffix)
            return operand;
        if (auto* s = dynamic_cast<P::AsyncCallSuffixContext*>(suffix)) {
            auto e = make<ast::AsyncCallExp>(r);
            e->callee = std::move(operand);
            e->method = name(s->name());
            e->methodRange = range(s->name());
            e->args = pureExpList(s->pureExpList());
            return e;
        }
        if (auto* s = dynamic_cast<P::SyncCallSuffixContext*>(suffix)) {
            auto e = make<ast::SyncCallExp>(r);
            e->callee = std::move(operand);
            e->method = name(s->name());
            e->methodRange = range(s->name());
            e->args = pureExpList(s->pureExpList());
            return e;
        }
        return operand;
    }
    if (auto* c = dynamic_cast<P::NewExpContext*>(ctx)) {
        auto e = make<ast::NewExp>(r);
        e->local = c->LOCAL() != nullptr;
        e->className = typeName(c->qualifiedTypeName());
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    if (auto* c = dynamic_cast<P::AwaitCallExpContext*>(ctx)) {
        auto e = make<ast::AsyncCallExp>(r);
        e->await = true;
        e->callee = pureExp(c->pureExp());
        e->method = name(c->name());
        e->methodRange = range(c->name());
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    if (auto* c = dynamic_cast<P::OriginalCallExpContext*>(ctx)) {
        auto e = make<ast::OriginalCallExp>(r);
        if (c->TYPE_ID())
            e->qualifier = terminalName(c->TYPE_ID());
        else if (c->CORE())
            e->qualifier = terminalName(c->CORE());
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    return nullptr;
}

ast::Own<ast::PureExp> Transformer::pureExp(P::PureExpContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    SourceRange r = range(ctx);
    if (auto* c = dynamic_cast<P::PrimaryContext*>(ctx))
        return primaryExp(c->primaryExp());
    if (auto* c = dynamic_cast<P::GetExpContext*>(ctx)) {
        auto e = make<ast::GetExp>(r);
        e->future = pureExp(c->pureExp());
        return e;
    }
    if (auto* c = dynamic_cast<P::BinaryExpContext*>(ctx)) {
        auto e = make<ast::BinaryExp>(r);
        e->op = binaryOp(c->op ? c->op->getType() : 0);
        e->left = pureExp(c->pureExp(0));
        e->right = pureExp(c->pureExp(1));
        return e;
    }
    if (auto* c = dynamic_cast<P::UnaryExpContext*>(ctx)) {
        auto e = make<ast::UnaryExp>(r);
        size_t op = c->op ? c->op->getType() : size_t(ABSLexer::BANG);
        e->op = op == ABSLexer::MINUS ? ast::UnaryOp::Neg : ast::UnaryOp::Not;
        if (op == ABSLexer::TILDE) {
            e->legacyTilde = true;
            reporter_.warning(range(c->op),
                              "'~' is the old spelling of boolean negation; write '!'");
        }
        e->operand = pureExp(c->pureExp());
        return e;
    }
    if (auto* c = dynamic_cast<P::ImplementsExpContext*>(ctx)) {
        auto e = make<ast::ImplementsExp>(r);
        e->operand = pureExp(c->pureExp());
        e->interface = typeName(c->qualifiedTypeName());
        return e;
    }
    if (auto* c = dynamic_cast<P::CastExpContext*>(ctx)) {
        auto e = make<ast::CastExp>(r);
        e->operand = pureExp(c->pureExp());
        e->interface = typeName(c->qualifiedTypeName());
        return e;
    }
    if (auto* c = dynamic_cast<P::WhenExpContext*>(ctx)) {
        auto e = make<ast::WhenExp>(r);
        e->cond = pureExp(c->pureExp(0));
        e->then = pureExp(c->pureExp(1));
        e->otherwise = pureExp(c->pureExp(2));
        return e;
    }
    if (auto* c = dynamic_cast<P::LegacyIfExpContext*>(ctx)) {
        auto e = make<ast::WhenExp>(r);
        e->legacyIf = true;
        e->cond = pureExp(c->pureExp(0));
        e->then = pureExp(c->pureExp(1));
        e->otherwise = pureExp(c->pureExp(2));
        return e;
    }
    if (auto* c = dynamic_cast<P::LetExpContext*>(ctx)) {
        auto e = make<ast::LetExp>(r);
        for (P::LetBindingContext* b : c->letBinding()) {
            ast::LetBinding binding;
            binding.range = range(b);
            binding.type = typeUse(b->typeUse());
            binding.name = name(b->name(), true);
            binding.nameRange = range(b->name());
            binding.value = pureExp(b->pureExp());
            e->bindings.push_back(std::move(binding));
        }
        e->body = pureExp(c->pureExp());
        return e;
    }
    return nullptr;
}

ast::Own<ast::PureExp> Transformer::primaryExp(P::PrimaryExpContext* ctx) {
    if (!ctx)
        return nullptr;
    SourceRange r = range(ctx);
    // most frequent first: this is a chain of dynamic_casts
    if (auto* c = dynamic_cast<P::VariableExpContext*>(ctx)) {
        auto e = make<ast::VarExp>(r);
        e->name = name(c->name());
        return e;
    }
    if (auto* c = dynamic_cast<P::FunctionCallContext*>(ctx)) {
        auto e = make<ast::FnAppExp>(r);
        e->function = qualifiedName(c->qualifiedName());
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    if (auto* c = dynamic_cast<P::PartialFunctionCallContext*>(ctx)) {
        auto e = make<ast::PartialFnAppExp>(r);
        e->function = qualifiedName(c->qualifiedName());
        for (P::FunArgContext* a : c->funArg())
            e->funArgs.push_back(funArg(a));
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    if (auto* c = dynamic_cast<P::IntLiteralContext*>(ctx)) {
        auto e = make<ast::IntLitExp>(r);
        e->digits = intDigits(c->getStart()->getText());
        return e;
    }
    if (auto* c = dynamic_cast<P::ConstructorExpContext*>(ctx)) {
        auto e = make<ast::ConstructorAppExp>(r);
        e->constructor = typeName(c->qualifiedTypeName());
        e->parens = c->LPAREN() != nullptr;
        e->args = pureExpList(c->pureExpList());
        return e;
    }
    if (auto* c = dynamic_cast<P::StringLiteralContext*>(ctx)) {
        auto e = make<ast::StringLitExp>(r);
        e->value = decodeStringLiteral(c->getStart()->getText());
        return e;
    }
    if (auto* c = dynamic_cast<P::FieldExpContext*>(ctx)) {
        auto e = make<ast::FieldExp>(r);
        e->name = name(c->name());
        return e;
    }
    if (dynamic_cast<P::ThisExpContext*>(ctx))
        return make<ast::ThisExp>(r);
    if (auto* c = dynamic_cast<P::ParenExpContext*>(ctx))
        return pureExp(c->pureExp());
    if (auto* c = dynamic_cast<P::ListSugarCallContext*>(ctx)) {
        auto e = make<ast::FnAppExp>(r);
        e->function = qualifiedName(c->qualifiedName());
        e->args = pureExpList(c->pureExpList());
        e->listSugar = true;
        return e;
    }
    if (auto* c = dynamic_cast<P::TemplateLiteralContext*>(ctx))
        return templateString(c->templateString());
    if (auto* c = dynamic_cast<P::FloatLiteralContext*>(ctx)) {
        auto e = make<ast::FloatLitExp>(r);
        e->text = c->getStart()->getText();
        e->value = std::strtod(e->text.c_str(), nullptr);
        return e;
    }
    if (dynamic_cast<P::NullExpContext*>(ctx))
        return make<ast::NullExp>(r);
    if (auto* c = dynamic_cast<P::CaseExpContext*>(ctx)) {
        auto e = make<ast::CaseExp>(r);
        e->scrutinee = pureExp(c->pureExp());
        for (P::CaseBranchContext* b : c->caseBranch()) {
            ast::CaseExpBranch branch;
            branch.range = range(b);
            branch.pattern = pattern(b->pattern());
            branch.body = pureExp(b->pureExp());
            e->branches.push_back(std::move(branch));
        }
        return e;
    }
    if (dynamic_cast<P::DestinyExpContext*>(ctx))
        return make<ast::DestinyExp>(r);
    return nullptr;
}

ast::FunArg Transformer::funArg(P::FunArgContext* ctx) {
    ast::FunArg a;
    if (!ctx)
        return a;
    a.range = range(ctx);
    if (ctx->qualifiedName()) {
        a.function = qualifiedName(ctx->qualifiedName());
    } else {
        a.params = params(ctx->params());
        a.body = pureExp(ctx->pureExp());
    }
    return a;
}

ast::Own<ast::PureExp> Transformer::templateString(P::TemplateStringContext* ctx) {
    if (!ctx)
        return nullptr;
    auto e = make<ast::TemplateStrExp>(range(ctx));
    e->pieces.emplace_back();
    for (P::TemplatePartContext* part : ctx->templatePart()) {
        if (part->TEMPLATE_TEXT()) {
            e->pieces.back() += decodeTemplateText(part->TEMPLATE_TEXT()->getText());
        } else {
            ast::Own<ast::PureExp> x = pureExp(part->pureExp());
            if (!x)
                continue;
            e->exps.push_back(std::move(x));
            e->pieces.emplace_back();
        }
    }
    return e;
}

ast::Pattern Transformer::pattern(P::PatternContext* ctx) {
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return ast::Pattern{};
    ast::Pattern p;
    if (!ctx)
        return p;
    p.range = range(ctx);
    if (dynamic_cast<P::WildcardPatternContext*>(ctx)) {
        p.kind = ast::PatternKind::Wildcard;
    } else if (auto* c = dynamic_cast<P::IntPatternContext*>(ctx)) {
        p.kind = ast::PatternKind::IntLit;
        p.text = intDigits(c->getText());
    } else if (auto* c = dynamic_cast<P::FloatPatternContext*>(ctx)) {
        p.kind = ast::PatternKind::FloatLit;
        p.text = c->getText();
        p.floatValue = std::strtod(p.text.c_str(), nullptr);
    } else if (auto* c = dynamic_cast<P::StringPatternContext*>(ctx)) {
        p.kind = ast::PatternKind::StringLit;
        p.text = decodeStringLiteral(c->getText());
    } else if (auto* c = dynamic_cast<P::VariablePatternContext*>(ctx)) {
        p.kind = ast::PatternKind::Var;
        p.text = name(c->name(), true);
    } else if (auto* c = dynamic_cast<P::ConstructorPatternContext*>(ctx)) {
        p.kind = ast::PatternKind::Constructor;
        p.constructor = typeName(c->qualifiedTypeName());
        p.parens = c->LPAREN() != nullptr;
        for (P::PatternContext* a : c->pattern())
            p.args.push_back(pattern(a));
    }
    return p;
}

} // namespace absim::parse
