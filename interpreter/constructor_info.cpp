#include "interpreter/constructor_info.h"

#include <stdexcept>
#include <string>

namespace absim::interp {

namespace {

using B = BuiltinConstructor;

ConstructorInfo entry(B b, const char* module, const char* name, const char* datatype,
                      uint32_t arity) {
    ConstructorInfo info;
    info.name = name;
    info.qualifiedName = std::string(module) + "." + name;
    info.datatype = std::string(module) + "." + datatype;
    info.arity = arity;
    info.id = uint32_t(b);
    info.builtin = b;
    return info;
}

constexpr const char* kStdLib = "ABS.StdLib";
constexpr const char* kExceptions = "ABS.StdLib.Exceptions";
constexpr const char* kDC = "ABS.DC";

} // namespace

// Must list the constructors in BuiltinConstructor order (a unit test checks).
const ConstructorInfo detail::builtinConstructorTable[kBuiltinConstructorCount] = {
    entry(B::Unit, kStdLib, "Unit", "Unit", 0),
    entry(B::True, kStdLib, "True", "Bool", 0),
    entry(B::False, kStdLib, "False", "Bool", 0),
    entry(B::Nil, kStdLib, "Nil", "List", 0),
    entry(B::Cons, kStdLib, "Cons", "List", 2),
    entry(B::Nothing, kStdLib, "Nothing", "Maybe", 0),
    entry(B::Just, kStdLib, "Just", "Maybe", 1),
    entry(B::Pair, kStdLib, "Pair", "Pair", 2),
    entry(B::Triple, kStdLib, "Triple", "Triple", 3),
    entry(B::EmptySet, kStdLib, "EmptySet", "Set", 0),
    entry(B::Insert, kStdLib, "Insert", "Set", 2),
    entry(B::EmptyMap, kStdLib, "EmptyMap", "Map", 0),
    entry(B::InsertAssoc, kStdLib, "InsertAssoc", "Map", 2),
    entry(B::Left, kStdLib, "Left", "Either", 1),
    entry(B::Right, kStdLib, "Right", "Either", 1),
    entry(B::Time, kStdLib, "Time", "Time", 1),
    entry(B::Duration, kStdLib, "Duration", "Duration", 1),
    entry(B::InfDuration, kStdLib, "InfDuration", "Duration", 0),
    entry(B::InfRat, kDC, "InfRat", "InfRat", 0),
    entry(B::Fin, kDC, "Fin", "InfRat", 1),
    // Exceptions are constructors of the open builtin datatype Exception.
    entry(B::DivisionByZeroException, kExceptions, "DivisionByZeroException", "Exception", 0),
    entry(B::AssertionFailException, kExceptions, "AssertionFailException", "Exception", 0),
    entry(B::PatternMatchFailException, kExceptions, "PatternMatchFailException", "Exception", 0),
    entry(B::NullPointerException, kExceptions, "NullPointerException", "Exception", 0),
    entry(B::ObjectDeadException, kExceptions, "ObjectDeadException", "Exception", 0),
    entry(B::StackOverflowEcxeption, kExceptions, "StackOverflowEcxeption", "Exception", 0),
    entry(B::HeapOverflowException, kExceptions, "HeapOverflowException", "Exception", 0),
    entry(B::KeyboardInterruptException, kExceptions, "KeyboardInterruptException", "Exception", 0),
};

const ConstructorInfo* bindBuiltinConstructor(std::string_view qualifiedName, uint32_t arity) {
    const ConstructorInfo* found = nullptr;
    for (const ConstructorInfo& info : detail::builtinConstructorTable) {
        if (info.qualifiedName == qualifiedName) {
            found = &info;
            break;
        }
    }
    // Only the standard library may declare builtin constructors; where in
    // ABS.* it does so is its own business.
    auto dot = qualifiedName.rfind('.');
    if (!found && dot != std::string_view::npos && qualifiedName.starts_with("ABS.")) {
        std::string_view simple = qualifiedName.substr(dot + 1);
        for (const ConstructorInfo& info : detail::builtinConstructorTable) {
            if (info.name == simple) {
                found = &info;
                break;
            }
        }
    }
    if (found && found->arity != arity) {
        throw std::logic_error("standard-library constructor " + std::string(qualifiedName) +
                               " declared with " + std::to_string(arity) +
                               " arguments; the runtime expects " + std::to_string(found->arity));
    }
    return found;
}

} // namespace absim::interp
