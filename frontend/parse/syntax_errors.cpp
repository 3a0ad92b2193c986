#include "frontend/parse/syntax_errors.h"

#include "frontend/parse/expected_words.h"
#include "frontend/parse/token_ranges.h"

#include <vector>

namespace absim::parse {

namespace {

using antlr4::Token;
using antlr4::misc::IntervalSet;
using grammar::ABSLexer;

bool onChannel(const Token* t) {
    return t->getChannel() == Token::DEFAULT_CHANNEL;
}

// The visible token `steps` positions after (or, negative, before) `t`.
Token* neighbour(antlr4::Parser* parser, const Token* t, int steps) {
    auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
    if (!stream || !t || t->getTokenIndex() == INVALID_INDEX)
        return nullptr;
    ssize_t i = static_cast<ssize_t>(t->getTokenIndex());
    ssize_t size = static_cast<ssize_t>(stream->size());
    int dir = steps < 0 ? -1 : 1;
    for (int left = steps < 0 ? -steps : steps; left > 0;) {
        i += dir;
        if (i < 0 || i >= size)
            return nullptr;
        Token* c = stream->get(static_cast<size_t>(i));
        if (onChannel(c) || c->getType() == Token::EOF)
            --left;
    }
    return stream->get(static_cast<size_t>(i));
}

// The `;` that ends the statement `t` is in (brackets opened after `t`
// skipped), or the `}` that closes its block; null at the end of the file.
Token* statementEnd(antlr4::Parser* parser, const Token* t) {
    int depth = 0;
    for (Token* n = neighbour(parser, t, 1); n && n->getType() != Token::EOF;
         n = neighbour(parser, n, 1)) {
        size_t type = n->getType();
        if (type == ABSLexer::LPAREN || type == ABSLexer::LBRACKET || type == ABSLexer::LBRACE)
            ++depth;
        else if (type == ABSLexer::RPAREN || type == ABSLexer::RBRACKET)
            --depth;
        else if (type == ABSLexer::RBRACE && --depth < 0)
            return n;
        else if (type == ABSLexer::SEMI && depth <= 0)
            return n;
    }
    return nullptr;
}

bool before(SourcePos a, SourcePos b) {
    return a.line < b.line || (a.line == b.line && a.col < b.col);
}

// before + name + middle + name + after, appended (see quotedThen).
std::string withNameTwice(const char* before, const std::string& name, const char* middle,
                          const char* after) {
    std::string out = before;
    out += name;
    out += middle;
    out += name;
    out += after;
    return out;
}

// The `}` closing the block around the `{ ... }` group that opens at `t`.
Token* enclosingClose(antlr4::Parser* parser, const Token* t) {
    int depth = 0;
    for (Token* n = neighbour(parser, t, 1); n && n->getType() != Token::EOF;
         n = neighbour(parser, n, 1)) {
        if (n->getType() == ABSLexer::LBRACE)
            ++depth;
        else if (n->getType() == ABSLexer::RBRACE && --depth < -1)
            return n;
    }
    return nullptr;
}

// Whether the `=` at `t` stands where only a comparison could: inside the
// parentheses of an `if` or `while` condition, or after the `=` of an
// assignment in the same statement.
bool meantAsComparison(antlr4::Parser* parser, const Token* t) {
    int depth = 0;
    for (Token* p = neighbour(parser, t, -1); p; p = neighbour(parser, p, -1)) {
        size_t type = p->getType();
        if (type == ABSLexer::SEMI || type == ABSLexer::LBRACE || type == ABSLexer::RBRACE)
            return false;
        if (type == ABSLexer::RPAREN || type == ABSLexer::RBRACKET) {
            ++depth;
        } else if (type == ABSLexer::LPAREN || type == ABSLexer::LBRACKET) {
            if (--depth < 0) {
                Token* keyword = neighbour(parser, p, -1);
                return type == ABSLexer::LPAREN && keyword &&
                       (keyword->getType() == ABSLexer::IF ||
                        keyword->getType() == ABSLexer::WHILE);
            }
        } else if (type == ABSLexer::ASSIGN && depth == 0) {
            return true;
        }
    }
    return false;
}

// The innermost bracket still open at the end of the file, if any.
Token* unmatchedOpening(antlr4::Parser* parser) {
    auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
    if (!stream)
        return nullptr;
    std::vector<Token*> open;
    for (size_t i = 0; i < stream->size(); ++i) {
        Token* t = stream->get(i);
        if (!onChannel(t))
            continue;
        size_t type = t->getType();
        if (type == ABSLexer::LBRACE || type == ABSLexer::LPAREN || type == ABSLexer::LBRACKET) {
            open.push_back(t);
            continue;
        }
        size_t opener = type == ABSLexer::RBRACE     ? ABSLexer::LBRACE
                        : type == ABSLexer::RPAREN   ? ABSLexer::LPAREN
                        : type == ABSLexer::RBRACKET ? ABSLexer::LBRACKET
                                                     : 0;
        if (opener == 0)
            continue;
        // close the nearest matching opening; a closer without one is ignored
        for (size_t k = open.size(); k > 0; --k) {
            if (open[k - 1]->getType() == opener) {
                open.resize(k - 1);
                break;
            }
        }
    }
    return open.empty() ? nullptr : open.back();
}

std::string closerOf(size_t opener) {
    return opener == ABSLexer::LBRACE ? "}" : opener == ABSLexer::LPAREN ? ")" : "]";
}

// Messages are built by appending: GCC 12 warns (-Wrestrict, wrongly) about
// `"'" + s + ...` chains once inlined.
std::string quotedThen(const Token* t, const char* rest) {
    std::string out = "'";
    out += t->getText();
    out += "' ";
    out += rest;
    return out;
}

std::string uppercaseName(const Token* t, const std::string& phrase) {
    std::string out = quotedThen(t, "starts with an uppercase letter, but ");
    out += phrase;
    out += " must start with a lowercase letter";
    return out;
}

std::string lowercaseType(const Token* t, const std::string& phrase) {
    std::string out = quotedThen(t, "starts with a lowercase letter, but ");
    out += phrase;
    out += " must start with an uppercase letter";
    return out;
}

std::string reservedWord(const Token* t) {
    return quotedThen(t, "is a reserved word and cannot be used as a name");
}

// Rules in which `Type name` declarations are read.
bool declarationContext(const antlr4::ParserRuleContext* ctx) {
    for (; ctx; ctx = dynamic_cast<const antlr4::ParserRuleContext*>(ctx->parent)) {
        switch (ctx->getRuleIndex()) {
        case grammar::ABSParser::RuleBareStmt:
        case grammar::ABSParser::RuleStmt:
        case grammar::ABSParser::RuleBlock:
        case grammar::ABSParser::RuleClassDecl:
        case grammar::ABSParser::RuleInterfaceDecl:
        case grammar::ABSParser::RuleParams:
        case grammar::ABSParser::RuleParam:
            return true;
        case grammar::ABSParser::RulePureExp:
        case grammar::ABSParser::RuleExp:
            return false;
        default:
            break;
        }
    }
    return false;
}

} // namespace

void SyntaxErrorStrategy::reportRange(SourceRange range, Token* at, std::string message) {
    reporter_.syntaxError(range, at && at->getType() == Token::EOF, std::move(message));
}

void SyntaxErrorStrategy::report(Token* at, std::string message) {
    reportRange(tokenRange(reporter_.file(), at), at, std::move(message));
}

// `Int Foo`, `int x`, `List<int> l`, `Int get`: read the tokens from the
// start of a failed declaration as `Type name` and say what is wrong with
// the spelling, which is the usual reason such a decision fails.
bool SyntaxErrorStrategy::explainByShape(antlr4::Parser* parser, Token* start, Token* offending) {
    if (!start || start == offending || !declarationContext(parser->getContext()))
        return false;
    Token* t = start;
    Token* n = neighbour(parser, t, 1);
    if (!n)
        return false;
    if (t->getType() == ABSLexer::LOWER_ID) {
        if (n->getType() == ABSLexer::LOWER_ID || isNameLikeKeyword(n->getType())) {
            report(t, lowercaseType(t, "a type name"));
            return true;
        }
        return false;
    }
    if (t->getType() != ABSLexer::TYPE_ID)
        return false;
    bool bare = true;
    while (n && n->getType() == ABSLexer::DOT) {
        Token* part = neighbour(parser, n, 1);
        if (!part || part->getType() != ABSLexer::TYPE_ID)
            return false;
        n = neighbour(parser, part, 1);
    }
    if (n && n->getType() == ABSLexer::LT) {
        bare = false;
        int depth = 1;
        bool wantType = true;
        for (n = neighbour(parser, n, 1); n && depth > 0; n = neighbour(parser, n, 1)) {
            size_t type = n->getType();
            if (type == ABSLexer::LBRACKET) { // an annotation: skip it
                int brackets = 1;
                while (brackets > 0 && (n = neighbour(parser, n, 1)) != nullptr) {
                    if (n->getType() == ABSLexer::LBRACKET)
                        ++brackets;
                    else if (n->getType() == ABSLexer::RBRACKET)
                        --brackets;
                    else if (n->getType() == Token::EOF)
                        return false;
                }
                if (!n)
                    return false;
                continue;
            }
            if (wantType && type == ABSLexer::LOWER_ID) {
                report(n, lowercaseType(n, "a type name"));
                return true;
            }
            if (type == ABSLexer::TYPE_ID)
                wantType = false;
            else if (type == ABSLexer::LT || type == ABSLexer::COMMA || type == ABSLexer::DOT)
                wantType = true;
            if (type == ABSLexer::LT)
                ++depth;
            else if (type == ABSLexer::GT)
                --depth;
            else if (type != ABSLexer::TYPE_ID && type != ABSLexer::COMMA && type != ABSLexer::DOT)
                return false;
        }
    }
    if (!n)
        return false;
    if (n->getType() == ABSLexer::TYPE_ID) {
        report(n, uppercaseName(n, namePhrase(parser->getContext())));
        return true;
    }
    if (isKeyword(n->getType()) && n->getType() != ABSLexer::AS &&
        n->getType() != ABSLexer::IMPLEMENTS) {
        report(n, reservedWord(n));
        return true;
    }
    if (bare && n->getType() == ABSLexer::ASSIGN) {
        report(t, uppercaseName(t, "a variable name"));
        return true;
    }
    return false;
}

bool SyntaxErrorStrategy::explainNaming(antlr4::Parser* parser, Token* offending,
                                        const IntervalSet& expected) {
    size_t type = offending->getType();
    const antlr4::ParserRuleContext* ctx = parser->getContext();
    if (explainForeignSyntax(parser, offending, expected))
        return true;
    // `f(new C())`, `1 + await o!m()`, `g(o!m())`: in ABS an effect stands
    // alone (a statement, or the whole right-hand side of an assignment),
    // never inside an expression. Said as the checker says it of `.get`.
    if ((type == ABSLexer::NEW || type == ABSLexer::AWAIT) && has(expected, ABSLexer::LOWER_ID) &&
        !declarationContext(ctx)) {
        report(offending, quotedThen(offending, type == ABSLexer::NEW
                                                    ? "cannot be nested inside an expression; "
                                                      "create the object in a statement of its "
                                                      "own and use the variable"
                                                    : "cannot be nested inside an expression; "
                                                      "assign its result to a variable first"));
        return true;
    }
    if (type == ABSLexer::BANG && !has(expected, type) && !declarationContext(ctx)) {
        Token* callee = neighbour(parser, offending, -1);
        Token* method = neighbour(parser, offending, 1);
        if (callee && method && method->getType() == ABSLexer::LOWER_ID &&
            (callee->getType() == ABSLexer::LOWER_ID || callee->getType() == ABSLexer::THIS)) {
            report(offending, "an asynchronous call cannot be nested inside an expression; "
                              "assign its future to a variable first");
            quietToStatementEnd(parser, offending);
            return true;
        }
    }
    if (isKeyword(type) && type != ABSLexer::AS && has(expected, ABSLexer::LOWER_ID)) {
        report(offending, reservedWord(offending));
        return true;
    }
    if (type == ABSLexer::TYPE_ID && has(expected, ABSLexer::LOWER_ID) &&
        !has(expected, ABSLexer::TYPE_ID)) {
        report(offending, uppercaseName(offending, namePhrase(ctx)));
        return true;
    }
    if (type == ABSLexer::LOWER_ID && has(expected, ABSLexer::TYPE_ID) &&
        !has(expected, ABSLexer::LOWER_ID)) {
        report(offending, lowercaseType(offending, typeNamePhrase(ctx)));
        return true;
    }
    // `duration = 5;`: the reserved word was meant as a variable
    Token* previous = neighbour(parser, offending, -1);
    if (previous && isNameLikeKeyword(previous->getType()) && !has(expected, type) &&
        (type == ABSLexer::ASSIGN || type == ABSLexer::SEMI || type == ABSLexer::DOT ||
         type == ABSLexer::BANG || type == ABSLexer::COMMA || type == ABSLexer::RPAREN)) {
        report(previous, reservedWord(previous));
        return true;
    }
    return false;
}

// What newcomers bring from C, Java or Python, said in ABS terms: list
// literals in brackets, `++` and `+=`, the `?:` conditional, C's `for`.
bool SyntaxErrorStrategy::explainForeignSyntax(antlr4::Parser* parser, Token* offending,
                                               const IntervalSet& expected) {
    size_t type = offending->getType();
    Token* previous = neighbour(parser, offending, -1);
    auto say = [&](Token* at, const std::string& message) {
        report(at, message);
        quietToStatementEnd(parser, at);
        return true;
    };
    if (type == ABSLexer::SEMI && previous && previous->getType() == ABSLexer::RETURN)
        return say(previous, "'return' needs a value in ABS; a method of type 'Unit' just "
                             "ends, without 'return'");
    if (type == ABSLexer::LOWER_ID && parser->getContext() &&
        parser->getContext()->getRuleIndex() == grammar::ABSParser::RuleClassDecl) {
        Token* next = neighbour(parser, offending, 1);
        if (next && next->getType() == ABSLexer::LPAREN) {
            report(offending, withNameTwice("method '", offending->getText(),
                                            "' needs its return type before its name, e.g. "
                                            "'Unit ",
                                            "(...)'"));
            return true;
        }
    }
    if (type == ABSLexer::LBRACKET && has(expected, ABSLexer::LOWER_ID))
        return say(offending, "a list is written 'list[a, b, c]' in ABS (or 'Nil' when empty)");
    // `x++;` fails at the second `+`, `x--;` at the `;` (`-` is also a sign).
    Token* first = type == ABSLexer::SEMI ? neighbour(parser, previous, -1) : previous;
    Token* second = type == ABSLexer::SEMI ? previous : offending;
    if (first && second && first->getType() == second->getType() &&
        second->getStartIndex() == first->getStopIndex() + 1 &&
        (first->getType() == ABSLexer::PLUS || first->getType() == ABSLexer::MINUS) &&
        neighbour(parser, second, 1) && neighbour(parser, second, 1)->getType() == ABSLexer::SEMI)
        return say(first, first->getType() == ABSLexer::PLUS
                              ? "ABS has no '++'; write 'x = x + 1;'"
                              : "ABS has no '--'; write 'x = x - 1;'");
    if (type == ABSLexer::ASSIGN && previous &&
        (previous->getType() == ABSLexer::PLUS || previous->getType() == ABSLexer::MINUS ||
         previous->getType() == ABSLexer::STAR || previous->getType() == ABSLexer::SLASH ||
         previous->getType() == ABSLexer::PERCENT))
        return say(previous,
                   withNameTwice("ABS has no '", previous->getText(), "='; write 'x = x ", " e;'"));
    if (type == ABSLexer::QUESTION && !has(expected, type))
        return say(offending, "ABS has no '?:' conditional; write 'when c then a else b'");
    // `for (...)` reads as a call of a function `for`.
    for (Token* t = previous; t; t = neighbour(parser, t, -1)) {
        size_t k = t->getType();
        if (k == ABSLexer::SEMI || k == ABSLexer::LBRACE || k == ABSLexer::RBRACE)
            break;
        Token* after = neighbour(parser, t, 1);
        Token* preceding = neighbour(parser, t, -1);
        if (k == ABSLexer::LOWER_ID && t->getText() == "for" && after &&
            after->getType() == ABSLexer::LPAREN &&
            (!preceding || preceding->getType() == ABSLexer::SEMI ||
             preceding->getType() == ABSLexer::LBRACE || preceding->getType() == ABSLexer::RBRACE))
            return say(t, "ABS has no 'for' loop; use 'foreach (x in list) { ... }' or "
                          "'while (...) { ... }'");
    }
    return false;
}

void SyntaxErrorStrategy::explain(antlr4::Parser* parser, Token* start, Token* offending,
                                  const IntervalSet& expected, bool unwanted) {
    if (!offending)
        return;
    FileId file = reporter_.file();
    bool atEof = offending->getType() == Token::EOF;
    if (atEof) {
        if (Token* open = unmatchedOpening(parser)) {
            std::string opener = open->getText();
            reportRange(tokenRange(file, open), offending,
                        "unbalanced '" + opener + "': missing '" + closerOf(open->getType()) +
                            "' before the end of the file");
            return;
        }
    }
    if (explainByShape(parser, start, offending))
        return;
    if (explainNaming(parser, offending, expected))
        return;
    // `List<int> l = Nil;` reads as the expression `List < int > l` up to
    // the `=`: look at the statement as a declaration instead.
    if (offending->getType() == ABSLexer::ASSIGN) {
        for (antlr4::tree::ParseTree* c = parser->getContext(); c; c = c->parent) {
            if (auto* s = dynamic_cast<grammar::ABSParser::ExpStmtContext*>(c)) {
                if (explainByShape(parser, s->getStart(), offending))
                    return;
                break;
            }
        }
        // `if (x = 1)`, `Bool b = x = 1;`: meant as a comparison.
        if (meantAsComparison(parser, offending)) {
            report(offending, "'=' assigns, and only as a statement; to compare, write '=='");
            quietToStatementEnd(parser, offending);
            return;
        }
    }
    IntervalSet reduced = withoutContinuations(expected);
    // An extra token where only `;` could come: it is the token that is wrong.
    if (unwanted && reduced.size() == 1 && has(reduced, ABSLexer::SEMI)) {
        report(offending, "unexpected " + showToken(offending));
        return;
    }
    if (reduced.size() == 1 && has(reduced, ABSLexer::SEMI)) {
        if (semicolonTakenUntil_ &&
            !before(*semicolonTakenUntil_, tokenRange(file, offending).begin))
            return; // the `;` an earlier error took away
        if (offending->getType() == ABSLexer::LBRACE && parser->getContext() &&
            parser->getContext()->getRuleIndex() == grammar::ABSParser::RuleMethodSignature) {
            report(offending, "a method of an interface has no body: end its signature with "
                              "';' and write the body in a class that implements the interface");
            if (Token* end = enclosingClose(parser, offending))
                reporter_.quietUntil(tokenRange(file, end).begin);
            return;
        }
        Token* previous = neighbour(parser, offending, -1);
        std::string what = constructPhrase(parser->getContext());
        std::string message = "expected ';'" + (what.empty() ? "" : " after " + what);
        if (previous)
            reportRange(pointAfter(file, previous), offending, message);
        else
            report(offending, message);
        return;
    }
    // `if x > 0 { ... }` reads as the old `if c then a else b` expression
    if (offending->getType() == ABSLexer::LBRACE && has(expected, ABSLexer::THEN)) {
        for (antlr4::tree::ParseTree* c = parser->getContext(); c; c = c->parent) {
            if (auto* e = dynamic_cast<grammar::ABSParser::LegacyIfExpContext*>(c)) {
                report(e->IF()->getSymbol(),
                       "the condition of an if statement must be in parentheses: 'if (...)'");
                return;
            }
        }
    }
    // Decisions that failed past their first token know nothing of what was
    // expected where they failed; a few cases are worth naming.
    if (!start || start->getTokenIndex() != offending->getTokenIndex()) {
        if (start && start->getType() == ABSLexer::AWAIT &&
            neighbour(parser, start, 1) == offending) {
            report(offending, "expected a guard after 'await' (a future 'f?', a condition or "
                              "'duration(...)'), found " +
                                  showToken(offending));
            return;
        }
        size_t rule = parser->getContext() ? parser->getContext()->getRuleIndex() : 0;
        if (offending->getType() == ABSLexer::RBRACE &&
            (rule == grammar::ABSParser::RuleBareStmt || rule == grammar::ABSParser::RuleStmt)) {
            report(offending, "expected a statement, found '}'");
            return;
        }
    }
    // A `}` too many: in a block, "expected a statement" says more.
    size_t rule = parser->getContext() ? parser->getContext()->getRuleIndex() : 0;
    if (offending->getType() == ABSLexer::RBRACE && !has(expected, ABSLexer::RBRACE) &&
        (unwanted || expected.isEmpty() || rule == grammar::ABSParser::RuleCompilationUnit ||
         rule == grammar::ABSParser::RuleModuleBody)) {
        report(offending, "unexpected '}'");
        return;
    }
    std::string words = describeExpected(expected, parser->getContext(), parser->getVocabulary());
    if (words.empty())
        report(offending,
               atEof ? "unexpected end of the file" : "unexpected " + showToken(offending));
    else if (atEof)
        report(offending, "unexpected end of the file; expected " + words);
    else
        report(offending, "expected " + words + ", found " + showToken(offending));
    // `Int x = 1 +;`: recovery takes the `;` away and reads on into the
    // next statement, which then seems to lack its own.
    if (offending->getType() == ABSLexer::SEMI)
        if (Token* end = statementEnd(parser, offending))
            semicolonTakenUntil_ = tokenRange(file, end).begin;
}

void SyntaxErrorStrategy::quietToStatementEnd(antlr4::Parser* parser, Token* offending) {
    if (Token* end = statementEnd(parser, offending))
        reporter_.quietUntil(tokenRange(reporter_.file(), end).begin);
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                    const antlr4::NoViableAltException& e) {
    Token* start = e.getStartToken();
    Token* offending = e.getOffendingToken();
    // The expected set belongs to the decision's first token; past it we only
    // know that nothing fits.
    IntervalSet expected;
    if (start && offending && start->getTokenIndex() == offending->getTokenIndex())
        expected = e.getExpectedTokens();
    explain(parser, start, offending, expected, false);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                              const antlr4::InputMismatchException& e) {
    explain(parser, e.getOffendingToken(), e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                                const antlr4::FailedPredicateException& e) {
    explain(parser, e.getOffendingToken(), e.getOffendingToken(), IntervalSet(), false);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
    if (inErrorRecoveryMode(parser))
        return;
    beginErrorCondition(parser);
    Token* t = parser->getCurrentToken();
    explain(parser, t, t, getExpectedTokens(parser), true);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
    if (inErrorRecoveryMode(parser))
        return;
    beginErrorCondition(parser);
    Token* t = parser->getCurrentToken();
    explain(parser, t, t, getExpectedTokens(parser), false);
}

void SyntaxErrorStrategy::consumeUntil(antlr4::Parser* parser, const IntervalSet& set) {
    antlr4::TokenStream* input = parser->getTokenStream();
    // A rule abandoned between its `{` and `}` (a class whose body cannot be
    // read) takes its whole body with it, up to the matching `}`.
    bool ownsOpenBrace = false;
    if (antlr4::ParserRuleContext* ctx = parser->getContext()) {
        for (antlr4::tree::ParseTree* child : ctx->children) {
            if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
                if (t->getSymbol()->getType() == ABSLexer::LBRACE)
                    ownsOpenBrace = true;
                else if (t->getSymbol()->getType() == ABSLexer::RBRACE)
                    ownsOpenBrace = false;
            }
        }
    }
    int depth = 0;
    for (size_t type = input->LA(1); type != Token::EOF; type = input->LA(1)) {
        if (depth == 0 && !ownsOpenBrace && has(set, type))
            return;
        if (type == ABSLexer::LBRACE) {
            ++depth;
        } else if (type == ABSLexer::RBRACE) {
            if (depth == 0 && ownsOpenBrace) {
                parser->consume();
                return;
            }
            if (depth > 0)
                --depth;
        }
        parser->consume();
    }
}

void LexerErrorListener::syntaxError(antlr4::Recognizer*, Token*, size_t line, size_t column,
                                     const std::string&, std::exception_ptr) {
    SourcePos at{static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1)};
    reporter_.lexicalError(SourceRange{reporter_.file(), at, at}, "unexpected character");
}

} // namespace absim::parse
