#pragma once
// Puts what the parser expected into a modeller's words: "an expression",
// "a statement or '}'", "a type" instead of lists of token names.

#include "frontend/parse/antlr_generated.h"

#include <string>

namespace absim::parse {

// `expected` is a set of token types; `ctx` the rule being parsed (it picks
// "a variable name" over "a name", "a class name" over "a type name").
std::string describeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::ParserRuleContext* ctx,
                             const antlr4::dfa::Vocabulary& vocabulary);

// The same set without the tokens that could only continue what came
// before (binary operators, `.`, `!`, `as`, ...), when that leaves any.
antlr4::misc::IntervalSet withoutContinuations(const antlr4::misc::IntervalSet& expected);

// "a variable name", "a parameter name", ... for a lowercase name expected
// in `ctx`; "a type name", "a class name", ... for an uppercase one.
std::string namePhrase(const antlr4::ParserRuleContext* ctx);
std::string typeNamePhrase(const antlr4::ParserRuleContext* ctx);

// "the statement", "the field declaration", ... for "expected ';' after X";
// empty when nothing fits.
std::string constructPhrase(const antlr4::ParserRuleContext* ctx);

// How a token is quoted in a message: 'x', or "the end of the file".
std::string showToken(const antlr4::Token* token);

// Reserved words that are easily meant as names (`duration`, `get`, ...).
bool isNameLikeKeyword(size_t tokenType);
bool isKeyword(size_t tokenType);

// IntervalSet::contains/remove are overloaded for signed and unsigned
// types, which token-type enumerators cannot choose between.
inline bool has(const antlr4::misc::IntervalSet& s, size_t type) {
    return s.contains(type);
}
inline void drop(antlr4::misc::IntervalSet& s, size_t type) {
    s.remove(type);
}

} // namespace absim::parse
