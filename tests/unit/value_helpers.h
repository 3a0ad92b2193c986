#pragma once
// Shorthands for building runtime values in the value-layer unit tests.

#include "interpreter/collections.h"
#include "interpreter/compare.h"
#include "interpreter/constructor_info.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/value.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace absim::interp::testing {

inline Value I(int64_t i) {
    return Value::fromInt(i);
}
inline Value big(std::string_view digits) {
    return Value::parseInt(digits);
}
// The Rat num/den, normalised like the `/` operator does.
inline Value R(int64_t num, int64_t den) {
    return divide(I(num), I(den));
}
inline Value F(double d) {
    return Value::fromFloat(d);
}
inline Value S(std::string_view s) {
    return Value::fromString(s);
}
inline Value B(bool b) {
    return Value::fromBool(b);
}

inline const ConstructorInfo* ctor(BuiltinConstructor b) {
    return builtinConstructor(b);
}
inline Value nothing() {
    return Value::constant(ctor(BuiltinConstructor::Nothing));
}
inline Value just(Value v) {
    return Value::make(ctor(BuiltinConstructor::Just), std::move(v));
}
inline Value pair(Value a, Value b) {
    return Value::make(ctor(BuiltinConstructor::Pair), std::move(a), std::move(b));
}

inline Value list(std::vector<Value> elements) {
    return makeList(std::move(elements));
}
inline Value ints(std::initializer_list<int64_t> elements) {
    std::vector<Value> values;
    for (int64_t e : elements) {
        values.push_back(I(e));
    }
    return makeList(std::move(values));
}
// list[0, 1, ..., n-1]
inline Value range(int64_t n) {
    Value l = Value::nil();
    for (int64_t i = n; i-- > 0;) {
        l = Value::cons(I(i), std::move(l));
    }
    return l;
}

inline std::string str(const Value& v) {
    return toString(v);
}

} // namespace absim::interp::testing
