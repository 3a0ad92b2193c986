#pragma once
// The generated lexer and parser, included with their warnings silenced:
// generated code is not ours to fix. Private to frontend/parse.

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include "ABSLexer.h"
#include "ABS.h"
#include "antlr4-runtime.h"
#pragma GCC diagnostic pop

namespace absim::grammar {
// The parser grammar is grammar/ABS.g4 (`parser grammar ABS`), so ANTLR
// names its class `ABS`; the parsing code calls it what it is.
using ABSParser = ABS;
} // namespace absim::grammar
