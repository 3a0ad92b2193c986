#pragma once
// Interpreter numbers (Int, Rat, and Float for robustness) as report
// numbers: the double for drawing and the exact text ABS's toString gives,
// so the files say "5/2" where the simulator computed 5/2.

#include "app/report/run_record.h"
#include "interpreter/value.h"

#include <optional>

namespace absim::observe {

report::Number toNumber(const interp::Value& v);

// A capacity as the runtime reports it: a number, Fin(n), or null / InfRat
// for an unlimited one (nullopt).
std::optional<report::Number> toCapacity(const interp::Value* total);

} // namespace absim::observe
