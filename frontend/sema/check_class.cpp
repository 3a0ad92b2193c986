// Classes: field initialisers, the init and recover blocks, every method
// (own and from traits), and that the class implements the methods of its
// interfaces with matching signatures (parameter types equal, result type
// assignable).

#include "frontend/sema/checker_impl.h"

#include <unordered_set>

namespace absim::sema {

void Checker::checkClass(const ast::ClassDecl& d, const ModuleInfo& m) {
    ClassInfo* info = classInfo(program_.symbolOf(&d));
    auto classContext = [&](Where where) {
        Context ctx;
        ctx.module = &m;
        ctx.cls = info;
        ctx.where = where;
        ctx.frames.emplace_back();
        return ctx;
    };

    {
        Context ctx = classContext(Where::ClassAnnotation);
        checkAnnotations(d.annotations, ctx);
        for (const ast::ParamDecl& p : d.params)
            checkAnnotations(p.annotations, ctx);
    }
    {
        Context ctx = classContext(Where::FieldInit);
        for (const ast::FieldDecl& f : d.fields) {
            checkAnnotations(f.annotations, ctx);
            if (!f.init)
                continue;
            const FieldInfo& field = info->fields[info->fieldIndex.at(f.name)];
            // A duplicate field is not in the table: its own type then.
            const Type* declared = field.decl == &f ? field.type
                                   : f.type         ? resolveType(*f.type, &m, {})
                                                    : ts_.arena.any();
            const Type* t = checkPure(*f.init, ctx, declared);
            if (!ts_.isSubtype(t, declared))
                assignmentError(f.init->range, t, "field '" + f.name + "'", declared);
        }
    }
    if (d.init) {
        Context ctx = classContext(Where::Init);
        checkBody(*d.init, ctx);
    }
    if (d.hasRecover) {
        Context ctx = classContext(Where::Recover);
        forEachBranch(d.recover, ts_.exceptionType(), ctx,
                      [&](const ast::SwitchBranch& b) { checkStmt(*b.body, ctx); });
    }
    for (const MethodInfo& mi : info->methods) {
        Context ctx = classContext(Where::Method);
        ctx.module = mi.module;
        ctx.returnType = mi.result;
        checkAnnotations(mi.sig->annotations, ctx);
        std::vector<const Type*> params = mi.params;
        checkParams(mi.sig->params, ctx, &params, VarKind::Parameter);
        if (!mi.decl->body)
            continue;
        checkBody(*mi.decl->body, ctx);
        const auto& stmts = mi.decl->body->stmts;
        bool returns = !stmts.empty() && stmts.back()->kind == ast::StmtKind::Return;
        if (!returns && !ts_.isData(mi.result, ts_.builtins.Unit) && !TypeSystem::isOpen(mi.result))
            error(mi.sig->nameRange, "method '" + mi.name +
                                         "' must end with a 'return' statement (it returns " +
                                         quoted(mi.result) + ")");
    }
    checkImplements(*info);
}

void Checker::checkImplements(ClassInfo& info) {
    std::unordered_set<const MethodInfo*> seen;
    for (const Symbol* iface : info.interfaces) {
        InterfaceInfo* ii = interfaceInfo(iface);
        // Report in declaration order: own methods of each interface first.
        std::vector<std::pair<const MethodInfo*, const Symbol*>> required;
        std::vector<const Symbol*> order{iface};
        for (const Symbol* s : ts_.supersOf(iface))
            order.push_back(s);
        for (const Symbol* s : order) {
            for (const MethodInfo& mi : interfaceInfo(s)->own) {
                if (ii->methods.count(mi.name) && ii->methods.at(mi.name) == &mi)
                    required.emplace_back(&mi, s);
            }
        }
        for (const auto& [req, owner] : required) {
            if (!seen.insert(req).second)
                continue;
            auto it = info.methodIndex.find(req->name);
            if (it == info.methodIndex.end()) {
                error(info.decl->name.range, "class '" + info.symbol->name +
                                                 "' does not implement method '" + req->name +
                                                 "' of interface '" + owner->name + "'");
                continue;
            }
            const MethodInfo& have = info.methods[it->second];
            std::string prefix = "method '" + req->name + "' ";
            if (have.params.size() != req->params.size()) {
                error(have.sig->nameRange,
                      prefix + "has " + std::to_string(have.params.size()) +
                          (have.params.size() == 1 ? " parameter" : " parameters") +
                          ", but interface '" + owner->name + "' declares " +
                          std::to_string(req->params.size()));
                continue;
            }
            for (size_t i = 0; i < have.params.size(); ++i) {
                if (!ts_.sameType(have.params[i], req->params[i]))
                    error(have.sig->params[i].range,
                          "parameter " + std::to_string(i + 1) + " of " + prefix + "has type " +
                              quoted(have.params[i]) + ", but interface '" + owner->name +
                              "' declares " + quoted(req->params[i]));
            }
            if (!ts_.isSubtype(have.result, req->result))
                error(have.sig->nameRange, prefix + "returns " + quoted(have.result) +
                                               ", but interface '" + owner->name + "' declares " +
                                               quoted(req->result));
        }
    }
}

} // namespace absim::sema
