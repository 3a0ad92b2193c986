// The hint after "unknown function 'f'" and friends: a close visible name,
// or else the module that exports the name but is not imported (or whose
// qualified form is the one that works here).

#include "frontend/sema/checker_impl.h"
#include "frontend/sema/module_scope_impl.h"
#include "frontend/sema/suggest.h"

namespace absim::sema {

std::string Checker::unknownHint(ModuleScope::Space space, const std::string& name,
                                 const ModuleInfo* module) {
    std::string hint = didYouMean(name, module->scope.visibleNames(space));
    if (!hint.empty())
        return hint;
    if (auto dot = name.rfind('.'); dot != std::string::npos) {
        // `M.f`: say what is wrong with M.
        std::string qualifier = name.substr(0, dot);
        if (qualifier == module->name)
            return "";
        const ModuleInfo* from = program_.findModule(qualifier);
        if (!from) {
            std::vector<std::string> modules;
            for (const auto& m : program_.modules())
                modules.push_back(m->name);
            return "; there is no module '" + qualifier + "'" + didYouMean(qualifier, modules);
        }
        if (!module->scope.impl->importedFrom.count(qualifier))
            return "; module '" + qualifier + "' is not imported";
        return "";
    }
    for (const auto& other : program_.modules()) {
        if (other.get() == module)
            continue;
        const NameTable& exported = other->scope.impl->exported[spaceIndex(space)];
        if (!exported.count(name))
            continue;
        std::string qualified = other->name + "." + name;
        if (module->scope.lookup(space, qualified))
            return "; did you mean '" + qualified + "'?";
        return "; module '" + other->name + "' exports it: add 'import " + name + " from " +
               other->name + ";'";
    }
    for (const auto& other : program_.modules()) {
        if (other.get() != module && other->scope.impl->declared[spaceIndex(space)].count(name))
            return "; module '" + other->name + "' declares it but does not export it";
    }
    // Not for functions: `int(x)` or `str(x)` are conversions, not types.
    return space == ModuleScope::Space::Function ? "" : abstractSpelling(name);
}

} // namespace absim::sema
