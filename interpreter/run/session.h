#pragma once
// One run for the REPL (docs/repl.md): a checked program whose main block is
// the REPL's statement history runs until that block ends, and the state it
// leaves (clock, objects, deployment components) is described afterwards.
// The app never reaches into the runtime itself.

#include "frontend/diag/diagnostics.h"
#include "frontend/sema/program.h"
#include "interpreter/run/run_model.h"

#include <string>
#include <vector>

namespace absim::interp {

struct SessionObject {
    std::string name; // as the runtime prints it, e.g. `Repl.Server:3-1`
    std::string dc;   // the description of the DC its COG runs on
    bool alive = true;
    std::vector<std::pair<std::string, std::string>> fields; // name, printed value
};

struct SessionDc {
    std::string name; // the DC object
    std::string description;
    // Per resource (Speed, Bandwidth, Memory): the total of the current
    // interval and of the next one (Fin(n) or InfRat), what the current
    // interval consumed so far, and the load of the last closed interval.
    struct Resource {
        std::string name, total, next, consumed, lastLoad;
    };
    std::vector<Resource> resources;
};

struct SessionState {
    // 0: the main block ended; 65: lowering failed; 70: it failed (uncaught
    // exception, deadlock); kInterruptedStatus: interrupted.
    int status = 0;
    std::string transcript; // model output and run-time errors, in order
    std::string clock;
    std::vector<SessionObject> objects; // in creation order
    std::vector<SessionDc> dcs;         // in creation order
};

// Lowers `program` (whose main block is `options.module`'s) and runs it with
// options.stopWhenMainEnds forced on. Lowering errors go to `diags`.
SessionState runSession(const sema::Program& program, RunOptions options, DiagnosticEngine& diags);

} // namespace absim::interp
