#pragma once
// The interpreter's entry point: lower a checked model and simulate it.

#include "frontend/diag/diagnostics.h"
#include "frontend/model/model.h"
#include "frontend/sema/program.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace absim::interp {

class RunObserver;

struct RunOptions {
    std::string module;          // whose main block runs ("" = the first one)
    uint64_t seed = 0;           // random() and --schedule random
    bool randomSchedule = false; // choose among enabled processes at random
    std::optional<uint64_t> clockLimit;
    bool verbose = false;
    // Told about DCs, billing, metrics and progress (run_observer.h); may be null.
    RunObserver* observer = nullptr;
    // End the run as soon as the main block ends (the REPL's main block is
    // its statement history; what would run after it is not wanted).
    bool stopWhenMainEnds = false;
};

// Set asynchronously (by a SIGINT handler) to stop the running simulation
// at its next scheduling step or loop iteration; the run then ends with
// kInterruptedStatus. Whoever sets it clears it before the next run.
extern std::atomic<bool> runInterrupted;
constexpr int kInterruptedStatus = 130;

// Lowers `program` and runs its main block. Model output goes to `out`,
// run-time errors to `err` (null: stdout/stderr); lowering errors are
// reported to `diags`. Returns the exit status of runtime.md §9.
int runModel(const ParsedModel& model, const sema::Program& program, const RunOptions& options,
             DiagnosticEngine& diags, bool colour, std::string* out = nullptr,
             std::string* err = nullptr);

} // namespace absim::interp
