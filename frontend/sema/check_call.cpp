// Applications: functions and selectors `f(a)`, list sugar `f[a, b]`,
// constructors `C(a)`, and higher-order functions `f(g, (T x) => e)(a)`.
// A generic signature is instantiated with fresh variables at each use, so
// type arguments are inferred from the arguments.
//
// A higher-order function is checked once on its own (its function
// parameters return unknown types), and again, speculatively, for each call
// with the actual function arguments: that yields the call's result type
// (what `map((Int x) => x > 0)(l)` returns) and catches function arguments
// that do not fit. Speculative errors are summarised at the call.

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

namespace absim::sema {

namespace {

std::string arguments(size_t n) {
    return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

// How deep higher-order calls are specialised inside one another.
constexpr int kMaxSpecialisation = 6;

} // namespace

void Checker::checkArgs(const std::vector<const Type*>& params,
                        const ast::OwnList<ast::PureExp>& args, Context& ctx,
                        const std::string& calleeName, SourceRange range) {
    if (params.size() != args.size()) {
        error(range, "'" + calleeName + "' expects " + arguments(params.size()) + ", found " +
                         std::to_string(args.size()));
        for (const auto& a : args)
            checkPure(*a, ctx);
        return;
    }
    for (size_t i = 0; i < args.size(); ++i)
        expectType(*args[i], params[i], ctx,
                   "argument " + std::to_string(i + 1) + " of '" + calleeName + "'");
}

const Type* Checker::applySig(const FunctionSig& sig, const ast::OwnList<ast::PureExp>& args,
                              Context& ctx, const std::string& calleeName, SourceRange range,
                              const Type* expected, bool listSugar) {
    std::unordered_map<const Type*, const Type*> subst;
    for (const Type* p : sig.typeParams)
        subst[p] = ts_.arena.freshVar();
    std::vector<const Type*> params;
    for (const Type* p : sig.params)
        params.push_back(ts_.substitute(p, subst));
    const Type* result = ts_.substitute(sig.result, subst);
    // What the context expects solves type arguments first; if it cannot
    // hold, nothing is bound and the caller reports the mismatch.
    if (expected && !subst.empty())
        ts_.isSubtype(result, expected);
    if (!listSugar) {
        checkArgs(params, args, ctx, calleeName, range);
        return result;
    }
    const Type* param = params.size() == 1 ? resolve(params[0]) : nullptr;
    const Type* elem = param && param->kind == Type::Kind::Data &&
                               param->symbol == ts_.builtins.List && param->args.size() == 1
                           ? param->args[0]
                           : ts_.arena.freshVar();
    const Type* list = listLiteralType(args, elem, ctx);
    if (params.size() != 1)
        error(range, "'" + calleeName + "[...]' needs a function with a single List parameter; '" +
                         calleeName + "' expects " + arguments(params.size()));
    else if (!ts_.isSubtype(list, params[0]))
        error(range, "'" + calleeName + "[...]' builds a " + quoted(list) + ", but '" + calleeName +
                         "' expects " + quoted(params[0]));
    return result;
}

const Type* Checker::listLiteralType(const ast::OwnList<ast::PureExp>& elems, const Type* elem,
                                     Context& ctx) {
    for (const auto& e : elems) {
        const Type* t = checkPure(*e, ctx, elem);
        if (!ts_.isSubtype(t, elem))
            error(e->range, "list element has type " + quoted(t) +
                                ", incompatible with the other elements' " + quoted(elem));
    }
    return ts_.listType(elem);
}

namespace {

// Calls of a higher-order function's own function parameter.
const Type* callBinding(Checker& c, const FunBinding& b, const ast::FnAppExp& e, Context& ctx) {
    const std::string name = e.function.text;
    switch (b.kind) {
    case FunBinding::Kind::Unknown:
        for (const auto& a : e.args)
            c.checkPure(*a, ctx);
        return c.ts_.arena.freshVar();
    case FunBinding::Kind::Function:
        return c.applySig(c.sigOf(b.function), e.args, ctx, name, e.range, nullptr);
    case FunBinding::Kind::Lambda:
        c.checkArgs(b.params, e.args, ctx, name, e.range);
        return b.result;
    }
    return c.ts_.arena.any();
}

} // namespace

const Type* Checker::checkFnApp(const ast::FnAppExp& e, Context& ctx, const Type* expected) {
    const std::string& name = e.function.text;
    if (ctx.partial && !e.function.qualified()) {
        if (auto it = ctx.funArgs.find(name); it != ctx.funArgs.end())
            return callBinding(*this, it->second, e, ctx);
        if (name == ctx.partial->name.simple()) {
            // Recursion inside a higher-order function keeps its function
            // arguments and, here, its type arguments.
            const Symbol* self = program_.symbolOf(ctx.partial);
            if (self) {
                const FunctionSig& sig = sigOf(self);
                std::unordered_map<const Type*, const Type*> subst;
                for (const Type* p : sig.typeParams) {
                    auto it = ctx.typeParams.find(p->name);
                    if (it != ctx.typeParams.end())
                        subst[p] = it->second;
                }
                std::vector<const Type*> params;
                for (const Type* p : sig.params)
                    params.push_back(ts_.substitute(p, subst));
                checkArgs(params, e.args, ctx, name, e.range);
                return ts_.substitute(sig.result, subst);
            }
        }
    }
    bool ambiguous = false;
    const Symbol* sym = ctx.module->scope.lookup(ModuleScope::Space::Function, name, &ambiguous);
    if (!sym) {
        if (ambiguous) {
            error(e.function.range, "function '" + name +
                                        "' is ambiguous: it is imported from several modules; "
                                        "write it qualified");
        } else if (ctx.module->scope.lookup(ModuleScope::Space::PartialFunction, name)) {
            error(e.function.range, "'" + name + "' is a higher-order function: call it as '" +
                                        name + "(function)(arguments)'");
        } else {
            error(e.function.range,
                  "unknown function '" + name + "'" +
                      unknownHint(ModuleScope::Space::Function, name, ctx.module));
        }
        for (const auto& a : e.args)
            checkPure(*a, ctx);
        return ts_.arena.any();
    }
    recordSymbol(&e, sym);
    return applySig(sigOf(sym), e.args, ctx, name, e.range, expected, e.listSugar);
}

const Type* Checker::checkConstructorApp(const ast::ConstructorAppExp& e, Context& ctx,
                                         const Type* expected) {
    const std::string& name = e.constructor.text;
    bool ambiguous = false;
    const Symbol* sym = ctx.module->scope.lookup(ModuleScope::Space::Constructor, name, &ambiguous);
    if (!sym) {
        if (ambiguous)
            error(e.constructor.range, "constructor '" + name +
                                           "' is ambiguous: it is imported from several modules; "
                                           "write it qualified");
        else
            error(e.constructor.range,
                  "unknown constructor '" + name + "'" +
                      unknownHint(ModuleScope::Space::Constructor, name, ctx.module));
        for (const auto& a : e.args)
            checkPure(*a, ctx);
        return ts_.arena.any();
    }
    recordSymbol(&e, sym);
    return applySig(sigOf(sym), e.args, ctx, name, e.range, expected);
}

const Type* Checker::checkPartialFnApp(const ast::PartialFnAppExp& e, Context& ctx,
                                       const Type* expected) {
    const std::string& name = e.function.text;
    bool ambiguous = false;
    const Symbol* sym =
        ctx.module->scope.lookup(ModuleScope::Space::PartialFunction, name, &ambiguous);
    std::vector<FunBinding> bindings;
    // Function arguments first: lambdas are checked in the caller's scope.
    for (const ast::FunArg& fa : e.funArgs) {
        FunBinding b;
        if (fa.isLambda()) {
            b.kind = FunBinding::Kind::Lambda;
            FrameGuard frame(ctx);
            for (const ast::ParamDecl& p : fa.params) {
                const Type* t =
                    p.type ? resolveType(*p.type, ctx.module, ctx.typeParams) : ts_.arena.any();
                b.params.push_back(t);
                if (ctx.frames.back().count(p.name))
                    error(p.range, "duplicate parameter '" + p.name + "'");
                declareLocal(ctx, p.name, LocalVar{t, VarKind::LambdaParameter, true, p.range},
                             true);
            }
            b.result = fa.body ? checkPure(*fa.body, ctx) : ts_.arena.any();
        } else {
            const ast::Name& fn = *fa.function;
            auto outer = ctx.funArgs.find(fn.text);
            if (ctx.partial && !fn.qualified() && outer != ctx.funArgs.end()) {
                b = outer->second; // a function parameter passed on
            } else if (const Symbol* f =
                           ctx.module->scope.lookup(ModuleScope::Space::Function, fn.text)) {
                b.kind = FunBinding::Kind::Function;
                b.function = f;
                recordSymbol(&fa, f);
            } else {
                error(fn.range, "unknown function '" + fn.text + "'" +
                                    unknownHint(ModuleScope::Space::Function, fn.text, ctx.module));
            }
        }
        bindings.push_back(std::move(b));
    }
    if (!sym) {
        if (ambiguous)
            error(e.function.range, "function '" + name +
                                        "' is ambiguous: it is imported from several modules; "
                                        "write it qualified");
        else if (ctx.module->scope.lookup(ModuleScope::Space::Function, name))
            error(e.function.range, "'" + name + "' is not a higher-order function: call it as '" +
                                        name + "(arguments)'");
        else
            error(e.function.range,
                  "unknown higher-order function '" + name + "'" +
                      unknownHint(ModuleScope::Space::PartialFunction, name, ctx.module));
        for (const auto& a : e.args)
            checkPure(*a, ctx);
        return ts_.arena.any();
    }
    recordSymbol(&e, sym);
    const auto* decl = sym->decl->as<ast::PartialFunctionDecl>();
    if (bindings.size() != decl->funParams.size())
        error(e.range, "'" + name + "' expects " + std::to_string(decl->funParams.size()) +
                           " function argument" + (decl->funParams.size() == 1 ? "" : "s") +
                           ", found " + std::to_string(bindings.size()));

    const FunctionSig& sig = sigOf(sym);
    std::unordered_map<const Type*, const Type*> subst;
    for (const Type* p : sig.typeParams)
        subst[p] = ts_.arena.freshVar();
    std::vector<const Type*> params;
    for (const Type* p : sig.params)
        params.push_back(ts_.substitute(p, subst));
    const Type* result = ts_.substitute(sig.result, subst);
    // The expected type is not used here: a mismatch then shows as a plain
    // assignment error instead of one deep inside the specialised body.
    (void)expected;
    checkArgs(params, e.args, ctx, name, e.range);

    if (!decl->body || specialiseDepth_ >= kMaxSpecialisation ||
        bindings.size() != decl->funParams.size())
        return result;
    Context inner;
    inner.module = sym->module;
    inner.where = Where::Function;
    inner.partial = decl;
    for (const Type* p : sig.typeParams)
        inner.typeParams[p->name] = subst[p];
    for (size_t i = 0; i < bindings.size(); ++i)
        inner.funArgs[decl->funParams[i]] = bindings[i];
    inner.frames.emplace_back();
    for (size_t i = 0; i < decl->params.size() && i < params.size(); ++i)
        inner.frames.back()[decl->params[i].name] =
            LocalVar{params[i], VarKind::Parameter, true, decl->params[i].range};

    ++silent_;
    ++specialiseDepth_;
    size_t errorsBefore = silentErrors_;
    std::string savedFirst = std::move(silentFirst_);
    silentFirst_.clear();
    const Type* body = checkPure(*decl->body, inner);
    bool fits = ts_.isSubtype(body, result);
    std::string first = std::move(silentFirst_);
    silentFirst_ = std::move(savedFirst);
    bool failed = silentErrors_ > errorsBefore || !fits;
    --specialiseDepth_;
    --silent_;
    if (failed) {
        if (first.empty())
            first = "its body has type " + quoted(body) + ", expected " + quoted(result);
        error(e.range, "the function arguments do not fit '" + name + "': " + first);
    }
    return result;
}

} // namespace absim::sema
