#pragma once
// The lexical pass between lexer and parser: reports what the lexer let
// through as error tokens (stray characters, unterminated strings, comments
// and template strings, bad escapes, malformed numbers) and rewrites those
// tokens so that the parser sees a plausible program and reports only
// genuine syntax errors after them.

#include "frontend/parse/antlr_generated.h"
#include "frontend/parse/syntax_reporter.h"

namespace absim::parse {

void checkTokens(antlr4::CommonTokenStream& tokens, SyntaxReporter& reporter);

} // namespace absim::parse
