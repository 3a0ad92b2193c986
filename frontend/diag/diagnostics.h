#pragma once
// Diagnostics in the clang shape:
//   file:line:col: error: message
//     <the source line>
//          ^~~~
// Every phase (parse, check, run) reports through a DiagnosticEngine, which
// keeps them in order and renders them; colour only on a terminal.

#include "frontend/source/source_file.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace absim {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceRange range;
    std::string message;
    std::vector<Diagnostic> notes; // attached notes (severity Note)
};

class DiagnosticEngine {
public:
    explicit DiagnosticEngine(const SourceManager& sources) : sources_(sources) {}

    Diagnostic& error(SourceRange range, std::string message);
    Diagnostic& warning(SourceRange range, std::string message);
    void add(Diagnostic d);

    size_t errorCount() const { return errors_; }
    size_t warningCount() const { return warnings_; }
    bool hasErrors() const { return errors_ > 0; }
    const std::vector<Diagnostic>& all() const { return diags_; }
    void clear();

    // Renders one diagnostic (with its notes) to text.
    std::string render(const Diagnostic& d, bool colour) const;
    // Writes every diagnostic not yet printed, in report order.
    void flush(std::ostream& out, bool colour);
    // Writes `N errors generated.`-style totals, if any.
    void printSummary(std::ostream& out, bool colour) const;

    const SourceManager& sources() const { return sources_; }

private:
    const SourceManager& sources_;
    std::vector<Diagnostic> diags_;
    size_t printed_ = 0;
    size_t errors_ = 0;
    size_t warnings_ = 0;
};

// True when output to the stream with this file descriptor should be
// coloured: a terminal, NO_COLOR unset (CLICOLOR_FORCE forces colour).
bool wantColour(int fd);

} // namespace absim
