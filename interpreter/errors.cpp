#include "interpreter/errors.h"

#include "interpreter/format.h"

#include <stdexcept>

namespace absim::interp {

AbsException::AbsException(Value exception)
    : AbsError(toString(exception)), exception_(std::move(exception)) {}

void throwBuiltinException(BuiltinConstructor b) {
    throw AbsException(Value::constant(builtinConstructor(b)));
}

void throwDivisionByZero() {
    throwBuiltinException(BuiltinConstructor::DivisionByZeroException);
}

void throwRuntimeError(std::string message) {
    throw AbsRuntimeError(std::move(message));
}

namespace {

const char* kindName(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null:
        return "null";
    case Value::Kind::Int:
        return "Int";
    case Value::Kind::Rat:
        return "Rat";
    case Value::Kind::Float:
        return "Float";
    case Value::Kind::String:
        return "String";
    case Value::Kind::Data:
        return "data";
    case Value::Kind::Object:
        return "object";
    case Value::Kind::Future:
        return "future";
    }
    return "?";
}

} // namespace

void throwKindMismatch(const char* operation, const Value& a) {
    throw std::logic_error(std::string(operation) + " applied to " + kindName(a));
}

void throwKindMismatch(const char* operation, const Value& a, const Value& b) {
    throw std::logic_error(std::string(operation) + " applied to " + kindName(a) + " and " +
                           kindName(b));
}

} // namespace absim::interp
