// Lowering of pure expressions and patterns: names become slots, fields,
// functions and constructors; anonymous function arguments become lambdas
// that capture the outer variables they mention.

#include "interpreter/lower/lowerer.h"

namespace absim::interp {

Expr* Lowerer::newExpr(ExprOp op, SourceRange range) {
    Expr& e = out_.exprs.emplace_back();
    e.op = op;
    e.line = range.begin.line;
    return &e;
}

const Expr* Lowerer::constant(Value v) {
    Expr& e = out_.exprs.emplace_back();
    e.op = ExprOp::Const;
    e.constant = std::move(v);
    return &e;
}

const ConstructorInfo* Lowerer::constructorNamed(const ast::Name& n) {
    const sema::Symbol* sym = lookup(Space::Constructor, n.text);
    if (sym) {
        if (sym->kind == sema::Symbol::Kind::Constructor) {
            auto it = constructors_.find(sym->constructor);
            if (it != constructors_.end())
                return it->second;
        } else if (sym->kind == sema::Symbol::Kind::Exception) {
            auto it = exceptions_.find(sym->decl);
            if (it != exceptions_.end())
                return it->second;
        }
    }
    error(n.range, "unknown constructor '" + n.text + "'");
    return nullptr;
}

const FunctionInfo* Lowerer::functionNamed(const std::string& name) {
    const sema::Symbol* sym = lookup(Space::Function, name);
    if (!sym)
        return nullptr;
    if (sym->kind == sema::Symbol::Kind::Selector) {
        auto it = selectors_.find(sym);
        return it == selectors_.end() ? nullptr : it->second;
    }
    auto it = functions_.find(sym->decl);
    return it == functions_.end() ? nullptr : it->second;
}

const InterfaceInfo* Lowerer::interfaceNamed(const ast::Name& n) {
    const sema::Symbol* sym = lookup(Space::Type, n.text);
    if (sym && sym->kind == sema::Symbol::Kind::Interface) {
        auto it = interfaces_.find(sym->decl);
        if (it != interfaces_.end())
            return it->second;
    }
    error(n.range, "unknown interface '" + n.text + "'");
    return nullptr;
}

// A variable: a local of this scope, a field of the class, or — inside an
// anonymous function — something of the enclosing scope, captured.
const Expr* Lowerer::resolveVar(const std::string& name, SourceRange range, Scope& s) {
    int32_t slot = s.find(name);
    if (slot >= 0) {
        Expr* e = newExpr(ExprOp::Local, range);
        e->slot = slot;
        return e;
    }
    if (s.parent) {
        // Capture from the enclosing scope, once per name.
        const Expr* outer = resolveVar(name, range, *s.parent);
        if (!outer)
            return nullptr;
        int32_t mine = int32_t(s.next++);
        s.vars.insert(s.vars.begin(), {name, mine}); // outermost: shadowed by locals
        s.lambda->captures.push_back(outer);
        s.lambda->captureSlots.push_back(mine);
        Expr* e = newExpr(ExprOp::Local, range);
        e->slot = mine;
        return e;
    }
    if (s.cls) {
        for (size_t i = 0; i < s.cls->fieldNames.size(); ++i) {
            if (s.cls->fieldNames[i] == name) {
                Expr* e = newExpr(ExprOp::Field, range);
                e->slot = int32_t(i);
                return e;
            }
        }
    }
    return nullptr;
}

// `x` evaluated in the outermost scope; inside anonymous functions its value
// is captured through every level.
const Expr* Lowerer::captured(const Expr* x, Scope& s) {
    if (!s.parent)
        return x;
    const Expr* outer = captured(x, *s.parent);
    int32_t mine = int32_t(s.next++);
    s.lambda->captures.push_back(outer);
    s.lambda->captureSlots.push_back(mine);
    Expr* local = &out_.exprs.emplace_back();
    local->op = ExprOp::Local;
    local->slot = mine;
    local->line = x->line;
    return local;
}

static ExprOp binaryOp(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Or: return ExprOp::Or;
    case ast::BinaryOp::And: return ExprOp::And;
    case ast::BinaryOp::Eq: return ExprOp::Eq;
    case ast::BinaryOp::Ne: return ExprOp::Ne;
    case ast::BinaryOp::Lt: return ExprOp::Lt;
    case ast::BinaryOp::Le: return ExprOp::Le;
    case ast::BinaryOp::Gt: return ExprOp::Gt;
    case ast::BinaryOp::Ge: return ExprOp::Ge;
    case ast::BinaryOp::Add: return ExprOp::Add;
    case ast::BinaryOp::Sub: return ExprOp::Sub;
    case ast::BinaryOp::Mul: return ExprOp::Mul;
    case ast::BinaryOp::Div: return ExprOp::Div;
    case ast::BinaryOp::Mod: return ExprOp::Mod;
    }
    return ExprOp::Add;
}

const Expr* Lowerer::lowerFnApp(const ast::FnAppExp* e, Scope& s) {
    std::string name = e->function.text;
    std::vector<const Expr*> args;
    if (e->listSugar) {
        // f[a, b] is f(Cons(a, Cons(b, Nil))).
        const Expr* list = constant(Value::nil());
        for (auto it = e->args.rbegin(); it != e->args.rend(); ++it) {
            Expr* cons = newExpr(ExprOp::Construct, (*it)->range);
            cons->constructor = builtinConstructor(BuiltinConstructor::Cons);
            cons->kids = {lowerExp(it->get(), s), list};
            list = cons;
        }
        args.push_back(list);
    } else {
        for (const auto& a : e->args)
            args.push_back(lowerExp(a.get(), s));
    }
    // Inside a higher-order function: its function parameters, and
    // recursive calls that omit the function arguments.
    for (Scope* sc = &s; sc; sc = sc->parent) {
        if (sc->funParams && !e->function.qualified()) {
            for (size_t i = 0; i < sc->funParams->size(); ++i) {
                if ((*sc->funParams)[i] == name) {
                    Expr* x = newExpr(ExprOp::CallFunParam, e->range);
                    x->slot = int32_t(i);
                    x->kids = std::move(args);
                    return x;
                }
            }
        }
        if (sc->selfPartial && e->function.simple() == sc->selfPartialName) {
            const sema::Symbol* sym = lookup(Space::PartialFunction, name);
            if (sym && functions_[sym->decl] == sc->selfPartial) {
                Expr* x = newExpr(ExprOp::CallSelf, e->range);
                x->function = sc->selfPartial;
                x->kids = std::move(args);
                return x;
            }
        }
    }
    const FunctionInfo* f = functionNamed(name);
    if (!f) {
        error(e->function.range, "unknown function '" + name + "'");
        return constant(Value());
    }
    if (f->arity != args.size()) {
        error(e->range, "function '" + name + "' takes " + std::to_string(f->arity) +
                            " arguments, not " + std::to_string(args.size()));
        return constant(Value());
    }
    Expr* x = newExpr(ExprOp::Call, e->range);
    x->function = f;
    x->kids = std::move(args);
    return x;
}

const LambdaInfo* Lowerer::lowerLambda(const ast::FunArg& a, Scope& s) {
    LambdaInfo& l = out_.lambdas.emplace_back();
    Scope inner;
    inner.parent = &s;
    inner.lambda = &l;
    inner.funParams = nullptr;
    for (const ast::ParamDecl& p : a.params)
        inner.declare(p.name);
    l.arity = uint32_t(a.params.size());
    l.body = lowerExp(a.body.get(), inner);
    l.slotCount = inner.next;
    return &l;
}

const Expr* Lowerer::lowerPartialApp(const ast::PartialFnAppExp* e, Scope& s) {
    const sema::Symbol* sym = lookup(Space::PartialFunction, e->function.text);
    if (!sym || !functions_.count(sym->decl)) {
        error(e->function.range, "unknown higher-order function '" + e->function.text + "'");
        return constant(Value());
    }
    Expr* x = newExpr(ExprOp::CallPartial, e->range);
    x->function = functions_[sym->decl];
    for (const ast::FunArg& a : e->funArgs) {
        FunArgCode code;
        if (a.isLambda()) {
            code.lambda = lowerLambda(a, s);
        } else {
            const std::string& n = a.function->text;
            bool found = false;
            for (Scope* sc = &s; sc && !found; sc = sc->parent) {
                if (sc->funParams && !a.function->qualified()) {
                    for (size_t i = 0; i < sc->funParams->size(); ++i)
                        if ((*sc->funParams)[i] == n) {
                            code.outer = int32_t(i);
                            found = true;
                        }
                }
            }
            if (!found) {
                code.function = functionNamed(n);
                if (!code.function)
                    error(a.function->range, "unknown function '" + n + "'");
            }
        }
        x->funArgs.push_back(code);
    }
    for (const auto& arg : e->args)
        x->kids.push_back(lowerExp(arg.get(), s));
    if (x->function->funParamCount != x->funArgs.size() ||
        x->function->arity != x->kids.size())
        error(e->range, "wrong number of arguments for '" + e->function.text + "'");
    return x;
}

const Expr* Lowerer::lowerExp(const ast::PureExp* e, Scope& s) {
    switch (e->kind) {
    case ast::ExpKind::IntLit:
        return constant(Value::parseInt(e->as<ast::IntLitExp>()->digits));
    case ast::ExpKind::FloatLit:
        return constant(Value::fromFloat(e->as<ast::FloatLitExp>()->value));
    case ast::ExpKind::StringLit:
        return constant(Value::fromString(e->as<ast::StringLitExp>()->value));
    case ast::ExpKind::TemplateStr: {
        const auto* t = e->as<ast::TemplateStrExp>();
        if (t->exps.empty())
            return constant(Value::fromString(t->pieces.empty() ? "" : t->pieces[0]));
        Expr* x = newExpr(ExprOp::Template, e->range);
        x->pieces = t->pieces;
        for (const auto& k : t->exps)
            x->kids.push_back(lowerExp(k.get(), s));
        return x;
    }
    case ast::ExpKind::Var: {
        const auto* v = e->as<ast::VarExp>();
        if (const Expr* x = resolveVar(v->name, e->range, s))
            return x;
        error(e->range, "unknown variable '" + v->name + "'");
        return constant(Value());
    }
    case ast::ExpKind::Field: {
        const auto* f = e->as<ast::FieldExp>();
        Scope* root = &s;
        while (root->parent)
            root = root->parent;
        if (root->cls) {
            for (size_t i = 0; i < root->cls->fieldNames.size(); ++i) {
                if (root->cls->fieldNames[i] == f->name) {
                    Expr* x = newExpr(ExprOp::Field, e->range);
                    x->slot = int32_t(i);
                    return captured(x, s);
                }
            }
        }
        error(e->range, "unknown field '" + f->name + "'");
        return constant(Value());
    }
    case ast::ExpKind::This: {
        Scope* root = &s;
        while (root->parent)
            root = root->parent;
        if (!root->hasThis)
            error(e->range, "'this' is only available inside a class");
        return captured(newExpr(ExprOp::This, e->range), s);
    }
    case ast::ExpKind::Destiny:
        return newExpr(ExprOp::Destiny, e->range);
    case ast::ExpKind::Null:
        return constant(Value());
    case ast::ExpKind::FnApp:
        return lowerFnApp(e->as<ast::FnAppExp>(), s);
    case ast::ExpKind::PartialFnApp:
        return lowerPartialApp(e->as<ast::PartialFnAppExp>(), s);
    case ast::ExpKind::ConstructorApp: {
        const auto* c = e->as<ast::ConstructorAppExp>();
        const ConstructorInfo* info = constructorNamed(c->constructor);
        if (!info)
            return constant(Value());
        if (info->arity != c->args.size()) {
            error(e->range, "constructor '" + c->constructor.text + "' takes " +
                                std::to_string(info->arity) + " arguments");
            return constant(Value());
        }
        if (info->arity == 0)
            return constant(Value::constant(info));
        Expr* x = newExpr(ExprOp::Construct, e->range);
        x->constructor = info;
        for (const auto& a : c->args)
            x->kids.push_back(lowerExp(a.get(), s));
        return x;
    }
    case ast::ExpKind::Unary: {
        const auto* u = e->as<ast::UnaryExp>();
        Expr* x = newExpr(u->op == ast::UnaryOp::Not ? ExprOp::Not : ExprOp::Neg, e->range);
        x->kids.push_back(lowerExp(u->operand.get(), s));
        return x;
    }
    case ast::ExpKind::Binary: {
        const auto* b = e->as<ast::BinaryExp>();
        Expr* x = newExpr(binaryOp(b->op), e->range);
        x->kids.push_back(lowerExp(b->left.get(), s));
        x->kids.push_back(lowerExp(b->right.get(), s));
        return x;
    }
    case ast::ExpKind::Implements:
    case ast::ExpKind::Cast: {
        bool impl = e->kind == ast::ExpKind::Implements;
        const ast::PureExp* operand = impl ? e->as<ast::ImplementsExp>()->operand.get()
                                           : e->as<ast::CastExp>()->operand.get();
        const ast::Name& iface =
            impl ? e->as<ast::ImplementsExp>()->interface : e->as<ast::CastExp>()->interface;
        Expr* x = newExpr(impl ? ExprOp::Implements : ExprOp::Cast, e->range);
        x->kids.push_back(lowerExp(operand, s));
        x->interface = interfaceNamed(iface);
        if (!x->interface)
            return constant(Value());
        return x;
    }
    case ast::ExpKind::When: {
        const auto* w = e->as<ast::WhenExp>();
        Expr* x = newExpr(ExprOp::When, e->range);
        x->kids = {lowerExp(w->cond.get(), s), lowerExp(w->then.get(), s),
                   lowerExp(w->otherwise.get(), s)};
        return x;
    }
    case ast::ExpKind::Case: {
        const auto* c = e->as<ast::CaseExp>();
        Expr* x = newExpr(ExprOp::Case, e->range);
        x->kids.push_back(lowerExp(c->scrutinee.get(), s));
        for (const ast::CaseExpBranch& b : c->branches) {
            s.open();
            CaseBranchCode code;
            code.pattern = lowerPattern(b.pattern, s);
            code.body = lowerExp(b.body.get(), s);
            s.close();
            x->branches.push_back(code);
        }
        return x;
    }
    case ast::ExpKind::Let: {
        const auto* l = e->as<ast::LetExp>();
        s.open();
        std::vector<Expr*> lets;
        for (const ast::LetBinding& b : l->bindings) {
            Expr* x = newExpr(ExprOp::Let, b.range);
            x->kids.push_back(lowerExp(b.value.get(), s));
            x->slot = s.declare(b.name);
            lets.push_back(x);
        }
        const Expr* body = lowerExp(l->body.get(), s);
        s.close();
        for (auto it = lets.rbegin(); it != lets.rend(); ++it) {
            (*it)->kids.push_back(body);
            body = *it;
        }
        return body;
    }
    case ast::ExpKind::Get:
    case ast::ExpKind::New:
    case ast::ExpKind::AsyncCall:
    case ast::ExpKind::SyncCall:
    case ast::ExpKind::OriginalCall:
        error(e->range, "this expression has side effects and may only stand alone as a "
                        "statement, an assignment's right-hand side or a return value");
        return constant(Value());
    }
    return constant(Value());
}

const Pattern* Lowerer::lowerPattern(const ast::Pattern& p, Scope& s) {
    Pattern& out = out_.patterns.emplace_back();
    switch (p.kind) {
    case ast::PatternKind::Wildcard:
        out.op = PatternOp::Wildcard;
        break;
    case ast::PatternKind::IntLit:
        out.op = PatternOp::Equal;
        out.expr = constant(Value::parseInt(p.text));
        break;
    case ast::PatternKind::FloatLit:
        out.op = PatternOp::Equal;
        out.expr = constant(Value::fromFloat(p.floatValue));
        break;
    case ast::PatternKind::StringLit:
        out.op = PatternOp::Equal;
        out.expr = constant(Value::fromString(p.text));
        break;
    case ast::PatternKind::Var:
        // Binds a fresh variable, unless the name is already bound: then it
        // matches only values equal to it (language.md §2.8).
        if (const Expr* bound = resolveVar(p.text, p.range, s)) {
            out.op = PatternOp::Equal;
            out.expr = bound;
        } else {
            out.op = PatternOp::Bind;
            out.slot = s.declare(p.text);
        }
        break;
    case ast::PatternKind::Constructor: {
        out.op = PatternOp::Constructor;
        out.constructor = constructorNamed(p.constructor);
        if (out.constructor && out.constructor->arity != p.args.size())
            error(p.range, "constructor '" + p.constructor.text + "' takes " +
                               std::to_string(out.constructor->arity) + " arguments");
        for (const ast::Pattern& a : p.args)
            out.args.push_back(lowerPattern(a, s));
        break;
    }
    }
    return &out;
}

} // namespace absim::interp
