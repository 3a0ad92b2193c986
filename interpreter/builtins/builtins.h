#pragma once
// Native builtins: the `= builtin` functions of the standard library
// (stdlib.md §16) and native versions of hot ABS-defined list functions,
// bound to their FunctionInfo at load time by name (never at run time).

#include "interpreter/program/function_info.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace absim::interp {

// Null when absim has no native implementation of this builtin; calling
// such a function raises a run-time error naming it.
NativeFn findBuiltin(std::string_view simpleName);
// A native replacement for the ABS.StdLib function of this name and arity,
// with identical results, or null.
NativeFn findNativeOverride(std::string_view simpleName, uint32_t arity);

using BuiltinTable = std::unordered_map<std::string, NativeFn>;
void registerNumberBuiltins(BuiltinTable& t);
void registerStringBuiltins(BuiltinTable& t);
void registerProcessBuiltins(BuiltinTable& t);
void registerMetricsBuiltins(BuiltinTable& t);
void registerSchedulerBuiltins(BuiltinTable& t);
void registerListOverrides(BuiltinTable& t);

} // namespace absim::interp
