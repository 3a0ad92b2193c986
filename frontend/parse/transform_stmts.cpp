// Statements, switch branches and await guards.

#include "frontend/parse/transformer.h"

namespace absim::parse {

namespace {

template <typename T> ast::Own<T> make(SourceRange r) {
    auto s = std::make_unique<T>();
    s->range = r;
    return s;
}

} // namespace

ast::Own<ast::BlockStmt> Transformer::block(P::BlockContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    auto b = make<ast::BlockStmt>(range(ctx));
    for (P::StmtContext* s : ctx->stmt())
        if (ast::Own<ast::Stmt> st = stmt(s))
            b->stmts.push_back(std::move(st));
    return b;
}

ast::Own<ast::Stmt> Transformer::stmt(P::StmtContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    ast::Own<ast::Stmt> s = bareStmt(ctx->bareStmt());
    if (s) {
        s->annotations = annotations(ctx->annotations());
        s->range = range(ctx);
    }
    return s;
}

ast::Own<ast::Stmt> Transformer::bareStmt(P::BareStmtContext* ctx) {
    if (!ctx)
        return nullptr;
    SourceRange r = range(ctx);
    // most frequent first: this is a chain of dynamic_casts
    if (auto* c = dynamic_cast<P::ExpStmtContext*>(ctx)) {
        auto s = make<ast::ExpStmt>(r);
        s->exp = exp(c->exp());
        return s;
    }
    if (auto* c = dynamic_cast<P::AssignStmtContext*>(ctx)) {
        auto s = make<ast::AssignStmt>(r);
        s->thisField = c->THIS() != nullptr;
        s->target = name(c->name());
        s->targetRange = range(c->name());
        if (c->THIS())
            s->targetRange.begin = range(c->THIS()).begin;
        s->value = exp(c->exp());
        return s;
    }
    if (auto* c = dynamic_cast<P::VarDeclStmtContext*>(ctx)) {
        auto s = make<ast::VarDeclStmt>(r);
        s->type = typeUse(c->typeUse());
        s->name = name(c->name(), true);
        s->nameRange = range(c->name());
        s->init = exp(c->exp());
        return s;
    }
    if (auto* c = dynamic_cast<P::IfStmtContext*>(ctx)) {
        auto s = make<ast::IfStmt>(r);
        s->cond = pureExp(c->pureExp());
        s->then = stmt(c->stmt(0));
        s->otherwise = stmt(c->stmt(1));
        return s;
    }
    if (auto* c = dynamic_cast<P::ReturnStmtContext*>(ctx)) {
        auto s = make<ast::ReturnStmt>(r);
        s->value = exp(c->exp());
        return s;
    }
    if (auto* c = dynamic_cast<P::AwaitStmtContext*>(ctx)) {
        auto s = make<ast::AwaitStmt>(r);
        s->guard = guard(c->guard());
        return s;
    }
    if (auto* c = dynamic_cast<P::BlockStmtContext*>(ctx)) {
        ast::Own<ast::BlockStmt> b = block(c->block());
        return b ? std::move(b) : make<ast::BlockStmt>(r);
    }
    if (dynamic_cast<P::SkipStmtContext*>(ctx))
        return make<ast::SkipStmt>(r);
    if (auto* c = dynamic_cast<P::WhileStmtContext*>(ctx)) {
        auto s = make<ast::WhileStmt>(r);
        s->cond = pureExp(c->pureExp());
        s->body = stmt(c->stmt());
        return s;
    }
    if (auto* c = dynamic_cast<P::ForeachStmtContext*>(ctx)) {
        auto s = make<ast::ForeachStmt>(r);
        s->var = name(c->name(0), true);
        s->varRange = range(c->name(0));
        if (c->name(1)) {
            s->indexVar = name(c->name(1), true);
            s->indexRange = range(c->name(1));
        }
        s->list = pureExp(c->pureExp());
        s->body = stmt(c->stmt());
        return s;
    }
    if (auto* c = dynamic_cast<P::SwitchStmtContext*>(ctx)) {
        auto s = make<ast::SwitchStmt>(r);
        s->scrutinee = pureExp(c->pureExp());
        for (P::SwitchBranchContext* b : c->switchBranch())
            s->branches.push_back(switchBranch(b));
        return s;
    }
    if (dynamic_cast<P::SuspendStmtContext*>(ctx))
        return make<ast::SuspendStmt>(r);
    if (auto* c = dynamic_cast<P::DurationStmtContext*>(ctx)) {
        auto s = make<ast::DurationStmt>(r);
        s->min = pureExp(c->pureExp(0));
        s->max = pureExp(c->pureExp(1));
        return s;
    }
    if (auto* c = dynamic_cast<P::TryStmtContext*>(ctx)) {
        auto s = make<ast::TryStmt>(r);
        s->body = stmt(c->stmt(0));
        for (P::SwitchBranchContext* b : c->switchBranch())
            s->catches.push_back(switchBranch(b));
        if (c->FINALLY())
            s->finally = stmt(c->stmt(1));
        return s;
    }
    if (auto* c = dynamic_cast<P::AssertStmtContext*>(ctx)) {
        auto s = make<ast::AssertStmt>(r);
        s->cond = pureExp(c->pureExp());
        return s;
    }
    if (auto* c = dynamic_cast<P::ThrowStmtContext*>(ctx)) {
        auto s = make<ast::ThrowStmt>(r);
        s->exception = pureExp(c->pureExp());
        return s;
    }
    if (auto* c = dynamic_cast<P::CaseStmtContext*>(ctx)) {
        auto s = make<ast::SwitchStmt>(r);
        s->legacyCase = true;
        s->scrutinee = pureExp(c->pureExp());
        for (P::SwitchBranchContext* b : c->switchBranch())
            s->branches.push_back(switchBranch(b));
        return s;
    }
    if (auto* c = dynamic_cast<P::DieStmtContext*>(ctx)) {
        auto s = make<ast::DieStmt>(r);
        s->exception = pureExp(c->pureExp());
        return s;
    }
    if (auto* c = dynamic_cast<P::MoveCogToStmtContext*>(ctx)) {
        auto s = make<ast::MoveCogToStmt>(r);
        s->target = pureExp(c->pureExp());
        return s;
    }
    return nullptr; // a statement error recovery could not classify
}

ast::SwitchBranch Transformer::switchBranch(P::SwitchBranchContext* ctx) {
    ast::SwitchBranch b;
    if (!ctx)
        return b;
    b.range = range(ctx);
    b.pattern = pattern(ctx->pattern());
    b.body = stmt(ctx->stmt());
    return b;
}

ast::Own<ast::Guard> Transformer::guard(P::GuardContext* ctx) {
    if (!ctx)
        return nullptr;
    Nesting nest(*this, ctx);
    if (!nest.ok)
        return nullptr;
    auto g = std::make_unique<ast::Guard>();
    g->range = range(ctx);
    if (auto* c = dynamic_cast<P::AndGuardContext*>(ctx)) {
        g->kind = ast::GuardKind::And;
        g->left = guard(c->guard(0));
        g->right = guard(c->guard(1));
    } else if (auto* c = dynamic_cast<P::FutureGuardContext*>(ctx)) {
        g->kind = ast::GuardKind::Future;
        g->futureThisField = c->THIS() != nullptr;
        g->futureVar = name(c->name());
    } else if (auto* c = dynamic_cast<P::DurationGuardContext*>(ctx)) {
        g->kind = ast::GuardKind::Duration;
        g->min = pureExp(c->pureExp(0));
        g->max = pureExp(c->pureExp(1));
    } else if (auto* c = dynamic_cast<P::ExpGuardContext*>(ctx)) {
        g->kind = ast::GuardKind::Exp;
        g->exp = pureExp(c->pureExp());
    }
    return g;
}

} // namespace absim::parse
