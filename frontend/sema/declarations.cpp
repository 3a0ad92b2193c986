// The types of module-level entities, computed on first use and cached:
// signatures of functions, constructors, exceptions and selectors; the
// method tables of interfaces (own and inherited) and of classes (own and
// from traits), and the interfaces above each interface and class.

#include "frontend/sema/checker_impl.h"

#include <algorithm>

namespace absim::sema {

const Checker::TypeParams& Checker::typeParamsOf(const std::vector<ast::TypeParam>& params,
                                                 const void* owner) {
    auto it = typeParams_.find(owner);
    if (it != typeParams_.end())
        return it->second;
    return typeParams_[owner] = declareTypeParams(params, owner);
}

const FunctionSig& Checker::sigOf(const Symbol* sym) {
    auto it = sigs_.find(sym);
    if (it != sigs_.end())
        return it->second;
    FunctionSig sig = computeSig(sym);
    return sigs_[sym] = std::move(sig);
}

FunctionSig Checker::computeSig(const Symbol* sym) {
    FunctionSig sig;
    const ModuleInfo* module = sym->module;
    auto paramsOf = [&](const TypeParams& tp, const std::vector<ast::TypeParam>& order) {
        for (const ast::TypeParam& p : order) {
            if (auto it = tp.find(p.name); it != tp.end())
                sig.typeParams.push_back(it->second);
        }
    };
    switch (sym->kind) {
    case Symbol::Kind::Function: {
        const auto* d = sym->decl->as<ast::FunctionDecl>();
        const TypeParams& tp = typeParamsOf(d->typeParams, d);
        paramsOf(tp, d->typeParams);
        for (const ast::ParamDecl& p : d->params)
            sig.params.push_back(p.type ? resolveType(*p.type, module, tp) : ts_.arena.any());
        sig.result = d->returnType ? resolveType(*d->returnType, module, tp) : ts_.arena.any();
        break;
    }
    case Symbol::Kind::PartialFunction: {
        const auto* d = sym->decl->as<ast::PartialFunctionDecl>();
        const TypeParams& tp = typeParamsOf(d->typeParams, d);
        paramsOf(tp, d->typeParams);
        for (const ast::ParamDecl& p : d->params)
            sig.params.push_back(p.type ? resolveType(*p.type, module, tp) : ts_.arena.any());
        sig.result = d->returnType ? resolveType(*d->returnType, module, tp) : ts_.arena.any();
        break;
    }
    case Symbol::Kind::Constructor: {
        const auto* d = sym->decl->as<ast::DataDecl>();
        const TypeParams& tp = typeParamsOf(d->typeParams, d);
        paramsOf(tp, d->typeParams);
        for (const ast::ConstructorArg& a : sym->constructor->args)
            sig.params.push_back(a.type ? resolveType(*a.type, module, tp) : ts_.arena.any());
        sig.result = ts_.arena.data(program_.symbolOf(d), sig.typeParams);
        break;
    }
    case Symbol::Kind::Exception: {
        const auto* d = sym->decl->as<ast::ExceptionDecl>();
        for (const ast::ConstructorArg& a : d->args)
            sig.params.push_back(a.type ? resolveType(*a.type, module, {}) : ts_.arena.any());
        sig.result = ts_.exceptionType();
        break;
    }
    case Symbol::Kind::Selector: {
        if (const auto* e = sym->decl->tryAs<ast::ExceptionDecl>()) {
            const ast::ConstructorArg& a = e->args.at(sym->selectorOf.at(0).second);
            sig.params.push_back(ts_.exceptionType());
            sig.result = a.type ? resolveType(*a.type, module, {}) : ts_.arena.any();
            break;
        }
        const auto* d = sym->decl->as<ast::DataDecl>();
        const TypeParams& tp = typeParamsOf(d->typeParams, d);
        paramsOf(tp, d->typeParams);
        sig.params.push_back(ts_.arena.data(program_.symbolOf(d), sig.typeParams));
        // Every constructor's argument of that name: their common type.
        const Type* result = nullptr;
        for (const auto& [constructor, index] : sym->selectorOf) {
            const Symbol* cs = program_.symbolOf(constructor);
            if (!cs)
                continue;
            const Type* t = sigOf(cs).params.at(index);
            const Type* j = result ? ts_.join(result, t) : t;
            result = j ? j : result;
        }
        sig.result = result ? result : ts_.arena.any();
        break;
    }
    default:
        sig.result = ts_.arena.any();
        break;
    }
    return sig;
}

InterfaceInfo* Checker::interfaceInfo(const Symbol* sym) {
    if (!sym || sym->kind != Symbol::Kind::Interface)
        return nullptr;
    InterfaceInfo& info = interfaces_[sym];
    if (info.state == InterfaceInfo::State::Fresh) {
        info.symbol = sym;
        info.decl = sym->decl->as<ast::InterfaceDecl>();
        info.module = sym->module;
        fillInterface(info);
    }
    return &info;
}

void Checker::fillInterface(InterfaceInfo& info) {
    info.state = InterfaceInfo::State::Busy;
    std::vector<const Symbol*> supers;
    auto addSuper = [&](const Symbol* s) {
        if (std::find(supers.begin(), supers.end(), s) == supers.end())
            supers.push_back(s);
    };
    for (const ast::Name& n : info.decl->extends) {
        const Symbol* s = resolveInterfaceName(n, info.module);
        if (!s)
            continue;
        InterfaceInfo* super = interfaceInfo(s);
        if (super->state == InterfaceInfo::State::Busy) {
            error(n.range,
                  "interface '" + info.symbol->name + "' extends itself through '" + n.text + "'");
            continue;
        }
        info.extends.push_back(s);
        addSuper(s);
        for (const Symbol* above : ts_.supersOf(s))
            addSuper(above);
    }
    for (const ast::MethodSig& m : info.decl->methods) {
        MethodInfo mi;
        mi.name = m.name;
        mi.sig = &m;
        mi.module = info.module;
        for (const ast::ParamDecl& p : m.params)
            mi.params.push_back(p.type ? resolveType(*p.type, info.module, {}) : ts_.arena.any());
        mi.result = m.returnType ? resolveType(*m.returnType, info.module, {}) : ts_.arena.any();
        info.own.push_back(std::move(mi));
    }
    for (const MethodInfo& mi : info.own) {
        auto [it, fresh] = info.methods.try_emplace(mi.name, &mi);
        if (!fresh)
            errorWithNote(mi.sig->nameRange,
                          "duplicate method '" + mi.name + "' in interface '" + info.symbol->name +
                              "'",
                          it->second->sig->nameRange, "previous declaration is here");
    }
    for (const Symbol* s : info.extends) {
        for (const auto& [name, mi] : interfaceInfo(s)->methods)
            info.methods.try_emplace(name, mi);
    }
    ts_.setSupers(info.symbol, std::move(supers));
    info.state = InterfaceInfo::State::Done;
}

ClassInfo* Checker::classInfo(const Symbol* sym) {
    if (!sym || sym->kind != Symbol::Kind::Class)
        return nullptr;
    ClassInfo& info = classes_[sym];
    if (!info.ready) {
        info.ready = true;
        info.symbol = sym;
        info.decl = sym->decl->as<ast::ClassDecl>();
        info.module = sym->module;
        fillClass(info);
    }
    return &info;
}

void Checker::fillClass(ClassInfo& info) {
    const ast::ClassDecl& d = *info.decl;
    auto addField = [&](const std::string& name, const Type* type, SourceRange range, bool isParam,
                        const void* decl) {
        auto [it, fresh] = info.fieldIndex.try_emplace(name, info.fields.size());
        if (!fresh) {
            errorWithNote(range,
                          "duplicate field '" + name + "' in class '" + d.name.simple() + "'",
                          info.fields[it->second].range, "previous declaration is here");
            return;
        }
        info.fields.push_back(FieldInfo{name, type, range, isParam, decl});
    };
    for (const ast::ParamDecl& p : d.params) {
        const Type* t = p.type ? resolveType(*p.type, info.module, {}) : ts_.arena.any();
        info.paramTypes.push_back(t);
        addField(p.name, t, p.range, true, &p);
    }
    for (const ast::FieldDecl& f : d.fields)
        addField(f.name, f.type ? resolveType(*f.type, info.module, {}) : ts_.arena.any(),
                 f.nameRange, false, &f);

    std::vector<const Symbol*> supers;
    for (const ast::Name& n : d.implements) {
        const Symbol* s = resolveInterfaceName(n, info.module);
        if (!s ||
            std::find(info.interfaces.begin(), info.interfaces.end(), s) != info.interfaces.end())
            continue;
        interfaceInfo(s);
        info.interfaces.push_back(s);
        if (std::find(supers.begin(), supers.end(), s) == supers.end())
            supers.push_back(s);
        for (const Symbol* above : ts_.supersOf(s))
            if (std::find(supers.begin(), supers.end(), above) == supers.end())
                supers.push_back(above);
    }
    ts_.setSupers(info.symbol, std::move(supers));

    auto addMethod = [&](const ast::MethodDecl* m, const ModuleInfo* module) {
        MethodInfo mi;
        mi.name = m->sig.name;
        mi.sig = &m->sig;
        mi.decl = m;
        mi.module = module;
        for (const ast::ParamDecl& p : m->sig.params)
            mi.params.push_back(p.type ? resolveType(*p.type, module, {}) : ts_.arena.any());
        mi.result =
            m->sig.returnType ? resolveType(*m->sig.returnType, module, {}) : ts_.arena.any();
        auto [it, fresh] = info.methodIndex.try_emplace(mi.name, info.methods.size());
        if (!fresh) {
            errorWithNote(m->sig.nameRange,
                          "duplicate method '" + mi.name + "' in class '" + d.name.simple() + "'",
                          info.methods[it->second].sig->nameRange, "previous declaration is here");
            return;
        }
        info.methods.push_back(std::move(mi));
    };
    for (const ast::MethodDecl& m : d.methods)
        addMethod(&m, info.module);
    for (const auto& [m, module] : traitMethods(d, *info.module))
        addMethod(m, module);

    std::vector<const ast::MethodDecl*> all;
    for (const MethodInfo& mi : info.methods)
        all.push_back(mi.decl);
    out_.setMethods(&d, std::move(all));
}

const MethodInfo* Checker::findMethod(const Type* callee, const std::string& name) {
    callee = resolve(callee);
    if (callee->kind == Type::Kind::Interface) {
        InterfaceInfo* info = interfaceInfo(callee->symbol);
        auto it = info->methods.find(name);
        if (it != info->methods.end())
            return it->second;
        // Object's methods, if the library gives it any.
        if (ts_.builtins.Object && callee->symbol != ts_.builtins.Object)
            return findMethod(ts_.objectType(), name);
        return nullptr;
    }
    if (callee->kind == Type::Kind::Class) {
        ClassInfo* info = classInfo(callee->symbol);
        auto it = info->methodIndex.find(name);
        return it == info->methodIndex.end() ? nullptr : &info->methods[it->second];
    }
    return nullptr;
}

} // namespace absim::sema
