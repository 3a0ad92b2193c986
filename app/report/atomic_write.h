#pragma once
// Writing an output file so that it is either complete or absent: the text
// goes to a temporary file in the target's directory (so the final rename
// stays on one file system and is atomic) and replaces the target only once
// it is fully written and flushed. An interrupted or failed run therefore
// never leaves a half-written report where a previous good one was.

#include <string>

namespace absim::report {

// The outcome of writing an output: ok, or a message naming the file and
// the reason, which the CLI prints and turns into exit status 74.
struct WriteResult {
    std::string error;

    bool ok() const { return error.empty(); }
    static WriteResult success() { return {}; }
    static WriteResult failure(std::string message) { return {std::move(message)}; }
};

WriteResult writeFileAtomically(const std::string& path, const std::string& contents);

} // namespace absim::report
