// Effectful expressions: `.get`, `new`, asynchronous and synchronous method
// calls, `original(...)`. Where they may stand is decided by the caller
// (checkExp); here: their operands, and the restrictions of init blocks
// (no `.get`, no `await`: the object is not usable before init ends).

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

namespace absim::sema {

namespace {

class EffectChecker {
  public:
    EffectChecker(Checker& c, Context& ctx) : c_(c), ctx_(ctx), ts_(c.ts_) {}

    const Type* check(const ast::PureExp& e) {
        switch (e.kind) {
        case ast::ExpKind::Get:
            return get(*e.as<ast::GetExp>());
        case ast::ExpKind::New:
            return create(*e.as<ast::NewExp>());
        case ast::ExpKind::AsyncCall: {
            const auto& call = *e.as<ast::AsyncCallExp>();
            if (call.await && ctx_.where == Where::Init)
                c_.error(e.range, "'await' is not allowed in an init block");
            const Type* r = method(*call.callee, call.method, call.methodRange, call.args, "!");
            return call.await ? r : ts_.futType(r);
        }
        case ast::ExpKind::SyncCall: {
            const auto& call = *e.as<ast::SyncCallExp>();
            return method(*call.callee, call.method, call.methodRange, call.args, ".");
        }
        case ast::ExpKind::OriginalCall:
            for (const auto& a : e.as<ast::OriginalCallExp>()->args)
                c_.checkPure(*a, ctx_);
            return ctx_.returnType ? ctx_.returnType : ts_.arena.any();
        default:
            return ts_.arena.any();
        }
    }

  private:
    Checker& c_;
    Context& ctx_;
    TypeSystem& ts_;

    const Type* get(const ast::GetExp& e) {
        if (ctx_.where == Where::Init)
            c_.error(e.range, "'.get' is not allowed in an init block");
        const Type* t = resolve(c_.checkPure(*e.future, ctx_));
        if (t->kind == Type::Kind::Data && t->symbol == ts_.builtins.Fut && t->args.size() == 1)
            return t->args[0];
        if (TypeSystem::isOpen(t) || ts_.isData(t, ts_.builtins.Destiny))
            return ts_.arena.any();
        c_.error(e.future->range, "'.get' needs a future, found " + c_.quoted(t));
        return ts_.arena.any();
    }

    const Type* create(const ast::NewExp& e) {
        const std::string& name = e.className.text;
        bool ambiguous = false;
        const Symbol* sym = ctx_.module->scope.lookup(ModuleScope::Space::Class, name, &ambiguous);
        if (!sym) {
            const Symbol* other = ctx_.module->scope.lookup(ModuleScope::Space::Type, name);
            if (ambiguous)
                c_.error(e.className.range, "class '" + name +
                                                "' is ambiguous: it is imported from several "
                                                "modules; write it qualified");
            else if (other)
                c_.error(e.className.range, "'" + name + "' is not a class; 'new' needs a class");
            else
                c_.error(e.className.range,
                         "unknown class '" + name + "'" +
                             c_.unknownHint(ModuleScope::Space::Class, name, ctx_.module));
            for (const auto& a : e.args)
                c_.checkPure(*a, ctx_);
            return ts_.arena.any();
        }
        c_.recordSymbol(&e, sym);
        ClassInfo* info = c_.classInfo(sym);
        c_.checkArgs(info->paramTypes, e.args, ctx_, "new " + sym->name, e.range);
        return ts_.arena.classType(sym);
    }

    const Type* method(const ast::PureExp& callee, const std::string& name, SourceRange nameRange,
                       const ast::OwnList<ast::PureExp>& args, const char* how) {
        const Type* t = resolve(c_.checkPure(callee, ctx_));
        if (t->kind == Type::Kind::Interface || t->kind == Type::Kind::Class) {
            if (const MethodInfo* m = c_.findMethod(t, name)) {
                c_.checkArgs(m->params, args, ctx_, name, nameRange);
                return m->result;
            }
            std::vector<std::string> names;
            if (t->kind == Type::Kind::Interface) {
                for (const auto& [n, mi] : c_.interfaceInfo(t->symbol)->methods)
                    names.push_back(n);
            } else {
                for (const MethodInfo& mi : c_.classInfo(t->symbol)->methods)
                    names.push_back(mi.name);
            }
            c_.error(nameRange,
                     std::string(t->kind == Type::Kind::Interface ? "interface '" : "class '") +
                         t->symbol->name + "' has no method '" + name + "'" +
                         didYouMean(name, names));
        } else if (t->kind == Type::Kind::Null) {
            c_.error(callee.range, std::string("cannot call '") + how + name + "' on null");
        } else if (!TypeSystem::isOpen(t)) {
            c_.error(callee.range, std::string("cannot call '") + how + name +
                                       "' on a value of type " + c_.quoted(t) +
                                       ": methods are called on objects");
        }
        for (const auto& a : args)
            c_.checkPure(*a, ctx_);
        return ts_.arena.any();
    }
};

} // namespace

const Type* Checker::checkEffect(const ast::PureExp& e, Context& ctx) {
    return EffectChecker(*this, ctx).check(e);
}

} // namespace absim::sema
