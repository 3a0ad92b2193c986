#pragma once
// Subtyping, joins and inference variables (language.md §3.2):
//   Int <: Rat; I <: J when I extends J (transitively); every interface and
//   class <: Object; a class <: each interface it implements; Fut<T> <:
//   Destiny; datatype arguments are covariant; null is below every
//   reference type.
// Inference variables stand for the type arguments of a generic function or
// constructor at one use. A variable is solved by the first type it meets
// and widened to a join by later lower bounds (`list[1, 1/2]` is a
// List<Rat>): everything is covariant in ABS, so widening keeps earlier
// constraints satisfied. Bindings are logged so a failed check leaves no
// trace.

#include "frontend/sema/types.h"

#include <memory>
#include <unordered_map>
#include <vector>

namespace absim::sema {

// The types the language itself refers to. Found among the standard
// library's declarations; a missing one gets a stand-in symbol so that
// checking never depends on how the library spells them.
struct Builtins {
    const Symbol* Int = nullptr;
    const Symbol* Rat = nullptr;
    const Symbol* Float = nullptr;
    const Symbol* String = nullptr;
    const Symbol* Bool = nullptr;
    const Symbol* Unit = nullptr;
    const Symbol* Fut = nullptr;
    const Symbol* Destiny = nullptr;
    const Symbol* Exception = nullptr;
    const Symbol* List = nullptr;
    const Symbol* Object = nullptr;              // interface; may be missing
    const Symbol* Duration = nullptr;            // may be missing
    const Symbol* DeploymentComponent = nullptr; // interface; may be missing
};

class TypeSystem {
  public:
    explicit TypeSystem(const Program& program);

    TypeArena arena;
    Builtins builtins;

    const Type* intType() { return arena.data(builtins.Int); }
    const Type* ratType() { return arena.data(builtins.Rat); }
    const Type* floatType() { return arena.data(builtins.Float); }
    const Type* stringType() { return arena.data(builtins.String); }
    const Type* boolType() { return arena.data(builtins.Bool); }
    const Type* unitType() { return arena.data(builtins.Unit); }
    const Type* destinyType() { return arena.data(builtins.Destiny); }
    const Type* exceptionType() { return arena.data(builtins.Exception); }
    const Type* futType(const Type* of) { return arena.data(builtins.Fut, {of}); }
    const Type* listType(const Type* of) { return arena.data(builtins.List, {of}); }
    const Type* objectType() {
        return builtins.Object ? arena.interface(builtins.Object) : arena.any();
    }
    // The builtin datatype called `name` (Int, Fut, ...), or null.
    const Symbol* builtinNamed(const std::string& name) const;

    // Records every interface an interface extends or a class implements,
    // transitively (filled by the checker before any subtyping question).
    void setSupers(const Symbol* sym, std::vector<const Symbol*> supers);
    const std::vector<const Symbol*>& supersOf(const Symbol* sym) const;

    // a <: b. May solve or widen variables; leaves none changed when false.
    bool isSubtype(const Type* a, const Type* b);
    // The least common supertype (binding variables as needed), or null.
    const Type* join(const Type* a, const Type* b);
    // Equal after resolution (method signatures must match exactly).
    bool sameType(const Type* a, const Type* b);

    bool isData(const Type* t, const Symbol* sym) const;
    bool isNumeric(const Type* t) const; // Int, Rat or Float
    bool isIntOrRat(const Type* t) const;
    // Interfaces, classes, null, futures, Destiny: the types `null` inhabits.
    bool isReference(const Type* t) const;
    // Any, an unsolved variable or a type parameter: nothing can be said.
    static bool isOpen(const Type* t);

    // Replaces the Param types of `owner` by the given types.
    const Type* substitute(const Type* t,
                           const std::unordered_map<const Type*, const Type*>& subst);
    // A copy with every solved variable replaced by its solution.
    const Type* zonk(const Type* t);

    size_t mark() const { return trail_.size(); }
    void undo(size_t mark);

  private:
    std::vector<std::unique_ptr<Symbol>> standIns_;
    std::unordered_map<const Symbol*, std::vector<const Symbol*>> supers_;
    std::vector<std::pair<const Type*, const Type*>> trail_; // (variable, previous binding)

    bool sub(const Type* a, const Type* b);
    const Type* joinRaw(const Type* a, const Type* b);
    bool bind(const Type* var, const Type* to);
    bool occurs(const Type* var, const Type* in) const;
    bool referenceSub(const Type* a, const Type* b) const;
    std::vector<const Symbol*> upperInterfaces(const Type* t) const;
};

} // namespace absim::sema
