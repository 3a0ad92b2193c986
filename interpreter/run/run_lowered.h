#pragma once
// Running an already lowered program on the interpreter's big-stack thread,
// with a look at the runtime after the run (for the REPL's session).

#include "interpreter/program/runtime_program.h"
#include "interpreter/run/run_model.h"
#include "interpreter/runtime/output.h"

#include <functional>

namespace absim::interp {

class Runtime;

using RuntimeInspector = std::function<void(Runtime&)>;

// Runs `program`'s main block; `inspect` is called on the interpreter
// thread once the run has ended, before the runtime is destroyed.
int runLowered(const RuntimeProgram& program, const RunOptions& options, Output& out, Output& err,
               const RuntimeInspector& inspect);

} // namespace absim::interp
