#include "frontend/diag/diagnostics.h"

#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace absim {

namespace {

const char* severityWord(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

const char* severityColour(Severity s) {
    switch (s) {
    case Severity::Error:
        return "\x1b[1;31m";
    case Severity::Warning:
        return "\x1b[1;35m";
    case Severity::Note:
        return "\x1b[1;36m";
    }
    return "";
}

// The caret line under `text` for code-point columns [from, to] (1-based):
// tabs are kept so the caret lines up whatever the tab width.
std::string caretLine(std::string_view text, uint32_t from, uint32_t to) {
    std::string out;
    uint32_t col = 1;
    size_t i = 0;
    while (i < text.size() && col < from) {
        out += text[i] == '\t' ? '\t' : ' ';
        i += utf8SequenceLength(static_cast<unsigned char>(text[i]));
        ++col;
    }
    out += '^';
    for (++col; col <= to; ++col)
        out += '~';
    return out;
}

void renderOne(const SourceManager& sources, const Diagnostic& d, bool colour, std::string& out) {
    const char* bold = colour ? "\x1b[1m" : "";
    const char* reset = colour ? "\x1b[0m" : "";
    const SourceFile* file = d.range.file != kNoFile && d.range.file < sources.size()
                                 ? &sources.file(d.range.file)
                                 : nullptr;
    out += bold;
    if (file) {
        out += file->path();
        if (d.range.begin.known()) {
            out += ':' + std::to_string(d.range.begin.line) + ':' +
                   std::to_string(d.range.begin.col);
        }
        out += ": ";
    } else {
        out += "absim: ";
    }
    out += reset;
    if (colour)
        out += severityColour(d.severity);
    out += severityWord(d.severity);
    out += ": ";
    out += reset;
    out += bold;
    out += d.message;
    out += reset;
    out += '\n';
    if (file && d.range.begin.known() && d.range.begin.line <= file->lineCount()) {
        std::string_view text = file->line(d.range.begin.line);
        uint32_t to = d.range.begin.col;
        if (d.range.end.line == d.range.begin.line && d.range.end.col > to)
            to = d.range.end.col;
        out += "  ";
        out += text;
        out += "\n  ";
        if (colour)
            out += "\x1b[1;32m";
        out += caretLine(text, d.range.begin.col, to);
        out += reset;
        out += '\n';
    }
}

} // namespace

Diagnostic& DiagnosticEngine::error(SourceRange range, std::string message) {
    add(Diagnostic{Severity::Error, range, std::move(message), {}});
    return diags_.back();
}

Diagnostic& DiagnosticEngine::warning(SourceRange range, std::string message) {
    add(Diagnostic{Severity::Warning, range, std::move(message), {}});
    return diags_.back();
}

void DiagnosticEngine::add(Diagnostic d) {
    if (d.severity == Severity::Error)
        ++errors_;
    else if (d.severity == Severity::Warning)
        ++warnings_;
    diags_.push_back(std::move(d));
}

void DiagnosticEngine::clear() {
    diags_.clear();
    printed_ = errors_ = warnings_ = 0;
}

std::string DiagnosticEngine::render(const Diagnostic& d, bool colour) const {
    std::string out;
    renderOne(sources_, d, colour, out);
    for (const Diagnostic& n : d.notes)
        renderOne(sources_, n, colour, out);
    return out;
}

void DiagnosticEngine::flush(std::ostream& out, bool colour) {
    for (; printed_ < diags_.size(); ++printed_)
        out << render(diags_[printed_], colour);
    out.flush();
}

void DiagnosticEngine::printSummary(std::ostream& out, bool colour) const {
    (void)colour;
    auto plural = [](size_t n, const char* w) {
        return std::to_string(n) + " " + w + (n == 1 ? "" : "s");
    };
    if (errors_ && warnings_)
        out << plural(warnings_, "warning") << " and " << plural(errors_, "error")
            << " generated.\n";
    else if (errors_)
        out << plural(errors_, "error") << " generated.\n";
    else if (warnings_)
        out << plural(warnings_, "warning") << " generated.\n";
}

bool wantColour(int fd) {
    if (std::getenv("NO_COLOR") && *std::getenv("NO_COLOR"))
        return false;
    if (const char* force = std::getenv("CLICOLOR_FORCE"); force && *force && *force != '0')
        return true;
    return isatty(fd) != 0;
}

} // namespace absim
