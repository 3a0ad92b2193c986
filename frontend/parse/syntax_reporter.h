#pragma once
// Collects the syntax errors of one file. It keeps the report readable:
// at most kMaxErrors errors, one error at the end of the file, and no
// parser error right after a lexical error on the same line (that is
// almost always the same mistake seen twice).

#include "frontend/diag/diagnostics.h"
#include "frontend/source/source_file.h"

#include <map>
#include <optional>
#include <string>

namespace absim::parse {

// Thrown to abandon a file: too many errors, or nesting too deep. The
// reason has already been reported.
struct StopParsing {};

// The deepest nesting of expressions and statements absim reads; the AST
// depth is bounded by it, so later phases may recurse on a normal stack.
constexpr int kMaxNesting = 1500;
inline std::string nestingTooDeep() {
    return "nesting too deep: expressions and statements may be nested at most " +
           std::to_string(kMaxNesting) + " levels";
}

class SyntaxReporter {
  public:
    static constexpr size_t kMaxErrors = 20;

    SyntaxReporter(const SourceFile& file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

    FileId file() const { return file_.id(); }
    const SourceFile& source() const { return file_; }

    void lexicalError(SourceRange range, std::string message);
    // `atEof`: the parser found the end of the file where it expected more.
    void syntaxError(SourceRange range, bool atEof, std::string message);
    void warning(SourceRange range, std::string message);

    // An unterminated comment or template string swallowed the rest of the
    // file: what the parser then says about the end of the file is noise.
    void markUnterminated() { unterminated_ = true; }
    // An error explained as a whole (a call nested where it cannot be):
    // what recovery then trips over up to `end` is the same mistake.
    void quietUntil(SourcePos end) { quietUntil_ = end; }

    size_t errorCount() const { return errors_; }

  private:
    void add(SourceRange range, std::string message);

    const SourceFile& file_;
    DiagnosticEngine& diags_;
    size_t errors_ = 0;
    bool unterminated_ = false;
    bool eofReported_ = false;
    std::map<uint32_t, uint32_t> lexicalErrorColumn_; // line -> first column
    std::optional<SourcePos> lastSyntaxError_;
    std::optional<SourcePos> quietUntil_;
};

} // namespace absim::parse
