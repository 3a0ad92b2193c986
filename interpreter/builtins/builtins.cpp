#include "interpreter/builtins/builtins.h"

namespace absim::interp {

namespace {
const BuiltinTable& builtins() {
    static const BuiltinTable table = [] {
        BuiltinTable t;
        registerNumberBuiltins(t);
        registerStringBuiltins(t);
        registerProcessBuiltins(t);
        registerMetricsBuiltins(t);
        registerSchedulerBuiltins(t);
        return t;
    }();
    return table;
}
const BuiltinTable& overrides() {
    static const BuiltinTable table = [] {
        BuiltinTable t;
        registerListOverrides(t);
        return t;
    }();
    return table;
}
} // namespace

NativeFn findBuiltin(std::string_view simpleName) {
    auto it = builtins().find(std::string(simpleName));
    return it == builtins().end() ? nullptr : it->second;
}

NativeFn findNativeOverride(std::string_view simpleName, uint32_t arity) {
    // Higher-order functions come with their arity in the name already.
    std::string key = arity == UINT32_MAX ? std::string(simpleName)
                                          : std::string(simpleName) + "/" + std::to_string(arity);
    auto it = overrides().find(key);
    return it == overrides().end() ? nullptr : it->second;
}

} // namespace absim::interp
