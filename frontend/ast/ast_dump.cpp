#include "frontend/ast/ast_dump.h"

namespace absim::ast {

namespace {

std::string quote(const std::string& value) {
    std::string out = "\"";
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out + "\"";
}

std::string joinNames(const std::vector<Name>& names) {
    std::string out;
    for (const Name& n : names)
        out += (out.empty() ? "" : ", ") + n.text;
    return out;
}

std::string typeParamList(const std::vector<TypeParam>& params) {
    if (params.empty())
        return "";
    std::string out = "<";
    for (size_t i = 0; i < params.size(); ++i)
        out += (i ? ", " : "") + params[i].name;
    return out + ">";
}

// Short spelling of simple annotation values (`Near`, `Cost: 5`) so that
// annotated types still fit on one line.
std::string compact(const PureExp* e) {
    if (!e)
        return "?";
    switch (e->kind) {
    case ExpKind::IntLit:
        return e->as<IntLitExp>()->digits;
    case ExpKind::FloatLit:
        return e->as<FloatLitExp>()->text;
    case ExpKind::StringLit:
        return quote(e->as<StringLitExp>()->value);
    case ExpKind::Var:
        return e->as<VarExp>()->name;
    case ExpKind::ConstructorApp: {
        const auto* c = e->as<ConstructorAppExp>();
        if (c->args.empty())
            return c->constructor.text;
        std::string out = c->constructor.text + "(";
        for (size_t i = 0; i < c->args.size(); ++i)
            out += (i ? ", " : "") + compact(c->args[i].get());
        return out + ")";
    }
    default:
        return "...";
    }
}

// Appends instead of `"[" + ...`: GCC 12 warns (-Wrestrict, wrongly) about
// such chains once inlined.
std::string annotationText(const Annotation& a) {
    std::string out = "[";
    if (a.name) {
        out += a.name->text;
        out += ": ";
    }
    out += compact(a.value.get());
    out += "] ";
    return out;
}

std::string typeText(const TypeUse* t) {
    if (!t)
        return "<missing type>";
    std::string out;
    for (const Annotation& a : t->annotations)
        out += annotationText(a);
    out += t->name.text;
    if (!t->args.empty()) {
        out += "<";
        for (size_t i = 0; i < t->args.size(); ++i)
            out += (i ? ", " : "") + typeText(t->args[i].get());
        out += ">";
    }
    return out;
}

std::string patternText(const Pattern& p) {
    switch (p.kind) {
    case PatternKind::Wildcard:
        return "_";
    case PatternKind::IntLit:
    case PatternKind::FloatLit:
        return p.text;
    case PatternKind::StringLit:
        return quote(p.text);
    case PatternKind::Var:
        return p.text;
    case PatternKind::Constructor: {
        std::string out = p.constructor.text;
        if (p.parens || !p.args.empty()) {
            out += "(";
            for (size_t i = 0; i < p.args.size(); ++i)
                out += (i ? ", " : "") + patternText(p.args[i]);
            out += ")";
        }
        return out;
    }
    }
    return "?";
}

std::string exportText(const ExportDecl& e) {
    std::string text = "Export " + (e.star ? std::string("*") : joinNames(e.names));
    if (e.from)
        text += " from " + e.from->text;
    return text;
}

std::string importText(const ImportDecl& i) {
    std::string from = i.from ? i.from->text : std::string();
    switch (i.kind) {
    case ImportDecl::Kind::StarFrom:
        return "Import * from " + from;
    case ImportDecl::Kind::NamesFrom:
        return "Import " + joinNames(i.names) + " from " + from;
    case ImportDecl::Kind::Qualified:
        return "Import " + joinNames(i.names) + " (qualified)";
    }
    return "Import";
}

class Dumper {
  public:
    explicit Dumper(std::string& out) : out_(out) {}

    void line(int depth, const std::string& text, const SourceRange& r) {
        out_.append(static_cast<size_t>(depth) * 2, ' ');
        out_ += text;
        if (r.begin.known())
            out_ += " @" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.col);
        out_ += '\n';
    }

    void missing(int depth, const char* what) {
        out_.append(static_cast<size_t>(depth) * 2, ' ');
        out_ += std::string("<missing ") + what + ">\n";
    }

    void annotations(int depth, const Annotations& anns) {
        for (const Annotation& a : anns) {
            line(depth, a.name ? "Annotation " + a.name->text : "Annotation", a.range);
            exp(depth + 1, a.value.get());
        }
    }

    void params(int depth, const std::vector<ParamDecl>& ps) {
        for (const ParamDecl& p : ps) {
            line(depth, "Param " + typeText(p.type.get()) + " " + p.name, p.range);
            annotations(depth + 1, p.annotations);
        }
    }

    void exps(int depth, const OwnList<PureExp>& es) {
        for (const auto& e : es)
            exp(depth, e.get());
    }

    void exp(int depth, const PureExp* e) {
        if (!e) {
            missing(depth, "expression");
            return;
        }
        const SourceRange& r = e->range;
        switch (e->kind) {
        case ExpKind::IntLit:
            line(depth, "IntLit " + e->as<IntLitExp>()->digits, r);
            break;
        case ExpKind::FloatLit:
            line(depth, "FloatLit " + e->as<FloatLitExp>()->text, r);
            break;
        case ExpKind::StringLit:
            line(depth, "StringLit " + quote(e->as<StringLitExp>()->value), r);
            break;
        case ExpKind::TemplateStr: {
            const auto* t = e->as<TemplateStrExp>();
            line(depth, "TemplateStr", r);
            for (size_t i = 0; i < t->pieces.size(); ++i) {
                line(depth + 1, "Text " + quote(t->pieces[i]), SourceRange{});
                if (i < t->exps.size())
                    exp(depth + 1, t->exps[i].get());
            }
            break;
        }
        case ExpKind::Var:
            line(depth, "Var " + e->as<VarExp>()->name, r);
            break;
        case ExpKind::Field:
            line(depth, "Field this." + e->as<FieldExp>()->name, r);
            break;
        case ExpKind::This:
            line(depth, "This", r);
            break;
        case ExpKind::Destiny:
            line(depth, "Destiny", r);
            break;
        case ExpKind::Null:
            line(depth, "Null", r);
            break;
        case ExpKind::FnApp: {
            const auto* f = e->as<FnAppExp>();
            line(depth, "FnApp " + f->function.text + (f->listSugar ? " [list sugar]" : ""), r);
            exps(depth + 1, f->args);
            break;
        }
        case ExpKind::PartialFnApp: {
            const auto* f = e->as<PartialFnAppExp>();
            line(depth, "PartialFnApp " + f->function.text, r);
            for (const FunArg& a : f->funArgs) {
                if (!a.isLambda()) {
                    line(depth + 1, "FunArg " + a.function->text, a.range);
                } else {
                    line(depth + 1, "FunArg lambda", a.range);
                    params(depth + 2, a.params);
                    exp(depth + 2, a.body.get());
                }
            }
            exps(depth + 1, f->args);
            break;
        }
        case ExpKind::ConstructorApp: {
            const auto* c = e->as<ConstructorAppExp>();
            line(depth,
                 "ConstructorApp " + c->constructor.text +
                     (c->parens && c->args.empty() ? "()" : ""),
                 r);
            exps(depth + 1, c->args);
            break;
        }
        case ExpKind::Unary: {
            const auto* u = e->as<UnaryExp>();
            const char* op = u->op == UnaryOp::Neg ? "-" : u->legacyTilde ? "~" : "!";
            line(depth, std::string("Unary ") + op, r);
            exp(depth + 1, u->operand.get());
            break;
        }
        case ExpKind::Binary: {
            const auto* b = e->as<BinaryExp>();
            line(depth, std::string("Binary ") + spelling(b->op), r);
            exp(depth + 1, b->left.get());
            exp(depth + 1, b->right.get());
            break;
        }
        case ExpKind::Implements: {
            const auto* i = e->as<ImplementsExp>();
            line(depth, "Implements " + i->interface.text, r);
            exp(depth + 1, i->operand.get());
            break;
        }
        case ExpKind::Cast: {
            const auto* c = e->as<CastExp>();
            line(depth, "Cast " + c->interface.text, r);
            exp(depth + 1, c->operand.get());
            break;
        }
        case ExpKind::When: {
            const auto* w = e->as<WhenExp>();
            line(depth, w->legacyIf ? "When (written if-then-else)" : "When", r);
            exp(depth + 1, w->cond.get());
            exp(depth + 1, w->then.get());
            exp(depth + 1, w->otherwise.get());
            break;
        }
        case ExpKind::Case: {
            const auto* c = e->as<CaseExp>();
            line(depth, "Case", r);
            exp(depth + 1, c->scrutinee.get());
            for (const CaseExpBranch& b : c->branches) {
                line(depth + 1, "Branch " + patternText(b.pattern), b.range);
                pattern(depth + 2, b.pattern);
                exp(depth + 2, b.body.get());
            }
            break;
        }
        case ExpKind::Let: {
            const auto* l = e->as<LetExp>();
            line(depth, "Let", r);
            for (const LetBinding& b : l->bindings) {
                line(depth + 1, "Binding " + typeText(b.type.get()) + " " + b.name, b.range);
                exp(depth + 2, b.value.get());
            }
            exp(depth + 1, l->body.get());
            break;
        }
        case ExpKind::Get:
            line(depth, "Get", r);
            exp(depth + 1, e->as<GetExp>()->future.get());
            break;
        case ExpKind::New: {
            const auto* n = e->as<NewExp>();
            line(depth, std::string("New ") + (n->local ? "local " : "") + n->className.text, r);
            exps(depth + 1, n->args);
            break;
        }
        case ExpKind::AsyncCall: {
            const auto* c = e->as<AsyncCallExp>();
            line(depth, std::string("AsyncCall ") + (c->await ? "await " : "") + c->method, r);
            exp(depth + 1, c->callee.get());
            exps(depth + 1, c->args);
            break;
        }
        case ExpKind::SyncCall: {
            const auto* c = e->as<SyncCallExp>();
            line(depth, "SyncCall " + c->method, r);
            exp(depth + 1, c->callee.get());
            exps(depth + 1, c->args);
            break;
        }
        case ExpKind::OriginalCall: {
            const auto* c = e->as<OriginalCallExp>();
            line(depth, "OriginalCall" + (c->qualifier ? " " + c->qualifier->text : ""), r);
            exps(depth + 1, c->args);
            break;
        }
        }
    }

    // Only constructor patterns need lines of their own (their arguments
    // have positions); the others are on their branch's line.
    void pattern(int depth, const Pattern& p) {
        if (p.kind != PatternKind::Constructor || p.args.empty())
            return;
        for (const Pattern& a : p.args) {
            line(depth, "Pattern " + patternText(a), a.range);
            pattern(depth + 1, a);
        }
    }

    void guard(int depth, const Guard* g) {
        if (!g) {
            missing(depth, "guard");
            return;
        }
        switch (g->kind) {
        case GuardKind::Future:
            line(depth,
                 "FutureGuard " + std::string(g->futureThisField ? "this." : "") + g->futureVar,
                 g->range);
            break;
        case GuardKind::Duration:
            line(depth, "DurationGuard", g->range);
            exp(depth + 1, g->min.get());
            if (g->max)
                exp(depth + 1, g->max.get());
            break;
        case GuardKind::Exp:
            line(depth, "ExpGuard", g->range);
            exp(depth + 1, g->exp.get());
            break;
        case GuardKind::And:
            line(depth, "AndGuard", g->range);
            guard(depth + 1, g->left.get());
            guard(depth + 1, g->right.get());
            break;
        }
    }

    void branch(int depth, const char* kind, const SwitchBranch& b) {
        line(depth, std::string(kind) + " " + patternText(b.pattern), b.range);
        pattern(depth + 1, b.pattern);
        stmt(depth + 1, b.body.get());
    }

    void stmt(int depth, const Stmt* s) {
        if (!s) {
            missing(depth, "statement");
            return;
        }
        const SourceRange& r = s->range;
        int in = depth + 1;
        switch (s->kind) {
        case StmtKind::VarDecl: {
            const auto* v = s->as<VarDeclStmt>();
            line(depth, "VarDecl " + typeText(v->type.get()) + " " + v->name, r);
            annotations(in, s->annotations);
            if (v->init)
                exp(in, v->init.get());
            return;
        }
        case StmtKind::Assign: {
            const auto* a = s->as<AssignStmt>();
            line(depth, "Assign " + std::string(a->thisField ? "this." : "") + a->target, r);
            annotations(in, s->annotations);
            exp(in, a->value.get());
            return;
        }
        default:
            break;
        }
        static const char* const names[] = {
            "VarDecl", "Assign",   "Skip",  "Return",  "Assert",    "Block",
            "If",      "Switch",   "While", "Foreach", "Try",       "Await",
            "Suspend", "Duration", "Throw", "Die",     "MoveCogTo", "ExpStmt"};
        std::string head = names[static_cast<int>(s->kind)];
        if (s->kind == StmtKind::Switch && s->as<SwitchStmt>()->legacyCase)
            head += " (written case)";
        if (s->kind == StmtKind::Foreach) {
            const auto* f = s->as<ForeachStmt>();
            head += " " + f->var + (f->indexVar ? ", " + *f->indexVar : "");
        }
        line(depth, head, r);
        annotations(in, s->annotations);
        switch (s->kind) {
        case StmtKind::Return:
            exp(in, s->as<ReturnStmt>()->value.get());
            break;
        case StmtKind::Assert:
            exp(in, s->as<AssertStmt>()->cond.get());
            break;
        case StmtKind::Block:
            for (const auto& c : s->as<BlockStmt>()->stmts)
                stmt(in, c.get());
            break;
        case StmtKind::If: {
            const auto* i = s->as<IfStmt>();
            exp(in, i->cond.get());
            stmt(in, i->then.get());
            if (i->otherwise) {
                line(in, "Else", SourceRange{});
                stmt(in + 1, i->otherwise.get());
            }
            break;
        }
        case StmtKind::Switch: {
            const auto* sw = s->as<SwitchStmt>();
            exp(in, sw->scrutinee.get());
            for (const SwitchBranch& b : sw->branches)
                branch(in, "Branch", b);
            break;
        }
        case StmtKind::While:
            exp(in, s->as<WhileStmt>()->cond.get());
            stmt(in, s->as<WhileStmt>()->body.get());
            break;
        case StmtKind::Foreach:
            exp(in, s->as<ForeachStmt>()->list.get());
            stmt(in, s->as<ForeachStmt>()->body.get());
            break;
        case StmtKind::Try: {
            const auto* t = s->as<TryStmt>();
            stmt(in, t->body.get());
            for (const SwitchBranch& b : t->catches)
                branch(in, "Catch", b);
            if (t->finally) {
                line(in, "Finally", SourceRange{});
                stmt(in + 1, t->finally.get());
            }
            break;
        }
        case StmtKind::Await:
            guard(in, s->as<AwaitStmt>()->guard.get());
            break;
        case StmtKind::Duration:
            exp(in, s->as<DurationStmt>()->min.get());
            if (s->as<DurationStmt>()->max)
                exp(in, s->as<DurationStmt>()->max.get());
            break;
        case StmtKind::Throw:
            exp(in, s->as<ThrowStmt>()->exception.get());
            break;
        case StmtKind::Die:
            exp(in, s->as<DieStmt>()->exception.get());
            break;
        case StmtKind::MoveCogTo:
            exp(in, s->as<MoveCogToStmt>()->target.get());
            break;
        case StmtKind::ExpStmt:
            exp(in, s->as<ExpStmt>()->exp.get());
            break;
        default:
            break;
        }
    }

    void block(int depth, const BlockStmt* b) {
        if (!b) {
            missing(depth, "block");
            return;
        }
        stmt(depth, b);
    }

    void methodSig(int depth, const char* kind, const MethodSig& m) {
        line(depth, std::string(kind) + " " + typeText(m.returnType.get()) + " " + m.name, m.range);
        annotations(depth + 1, m.annotations);
        params(depth + 1, m.params);
    }

    void method(int depth, const MethodDecl& m) {
        methodSig(depth, "Method", m.sig);
        block(depth + 1, m.body.get());
    }

    void field(int depth, const char* kind, const FieldDecl& f) {
        line(depth, std::string(kind) + " " + typeText(f.type.get()) + " " + f.name, f.range);
        annotations(depth + 1, f.annotations);
        if (f.init)
            exp(depth + 1, f.init.get());
    }

    void traitBasic(int depth, const TraitBasic& b) {
        if (b.kind == TraitBasic::Kind::Name) {
            line(depth, "TraitName " + b.traitName.text, b.range);
            return;
        }
        line(depth, "TraitMethods", b.range);
        for (const MethodDecl& m : b.methods)
            method(depth + 1, m);
    }

    void traitOp(int depth, const TraitOp& op) {
        switch (op.kind) {
        case TraitOp::Kind::Adds:
            line(depth, "Adds", op.range);
            traitBasic(depth + 1, op.basic);
            break;
        case TraitOp::Kind::Modifies:
            line(depth, "Modifies", op.range);
            traitBasic(depth + 1, op.basic);
            break;
        case TraitOp::Kind::Removes:
            line(depth, "Removes", op.range);
            for (const MethodSig& s : op.removed)
                methodSig(depth + 1, "MethodSig", s);
            break;
        }
    }

    void traitExpr(int depth, const char* kind, const TraitExpr& t) {
        line(depth, kind, t.range);
        traitBasic(depth + 1, t.basic);
        for (const TraitOp& op : t.ops)
            traitOp(depth + 1, op);
    }

    void constructorArgs(int depth, const std::vector<ConstructorArg>& args) {
        for (const ConstructorArg& a : args)
            line(depth, "Arg " + typeText(a.type.get()) + (a.selector ? " " + *a.selector : ""),
                 a.range);
    }

    void decl(int depth, const Decl* d) {
        if (!d) {
            missing(depth, "declaration");
            return;
        }
        int in = depth + 1;
        switch (d->kind) {
        case DeclKind::Data: {
            const auto* x = d->as<DataDecl>();
            line(depth,
                 "Data " + x->name.text + typeParamList(x->typeParams) +
                     (x->hasConstructors ? "" : " (no constructors)"),
                 d->range);
            annotations(in, d->annotations);
            for (const DataConstructor& c : x->constructors) {
                line(in, "Constructor " + c.name, c.range);
                constructorArgs(in + 1, c.args);
            }
            break;
        }
        case DeclKind::TypeSynonym: {
            const auto* x = d->as<TypeSynonymDecl>();
            line(depth, "TypeSynonym " + x->name.text + " = " + typeText(x->type.get()), d->range);
            annotations(in, d->annotations);
            break;
        }
        case DeclKind::Exception: {
            const auto* x = d->as<ExceptionDecl>();
            line(depth, "Exception " + x->name.text, d->range);
            annotations(in, d->annotations);
            constructorArgs(in, x->args);
            break;
        }
        case DeclKind::Function: {
            const auto* x = d->as<FunctionDecl>();
            line(depth,
                 "Function " + typeText(x->returnType.get()) + " " + x->name.text +
                     typeParamList(x->typeParams) + (x->builtin ? " builtin" : ""),
                 d->range);
            annotations(in, d->annotations);
            params(in, x->params);
            if (x->builtin)
                exps(in, x->builtinArgs);
            else
                exp(in, x->body.get());
            break;
        }
        case DeclKind::PartialFunction: {
            const auto* x = d->as<PartialFunctionDecl>();
            std::string funs;
            for (const std::string& f : x->funParams)
                funs += (funs.empty() ? "" : ", ") + f;
            line(depth,
                 "PartialFunction " + typeText(x->returnType.get()) + " " + x->name.text +
                     typeParamList(x->typeParams) + "(" + funs + ")",
                 d->range);
            annotations(in, d->annotations);
            params(in, x->params);
            exp(in, x->body.get());
            break;
        }
        case DeclKind::Interface: {
            const auto* x = d->as<InterfaceDecl>();
            line(depth,
                 "Interface " + x->name.text +
                     (x->extends.empty() ? "" : " extends " + joinNames(x->extends)),
                 d->range);
            annotations(in, d->annotations);
            for (const MethodSig& m : x->methods)
                methodSig(in, "MethodSig", m);
            break;
        }
        case DeclKind::Class: {
            const auto* x = d->as<ClassDecl>();
            line(depth,
                 "Class " + x->name.text + (x->hasParams ? "(...)" : "") +
                     (x->implements.empty() ? "" : " implements " + joinNames(x->implements)),
                 d->range);
            annotations(in, d->annotations);
            params(in, x->params);
            for (const FieldDecl& f : x->fields)
                field(in, "Field", f);
            if (x->init) {
                line(in, "Init", x->init->range);
                block(in + 1, x->init.get());
            }
            if (x->hasRecover) {
                line(in, "Recover", SourceRange{});
                for (const SwitchBranch& b : x->recover)
                    branch(in + 1, "Branch", b);
            }
            for (const TraitExpr& t : x->traitUses)
                traitExpr(in, "Uses", t);
            for (const MethodDecl& m : x->methods)
                method(in, m);
            break;
        }
        case DeclKind::Trait: {
            const auto* x = d->as<TraitDecl>();
            line(depth, "Trait " + x->name.text, d->range);
            annotations(in, d->annotations);
            traitExpr(in, "TraitExpr", x->body);
            break;
        }
        }
    }

    void module(int depth, const ModuleDecl& m) {
        line(depth, "Module " + m.name.text, m.range);
        int in = depth + 1;
        for (const ExportDecl& e : m.exports)
            line(in, exportText(e), e.range);
        for (const ImportDecl& i : m.imports)
            line(in, importText(i), i.range);
        for (const auto& d : m.decls)
            decl(in, d.get());
        if (m.main) {
            line(in, "Main", m.main->range);
            annotations(in + 1, m.main->annotations);
            block(in + 1, m.main->body.get());
        }
    }

    void featureExpr(int depth, const FeatureExpr* f) {
        if (!f) {
            missing(depth, "condition");
            return;
        }
        static const char* const kinds[] = {"Feature", "Not",   "And",  "Or",
                                            "Implies", "Equiv", "True", "False"};
        std::string text = kinds[static_cast<int>(f->kind)];
        if (f->kind == FeatureExpr::Kind::Feature)
            text += " " + f->feature.text;
        line(depth, text, f->range);
        if (f->left)
            featureExpr(depth + 1, f->left.get());
        if (f->right)
            featureExpr(depth + 1, f->right.get());
    }

    void delta(int depth, const DeltaDecl& d) {
        line(depth, "Delta " + d.name.text, d.range);
        int in = depth + 1;
        for (const DeltaParam& p : d.params) {
            if (p.type)
                line(in, "DeltaParam " + typeText(p.type.get()) + " " + p.name, p.range);
            else
                line(in, "DeltaParam " + p.hasCondition, p.range);
        }
        for (const ModuleModifier& m : d.modules) {
            line(in, m.module.text.empty() ? "Modifiers" : "Uses " + m.module.text, m.range);
            for (const DeltaModifier& mod : m.modifiers)
                modifier(in + 1, mod);
        }
    }

    void modifier(int depth, const DeltaModifier& m) {
        int in = depth + 1;
        switch (m.kind) {
        case DeltaModifier::Kind::AddDecl:
            line(depth, "AddsDecl", m.range);
            decl(in, m.decl.get());
            break;
        case DeltaModifier::Kind::ModifyDecl:
            line(depth, "ModifiesDecl", m.range);
            decl(in, m.decl.get());
            break;
        case DeltaModifier::Kind::RemoveDecl:
            line(depth, "RemovesDecl " + m.removedKind + " " + m.target.text, m.range);
            break;
        case DeltaModifier::Kind::AddImport:
            line(depth, "Adds" + (m.import ? importText(*m.import) : std::string("Import")),
                 m.range);
            break;
        case DeltaModifier::Kind::AddExport:
            line(depth, "Adds" + (m.exportDecl ? exportText(*m.exportDecl) : std::string("Export")),
                 m.range);
            break;
        case DeltaModifier::Kind::ModifyInterface:
            line(depth, "ModifiesInterface " + m.target.text, m.range);
            for (const MethodSig& s : m.addedSigs)
                methodSig(in, "AddsSig", s);
            for (const MethodSig& s : m.removedSigs)
                methodSig(in, "RemovesSig", s);
            break;
        case DeltaModifier::Kind::ModifyClass: {
            std::string text = "ModifiesClass " + m.target.text;
            if (!m.addInterfaces.empty())
                text += " adds " + joinNames(m.addInterfaces);
            if (!m.removeInterfaces.empty())
                text += " removes " + joinNames(m.removeInterfaces);
            line(depth, text, m.range);
            for (const FieldDecl& f : m.addedFields)
                field(in, "AddsField", f);
            for (const FieldDecl& f : m.removedFields)
                field(in, "RemovesField", f);
            for (const TraitOp& op : m.methodOps)
                traitOp(in, op);
            break;
        }
        }
    }

    void feature(int depth, const FeatureDecl& f) {
        line(depth,
             std::string("Feature ") + (f.optional ? "opt " : "") + f.name.text +
                 (f.group.empty() ? "" : " group " + f.group),
             f.range);
        for (const std::string& text : f.attributesAndConstraints)
            line(depth + 1, "Constraint " + text, SourceRange{});
        for (const FeatureDecl& c : f.children)
            feature(depth + 1, c);
    }

    void unit(const CompilationUnit& u, const SourceManager& sources) {
        std::string path = u.file != kNoFile && u.file < sources.size()
                               ? sources.file(u.file).path()
                               : std::string("<unknown>");
        line(0, "CompilationUnit " + path, SourceRange{});
        for (const ModuleDecl& m : u.modules)
            module(1, m);
        for (const DeltaDecl& d : u.deltas)
            delta(1, d);
        for (const ProductLineDecl& p : u.productLines) {
            line(1, "ProductLine " + p.name.text + " features " + joinNames(p.features), p.range);
            for (const DeltaClause& c : p.deltas) {
                std::string text = "DeltaClause " + c.delta.text;
                if (!c.after.empty())
                    text += " after " + joinNames(c.after);
                line(2, text, c.range);
                exps(3, c.args);
                if (c.when) {
                    line(3, "When", SourceRange{});
                    featureExpr(4, c.when.get());
                }
            }
        }
        for (const ProductDecl& p : u.products) {
            std::string text = "Product " + p.name.text;
            if (!p.expression.empty())
                text += " = " + p.expression;
            line(1, text, p.range);
            for (const ProductFeature& f : p.features) {
                std::string ft = "Feature " + f.feature.text;
                for (const auto& [attr, value] : f.attributes)
                    ft += " " + attr + "=" + value;
                line(2, ft, f.range);
            }
            for (const std::string& r : p.reconfigurations)
                line(2, "Reconfiguration " + r, SourceRange{});
        }
        for (const FeatureModelDecl& m : u.featureModels) {
            line(1, m.extension ? "FeatureExtension" : "FeatureRoot", m.range);
            feature(2, m.root);
        }
    }

  private:
    std::string& out_;
};

} // namespace

std::string dumpAst(const CompilationUnit& unit, const SourceManager& sources) {
    std::string out;
    Dumper(out).unit(unit, sources);
    return out;
}

} // namespace absim::ast
