// Name lookup inside one module (language.md §3.5): own declarations first
// (they shadow imports), then unqualified imports; a qualified name is found
// among the module's own declarations (`M.n` inside M) or its imports.

#include "frontend/sema/module_scope_impl.h"

#include <algorithm>
#include <set>

namespace absim::sema {

bool addUnique(SymbolSet& set, const Symbol* sym) {
    if (std::find(set.begin(), set.end(), sym) != set.end())
        return false;
    set.push_back(sym);
    return true;
}

ModuleScope::Space spaceOf(const Symbol& sym) {
    using K = Symbol::Kind;
    using S = ModuleScope::Space;
    switch (sym.kind) {
    case K::Datatype:
    case K::TypeSynonym:
    case K::Interface:
    case K::Trait:
        return S::Type;
    case K::Class:
        return S::Class;
    case K::Constructor:
    case K::Exception:
        return S::Constructor;
    case K::Function:
    case K::Selector:
        return S::Function;
    case K::PartialFunction:
        return S::PartialFunction;
    }
    return S::Type;
}

namespace {

const Symbol* single(const SymbolSet& set, bool* ambiguous) {
    if (set.size() == 1)
        return set.front();
    if (set.size() > 1 && ambiguous)
        *ambiguous = true;
    return nullptr;
}

} // namespace

const Symbol* ModuleScope::Impl::find(size_t space, const std::string& name,
                                      bool* ambiguous) const {
    auto dot = name.rfind('.');
    if (dot == std::string::npos) {
        if (auto it = declared[space].find(name); it != declared[space].end())
            return it->second;
        if (auto it = imported[space].find(name); it != imported[space].end())
            return single(it->second, ambiguous);
        return nullptr;
    }
    if (std::string_view(name).substr(0, dot) == moduleName) {
        if (auto it = declared[space].find(name.substr(dot + 1)); it != declared[space].end())
            return it->second;
    }
    if (auto it = qualified[space].find(name); it != qualified[space].end())
        return single(it->second, ambiguous);
    return nullptr;
}

ModuleScope::ModuleScope() : impl(std::make_unique<Impl>()) {}
ModuleScope::~ModuleScope() = default;
ModuleScope::ModuleScope(ModuleScope&&) noexcept = default;
ModuleScope& ModuleScope::operator=(ModuleScope&&) noexcept = default;

const Symbol* ModuleScope::lookup(Space space, std::string_view name, bool* ambiguous) const {
    if (ambiguous)
        *ambiguous = false;
    if (!impl)
        return nullptr;
    std::string key(name);
    bool ambiguousHere = false;
    if (const Symbol* s = impl->find(spaceIndex(space), key, &ambiguousHere))
        return s;
    if (ambiguousHere) {
        if (ambiguous)
            *ambiguous = true;
        return nullptr;
    }
    // Classes are type-level names too; they have their own table only
    // because a class may share its name with an interface.
    if (space == Space::Type)
        return impl->find(spaceIndex(Space::Class), key, ambiguous);
    return nullptr;
}

std::vector<std::string> ModuleScope::visibleNames(Space space) const {
    std::set<std::string> names;
    if (impl) {
        auto collect = [&](size_t s) {
            for (const auto& [name, sym] : impl->declared[s])
                names.insert(name);
            for (const auto& [name, syms] : impl->imported[s])
                names.insert(name);
        };
        collect(spaceIndex(space));
        if (space == Space::Type)
            collect(spaceIndex(Space::Class));
    }
    return {names.begin(), names.end()};
}

} // namespace absim::sema
