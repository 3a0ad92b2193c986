#include "app/observe/value_number.h"

#include "interpreter/format.h"
#include "interpreter/number_builtins.h"

namespace absim::observe {

report::Number toNumber(const interp::Value& v) {
    if (v.isFloat())
        return report::Number{v.floatValue(), interp::toString(v)};
    if (!v.isInt() && !v.isRat())
        return report::Number{}; // not a number: the hook's contract was broken
    return report::Number{interp::toFloat(v).floatValue(), interp::toString(v)};
}

std::optional<report::Number> toCapacity(const interp::Value* total) {
    if (!total || total->isNull())
        return std::nullopt;
    if (total->is(interp::BuiltinConstructor::InfRat))
        return std::nullopt;
    if (total->is(interp::BuiltinConstructor::Fin))
        return toNumber(total->arg(0));
    return toNumber(*total);
}

} // namespace absim::observe
