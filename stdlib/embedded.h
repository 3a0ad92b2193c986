#pragma once
// The ABS source of the standard library, compiled into the binary.

#include <span>
#include <string_view>

namespace absim::stdlib {

struct EmbeddedFile {
    std::string_view path; // "<stdlib>/<file>.abs", used in diagnostics
    std::string_view text;
};

// Every stdlib/*.abs file, sorted by file name.
std::span<const EmbeddedFile> embeddedStdlib();

} // namespace absim::stdlib
