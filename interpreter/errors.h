#pragma once
// How the value layer reports failures to the interpreter. Everything is a
// C++ exception derived from AbsError, so one catch handler sees all of them.
//
// * AbsException carries an ABS exception value (runtime.md §8.1), e.g.
//   DivisionByZeroException: ABS code can catch it by pattern.
// * AbsRuntimeError is an error the reference raises without an ABS value
//   (`sqrt(-1.0)`, a bad `substr` range, `random(0)`): it has only a message,
//   and the interpreter decides what a `try` may do with it.
// * A value of the wrong kind reaching an operation is a bug in the
//   interpreter or the type checker, not in the model: std::logic_error.

#include "interpreter/constructor_info.h"
#include "interpreter/value.h"

#include <exception>
#include <string>

namespace absim::interp {

class AbsError : public std::exception {
public:
    const char* what() const noexcept override { return message_.c_str(); }

protected:
    explicit AbsError(std::string message) : message_(std::move(message)) {}

private:
    std::string message_;
};

class AbsException : public AbsError {
public:
    // what() is toString(exception), e.g. `DivisionByZeroException`.
    explicit AbsException(Value exception);
    const Value& exception() const noexcept { return exception_; }

private:
    Value exception_;
};

class AbsRuntimeError : public AbsError {
public:
    explicit AbsRuntimeError(std::string message) : AbsError(std::move(message)) {}
};

// Throws AbsException with the (argument-less) builtin exception `b`.
[[noreturn]] void throwBuiltinException(BuiltinConstructor b);
[[noreturn]] void throwDivisionByZero();
[[noreturn]] void throwRuntimeError(std::string message);
// For operations given values the type checker should have excluded.
[[noreturn]] void throwKindMismatch(const char* operation, const Value& a);
[[noreturn]] void throwKindMismatch(const char* operation, const Value& a, const Value& b);

} // namespace absim::interp
