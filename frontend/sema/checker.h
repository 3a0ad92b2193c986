#pragma once
// The semantic checks of a parsed model: module graph and name resolution
// (program.h), then type checking (language.md §3). Every error goes to the
// DiagnosticEngine; checking goes on after an error so that one run reports
// as much as possible.
//
// Deltas, product lines and feature models are parsed but not applied (no
// product is ever selected), so they are not checked either.

#include "frontend/sema/checked_model.h"
#include "frontend/sema/program.h"

#include <memory>
#include <string>

namespace absim::sema {

struct CheckOptions {
    // Type-check the bodies of the standard library's functions and classes
    // too (their signatures are always used).
    bool checkStdlibBodies = true;
};

struct CheckResult {
    std::unique_ptr<Program> program;
    std::unique_ptr<CheckedModel> checked; // null only if `program` could not be built
    bool ok = false;                       // no error was reported by sema
};

// Builds the program (modules, scopes) and type-checks it.
CheckResult checkModel(const ParsedModel& model, DiagnosticEngine& diags,
                       const CheckOptions& options = {});

// Type-checks an already built program.
std::unique_ptr<CheckedModel> checkProgram(const ParsedModel& model, const Program& program,
                                           DiagnosticEngine& diags,
                                           const CheckOptions& options = {});

// `absim check --dump-types`: the signature of every user declaration and
// the type of every local variable and statement-level expression, one per
// line, in source order.
std::string dumpTypes(const ParsedModel& model, const CheckedModel& checked);

} // namespace absim::sema
