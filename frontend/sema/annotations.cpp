// Annotations (language.md §2.9). Most are hints with no meaning here; the
// ones the runtime interprets are type-checked: `[DC: e]` a deployment
// component, `[Cost: e]` a number (the library declares Cost as Duration but
// models write numbers, stdlib.md §12), `[Deadline: e]` a Duration,
// `[DataSize: e]` a number. `[Scheduler: f(queue, ...)]` sees the process
// queue as `queue`. An annotation whose name or constructor is unknown is
// an error. `[Param]` marks a model parameter (frontend/model/params.h) and
// may stand only on a variable declaration at the top of the main block.

#include "frontend/model/params.h"
#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

#include <algorithm>

namespace absim::sema {

namespace {

// Annotation names the runtime or the tools know, accepted even where the
// module that declares them (ABS.DC, ABS.Scheduler) is not imported.
bool wellKnown(const std::string& name) {
    static const char* const names[] = {
        "DC",       "Cost",      "Deadline",      "DataSize",    "Scheduler", "HTTPName",
        "Critical", "Expansion", "ExpansionCall", "DomainClass", "MaxSize",   "CogLocation"};
    return std::any_of(std::begin(names), std::end(names),
                       [&](const char* n) { return name == n; });
}

} // namespace

void Checker::checkAnnotations(const ast::Annotations& anns, Context& ctx) {
    for (const ast::Annotation& a : anns) {
        if (!a.value)
            continue;
        if (isParamAnnotation(a)) {
            if (!ctx.paramSite)
                error(a.range, "'[Param]' marks a model parameter: it may only stand on a "
                               "variable declaration at the top level of the main block");
            continue;
        }
        if (!a.name) {
            // `[Atomic]`, `[Near]`: a constructor of an annotation datatype.
            if (const auto* c = a.value->tryAs<ast::ConstructorAppExp>()) {
                if (!ctx.module->scope.lookup(ModuleScope::Space::Constructor,
                                              c->constructor.text)) {
                    error(c->constructor.range,
                          "unknown annotation '" + c->constructor.text + "'" +
                              didYouMean(
                                  c->constructor.text,
                                  ctx.module->scope.visibleNames(ModuleScope::Space::Constructor)));
                    continue;
                }
            }
            checkPure(*a.value, ctx);
            continue;
        }
        const std::string name = a.name->simple();
        const Symbol* type = ctx.module->scope.lookup(ModuleScope::Space::Type, a.name->text);
        if (!type && !wellKnown(name)) {
            error(a.name->range, "unknown annotation '" + a.name->text + "'" +
                                     didYouMean(a.name->text, ctx.module->scope.visibleNames(
                                                                  ModuleScope::Space::Type)));
            continue;
        }
        if (name == "Scheduler") {
            FrameGuard frame(ctx);
            ctx.frames.back()["queue"] =
                LocalVar{ts_.listType(ts_.arena.any()), VarKind::Parameter, true, a.range};
            // The other arguments name fields of the COG's first object
            // (runtime.md §2.5); on a `new` that is the created object, whose
            // fields are not in scope here, so they are taken as unknown.
            if (const auto* app = a.value->tryAs<ast::FnAppExp>())
                for (const auto& arg : app->args)
                    if (const auto* v = arg->tryAs<ast::VarExp>(); v && v->name != "queue")
                        ctx.frames.back()[v->name] =
                            LocalVar{ts_.arena.any(), VarKind::Parameter, true, a.range};
            checkPure(*a.value, ctx);
            continue;
        }
        const Type* t = checkPure(*a.value, ctx);
        auto mismatch = [&](const std::string& expected) {
            error(a.value->range,
                  "annotation '" + name + "' has type " + quoted(t) + ", expected " + expected);
        };
        if (name == "DC") {
            if (ts_.builtins.DeploymentComponent &&
                !ts_.isSubtype(t, ts_.arena.interface(ts_.builtins.DeploymentComponent)))
                mismatch("'DeploymentComponent'");
        } else if (name == "Cost" || name == "DataSize") {
            bool duration = ts_.builtins.Duration && ts_.isData(t, ts_.builtins.Duration);
            if (!ts_.isIntOrRat(t) && !TypeSystem::isOpen(t) && !(name == "Cost" && duration))
                mismatch("'Rat'");
        } else if (name == "Deadline") {
            if (ts_.builtins.Duration && !ts_.isSubtype(t, ts_.arena.data(ts_.builtins.Duration)))
                mismatch("'Duration'");
        }
    }
}

} // namespace absim::sema
