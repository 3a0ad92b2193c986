// Pure expressions (language.md §2.8, §3.3): literals, names, operators,
// `when`, `case`, `let`, template strings, `implements` and `as`. Calls and
// constructor applications are in check_call.cpp, effectful expressions in
// check_effects.cpp.

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

#include <algorithm>

namespace absim::sema {

const char* describe(ast::ExpKind kind) {
    switch (kind) {
    case ast::ExpKind::Get:
        return "'.get'";
    case ast::ExpKind::New:
        return "'new'";
    case ast::ExpKind::AsyncCall:
        return "an asynchronous call";
    case ast::ExpKind::SyncCall:
        return "a synchronous call";
    case ast::ExpKind::OriginalCall:
        return "'original(...)'";
    default:
        return "this expression";
    }
}

namespace {

class ExpChecker {
  public:
    ExpChecker(Checker& c, Context& ctx, const Type* expected)
        : c_(c), ctx_(ctx), ts_(c.ts_), expected_(expected) {}

    const Type* check(const ast::PureExp& e) {
        using K = ast::ExpKind;
        switch (e.kind) {
        case K::IntLit:
            return ts_.intType();
        case K::FloatLit:
            return ts_.floatType();
        case K::StringLit:
            return ts_.stringType();
        case K::TemplateStr:
            for (const auto& part : e.as<ast::TemplateStrExp>()->exps)
                c_.checkPure(*part, ctx_);
            return ts_.stringType();
        case K::Var:
            return variable(*e.as<ast::VarExp>());
        case K::Field:
            return field(*e.as<ast::FieldExp>());
        case K::This:
            return self(e);
        case K::Destiny:
            return ts_.destinyType();
        case K::Null:
            return ts_.arena.null();
        case K::FnApp:
            return c_.checkFnApp(*e.as<ast::FnAppExp>(), ctx_, expected_);
        case K::PartialFnApp:
            return c_.checkPartialFnApp(*e.as<ast::PartialFnAppExp>(), ctx_, expected_);
        case K::ConstructorApp:
            return c_.checkConstructorApp(*e.as<ast::ConstructorAppExp>(), ctx_, expected_);
        case K::Unary:
            return unary(*e.as<ast::UnaryExp>());
        case K::Binary:
            return binary(*e.as<ast::BinaryExp>());
        case K::Implements: {
            const auto& x = *e.as<ast::ImplementsExp>();
            objectOperand(*x.operand, "implements");
            c_.resolveInterfaceName(x.interface, ctx_.module);
            return ts_.boolType();
        }
        case K::Cast: {
            const auto& x = *e.as<ast::CastExp>();
            objectOperand(*x.operand, "as");
            const Symbol* i = c_.resolveInterfaceName(x.interface, ctx_.module);
            return i ? ts_.arena.interface(i) : ts_.arena.any();
        }
        case K::When:
            return when(*e.as<ast::WhenExp>());
        case K::Case:
            return caseExp(*e.as<ast::CaseExp>());
        case K::Let:
            return let(*e.as<ast::LetExp>());
        default:
            return ts_.arena.any(); // effectful kinds never get here
        }
    }

  private:
    Checker& c_;
    Context& ctx_;
    TypeSystem& ts_;
    const Type* expected_;

    bool inClassBody() const {
        return ctx_.cls && ctx_.where != Where::Function && ctx_.where != Where::Main;
    }

    std::string whereNoThis() const {
        if (ctx_.where == Where::Function)
            return "a function";
        if (ctx_.where == Where::Main)
            return "the main block";
        return "this context";
    }

    const Type* variable(const ast::VarExp& e) {
        if (LocalVar* v = c_.findLocal(ctx_, e.name)) {
            c_.recordVar(&e, v->kind);
            return v->type;
        }
        if (inClassBody()) {
            auto it = ctx_.cls->fieldIndex.find(e.name);
            if (it != ctx_.cls->fieldIndex.end()) {
                c_.recordVar(&e, VarKind::Field);
                return ctx_.cls->fields[it->second].type;
            }
        }
        if (ctx_.funArgs.count(e.name)) {
            c_.error(e.range, "function parameter '" + e.name + "' can only be called, as '" +
                                  e.name + "(...)'");
            return ts_.arena.any();
        }
        std::string hint = didYouMean(e.name, c_.visibleVariables(ctx_));
        c_.error(e.range, "unknown variable '" + e.name + "'" +
                              (hint.empty() ? abstractSpelling(e.name) : hint));
        return ts_.arena.any();
    }

    const Type* field(const ast::FieldExp& e) {
        if (!inClassBody()) {
            c_.error(e.range, "'this." + e.name + "' cannot be used in " + whereNoThis());
            return ts_.arena.any();
        }
        auto it = ctx_.cls->fieldIndex.find(e.name);
        if (it == ctx_.cls->fieldIndex.end()) {
            std::vector<std::string> names;
            for (const FieldInfo& f : ctx_.cls->fields)
                names.push_back(f.name);
            c_.error(e.range, "class '" + ctx_.cls->symbol->name + "' has no field '" + e.name +
                                  "'" + didYouMean(e.name, names));
            return ts_.arena.any();
        }
        return ctx_.cls->fields[it->second].type;
    }

    const Type* self(const ast::PureExp& e) {
        if (!inClassBody()) {
            c_.error(e.range, "'this' cannot be used in " + whereNoThis());
            return ts_.arena.any();
        }
        return ts_.arena.classType(ctx_.cls->symbol);
    }

    void objectOperand(const ast::PureExp& operand, const char* op) {
        const Type* t = c_.checkPure(operand, ctx_);
        if (!ts_.isReference(t) && !TypeSystem::isOpen(t))
            c_.error(operand.range, std::string("operand of '") + op + "' has type " +
                                        c_.quoted(t) + ", expected an object");
    }

    const Type* unary(const ast::UnaryExp& e) {
        if (e.op == ast::UnaryOp::Not) {
            c_.expectBool(*e.operand, ctx_, "operand of '!'");
            return ts_.boolType();
        }
        const Type* t = c_.checkPure(*e.operand, ctx_);
        if (!ts_.isNumeric(t) && !TypeSystem::isOpen(t)) {
            c_.error(e.operand->range,
                     "operand of '-' has type " + c_.quoted(t) + ", expected a number");
            return ts_.arena.any();
        }
        return t;
    }

    bool comparable(const Type* l, const Type* r) {
        if (ts_.isSubtype(l, r) || ts_.isSubtype(r, l))
            return true;
        // Two object references can always be compared for identity.
        return ts_.isReference(l) && ts_.isReference(r);
    }

    const Type* binary(const ast::BinaryExp& e) {
        using Op = ast::BinaryOp;
        std::string op = std::string("'") + ast::spelling(e.op) + "'";
        if (e.op == Op::And || e.op == Op::Or) {
            c_.expectBool(*e.left, ctx_, "left operand of " + op);
            c_.expectBool(*e.right, ctx_, "right operand of " + op);
            return ts_.boolType();
        }
        const Type* l = c_.checkPure(*e.left, ctx_);
        const Type* r = c_.checkPure(*e.right, ctx_);
        switch (e.op) {
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge:
            if (!comparable(l, r))
                c_.error(e.range, "cannot compare " + c_.quoted(l) + " with " + c_.quoted(r) +
                                      timeHint(l, r));
            return ts_.boolType();
        default:
            return arithmetic(e, op, l, r);
        }
    }

    const Type* arithmetic(const ast::BinaryExp& e, const std::string& op, const Type* l,
                           const Type* r) {
        bool isDiv = e.op == ast::BinaryOp::Div;
        bool isAdd = e.op == ast::BinaryOp::Add;
        auto isString = [&](const Type* t) { return ts_.isData(t, ts_.builtins.String); };
        auto isFloat = [&](const Type* t) { return ts_.isData(t, ts_.builtins.Float); };
        auto isInt = [&](const Type* t) { return ts_.isData(t, ts_.builtins.Int); };
        bool lOpen = TypeSystem::isOpen(l), rOpen = TypeSystem::isOpen(r);
        if (lOpen || rOpen) {
            // Nothing to check against an unknown side; keep what is known.
            const Type* known = lOpen ? r : l;
            if (lOpen && rOpen)
                return resolve(l)->kind == Type::Kind::Param ? l : ts_.arena.any();
            if (isAdd && isString(known))
                return known;
            if (!ts_.isNumeric(known)) {
                c_.error(e.range, "operator " + op + " cannot be applied to " + c_.quoted(l) +
                                      " and " + c_.quoted(r) + timeHint(l, r));
                return ts_.arena.any();
            }
            return isDiv && isInt(known) ? ts_.ratType() : known;
        }
        if (isAdd && isString(l) && isString(r))
            return ts_.stringType();
        if (isFloat(l) && isFloat(r))
            return ts_.floatType();
        if (ts_.isIntOrRat(l) && ts_.isIntOrRat(r)) {
            if (isDiv)
                return ts_.ratType();
            return isInt(l) && isInt(r) ? ts_.intType() : ts_.ratType();
        }
        if ((isFloat(l) && ts_.isIntOrRat(r)) || (ts_.isIntOrRat(l) && isFloat(r))) {
            c_.error(e.range, "operator " + op + " cannot mix " + c_.quoted(l) + " and " +
                                  c_.quoted(r) + "; convert with float(...) or rat(...)");
            return ts_.arena.any();
        }
        c_.error(e.range, "operator " + op + " cannot be applied to " + c_.quoted(l) + " and " +
                              c_.quoted(r) + timeHint(l, r));
        return ts_.arena.any();
    }

    const Type* when(const ast::WhenExp& e) {
        c_.expectBool(*e.cond, ctx_, "condition of 'when'");
        const Type* a = c_.checkPure(*e.then, ctx_, expected_);
        const Type* b = c_.checkPure(*e.otherwise, ctx_, expected_);
        // Both fitting the expected type is enough, whatever their join.
        if (expected_ && ts_.isSubtype(a, expected_) && ts_.isSubtype(b, expected_))
            return expected_;
        if (const Type* j = ts_.join(a, b))
            return j;
        c_.error(e.range, "branches of 'when' have incompatible types " + c_.quoted(a) + " and " +
                              c_.quoted(b));
        return ts_.arena.any();
    }

    const Type* caseExp(const ast::CaseExp& e) {
        const Type* scrutinee = c_.checkPure(*e.scrutinee, ctx_);
        std::vector<std::pair<const Type*, const ast::PureExp*>> branches;
        c_.forEachBranch(e.branches, scrutinee, ctx_, [&](const ast::CaseExpBranch& b) {
            branches.emplace_back(c_.checkPure(*b.body, ctx_, expected_), b.body.get());
        });
        if (branches.empty())
            return ts_.arena.any();
        // Every branch fitting the expected type is enough, whatever their join.
        if (expected_ && std::all_of(branches.begin(), branches.end(), [&](const auto& b) {
                return ts_.isSubtype(b.first, expected_);
            }))
            return expected_;
        const Type* result = branches.front().first;
        for (size_t i = 1; i < branches.size(); ++i) {
            if (const Type* j = ts_.join(result, branches[i].first)) {
                result = j;
                continue;
            }
            c_.error(branches[i].second->range,
                     "branch of 'case' has type " + c_.quoted(branches[i].first) +
                         ", incompatible with the earlier branches' " + c_.quoted(result));
        }
        return result;
    }

    const Type* let(const ast::LetExp& e) {
        FrameGuard frame(ctx_);
        for (const ast::LetBinding& b : e.bindings) {
            const Type* declared =
                b.type ? c_.resolveType(*b.type, ctx_.module, ctx_.typeParams) : ts_.arena.any();
            const Type* value = c_.checkPure(*b.value, ctx_, declared);
            if (!ts_.isSubtype(value, declared))
                c_.assignmentError(b.value->range, value, "'" + b.name + "'", declared);
            // Each binding sees the previous ones and may shadow anything.
            c_.declareLocal(ctx_, b.name, LocalVar{declared, VarKind::LetBound, true, b.nameRange},
                            true);
            c_.recordDeclared(b.nameRange, b.name, declared);
        }
        return c_.checkPure(*e.body, ctx_, expected_);
    }
};

} // namespace

const Type* Checker::checkExp(const ast::PureExp& e, Context& ctx, bool effectsAllowed,
                              const Type* expected) {
    const Type* t;
    if (e.effectful()) {
        if (!effectsAllowed) {
            if (ctx.where == Where::Function)
                error(e.range, std::string(describe(e.kind)) +
                                   " cannot be used in a function: functions are pure");
            else
                error(e.range, std::string(describe(e.kind)) +
                                   " cannot be nested inside an expression; assign its result "
                                   "to a variable first");
        }
        t = checkEffect(e, ctx);
    } else {
        t = ExpChecker(*this, ctx, expected).check(e);
    }
    record(e, t);
    return t;
}

void Checker::expectType(const ast::PureExp& e, const Type* expected, Context& ctx,
                         const std::string& what) {
    const Type* t = checkPure(e, ctx, expected);
    if (!ts_.isSubtype(t, expected))
        error(e.range, what + " has type " + quoted(t) + ", expected " + quoted(expected) +
                           (what == "await condition" && ts_.isData(t, ts_.builtins.Fut)
                                ? "; to wait for a future, write 'await f?'"
                                : ""));
}

void Checker::expectBool(const ast::PureExp& e, Context& ctx, const std::string& what) {
    expectType(e, ts_.boolType(), ctx, what);
}

} // namespace absim::sema
