#pragma once
// Types as the checker sees them. Types are immutable and owned by a
// TypeArena; inference variables are the one exception: a variable's
// `binding` is its current solution, changed only through TypeSystem (which
// can undo it).

#include "frontend/sema/program.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace absim::sema {

struct Type {
    enum class Kind : uint8_t {
        Any,       // unknown (after an error, or never constrained): fits everywhere
        Data,      // a datatype, builtins included (Int, Fut<T>, Destiny, Exception, ...)
        Interface, // an interface
        Class,     // what `this` and `new C(..)` denote: C's interfaces (classes are not types)
        Param,     // a type parameter of the enclosing declaration
        Var,       // an inference variable
        Null,      // the type of `null`: below every reference type
    };
    Kind kind = Kind::Any;
    const Symbol* symbol = nullptr;        // Data, Interface, Class
    std::vector<const Type*> args;         // Data
    std::string name;                      // Param (and a builtin Data without a symbol)
    const void* owner = nullptr;           // Param: its declaration (A of f is not A of g)
    uint32_t varId = 0;                    // Var
    mutable const Type* binding = nullptr; // Var: current solution, or null

    explicit Type(Kind k) : kind(k) {}

    bool is(Kind k) const { return kind == k; }
};

class TypeArena {
  public:
    const Type* any() const { return &any_; }
    const Type* null() const { return &null_; }
    const Type* data(const Symbol* sym, std::vector<const Type*> args = {});
    const Type* interface(const Symbol* sym);
    const Type* classType(const Symbol* sym);
    // One type per (owner, name), so parameters compare by pointer.
    const Type* param(const std::string& name, const void* owner);
    const Type* freshVar();

  private:
    Type any_{Type::Kind::Any};
    Type null_{Type::Kind::Null};
    std::deque<Type> types_;
    std::unordered_map<const Symbol*, const Type*> nullary_;
    std::unordered_map<const void*, std::unordered_map<std::string, const Type*>> params_;
    uint32_t nextVar_ = 0;
    const Type* add(Type t);
};

// Follows variable bindings to the current solution.
const Type* resolve(const Type* t);

// `List<Int>`, `Fut<A>`, `I`; an unsolved variable prints as `_`.
std::string typeName(const Type* t);

} // namespace absim::sema
