// Statements (language.md §2.7) and local variables. A block opens a scope;
// declaring a name that an enclosing block of the same body already
// declares is an error (a local may shadow a field). `return` may only be
// the last statement of a method body.

#include "frontend/model/params.h"
#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

#include <algorithm>
#include <set>

namespace absim::sema {

LocalVar* Checker::findLocal(Context& ctx, const std::string& name) {
    for (auto it = ctx.frames.rbegin(); it != ctx.frames.rend(); ++it) {
        auto found = it->find(name);
        if (found != it->end())
            return &found->second;
    }
    return nullptr;
}

void Checker::declareLocal(Context& ctx, const std::string& name, LocalVar var, bool mayShadow) {
    if (!mayShadow) {
        if (LocalVar* previous = findLocal(ctx, name)) {
            errorWithNote(var.range, "'" + name + "' is already declared in this scope",
                          previous->range, "previous declaration is here");
            return;
        }
    }
    ctx.frames.back()[name] = var;
}

std::vector<std::string> Checker::visibleVariables(const Context& ctx) const {
    std::set<std::string> names;
    for (const Frame& f : ctx.frames)
        for (const auto& [n, v] : f)
            names.insert(n);
    if (ctx.cls && ctx.where != Where::Function && ctx.where != Where::Main)
        for (const FieldInfo& f : ctx.cls->fields)
            names.insert(f.name);
    return {names.begin(), names.end()};
}

namespace {

const char* placeName(Where w) {
    switch (w) {
    case Where::Init:
        return "an init block";
    case Where::Main:
        return "the main block";
    case Where::Recover:
        return "a recover block";
    default:
        return "this place";
    }
}

class StmtChecker {
  public:
    StmtChecker(Checker& c, Context& ctx) : c_(c), ctx_(ctx), ts_(c.ts_) {}

    void check(const ast::Stmt& s) {
        ctx_.paramSite = s.kind == ast::StmtKind::VarDecl && ctx_.where == Where::Main &&
                         ctx_.frames.size() == 2; // checkMain's frame and the body's
        c_.checkAnnotations(s.annotations, ctx_);
        ctx_.paramSite = false;
        bool tail = ctx_.atTail;
        ctx_.atTail = false; // nested statements are never at the tail
        switch (s.kind) {
        case ast::StmtKind::VarDecl:
            varDecl(*s.as<ast::VarDeclStmt>());
            break;
        case ast::StmtKind::Assign:
            assign(*s.as<ast::AssignStmt>());
            break;
        case ast::StmtKind::Skip:
        case ast::StmtKind::Suspend:
            if (s.kind == ast::StmtKind::Suspend && ctx_.where == Where::Init)
                c_.error(s.range, "'suspend' is not allowed in an init block");
            break;
        case ast::StmtKind::Return:
            ret(*s.as<ast::ReturnStmt>(), tail);
            break;
        case ast::StmtKind::Assert:
            c_.expectBool(*s.as<ast::AssertStmt>()->cond, ctx_, "assertion");
            break;
        case ast::StmtKind::Block:
            c_.checkBlock(*s.as<ast::BlockStmt>(), ctx_);
            break;
        case ast::StmtKind::If: {
            const auto& x = *s.as<ast::IfStmt>();
            c_.expectBool(*x.cond, ctx_, "condition of 'if'");
            nested(*x.then);
            if (x.otherwise)
                nested(*x.otherwise);
            break;
        }
        case ast::StmtKind::Switch: {
            const auto& x = *s.as<ast::SwitchStmt>();
            const Type* t = c_.checkPure(*x.scrutinee, ctx_);
            c_.forEachBranch(x.branches, t, ctx_,
                             [&](const ast::SwitchBranch& b) { nested(*b.body); });
            break;
        }
        case ast::StmtKind::While: {
            const auto& x = *s.as<ast::WhileStmt>();
            c_.expectBool(*x.cond, ctx_, "condition of 'while'");
            nested(*x.body);
            break;
        }
        case ast::StmtKind::Foreach:
            loop(*s.as<ast::ForeachStmt>());
            break;
        case ast::StmtKind::Try: {
            const auto& x = *s.as<ast::TryStmt>();
            nested(*x.body);
            c_.forEachBranch(x.catches, ts_.exceptionType(), ctx_,
                             [&](const ast::SwitchBranch& b) { nested(*b.body); });
            if (x.finally)
                nested(*x.finally);
            break;
        }
        case ast::StmtKind::Await:
            if (ctx_.where == Where::Init)
                c_.error(s.range, "'await' is not allowed in an init block");
            c_.checkGuard(*s.as<ast::AwaitStmt>()->guard, ctx_);
            break;
        case ast::StmtKind::Duration: {
            const auto& x = *s.as<ast::DurationStmt>();
            duration(x.min.get(), x.max.get());
            break;
        }
        case ast::StmtKind::Throw:
            c_.expectType(*s.as<ast::ThrowStmt>()->exception, ts_.exceptionType(), ctx_,
                          "thrown value");
            break;
        case ast::StmtKind::Die:
            c_.expectType(*s.as<ast::DieStmt>()->exception, ts_.exceptionType(), ctx_,
                          "argument of 'die'");
            break;
        case ast::StmtKind::MoveCogTo:
            c_.checkPure(*s.as<ast::MoveCogToStmt>()->target, ctx_);
            break;
        case ast::StmtKind::ExpStmt:
            c_.checkExp(*s.as<ast::ExpStmt>()->exp, ctx_, true);
            break;
        }
    }

    void duration(const ast::PureExp* min, const ast::PureExp* max) {
        for (const ast::PureExp* e : {min, max}) {
            if (e)
                c_.expectType(*e, ts_.ratType(), ctx_, "duration");
        }
    }

  private:
    Checker& c_;
    Context& ctx_;
    TypeSystem& ts_;

    // A branch or loop body: its own scope even when it is not a block.
    void nested(const ast::Stmt& s) {
        FrameGuard frame(ctx_);
        c_.checkStmt(s, ctx_);
    }

    void varDecl(const ast::VarDeclStmt& s) {
        const Type* declared =
            s.type ? c_.resolveType(*s.type, ctx_.module, ctx_.typeParams) : ts_.arena.any();
        if (!c_.silent_)
            c_.out_.setType(&s, declared);
        if (s.init) {
            const Type* t = c_.checkExp(*s.init, ctx_, true, declared);
            if (!ts_.isSubtype(t, declared))
                c_.assignmentError(s.init->range, t, "'" + s.name + "'", declared);
        } else {
            const Type* r = resolve(declared);
            if (r->kind == Type::Kind::Data && !ts_.isReference(r))
                c_.error(s.nameRange, "variable '" + s.name + "' of type " + c_.quoted(r) +
                                          " must be initialised (only object and future "
                                          "variables start as null)");
        }
        if (std::any_of(s.annotations.begin(), s.annotations.end(), isParamAnnotation))
            paramType(s, declared);
        c_.declareLocal(ctx_, s.name, LocalVar{declared, VarKind::Local, false, s.nameRange},
                        false);
        c_.recordDeclared(s.nameRange, s.name, declared);
    }

    // A model parameter's type must be one a command line can spell, written
    // by its own name (the value from `-D` is read by that name).
    void paramType(const ast::VarDeclStmt& s, const Type* declared) {
        const Type* r = resolve(declared);
        bool ok = false;
        if (s.type && s.type->args.empty())
            for (const char* name : kParamTypes)
                if (s.type->name.simple() == name) {
                    const std::string n = name;
                    const Symbol* builtin = n == "Int"      ? ts_.builtins.Int
                                            : n == "Rat"    ? ts_.builtins.Rat
                                            : n == "Float"  ? ts_.builtins.Float
                                            : n == "String" ? ts_.builtins.String
                                                            : ts_.builtins.Bool;
                    ok = builtin && ts_.isData(r, builtin);
                }
        if (!ok)
            c_.error(s.type ? s.type->range : s.nameRange,
                     "model parameter '" + s.name + "' has type " + c_.quoted(r) +
                         "; a parameter is an Int, Rat, Float, String or Bool");
    }

    bool fieldsVisible() const {
        return ctx_.cls && ctx_.where != Where::Function && ctx_.where != Where::Main;
    }

    const FieldInfo* fieldNamed(const std::string& name) const {
        if (!fieldsVisible())
            return nullptr;
        auto it = ctx_.cls->fieldIndex.find(name);
        return it == ctx_.cls->fieldIndex.end() ? nullptr : &ctx_.cls->fields[it->second];
    }

    void assign(const ast::AssignStmt& s) {
        const Type* target = nullptr;
        std::optional<VarKind> kind;
        if (s.thisField) {
            if (!fieldsVisible())
                c_.error(s.targetRange,
                         "'this." + s.target + "' cannot be used in " +
                             (ctx_.where == Where::Main ? std::string("the main block")
                                                        : std::string("a function")));
            else if (const FieldInfo* f = fieldNamed(s.target))
                target = f->type, kind = VarKind::Field;
            else
                c_.error(s.targetRange,
                         "class '" + ctx_.cls->symbol->name + "' has no field '" + s.target + "'");
        } else if (LocalVar* v = c_.findLocal(ctx_, s.target)) {
            if (v->readOnly)
                c_.error(s.targetRange, std::string("cannot assign to ") + spelling(v->kind) +
                                            " '" + s.target + "'");
            target = v->type;
            kind = v->kind;
        } else if (const FieldInfo* f = fieldNamed(s.target)) {
            target = f->type;
            kind = VarKind::Field;
        } else {
            c_.error(s.targetRange, "unknown variable '" + s.target + "'" +
                                        didYouMean(s.target, c_.visibleVariables(ctx_)));
        }
        if (kind)
            c_.recordVar(&s, *kind);
        const Type* t = c_.checkExp(*s.value, ctx_, true, target);
        if (target && !ts_.isSubtype(t, target))
            c_.assignmentError(s.value->range, t, "'" + s.target + "'", target);
    }

    void ret(const ast::ReturnStmt& s, bool tail) {
        if (ctx_.where != Where::Method) {
            c_.error(s.range, std::string("'return' is not allowed in ") + placeName(ctx_.where));
            if (s.value)
                c_.checkExp(*s.value, ctx_, true);
            return;
        }
        if (!tail)
            c_.error(s.range, "'return' must be the last statement of a method body");
        if (!s.value)
            return;
        const Type* t = c_.checkExp(*s.value, ctx_, true, ctx_.returnType);
        if (ctx_.returnType && !ts_.isSubtype(t, ctx_.returnType))
            c_.error(s.value->range, "return value has type " + c_.quoted(t) + ", expected " +
                                         c_.quoted(ctx_.returnType));
    }

    void loop(const ast::ForeachStmt& s) {
        const Type* list = resolve(c_.checkPure(*s.list, ctx_));
        const Type* elem = ts_.arena.any();
        if (list->kind == Type::Kind::Data && list->symbol == ts_.builtins.List &&
            list->args.size() == 1)
            elem = list->args[0];
        else if (!TypeSystem::isOpen(list))
            c_.error(s.list->range, "'foreach' needs a list, found " + c_.quoted(list) +
                                        " (convert sets with elements(...), maps with "
                                        "entries(...), keys(...) or values(...))");
        FrameGuard frame(ctx_);
        c_.declareLocal(ctx_, s.var, LocalVar{elem, VarKind::LoopVariable, true, s.varRange},
                        false);
        c_.recordDeclared(s.varRange, s.var, elem);
        if (s.indexVar) {
            if (*s.indexVar == s.var)
                c_.error(s.indexRange, "the loop variable and the index must have different names");
            else
                c_.declareLocal(ctx_, *s.indexVar,
                                LocalVar{ts_.intType(), VarKind::LoopVariable, true, s.indexRange},
                                false);
        }
        nested(*s.body);
    }
};

} // namespace

void Checker::checkStmt(const ast::Stmt& s, Context& ctx) {
    StmtChecker(*this, ctx).check(s);
}

void Checker::checkBlock(const ast::BlockStmt& b, Context& ctx) {
    FrameGuard frame(ctx);
    for (const auto& s : b.stmts)
        checkStmt(*s, ctx);
}

void Checker::checkBody(const ast::BlockStmt& body, Context& ctx) {
    FrameGuard frame(ctx);
    for (size_t i = 0; i < body.stmts.size(); ++i) {
        ctx.atTail = i + 1 == body.stmts.size();
        checkStmt(*body.stmts[i], ctx);
    }
    ctx.atTail = false;
}

void Checker::checkGuard(const ast::Guard& g, Context& ctx) {
    switch (g.kind) {
    case ast::GuardKind::And:
        checkGuard(*g.left, ctx);
        checkGuard(*g.right, ctx);
        return;
    case ast::GuardKind::Exp:
        expectBool(*g.exp, ctx, "await condition");
        return;
    case ast::GuardKind::Duration:
        for (const ast::PureExp* e : {g.min.get(), g.max.get()}) {
            if (e)
                expectType(*e, ts_.ratType(), ctx, "duration");
        }
        return;
    case ast::GuardKind::Future:
        break;
    }
    bool fields = ctx.cls && ctx.where != Where::Function && ctx.where != Where::Main;
    const Type* t = nullptr;
    LocalVar* local = g.futureThisField ? nullptr : findLocal(ctx, g.futureVar);
    if (local) {
        t = local->type;
        recordVar(&g, local->kind);
    } else if (fields && ctx.cls->fieldIndex.count(g.futureVar)) {
        t = ctx.cls->fields[ctx.cls->fieldIndex.at(g.futureVar)].type;
        recordVar(&g, VarKind::Field);
    } else {
        error(g.range, "unknown " + std::string(g.futureThisField ? "field" : "variable") + " '" +
                           g.futureVar + "'" + didYouMean(g.futureVar, visibleVariables(ctx)));
        return;
    }
    const Type* r = resolve(t);
    bool future = r->kind == Type::Kind::Data &&
                  (r->symbol == ts_.builtins.Fut || r->symbol == ts_.builtins.Destiny);
    if (!future && !TypeSystem::isOpen(r))
        error(g.range, "'" + g.futureVar + "?' needs a future, found " + quoted(r));
}

} // namespace absim::sema
