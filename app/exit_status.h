#pragma once
// Exit statuses (sysexits style), as documented in `absim --help` and
// the runtime spec §9.

namespace absim::exit_status {
constexpr int kOk = 0;           // normal end, or the clock limit was reached
constexpr int kUsage = 64;       // bad command line
constexpr int kModelInvalid = 65; // the model does not parse or type-check
constexpr int kNoInput = 66;     // an input file cannot be read
constexpr int kRuntimeFailure = 70; // uncaught exception / failed assert in main, deadlock
constexpr int kCannotWrite = 74; // an output file cannot be written
} // namespace absim::exit_status
