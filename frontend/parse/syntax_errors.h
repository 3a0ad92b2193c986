#pragma once
// ANTLR's error recovery with our own messages: the parser still recovers
// (so one run reports several errors), but what it says is written for a
// modeller: "expected ';' after the statement", "'Foo' starts with an
// uppercase letter, ...", never token names or "mismatched input".

#include "frontend/parse/antlr_generated.h"
#include "frontend/parse/syntax_reporter.h"

namespace absim::parse {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
  public:
    explicit SyntaxErrorStrategy(SyntaxReporter& reporter) : reporter_(reporter) {}

  protected:
    void reportNoViableAlternative(antlr4::Parser* parser,
                                   const antlr4::NoViableAltException& e) override;
    void reportInputMismatch(antlr4::Parser* parser,
                             const antlr4::InputMismatchException& e) override;
    void reportFailedPredicate(antlr4::Parser* parser,
                               const antlr4::FailedPredicateException& e) override;
    void reportUnwantedToken(antlr4::Parser* parser) override;
    void reportMissingToken(antlr4::Parser* parser) override;
    // Skips `{ ... }` groups whole while resynchronising, so that the `}` of
    // a broken method body is not taken for the end of its class.
    void consumeUntil(antlr4::Parser* parser, const antlr4::misc::IntervalSet& set) override;

  private:
    // Reports `offending` where `expected` (maybe empty: unknown) was
    // wanted; `start` is where the failed decision began.
    void explain(antlr4::Parser* parser, antlr4::Token* start, antlr4::Token* offending,
                 const antlr4::misc::IntervalSet& expected, bool unwanted);
    bool explainByShape(antlr4::Parser* parser, antlr4::Token* start, antlr4::Token* offending);
    bool explainNaming(antlr4::Parser* parser, antlr4::Token* offending,
                       const antlr4::misc::IntervalSet& expected);
    bool explainForeignSyntax(antlr4::Parser* parser, antlr4::Token* offending,
                              const antlr4::misc::IntervalSet& expected);
    void report(antlr4::Token* at, std::string message);
    void reportRange(SourceRange range, antlr4::Token* at, std::string message);
    // Keeps what recovery then trips over, up to the end of the statement
    // `offending` is in, from being reported as further errors.
    void quietToStatementEnd(antlr4::Parser* parser, antlr4::Token* offending);

    SyntaxReporter& reporter_;
    // After an error at a `;` that recovery consumed: the next statement's
    // end, up to which a missing `;` is that one, already reported.
    std::optional<SourcePos> semicolonTakenUntil_;
};

// Lexer errors cannot happen (every character is some token) but, should
// one slip through, it is reported like the others instead of on stderr.
class LexerErrorListener : public antlr4::BaseErrorListener {
  public:
    explicit LexerErrorListener(SyntaxReporter& reporter) : reporter_(reporter) {}
    void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                     size_t column, const std::string& msg, std::exception_ptr e) override;

  private:
    SyntaxReporter& reporter_;
};

} // namespace absim::parse
