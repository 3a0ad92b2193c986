// Lowering of declarations: constructors, functions, interfaces, classes
// and the main block, in three passes (declare everything, intern method
// names, lower bodies) so that bodies may refer to anything.

#include "interpreter/builtins/builtins.h"
#include "interpreter/eval/specialize.h"
#include "interpreter/lower/select_opcodes.h"
#include "interpreter/lower/inline_calls.h"
#include "interpreter/lower/inline_methods.h"
#include "interpreter/lower/fold_constants.h"
#include "interpreter/lower/lowerer.h"

#include <stdexcept>

namespace absim::interp {

Lowerer::Lowerer(const sema::Program& program, RuntimeProgram& out, DiagnosticEngine& diags)
    : program_(program), out_(out), diags_(diags) {}

void Lowerer::error(SourceRange range, std::string message) {
    diags_.error(range, std::move(message));
    failed_ = true;
}

const sema::Symbol* Lowerer::lookup(Space space, const std::string& name) {
    return module_->scope.lookup(space, name);
}

uint32_t Lowerer::internMethod(const std::string& name) {
    auto [it, fresh] = out_.methodIds.emplace(name, uint32_t(out_.methodNames.size()));
    if (fresh)
        out_.methodNames.push_back(name);
    return it->second;
}

void Lowerer::declareModule(const sema::ModuleInfo& m) {
    module_ = &m;
    const std::string prefix = m.name + ".";
    for (const auto& declPtr : m.decl->decls) {
        const ast::Decl* decl = declPtr.get();
        std::string simple = decl->name.simple();
        switch (decl->kind) {
        case ast::DeclKind::Data: {
            const auto* d = decl->as<ast::DataDecl>();
            for (const ast::DataConstructor& c : d->constructors) {
                std::string q = prefix + c.name;
                const ConstructorInfo* info = nullptr;
                try {
                    info = bindBuiltinConstructor(q, uint32_t(c.args.size()));
                } catch (const std::logic_error& e) {
                    error(c.range, e.what());
                }
                if (!info) {
                    ConstructorInfo& mine = out_.constructors.emplace_back();
                    mine.name = c.name;
                    mine.qualifiedName = q;
                    mine.datatype = prefix + simple;
                    mine.arity = uint32_t(c.args.size());
                    mine.id = kFirstProgramConstructorId + uint32_t(out_.constructors.size() - 1);
                    info = &mine;
                }
                constructors_[&c] = info;
            }
            break;
        }
        case ast::DeclKind::Exception: {
            const auto* d = decl->as<ast::ExceptionDecl>();
            std::string q = prefix + simple;
            const ConstructorInfo* info = nullptr;
            try {
                info = bindBuiltinConstructor(q, uint32_t(d->args.size()));
            } catch (const std::logic_error& e) {
                error(d->range, e.what());
            }
            if (!info) {
                ConstructorInfo& mine = out_.constructors.emplace_back();
                mine.name = simple;
                mine.qualifiedName = q;
                mine.datatype = "ABS.StdLib.Exception";
                mine.arity = uint32_t(d->args.size());
                mine.id = kFirstProgramConstructorId + uint32_t(out_.constructors.size() - 1);
                info = &mine;
            }
            exceptions_[decl] = info;
            break;
        }
        case ast::DeclKind::Function: {
            const auto* d = decl->as<ast::FunctionDecl>();
            FunctionInfo& f = out_.functions.emplace_back();
            f.name = prefix + simple;
            f.arity = uint32_t(d->params.size());
            if (d->builtin) {
                f.kind = FunctionInfo::Kind::Native;
                f.native = findBuiltin(simple);
            }
            functions_[decl] = &f;
            break;
        }
        case ast::DeclKind::PartialFunction: {
            const auto* d = decl->as<ast::PartialFunctionDecl>();
            FunctionInfo& f = out_.functions.emplace_back();
            f.name = prefix + simple;
            f.arity = uint32_t(d->params.size());
            f.funParamCount = uint32_t(d->funParams.size());
            functions_[decl] = &f;
            break;
        }
        case ast::DeclKind::Interface: {
            InterfaceInfo& i = out_.interfaces.emplace_back();
            i.name = prefix + simple;
            i.id = uint32_t(out_.interfaces.size() - 1);
            interfaces_[decl] = &i;
            break;
        }
        case ast::DeclKind::Class: {
            ClassInfo& c = out_.classes.emplace_back();
            c.name = prefix + simple;
            c.simpleName = simple;
            classes_[decl] = &c;
            classModule_[decl] = &m;
            break;
        }
        case ast::DeclKind::TypeSynonym:
        case ast::DeclKind::Trait:
            break;
        }
    }
    // Selector functions, one per (datatype, argument name).
    for (const sema::Symbol* sym : m.declared) {
        if (sym->kind != sema::Symbol::Kind::Selector)
            continue;
        FunctionInfo& f = out_.functions.emplace_back();
        f.kind = FunctionInfo::Kind::Selector;
        f.name = sym->qualifiedName;
        f.arity = 1;
        for (const auto& [ctor, index] : sym->selectorOf) {
            if (!ctor) { // an exception's named argument
                auto e = exceptions_.find(sym->decl);
                if (e != exceptions_.end())
                    f.selects.emplace_back(e->second, uint32_t(index));
                continue;
            }
            auto it = constructors_.find(ctor);
            if (it != constructors_.end())
                f.selects.emplace_back(it->second, uint32_t(index));
        }
        selectors_[sym] = &f;
    }
}

void Lowerer::bindNatives() {
    // ABS-defined standard-library functions that run natively for speed,
    // with the same results (stdlib.md §16).
    for (auto& [decl, f] : functions_) {
        if (f->kind != FunctionInfo::Kind::Abs)
            continue;
        if (f->name.rfind("ABS.StdLib.", 0) != 0)
            continue;
        std::string simple = f->name.substr(f->name.rfind('.') + 1);
        if (f->funParamCount > 0)
            simple += "/" + std::to_string(f->arity) + "/f" + std::to_string(f->funParamCount);
        if (NativeFn n = findNativeOverride(simple, f->funParamCount > 0 ? UINT32_MAX : f->arity)) {
            f->kind = FunctionInfo::Kind::Native;
            f->native = n;
        }
    }
}

void Lowerer::lowerFunction(const ast::FunctionDecl* d, FunctionInfo* f) {
    if (d->builtin || f->kind == FunctionInfo::Kind::Native)
        return;
    Scope s;
    for (const ast::ParamDecl& p : d->params)
        s.declare(p.name);
    f->body = lowerExp(d->body.get(), s);
    f->slotCount = s.next;
}

void Lowerer::lowerPartialFunction(const ast::PartialFunctionDecl* d, FunctionInfo* f) {
    Scope s;
    s.funParams = &d->funParams;
    s.selfPartial = f;
    s.selfPartialName = d->name.simple();
    for (const ast::ParamDecl& p : d->params)
        s.declare(p.name);
    f->body = lowerExp(d->body.get(), s);
    f->slotCount = s.next;
}

void Lowerer::collectInterfaces(const ast::InterfaceDecl* i, std::vector<bool>& out) {
    auto it = interfaces_.find(i);
    if (it == interfaces_.end() || out[it->second->id])
        return;
    out[it->second->id] = true;
    const sema::ModuleInfo* saved = module_;
    module_ = program_.moduleOf(i);
    for (const ast::Name& n : i->extends) {
        const sema::Symbol* sym = lookup(Space::Type, n.text);
        if (sym && sym->kind == sema::Symbol::Kind::Interface)
            collectInterfaces(sym->decl->as<ast::InterfaceDecl>(), out);
    }
    module_ = saved;
}

void Lowerer::applyTrait(const ast::TraitExpr& t, std::vector<const ast::MethodDecl*>& methods) {
    auto basic = [&](const ast::TraitBasic& b, std::vector<const ast::MethodDecl*>& into) {
        if (b.kind == ast::TraitBasic::Kind::Methods) {
            for (const ast::MethodDecl& m : b.methods)
                into.push_back(&m);
            return;
        }
        const sema::Symbol* sym = lookup(Space::Type, b.traitName.text);
        if (!sym || sym->kind != sema::Symbol::Kind::Trait) {
            error(b.traitName.range, "unknown trait '" + b.traitName.text + "'");
            return;
        }
        const sema::ModuleInfo* saved = module_;
        module_ = program_.moduleOf(sym->decl);
        applyTrait(sym->decl->as<ast::TraitDecl>()->body, into);
        module_ = saved;
    };
    basic(t.basic, methods);
    for (const ast::TraitOp& op : t.ops) {
        std::vector<const ast::MethodDecl*> more;
        switch (op.kind) {
        case ast::TraitOp::Kind::Adds:
            basic(op.basic, more);
            for (const ast::MethodDecl* m : more)
                methods.push_back(m);
            break;
        case ast::TraitOp::Kind::Modifies:
            basic(op.basic, more);
            for (const ast::MethodDecl* m : more) {
                for (const ast::MethodDecl* x : methods)
                    if (x->sig.name == m->sig.name)
                        originals_[m] = x;
                std::erase_if(methods,
                              [&](const ast::MethodDecl* x) { return x->sig.name == m->sig.name; });
                methods.push_back(m);
            }
            break;
        case ast::TraitOp::Kind::Removes:
            for (const ast::MethodSig& sig : op.removed)
                std::erase_if(methods,
                              [&](const ast::MethodDecl* x) { return x->sig.name == sig.name; });
            break;
        }
    }
}

void Lowerer::collectMethods(const ast::ClassDecl* d, std::vector<const ast::MethodDecl*>& out) {
    originals_.clear();
    for (const ast::MethodDecl& m : d->methods)
        out.push_back(&m);
    for (const ast::TraitExpr& t : d->traitUses) {
        std::vector<const ast::MethodDecl*> fromTrait;
        applyTrait(t, fromTrait);
        for (const ast::MethodDecl* m : fromTrait) {
            bool own = false;
            for (const ast::MethodDecl& mine : d->methods)
                own |= mine.sig.name == m->sig.name;
            if (!own)
                out.push_back(m);
        }
    }
}

// `[Scheduler: f(queue, fld...)]` in `anns`, for a COG whose first object
// is of class `d`: each argument other than `queue` names a field of `d`
// (runtime.md §2.5), so it is resolved to that field's slot here.
const SchedulerSpec* Lowerer::lowerScheduler(const ast::Annotations& anns,
                                             const ast::ClassDecl* d) {
    const ast::Annotation* found = nullptr;
    for (const ast::Annotation& a : anns)
        if (a.name && a.name->simple() == "Scheduler" && a.value)
            found = &a;
    if (!found)
        return nullptr;
    const auto* app = found->value->tryAs<ast::FnAppExp>();
    if (!app || app->listSugar) {
        error(found->value->range, "a scheduler annotation must be f(queue, field...)");
        return nullptr;
    }
    const FunctionInfo* f = functionNamed(app->function.text);
    if (!f || f->arity != app->args.size()) {
        error(app->function.range, "unknown scheduler function '" + app->function.text + "'");
        return nullptr;
    }
    SchedulerSpec spec;
    spec.function = f;
    for (const auto& arg : app->args) {
        const auto* v = arg->tryAs<ast::VarExp>();
        const auto* fe = arg->tryAs<ast::FieldExp>();
        std::string name = v ? v->name : fe ? fe->name : std::string();
        if (name == "queue" && v) {
            spec.argSlots.push_back(-1);
            continue;
        }
        int32_t slot = -1;
        int32_t i = 0;
        for (const ast::ParamDecl& p : d->params) {
            if (p.name == name)
                slot = i;
            ++i;
        }
        for (const ast::FieldDecl& fd : d->fields) {
            if (slot < 0 && fd.name == name)
                slot = i;
            ++i;
        }
        if (slot < 0) {
            error(arg->range, "a scheduler argument must be 'queue' or a field of class '" +
                                  d->name.text + "'");
            return nullptr;
        }
        spec.argSlots.push_back(slot);
    }
    out_.schedulers.push_back(std::move(spec));
    return &out_.schedulers.back();
}

void Lowerer::lowerClass(const ast::ClassDecl* d, ClassInfo* c) {
    file_ = diags_.sources().file(d->range.file).path();
    // Field layout: class parameters, then declared fields.
    for (const ast::ParamDecl& p : d->params)
        c->fieldNames.push_back(p.name);
    c->paramCount = uint32_t(d->params.size());
    for (const ast::FieldDecl& f : d->fields)
        c->fieldNames.push_back(f.name);
    c->scheduler = lowerScheduler(d->annotations, d);

    // Interfaces.
    c->implements.assign(out_.interfaces.size(), false);
    for (const ast::Name& n : d->implements) {
        const sema::Symbol* sym = lookup(Space::Type, n.text);
        if (!sym || sym->kind != sema::Symbol::Kind::Interface) {
            error(n.range, "unknown interface '" + n.text + "'");
            continue;
        }
        collectInterfaces(sym->decl->as<ast::InterfaceDecl>(), c->implements);
    }
    if (const sema::ModuleInfo* std = program_.findModule("ABS.StdLib")) {
        const sema::ModuleInfo* saved = module_;
        module_ = std;
        if (const sema::Symbol* object = lookup(Space::Type, "Object"))
            if (object->kind == sema::Symbol::Kind::Interface)
                collectInterfaces(object->decl->as<ast::InterfaceDecl>(), c->implements);
        module_ = saved;
    }

    // Init: field initialisers, then the init block.
    {
        Scope s;
        s.cls = c;
        s.hasThis = true;
        c->init.name = c->simpleName + ".init";
        c->init.file = file_;
        for (size_t i = 0; i < d->fields.size(); ++i) {
            const ast::FieldDecl& f = d->fields[i];
            if (!f.init)
                continue;
            Instr& in = emit(c->init, Opcode::Assign, f.range.begin.line);
            in.dest = Dest{Dest::Kind::Field, int32_t(c->paramCount + i)};
            in.e = lowerExp(f.init.get(), s);
            c->hasInitWork = true;
        }
        if (d->init && !d->init->stmts.empty()) {
            c->hasInitBlock = true;
            c->hasInitWork = true;
            lowerBody(d->init.get(), c->init, s);
        }
        emit(c->init, Opcode::Return, d->range.end.line);
        c->init.slotCount = s.next;
    }

    // Methods.
    std::vector<const ast::MethodDecl*> methods;
    collectMethods(d, methods);
    c->methods.assign(out_.methodNames.size(), nullptr);
    // A method replaced by `modifies` stays reachable through original(...):
    // it is lowered too, under a name no program can write.
    std::vector<std::pair<const ast::MethodDecl*, std::string>> bodies;
    for (const ast::MethodDecl* m : methods)
        bodies.emplace_back(m, m->sig.name);
    for (size_t i = 0; i < bodies.size(); ++i) {
        auto [m, name] = bodies[i];
        originalName_.clear();
        if (auto it = originals_.find(m); it != originals_.end()) {
            originalName_ = name + "#original";
            bodies.emplace_back(it->second, originalName_);
        }
        auto& mi = c->ownedMethods.emplace_back(std::make_unique<MethodInfo>());
        mi->name = name;
        mi->id = internMethod(name);
        mi->arity = uint32_t(m->sig.params.size());
        mi->code.name = c->simpleName + "." + name;
        mi->code.file = file_;
        mi->code.paramCount = mi->arity;
        Scope s;
        s.cls = c;
        s.hasThis = true;
        for (const ast::ParamDecl& p : m->sig.params)
            s.declare(p.name);
        lowerBody(m->body.get(), mi->code, s);
        emit(mi->code, Opcode::Return, m->body ? m->body->range.end.line : 0);
        mi->code.slotCount = s.next;
        if (mi->id >= c->methods.size())
            c->methods.resize(mi->id + 1, nullptr);
        c->methods[mi->id] = mi.get();
        if (name == "run" && mi->arity == 0)
            c->run = mi.get();
    }
    originalName_.clear();

    // Recover block: slot 0 holds the exception; Return True when a branch
    // handled it, False when none matched.
    if (d->hasRecover) {
        c->hasRecover = true;
        c->recover.name = c->simpleName + ".recover";
        c->recover.file = file_;
        Scope s;
        s.cls = c;
        s.hasThis = true;
        int32_t exc = s.temp();
        for (const ast::SwitchBranch& b : d->recover) {
            s.open();
            Instr& m = emit(c->recover, Opcode::Match, b.range.begin.line);
            size_t matchAt = c->recover.instrs.size() - 1;
            m.slot = exc;
            m.pattern = lowerPattern(b.pattern, s);
            lowerStmt(b.body.get(), c->recover, s);
            Instr& r = emit(c->recover, Opcode::Return, b.range.end.line);
            r.e = constant(Value::fromBool(true));
            c->recover.instrs[matchAt].target = uint32_t(c->recover.instrs.size());
            s.close();
        }
        Instr& r = emit(c->recover, Opcode::Return, d->range.end.line);
        r.e = constant(Value::fromBool(false));
        c->recover.slotCount = s.next;
    }
}

bool Lowerer::lower(const std::string& mainModule) {
    for (const auto& m : program_.modules())
        if (m->decl)
            declareModule(*m);
    bindNatives();
    // Intern every method name of every class and interface first, so each
    // class's method table covers all ids.
    for (const auto& m : program_.modules()) {
        if (!m->decl)
            continue;
        module_ = m.get();
        for (const auto& decl : m->decl->decls) {
            if (const auto* i = decl->tryAs<ast::InterfaceDecl>())
                for (const ast::MethodSig& sig : i->methods)
                    internMethod(sig.name);
            if (const auto* c = decl->tryAs<ast::ClassDecl>()) {
                std::vector<const ast::MethodDecl*> methods;
                collectMethods(c, methods);
                for (const ast::MethodDecl* md : methods)
                    internMethod(md->sig.name);
            }
        }
    }
    for (const auto& m : program_.modules()) {
        if (!m->decl)
            continue;
        module_ = m.get();
        for (const auto& declPtr : m->decl->decls) {
            const ast::Decl* decl = declPtr.get();
            file_ = diags_.sources().file(decl->range.file).path();
            if (const auto* f = decl->tryAs<ast::FunctionDecl>())
                lowerFunction(f, functions_[decl]);
            else if (const auto* pf = decl->tryAs<ast::PartialFunctionDecl>())
                lowerPartialFunction(pf, functions_[decl]);
            else if (const auto* c = decl->tryAs<ast::ClassDecl>())
                lowerClass(c, classes_[decl]);
        }
    }
    // The runtime's own needs.
    if (const sema::ModuleInfo* dcModule = program_.findModule("ABS.DC")) {
        module_ = dcModule;
        const sema::Symbol* sym = lookup(Space::Class, "DeploymentComponent");
        if (sym && sym->kind == sema::Symbol::Kind::Class)
            out_.deploymentComponentClass = classes_[sym->decl];
    }
    // The main block.
    const sema::ModuleInfo* mainInfo = program_.mainModule(mainModule);
    if (!mainInfo || !mainInfo->decl || !mainInfo->decl->main) {
        if (!mainModule.empty())
            error(SourceRange{}, "module '" + mainModule + "' has no main block");
        else
            error(SourceRange{}, "no module of the model has a main block");
        return false;
    }
    module_ = mainInfo;
    const ast::MainBlock& mb = *mainInfo->decl->main;
    file_ = diags_.sources().file(mb.range.file).path();
    out_.mainModule = mainInfo->name;
    out_.main.name = "main block";
    out_.main.file = file_;
    Scope s;
    lowerBody(mb.body.get(), out_.main, s);
    emit(out_.main, Opcode::Return, mb.range.end.line);
    out_.main.slotCount = s.next;
    if (failed_)
        return false;
    // Methods first: the bodies they copy are then rewritten by the passes
    // below like the caller's own.
    if (methodInliningEnabled())
        inlineMethods(out_);
    inlineCalls(out_);
    foldConstants(out_);
    specializeEvaluation(out_.exprs);
    selectOpcodes(out_);
    return true;
}

std::unique_ptr<RuntimeProgram>
lowerProgram(const sema::Program& program, const std::string& mainModule, DiagnosticEngine& diags) {
    auto out = std::make_unique<RuntimeProgram>();
    Lowerer lowerer(program, *out, diags);
    if (!lowerer.lower(mainModule))
        return nullptr;
    return out;
}

} // namespace absim::interp
