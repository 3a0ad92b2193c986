#pragma once
// Arithmetic on Int, Rat and Float values (language.md §4.1).
//
// Int + - * of two inline ints is inlined here: one overflow-checked machine
// instruction and no allocation. Everything else (overflow into big
// integers, rationals, division) goes out of line; there the first path is
// thousandths.h's. The interpreter's arithmetic nodes use the `inlined`
// versions below, which take that path inline too. Results are normalised:
// integral results are Ints, Ints that fit are inline.
//
// Int and Rat mix freely (Int <: Rat); Float only meets Float. A Float
// operation with a non-finite result raises AbsRuntimeError: the reference
// has no NaN or infinity (Erlang raises `badarith`). Division or remainder by
// zero raises DivisionByZeroException for all three kinds (runtime.md §8.1).
// `+` also concatenates two Strings, so the interpreter may use add() for
// every `+`.

#include "interpreter/thousandths.h"
#include "interpreter/value.h"

#include <cmath>
#include <cstdint>

namespace absim::interp {

namespace detail {
Value addSlow(const Value& a, const Value& b);
Value subtractSlow(const Value& a, const Value& b);
Value multiplySlow(const Value& a, const Value& b);
Value divideSlow(const Value& a, const Value& b);
[[noreturn]] void throwFloatOverflow();

inline Value floatResult(double r) {
    if (!std::isfinite(r)) [[unlikely]] {
        throwFloatOverflow();
    }
    return Value::fromFloat(r);
}
} // namespace detail

inline Value add(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_add_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (a.isFloat() && b.isFloat()) {
        return detail::floatResult(a.floatValue() + b.floatValue());
    }
    return detail::addSlow(a, b);
}

inline Value subtract(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_sub_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (a.isFloat() && b.isFloat()) {
        return detail::floatResult(a.floatValue() - b.floatValue());
    }
    return detail::subtractSlow(a, b);
}

inline Value multiply(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_mul_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (a.isFloat() && b.isFloat()) {
        return detail::floatResult(a.floatValue() * b.floatValue());
    }
    return detail::multiplySlow(a, b);
}

// `/`: Int/Int is an exact Rat (`7/2`), which is an Int when it divides.
inline Value divide(const Value& a, const Value& b) {
    if (a.isFloat() && b.isFloat() && b.floatValue() != 0.0) {
        return detail::floatResult(a.floatValue() / b.floatValue());
    }
    return detail::divideSlow(a, b);
}
// The same operators with the thousandths path (small exact numbers over
// divisors of 1000: times in milliseconds) inline, always: for the
// expression nodes (eval/specialize.cpp), where Rat arithmetic on times is
// hot. Elsewhere the plain ones keep their callers small (inlined into the
// instruction loop, these would crowd out its other inlining).
namespace inlined {
[[gnu::always_inline]] inline Value add(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_add_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (int64_t t = 0; thousandths::sum<false>(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    return interp::add(a, b);
}

[[gnu::always_inline]] inline Value subtract(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_sub_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (int64_t t = 0; thousandths::sum<true>(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    return interp::subtract(a, b);
}

[[gnu::always_inline]] inline Value multiply(const Value& a, const Value& b) {
    int64_t r;
    if (a.isSmallInt() && b.isSmallInt() && !__builtin_mul_overflow(a.smallInt(), b.smallInt(), &r))
        [[likely]] {
        return Value::fromInt(r);
    }
    if (int64_t t = 0; thousandths::product(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    return interp::multiply(a, b);
}

[[gnu::always_inline]] inline Value divide(const Value& a, const Value& b) {
    if (int64_t t = 0; thousandths::quotient(a, b, t)) [[likely]] {
        return thousandths::fromThousandths(t);
    }
    return interp::divide(a, b);
}
} // namespace inlined

// `%`: truncated remainder, sign of the dividend (`-7 % 3 == -1`); for Rats
// a - b*truncate(a/b); for Floats C fmod.
Value remainder(const Value& a, const Value& b);
// Prefix `-`.
Value negate(const Value& a);

// Three-way comparison by numeric value (<0, 0, >0): Int with Int or Rat,
// Float with Float.
int compareNumbers(const Value& a, const Value& b);

// The Int 0 or a Float zero (a Rat is never zero: integral Rats are Ints).
inline bool isZero(const Value& v) {
    return (v.isSmallInt() && v.smallInt() == 0) || (v.isFloat() && v.floatValue() == 0.0);
}

} // namespace absim::interp
