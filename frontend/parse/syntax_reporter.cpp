#include "frontend/parse/syntax_reporter.h"

namespace absim::parse {

void SyntaxReporter::add(SourceRange range, std::string message) {
    if (errors_ == kMaxErrors) {
        diags_.error(range, "too many syntax errors in this file; giving up on it");
        ++errors_;
        throw StopParsing{};
    }
    diags_.error(range, std::move(message));
    ++errors_;
}

void SyntaxReporter::lexicalError(SourceRange range, std::string message) {
    auto [it, fresh] = lexicalErrorColumn_.emplace(range.begin.line, range.begin.col);
    if (!fresh && range.begin.col < it->second)
        it->second = range.begin.col;
    add(range, std::move(message));
}

void SyntaxReporter::syntaxError(SourceRange range, bool atEof, std::string message) {
    if (atEof) {
        if (unterminated_ || eofReported_)
            return;
        eofReported_ = true;
    }
    // Recovery may stumble over the same token twice, or come back to an
    // earlier one: both are echoes of the error already reported.
    if (lastSyntaxError_ &&
        (range.begin.line < lastSyntaxError_->line ||
         (range.begin.line == lastSyntaxError_->line && range.begin.col <= lastSyntaxError_->col)))
        return;
    if (quietUntil_ &&
        (range.begin.line < quietUntil_->line ||
         (range.begin.line == quietUntil_->line && range.begin.col <= quietUntil_->col)))
        return;
    lastSyntaxError_ = range.begin;
    auto it = lexicalErrorColumn_.find(range.begin.line);
    if (it != lexicalErrorColumn_.end() && it->second <= range.begin.col)
        return;
    add(range, std::move(message));
}

void SyntaxReporter::warning(SourceRange range, std::string message) {
    diags_.warning(range, std::move(message));
}

} // namespace absim::parse
