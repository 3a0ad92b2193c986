#pragma once
// What the value layer knows about a data constructor. A data value points at
// its constructor's ConstructorInfo, so the info must outlive every value.
//
// The interpreter creates one ConstructorInfo per constructor of every
// datatype when it loads a program. A few standard-library constructors need
// special treatment by the value layer (printing `list[...]`, cheap `True`,
// raising `DivisionByZeroException`...): those have one canonical info each,
// owned by this file's registry, and the interpreter must *bind* to them
// instead of creating its own:
//
//   for each constructor C of each datatype, with qualified name Q:
//     const ConstructorInfo* info = bindBuiltinConstructor(Q, arity);
//     if (!info) info = <create your own, id >= kFirstProgramConstructorId>;
//
// Builtin infos have fixed ids (the BuiltinConstructor enum), so the
// interpreter numbers its own constructors from kFirstProgramConstructorId
// and can switch on ids densely.

#include <cstdint>
#include <string>
#include <string_view>

namespace absim::interp {

// The constructors the value layer must recognise, in id order.
enum class BuiltinConstructor : uint16_t {
    Unit,
    True,
    False,
    Nil,
    Cons,
    Nothing,
    Just,
    Pair,
    Triple,
    EmptySet,
    Insert,
    EmptyMap,
    InsertAssoc,
    Left,
    Right,
    Time,
    Duration,
    InfDuration,
    InfRat,
    Fin,
    DivisionByZeroException,
    AssertionFailException,
    PatternMatchFailException,
    NullPointerException,
    ObjectDeadException,
    StackOverflowEcxeption, // sic: the reference's spelling, users match on it
    HeapOverflowException,
    KeyboardInterruptException,
    Count,
    None = UINT16_MAX, // a constructor declared by a program
};

constexpr uint32_t kBuiltinConstructorCount = uint32_t(BuiltinConstructor::Count);
// Program constructors are numbered from here on.
constexpr uint32_t kFirstProgramConstructorId = kBuiltinConstructorCount;

struct ConstructorInfo {
    std::string name;          // unqualified: printed, and compared by the total order
    std::string qualifiedName; // e.g. ABS.StdLib.Cons
    std::string datatype;      // qualified owning datatype, e.g. ABS.StdLib.List
    uint32_t arity = 0;
    uint32_t id = 0; // dense over all constructors of the program
    BuiltinConstructor builtin = BuiltinConstructor::None;
};

namespace detail {
extern const ConstructorInfo builtinConstructorTable[kBuiltinConstructorCount];
}

// The canonical info of a builtin constructor (a compile-time address, so
// `v.constructor() == builtinConstructor(True)` is a single compare).
constexpr const ConstructorInfo* builtinConstructor(BuiltinConstructor b) {
    return &detail::builtinConstructorTable[uint32_t(b)];
}

// The canonical info for the standard-library constructor with this qualified
// name, or nullptr when the value layer does not need to know it. Modules
// named ABS.* are matched on the unqualified name too, so the stdlib may
// place e.g. the exceptions in a submodule of its choice. Throws
// std::logic_error when the arity disagrees with what the value layer expects.
const ConstructorInfo* bindBuiltinConstructor(std::string_view qualifiedName, uint32_t arity);

} // namespace absim::interp
