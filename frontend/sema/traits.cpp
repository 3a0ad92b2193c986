// Traits (language.md §2.6): a trait expression denotes a set of methods;
// `adds` puts methods in (they must be new), `modifies` replaces methods
// (they must exist), `removes` takes them out. `uses` copies the resulting
// methods into the class. Trait methods are checked as part of each class
// that uses them, resolving names in the module where they are written.

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/suggest.h"

#include <algorithm>
#include <unordered_set>

namespace absim::sema {

namespace {

using MethodList = std::vector<std::pair<const ast::MethodDecl*, const ModuleInfo*>>;

class TraitEvaluator {
  public:
    explicit TraitEvaluator(Checker& checker) : c_(checker) {}

    MethodList eval(const ast::TraitExpr& e, const ModuleInfo* module) {
        MethodList set = basic(e.basic, module);
        for (const ast::TraitOp& op : e.ops) {
            switch (op.kind) {
            case ast::TraitOp::Kind::Adds:
                for (const auto& m : basic(op.basic, module)) {
                    if (find(set, m.first->sig.name) != set.end())
                        c_.error(m.first->sig.nameRange, "trait adds method '" + m.first->sig.name +
                                                             "', which is already present");
                    else
                        set.push_back(m);
                }
                break;
            case ast::TraitOp::Kind::Modifies:
                for (const auto& m : basic(op.basic, module)) {
                    auto it = find(set, m.first->sig.name);
                    if (it == set.end())
                        c_.error(m.first->sig.nameRange,
                                 "trait modifies method '" + m.first->sig.name +
                                     "', which is not present" +
                                     didYouMean(m.first->sig.name, names(set)));
                    else
                        *it = m;
                }
                break;
            case ast::TraitOp::Kind::Removes:
                for (const ast::MethodSig& sig : op.removed) {
                    auto it = find(set, sig.name);
                    if (it == set.end())
                        c_.error(sig.nameRange, "trait removes method '" + sig.name +
                                                    "', which is not present" +
                                                    didYouMean(sig.name, names(set)));
                    else
                        set.erase(it);
                }
                break;
            }
        }
        return set;
    }

  private:
    Checker& c_;
    std::unordered_set<const Symbol*> busy_;

    static MethodList::iterator find(MethodList& set, const std::string& name) {
        return std::find_if(set.begin(), set.end(),
                            [&](const auto& m) { return m.first->sig.name == name; });
    }

    static std::vector<std::string> names(const MethodList& set) {
        std::vector<std::string> out;
        for (const auto& m : set)
            out.push_back(m.first->sig.name);
        return out;
    }

    MethodList basic(const ast::TraitBasic& b, const ModuleInfo* module) {
        MethodList out;
        if (b.kind == ast::TraitBasic::Kind::Methods) {
            for (const ast::MethodDecl& m : b.methods)
                out.emplace_back(&m, module);
            return out;
        }
        bool ambiguous = false;
        const Symbol* sym =
            module->scope.lookup(ModuleScope::Space::Type, b.traitName.text, &ambiguous);
        if (!sym || sym->kind != Symbol::Kind::Trait) {
            std::vector<std::string> traits;
            for (const std::string& n : module->scope.visibleNames(ModuleScope::Space::Type)) {
                const Symbol* s = module->scope.lookup(ModuleScope::Space::Type, n);
                if (s && s->kind == Symbol::Kind::Trait)
                    traits.push_back(n);
            }
            c_.error(b.traitName.range, sym ? "'" + b.traitName.text + "' is not a trait"
                                            : "unknown trait '" + b.traitName.text + "'" +
                                                  didYouMean(b.traitName.text, traits));
            return out;
        }
        if (!busy_.insert(sym).second) {
            c_.error(b.traitName.range, "trait '" + sym->name + "' is defined in terms of itself");
            return out;
        }
        out = eval(sym->decl->as<ast::TraitDecl>()->body, sym->module);
        busy_.erase(sym);
        return out;
    }
};

} // namespace

MethodList Checker::traitMethods(const ast::ClassDecl& d, const ModuleInfo& m) {
    MethodList out;
    TraitEvaluator eval(*this);
    for (const ast::TraitExpr& use : d.traitUses) {
        for (const auto& method : eval.eval(use, &m))
            out.push_back(method);
    }
    return out;
}

} // namespace absim::sema
