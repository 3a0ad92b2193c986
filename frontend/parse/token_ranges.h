#pragma once
// Source ranges of ANTLR tokens and rule contexts. ANTLR counts lines from 1
// and columns from 0 in code points; our ranges use 1-based code-point
// columns, with `end` on the last character.

#include "frontend/parse/antlr_generated.h"
#include "frontend/source/source_file.h"

namespace absim::parse {

SourceRange tokenRange(FileId file, const antlr4::Token* token);
// The whole of a rule's text, from its first to its last token.
SourceRange contextRange(FileId file, const antlr4::ParserRuleContext* ctx);
// From the start of `first` to the end of `last`.
SourceRange spanRange(FileId file, const antlr4::Token* first, const antlr4::Token* last);
// The one column just after `token` (where a missing `;` belongs).
SourceRange pointAfter(FileId file, const antlr4::Token* token);

} // namespace absim::parse
