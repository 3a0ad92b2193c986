// Lowering of statements to flat instruction lists with jumps.

#include "interpreter/lower/lowerer.h"

namespace absim::interp {

namespace {

// The maximum of `duration(min, max)`: the minimum itself when both are the
// same leaf (`duration(d, d)`, `duration(1, 1)`), so that the runtime reads
// it once and knows the wait is a point in time.
const Expr* maxBound(const Expr* min, const Expr* max) {
    if (min->op != max->op)
        return max;
    switch (min->op) {
    case ExprOp::Local:
    case ExprOp::Field:
        return min->slot == max->slot ? min : max;
    case ExprOp::Const:
        return min->constant.isSmallInt() && max->constant.isSmallInt() &&
                       min->constant.smallInt() == max->constant.smallInt()
                   ? min
                   : max;
    default:
        return max;
    }
}

} // namespace

Instr& Lowerer::emit(Code& code, Opcode op, uint32_t line) {
    Instr& in = code.instrs.emplace_back();
    in.op = op;
    in.line = line;
    return in;
}

void Lowerer::lowerBody(const ast::BlockStmt* body, Code& code, Scope& s) {
    if (!body)
        return;
    s.open();
    for (const auto& st : body->stmts)
        lowerStmt(st.get(), code, s);
    s.close();
}

Dest Lowerer::destFor(const std::string& name, bool thisField, SourceRange range, Scope& s) {
    if (!thisField) {
        int32_t slot = s.find(name);
        if (slot >= 0)
            return Dest{Dest::Kind::Local, slot};
    }
    if (s.cls) {
        for (size_t i = 0; i < s.cls->fieldNames.size(); ++i)
            if (s.cls->fieldNames[i] == name)
                return Dest{Dest::Kind::Field, int32_t(i)};
    }
    error(range, "unknown variable '" + name + "'");
    return Dest{};
}

static const ast::PureExp* annotation(const ast::Annotations& anns, const char* name) {
    for (const ast::Annotation& a : anns)
        if (a.name && a.name->simple() == name)
            return a.value.get();
    return nullptr;
}

void Lowerer::lowerEffect(const ast::Exp* e, Dest dest, const ast::Annotations& anns, Code& code,
                          Scope& s, uint32_t line) {
    switch (e->kind) {
    case ast::ExpKind::Get: {
        Instr& in = emit(code, Opcode::Get, line);
        in.dest = dest;
        in.e = lowerExp(e->as<ast::GetExp>()->future.get(), s);
        return;
    }
    case ast::ExpKind::New: {
        const auto* n = e->as<ast::NewExp>();
        const sema::Symbol* sym = lookup(Space::Class, n->className.text);
        if (!sym || sym->kind != sema::Symbol::Kind::Class) {
            error(n->className.range, "unknown class '" + n->className.text + "'");
            return;
        }
        std::vector<const Expr*> args;
        for (const auto& a : n->args)
            args.push_back(lowerExp(a.get(), s));
        Instr& in = emit(code, n->local ? Opcode::NewLocal : Opcode::New, line);
        in.dest = dest;
        in.cls = classes_[sym->decl];
        in.args = std::move(args);
        if (const ast::PureExp* dc = annotation(anns, "DC"))
            in.e = lowerExp(dc, s);
        const auto* d = sym->decl->as<ast::ClassDecl>();
        if (!n->local)
            in.scheduler = lowerScheduler(anns, d);
        if (d->params.size() != in.args.size())
            error(e->range, "class '" + n->className.text + "' takes " +
                                std::to_string(d->params.size()) + " arguments");
        return;
    }
    case ast::ExpKind::AsyncCall: {
        const auto* c = e->as<ast::AsyncCallExp>();
        const Expr* callee = lowerExp(c->callee.get(), s);
        std::vector<const Expr*> args;
        for (const auto& a : c->args)
            args.push_back(lowerExp(a.get(), s));
        Dest target = dest;
        if (c->await)
            target = Dest{Dest::Kind::Local, s.temp()};
        Instr& in = emit(code, Opcode::AsyncCall, line);
        in.dest = target;
        in.e = callee;
        in.method = internMethod(c->method);
        in.args = std::move(args);
        if (const ast::PureExp* d = annotation(anns, "Deadline"))
            in.e2 = lowerExp(d, s);
        if (c->await) {
            // `x = await o!m()` is `f = o!m(); await f?; x = f.get;`.
            GuardCode& g = out_.guards.emplace_back();
            g.kind = GuardCode::Kind::Future;
            Expr* f = newExpr(ExprOp::Local, e->range);
            f->slot = target.slot;
            g.exp = f;
            emit(code, Opcode::Await, line).guard = &g;
            if (dest.kind != Dest::Kind::None) {
                Instr& get = emit(code, Opcode::Get, line);
                get.dest = dest;
                get.e = f;
            }
        }
        return;
    }
    case ast::ExpKind::SyncCall: {
        const auto* c = e->as<ast::SyncCallExp>();
        const Expr* callee = lowerExp(c->callee.get(), s);
        std::vector<const Expr*> args;
        for (const auto& a : c->args)
            args.push_back(lowerExp(a.get(), s));
        Instr& in = emit(code, Opcode::SyncCall, line);
        in.dest = dest;
        in.e = callee;
        in.method = internMethod(c->method);
        in.args = std::move(args);
        return;
    }
    case ast::ExpKind::OriginalCall: {
        // A synchronous call on this to the method the trait replaced.
        const auto* c = e->as<ast::OriginalCallExp>();
        if (originalName_.empty() || c->qualifier) {
            error(e->range, "original(...) calls are only supported in a method that a "
                            "trait's 'modifies' puts in place of another");
            return;
        }
        std::vector<const Expr*> args;
        for (const auto& a : c->args)
            args.push_back(lowerExp(a.get(), s));
        Instr& in = emit(code, Opcode::SyncCall, line);
        in.dest = dest;
        in.e = newExpr(ExprOp::This, e->range);
        in.method = internMethod(originalName_);
        in.args = std::move(args);
        return;
    }
    default: {
        Instr& in = emit(code, dest.kind == Dest::Kind::None ? Opcode::Eval : Opcode::Assign, line);
        in.dest = dest;
        in.e = lowerExp(e, s);
        return;
    }
    }
}

const GuardCode* Lowerer::lowerGuard(const ast::Guard* g, Scope& s) {
    GuardCode& out = out_.guards.emplace_back();
    switch (g->kind) {
    case ast::GuardKind::Future: {
        out.kind = GuardCode::Kind::Future;
        if (g->futureThisField) {
            Dest d = destFor(g->futureVar, true, g->range, s);
            Expr* x = newExpr(ExprOp::Field, g->range);
            x->slot = d.slot;
            out.exp = x;
        } else {
            out.exp = resolveVar(g->futureVar, g->range, s);
            if (!out.exp) {
                error(g->range, "unknown variable '" + g->futureVar + "'");
                out.exp = constant(Value());
            }
        }
        break;
    }
    case ast::GuardKind::Duration:
        out.kind = GuardCode::Kind::Duration;
        out.exp = lowerExp(g->min.get(), s);
        out.max = g->max ? maxBound(out.exp, lowerExp(g->max.get(), s)) : out.exp;
        break;
    case ast::GuardKind::Exp:
        out.kind = GuardCode::Kind::Bool;
        out.exp = lowerExp(g->exp.get(), s);
        break;
    case ast::GuardKind::And:
        out.kind = GuardCode::Kind::And;
        out.left = lowerGuard(g->left.get(), s);
        out.right = lowerGuard(g->right.get(), s);
        break;
    }
    return &out;
}

void Lowerer::lowerSwitch(const ast::SwitchStmt* st, Code& code, Scope& s) {
    uint32_t line = st->range.begin.line;
    int32_t value = s.temp();
    Instr& in = emit(code, Opcode::Assign, line);
    in.dest = Dest{Dest::Kind::Local, value};
    in.e = lowerExp(st->scrutinee.get(), s);
    std::vector<size_t> toEnd;
    for (const ast::SwitchBranch& b : st->branches) {
        s.open();
        size_t matchAt = code.instrs.size();
        Instr& m = emit(code, Opcode::Match, b.range.begin.line);
        m.slot = value;
        m.pattern = lowerPattern(b.pattern, s);
        lowerStmt(b.body.get(), code, s);
        toEnd.push_back(code.instrs.size());
        emit(code, Opcode::Jump, b.range.end.line);
        code.instrs[matchAt].target = uint32_t(code.instrs.size());
        s.close();
    }
    // No branch matched (the reference appends a default branch that throws).
    emit(code, Opcode::Throw, line).e = constant(
        Value::constant(builtinConstructor(BuiltinConstructor::PatternMatchFailException)));
    for (size_t at : toEnd)
        code.instrs[at].target = uint32_t(code.instrs.size());
}

// try { body } catch { p => s ... } finally { fin }:
//
//      TryEnter catch, exc
//      body
//      TryLeave
//      Jump normal
//  catch:
//      TryEnter failed, exc2       (only with finally: errors in branches)
//      Match exc, p1 else next1;  s1;  TryLeave;  Jump normal
//      ...
//      TryLeave;  fin;  Rethrow exc   (no branch matched)
//  failed:
//      fin;  Rethrow exc2
//  normal:
//      fin
void Lowerer::lowerTry(const ast::TryStmt* st, Code& code, Scope& s) {
    uint32_t line = st->range.begin.line;
    bool hasFinally = st->finally != nullptr;
    int32_t exc = s.temp();
    size_t enter = code.instrs.size();
    emit(code, Opcode::TryEnter, line).slot = exc;
    lowerStmt(st->body.get(), code, s);
    emit(code, Opcode::TryLeave, line);
    std::vector<size_t> toNormal{code.instrs.size()};
    emit(code, Opcode::Jump, line);
    code.instrs[enter].target = uint32_t(code.instrs.size());

    int32_t exc2 = -1;
    size_t enter2 = 0;
    if (hasFinally) {
        exc2 = s.temp();
        enter2 = code.instrs.size();
        emit(code, Opcode::TryEnter, line).slot = exc2;
    }
    for (const ast::SwitchBranch& b : st->catches) {
        s.open();
        size_t matchAt = code.instrs.size();
        Instr& m = emit(code, Opcode::Match, b.range.begin.line);
        m.slot = exc;
        m.pattern = lowerPattern(b.pattern, s);
        lowerStmt(b.body.get(), code, s);
        if (hasFinally)
            emit(code, Opcode::TryLeave, line);
        toNormal.push_back(code.instrs.size());
        emit(code, Opcode::Jump, line);
        code.instrs[matchAt].target = uint32_t(code.instrs.size());
        s.close();
    }
    if (hasFinally) {
        emit(code, Opcode::TryLeave, line);
        lowerStmt(st->finally.get(), code, s);
    }
    emit(code, Opcode::Rethrow, line).slot = exc;
    if (hasFinally) {
        code.instrs[enter2].target = uint32_t(code.instrs.size());
        lowerStmt(st->finally.get(), code, s);
        emit(code, Opcode::Rethrow, line).slot = exc2;
    }
    for (size_t at : toNormal)
        code.instrs[at].target = uint32_t(code.instrs.size());
    if (hasFinally)
        lowerStmt(st->finally.get(), code, s);
}

// The call a statement makes (`o!m()`, `x = o.m()`, `T x = await o!m()`),
// or null.
static const ast::PureExp* calleeOf(const ast::Stmt* st) {
    const ast::Exp* e = nullptr;
    switch (st->kind) {
    case ast::StmtKind::VarDecl:
        e = st->as<ast::VarDeclStmt>()->init.get();
        break;
    case ast::StmtKind::Assign:
        e = st->as<ast::AssignStmt>()->value.get();
        break;
    case ast::StmtKind::ExpStmt:
        e = st->as<ast::ExpStmt>()->exp.get();
        break;
    default:
        return nullptr;
    }
    if (!e)
        return nullptr;
    if (e->kind == ast::ExpKind::AsyncCall)
        return e->as<ast::AsyncCallExp>()->callee.get();
    if (e->kind == ast::ExpKind::SyncCall)
        return e->as<ast::SyncCallExp>()->callee.get();
    return nullptr;
}

// [Cost: e] takes Speed, then [DataSize: e] takes Bandwidth, before the
// statement runs: on a call only when the callee is on another DC, on a
// return always (runtime.md §6.3-6.4).
void Lowerer::lowerResources(const ast::Stmt* st, Code& code, Scope& s, uint32_t line) {
    if (const ast::PureExp* cost = annotation(st->annotations, "Cost")) {
        Instr& in = emit(code, Opcode::Consume, line);
        in.slot = 0;
        in.e = lowerExp(cost, s);
    }
    if (const ast::PureExp* size = annotation(st->annotations, "DataSize")) {
        const ast::PureExp* callee = calleeOf(st);
        if (!callee && st->kind != ast::StmtKind::Return)
            return;
        Instr& in = emit(code, Opcode::Consume, line);
        in.slot = 1;
        in.e = lowerExp(size, s);
        if (callee)
            in.e2 = lowerExp(callee, s);
    }
}

void Lowerer::lowerStmt(const ast::Stmt* st, Code& code, Scope& s) {
    uint32_t line = st->range.begin.line;
    if (!st->annotations.empty())
        lowerResources(st, code, s, line);
    switch (st->kind) {
    case ast::StmtKind::VarDecl: {
        const auto* v = st->as<ast::VarDeclStmt>();
        // The initialiser cannot see the variable it initialises.
        int32_t slot = int32_t(s.next++);
        Dest dest{Dest::Kind::Local, slot};
        if (v->init) {
            lowerEffect(v->init.get(), dest, st->annotations, code, s, line);
        } else {
            Instr& in = emit(code, Opcode::Assign, line);
            in.dest = dest;
            in.e = constant(Value());
        }
        s.vars.emplace_back(v->name, slot);
        return;
    }
    case ast::StmtKind::Assign: {
        const auto* a = st->as<ast::AssignStmt>();
        Dest dest = destFor(a->target, a->thisField, a->targetRange, s);
        lowerEffect(a->value.get(), dest, st->annotations, code, s, line);
        return;
    }
    case ast::StmtKind::Skip:
        return;
    case ast::StmtKind::Return: {
        const auto* r = st->as<ast::ReturnStmt>();
        if (r->value->effectful()) {
            Dest tmp{Dest::Kind::Local, s.temp()};
            lowerEffect(r->value.get(), tmp, st->annotations, code, s, line);
            Expr* x = newExpr(ExprOp::Local, st->range);
            x->slot = tmp.slot;
            emit(code, Opcode::Return, line).e = x;
        } else {
            emit(code, Opcode::Return, line).e = lowerExp(r->value.get(), s);
        }
        return;
    }
    case ast::StmtKind::Assert:
        emit(code, Opcode::Assert, line).e = lowerExp(st->as<ast::AssertStmt>()->cond.get(), s);
        return;
    case ast::StmtKind::Block:
        lowerBody(st->as<ast::BlockStmt>(), code, s);
        return;
    case ast::StmtKind::If: {
        const auto* i = st->as<ast::IfStmt>();
        size_t jf = code.instrs.size();
        emit(code, Opcode::JumpIfFalse, line).e = lowerExp(i->cond.get(), s);
        s.open();
        lowerStmt(i->then.get(), code, s);
        s.close();
        if (i->otherwise) {
            size_t jend = code.instrs.size();
            emit(code, Opcode::Jump, line);
            code.instrs[jf].target = uint32_t(code.instrs.size());
            s.open();
            lowerStmt(i->otherwise.get(), code, s);
            s.close();
            code.instrs[jend].target = uint32_t(code.instrs.size());
        } else {
            code.instrs[jf].target = uint32_t(code.instrs.size());
        }
        return;
    }
    case ast::StmtKind::Switch:
        lowerSwitch(st->as<ast::SwitchStmt>(), code, s);
        return;
    case ast::StmtKind::While: {
        const auto* w = st->as<ast::WhileStmt>();
        uint32_t top = uint32_t(code.instrs.size());
        emit(code, Opcode::JumpIfFalse, line).e = lowerExp(w->cond.get(), s);
        s.open();
        lowerStmt(w->body.get(), code, s);
        s.close();
        emit(code, Opcode::JumpBack, line).target = top; // where a loop may be interrupted
        code.instrs[top].target = uint32_t(code.instrs.size());
        return;
    }
    case ast::StmtKind::Foreach: {
        const auto* f = st->as<ast::ForeachStmt>();
        int32_t rest = s.temp();
        Instr& init = emit(code, Opcode::Assign, line);
        init.dest = Dest{Dest::Kind::Local, rest};
        init.e = lowerExp(f->list.get(), s);
        s.open();
        int32_t index = -1;
        if (f->indexVar) {
            index = s.declare(*f->indexVar);
            Instr& zero = emit(code, Opcode::Assign, line);
            zero.dest = Dest{Dest::Kind::Local, index};
            zero.e = constant(Value::fromInt(0));
        }
        int32_t var = s.declare(f->var);
        uint32_t top = uint32_t(code.instrs.size());
        Instr& next = emit(code, Opcode::ForeachNext, line);
        next.slot = rest;
        next.dest = Dest{Dest::Kind::Local, var};
        s.open();
        lowerStmt(f->body.get(), code, s);
        s.close();
        if (index >= 0) {
            Expr* idx = newExpr(ExprOp::Local, f->range);
            idx->slot = index;
            Expr* inc = newExpr(ExprOp::Add, f->range);
            inc->kids = {idx, constant(Value::fromInt(1))};
            Instr& step = emit(code, Opcode::Assign, line);
            step.dest = Dest{Dest::Kind::Local, index};
            step.e = inc;
        }
        emit(code, Opcode::JumpBack, line).target = top; // where a loop may be interrupted
        code.instrs[top].target = uint32_t(code.instrs.size());
        s.close();
        return;
    }
    case ast::StmtKind::Try:
        lowerTry(st->as<ast::TryStmt>(), code, s);
        return;
    case ast::StmtKind::Await:
        emit(code, Opcode::Await, line).guard =
            lowerGuard(st->as<ast::AwaitStmt>()->guard.get(), s);
        return;
    case ast::StmtKind::Suspend:
        emit(code, Opcode::Suspend, line);
        return;
    case ast::StmtKind::Duration: {
        const auto* d = st->as<ast::DurationStmt>();
        Instr& in = emit(code, Opcode::Duration, line);
        in.e = lowerExp(d->min.get(), s);
        in.e2 = d->max ? maxBound(in.e, lowerExp(d->max.get(), s)) : in.e;
        return;
    }
    case ast::StmtKind::Throw:
        emit(code, Opcode::Throw, line).e = lowerExp(st->as<ast::ThrowStmt>()->exception.get(), s);
        return;
    case ast::StmtKind::Die:
        emit(code, Opcode::Die, line).e = lowerExp(st->as<ast::DieStmt>()->exception.get(), s);
        return;
    case ast::StmtKind::MoveCogTo:
        error(st->range, "movecogto is not supported");
        return;
    case ast::StmtKind::ExpStmt:
        lowerEffect(st->as<ast::ExpStmt>()->exp.get(), Dest{}, st->annotations, code, s, line);
        return;
    }
}

} // namespace absim::interp
