// parseFile: UTF-8 text -> tokens -> lexical check -> parse tree (SLL first,
// full LL with error recovery only when SLL fails) -> AST. Runs on a thread
// with a large stack, and refuses nesting deeper than a fixed budget, so no
// input can overflow the stack.

#include "frontend/parse/parser.h"

#include "frontend/parse/antlr_generated.h"
#include "frontend/parse/first_token_prediction.h"
#include "frontend/parse/lexical_check.h"
#include "frontend/parse/syntax_errors.h"
#include "frontend/parse/syntax_reporter.h"
#include "frontend/parse/token_ranges.h"
#include "frontend/parse/transformer.h"

#include <cstdio>
#include <pthread.h>

namespace absim::parse {

namespace {

// Stack of the parsing thread, and how much of it the parser may use before
// it reports "nesting too deep" (the rest is headroom for ANTLR's
// prediction and for the transformer, whose recursion follows the tree).
constexpr size_t kParserThreadStack = size_t(512) << 20;
constexpr size_t kNestingBudget = size_t(24) << 20;

// ANTLR reads code points; we decode UTF-8 ourselves so that a file that is
// not valid UTF-8 gives one clear error instead of an exception.
class CodePointStream : public antlr4::ANTLRInputStream {
  public:
    explicit CodePointStream(std::u32string data) {
        _data = std::move(data);
        p = 0;
    }
};

struct InvalidByte {
    SourcePos at;
    unsigned char byte;
};

std::u32string decodeUtf8(const std::string& text, std::optional<InvalidByte>& firstInvalid) {
    std::u32string out;
    out.reserve(text.size());
    SourcePos pos{1, 1};
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80           ? 1
                     : (c >> 5) == 0x6  ? 2
                     : (c >> 4) == 0xE  ? 3
                     : (c >> 3) == 0x1E ? 4
                                        : 0;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = len != 0 && i + len <= text.size();
        for (size_t k = 1; ok && k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(text[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // overlong forms, surrogates and values past U+10FFFF are invalid too
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                   (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            if (!firstInvalid)
                firstInvalid = InvalidByte{pos, c};
            cp = 0xFFFD;
            len = 1;
        }
        out.push_back(cp);
        i += len;
        if (cp == '\n')
            pos = SourcePos{pos.line + 1, 1};
        else
            ++pos.col;
    }
    return out;
}

// The generated parser, refusing to recurse past the nesting budget.
class GuardedParser : public grammar::ABSParser {
  public:
    GuardedParser(antlr4::TokenStream* input, SyntaxReporter& reporter, const char* stackBase)
        : grammar::ABSParser(input), reporter_(reporter), stackBase_(stackBase) {}

    using grammar::ABSParser::enterRecursionRule;

    void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule) override {
        checkNesting();
        grammar::ABSParser::enterRule(ctx, state, rule);
    }
    void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule,
                            int precedence) override {
        checkNesting();
        grammar::ABSParser::enterRecursionRule(ctx, state, rule, precedence);
    }

  private:
    void checkNesting() {
        char here;
        if (static_cast<size_t>(stackBase_ - &here) > kNestingBudget) {
            antlr4::Token* at = getCurrentToken();
            reporter_.syntaxError(tokenRange(reporter_.file(), at), false, nestingTooDeep());
            throw StopParsing{};
        }
    }

    SyntaxReporter& reporter_;
    const char* stackBase_;
};

ast::CompilationUnit parseHere(const SourceFile& file, DiagnosticEngine& diags,
                               const ParseOptions& opts, ParseStats* stats) {
    char stackBase;
    SyntaxReporter reporter(file, diags);
    ast::CompilationUnit unit;
    unit.file = file.id();
    try {
        std::optional<InvalidByte> invalid;
        CodePointStream input(decodeUtf8(file.text(), invalid));
        if (invalid) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", invalid->byte);
            reporter.lexicalError(SourceRange{file.id(), invalid->at, invalid->at},
                                  std::string("invalid UTF-8 byte ") + hex +
                                      ": ABS source files must be UTF-8");
        }
        grammar::ABSLexer lexer(&input);
        LexerErrorListener lexerErrors(reporter);
        lexer.removeErrorListeners();
        lexer.addErrorListener(&lexerErrors);
        antlr4::CommonTokenStream tokens(&lexer);
        tokens.fill();
        checkTokens(tokens, reporter);

        GuardedParser parser(&tokens, reporter, &stackBase);
        parser.removeErrorListeners();
        FirstTokenPredictor* simulator = FirstTokenPredictor::install(parser);
        grammar::ABSParser::CompilationUnitContext* tree = nullptr;
        bool fullLL = !opts.twoStage;
        if (opts.twoStage) {
            parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
            simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
            simulator->setEnabled(true);
            try {
                tree = parser.compilationUnit();
            } catch (const antlr4::ParseCancellationException&) {
                fullLL = true;
            }
        }
        if (fullLL) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(reporter));
            simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
            simulator->setEnabled(false);
            tree = parser.compilationUnit();
        }
        if (stats)
            stats->usedFullLL = fullLL;
        unit = Transformer(reporter).transform(tree);
    } catch (const StopParsing&) {
        // already reported; keep what was built (nothing, for now)
    }
    return unit;
}

// Runs `f` to completion on a thread with a large stack (or, if no thread
// can be made, on this one).
template <typename F> void runWithLargeStack(F& f) {
    pthread_attr_t attr;
    pthread_t thread;
    bool started = pthread_attr_init(&attr) == 0 &&
                   pthread_attr_setstacksize(&attr, kParserThreadStack) == 0 &&
                   pthread_create(
                       &thread, &attr,
                       [](void* arg) -> void* {
                           (*static_cast<F*>(arg))();
                           return nullptr;
                       },
                       &f) == 0;
    pthread_attr_destroy(&attr);
    if (started)
        pthread_join(thread, nullptr);
    else
        f();
}

} // namespace

ast::CompilationUnit parseFile(const SourceFile& file, DiagnosticEngine& diags,
                               const ParseOptions& opts, ParseStats* stats) {
    ast::CompilationUnit unit;
    unit.file = file.id();
    auto work = [&] {
        try {
            unit = parseHere(file, diags, opts, stats);
        } catch (const std::exception& e) {
            diags.error(SourceRange{file.id(), {1, 1}, {1, 1}},
                        std::string("internal error in the parser: ") + e.what());
        } catch (...) {
            diags.error(SourceRange{file.id(), {1, 1}, {1, 1}}, "internal error in the parser");
        }
    };
    runWithLargeStack(work);
    return unit;
}

} // namespace absim::parse
