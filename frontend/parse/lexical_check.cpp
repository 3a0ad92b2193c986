#include "frontend/parse/lexical_check.h"

#include "frontend/parse/literals.h"
#include "frontend/parse/token_ranges.h"

#include <cstdio>
#include <optional>
#include <vector>

namespace absim::parse {

namespace {

using grammar::ABSLexer;

// The first code point of a UTF-8 string (the input was made valid UTF-8
// before lexing).
char32_t firstCodePoint(const std::string& s) {
    if (s.empty())
        return 0;
    unsigned char c = static_cast<unsigned char>(s[0]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t i = 1; i < len && i < s.size(); ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

// How a character is shown in a message: itself when printable, with its
// code point when it is not ASCII, only the code point when invisible.
std::string showCharacter(const std::string& utf8) {
    char32_t cp = firstCodePoint(utf8);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    if (cp >= 0x21 && cp < 0x7F)
        return "'" + utf8 + "'";
    if (cp >= 0xA0 && cp != 0xFFFD && cp != 0xFEFF)
        return "'" + utf8 + "' (" + code + ")";
    return code;
}

bool adjacent(const antlr4::Token* a, const antlr4::Token* b) {
    return a->getStopIndex() + 1 == b->getStartIndex();
}

// `1e10`: an integer glued to an exponent-looking name.
bool looksLikeExponent(const std::string& text) {
    if (text.size() < 2 || (text[0] != 'e' && text[0] != 'E'))
        return false;
    size_t i = 1;
    if (text[i] == '+' || text[i] == '-')
        ++i;
    if (i >= text.size())
        return false;
    for (; i < text.size(); ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

class TokenChecker {
  public:
    TokenChecker(std::vector<antlr4::Token*> tokens, SyntaxReporter& reporter)
        : tokens_(std::move(tokens)), reporter_(reporter) {}

    void run() {
        for (size_t i = 0; i < tokens_.size(); ++i)
            check(i);
        if (!templates_.empty()) {
            reporter_.lexicalError(tokenRange(file(), templates_.back().start),
                                   "unterminated template string: missing '`'");
            reporter_.markUnterminated();
        }
    }

  private:
    struct OpenTemplate {
        antlr4::Token* start;
        bool inExpression;
    };

    FileId file() const { return reporter_.file(); }

    static void retype(antlr4::Token* t, size_t type) {
        if (auto* w = dynamic_cast<antlr4::WritableToken*>(t))
            w->setType(type);
    }
    static void hide(antlr4::Token* t) {
        if (auto* w = dynamic_cast<antlr4::WritableToken*>(t))
            w->setChannel(antlr4::Token::HIDDEN_CHANNEL);
    }

    antlr4::Token* next(size_t i) const {
        return i + 1 < tokens_.size() ? tokens_[i + 1] : nullptr;
    }

    void check(size_t i) {
        antlr4::Token* t = tokens_[i];
        switch (t->getType()) {
        case ABSLexer::STRAY_CHAR:
            strayCharacters(i);
            break;
        case ABSLexer::UNTERMINATED_STRING:
            reporter_.lexicalError(tokenRange(file(), t),
                                   "unterminated string literal: missing '\"' before the end of "
                                   "the line");
            retype(t, ABSLexer::STRING_LITERAL);
            badEscapes(t);
            break;
        case ABSLexer::STRING_LITERAL:
            badEscapes(t);
            break;
        case ABSLexer::LEADING_ZERO_INT: {
            std::string text = t->getText();
            size_t nonZero = text.find_first_not_of('0');
            std::string fixed = nonZero == std::string::npos ? "0" : text.substr(nonZero);
            reporter_.lexicalError(
                tokenRange(file(), t),
                "'" + text + "': an integer literal cannot start with 0; write '" + fixed + "'");
            retype(t, ABSLexer::INT_LITERAL);
            break;
        }
        case ABSLexer::INT_LITERAL:
            malformedFloat(i);
            break;
        case ABSLexer::BLOCK_COMMENT: {
            std::string text = t->getText();
            if (text.size() < 4 || text.compare(text.size() - 2, 2, "*/") != 0) {
                SourceRange r = tokenRange(file(), t);
                r.end = SourcePos{r.begin.line, r.begin.col + 1};
                reporter_.lexicalError(r, "unterminated comment: missing '*/'");
                reporter_.markUnterminated();
            }
            break;
        }
        case ABSLexer::TEMPLATE_START:
            templates_.push_back(OpenTemplate{t, false});
            break;
        case ABSLexer::TEMPLATE_EXP_START:
            if (!templates_.empty())
                templates_.back().inExpression = true;
            break;
        case ABSLexer::TEMPLATE_EXP_END:
            if (!templates_.empty() && templates_.back().inExpression) {
                templates_.back().inExpression = false;
            } else {
                reporter_.lexicalError(tokenRange(file(), t),
                                       "unexpected '$' (outside a template string)");
                hide(t);
            }
            break;
        case ABSLexer::TEMPLATE_END:
            if (!templates_.empty())
                templates_.pop_back();
            break;
        default:
            break;
        }
    }

    // `'text'`, a string in single quotes: one error for the whole of it,
    // which the parser then does not see. False when `i` opens no such pair.
    bool singleQuoted(size_t i) {
        antlr4::Token* open = tokens_[i];
        if (open->getText() != "'")
            return false;
        for (size_t j = i + 1; j < tokens_.size(); ++j) {
            antlr4::Token* t = tokens_[j];
            if (t->getLine() != open->getLine() || t->getType() == antlr4::Token::EOF)
                return false;
            if (t->getType() == ABSLexer::STRAY_CHAR && t->getText() == "'") {
                for (size_t k = i; k <= j; ++k)
                    hide(tokens_[k]);
                reporter_.lexicalError(spanRange(file(), open, t),
                                       "strings are written in double quotes in ABS: \"...\"");
                skipUntil_ = j;
                return true;
            }
        }
        return false;
    }

    // A run of stray characters on one line is one error.
    void strayCharacters(size_t i) {
        if (skipUntil_ && i <= *skipUntil_)
            return; // inside a single-quoted string already reported
        if (singleQuoted(i))
            return;
        antlr4::Token* first = tokens_[i];
        if (i > 0 && tokens_[i - 1]->getType() == ABSLexer::STRAY_CHAR &&
            adjacent(tokens_[i - 1], first))
            return; // reported with the run it belongs to
        size_t j = i;
        while (next(j) && next(j)->getType() == ABSLexer::STRAY_CHAR &&
               adjacent(tokens_[j], next(j)))
            ++j;
        for (size_t k = i; k <= j; ++k)
            hide(tokens_[k]);
        std::string what = showCharacter(first->getText());
        if (j > i)
            reporter_.lexicalError(spanRange(file(), first, tokens_[j]),
                                   "unexpected characters starting with " + what);
        else
            reporter_.lexicalError(tokenRange(file(), first), "unexpected character " + what);
    }

    void badEscapes(antlr4::Token* t) {
        std::vector<BadEscape> bad;
        decodeStringLiteral(t->getText(), &bad);
        SourceRange base = tokenRange(file(), t);
        for (const BadEscape& b : bad) {
            SourcePos at{base.begin.line, base.begin.col + static_cast<uint32_t>(b.column)};
            reporter_.lexicalError(SourceRange{file(), at, SourcePos{at.line, at.col + 1}},
                                   "unknown escape sequence '" + b.spelling +
                                       "' in a string (allowed: \\\\ \\\" \\n \\t \\r)");
        }
    }

    // `1.` and `1e10` are not numbers (§1): say so once and read them as floats.
    void malformedFloat(size_t i) {
        antlr4::Token* t = tokens_[i];
        antlr4::Token* n = next(i);
        if (!n || !adjacent(t, n))
            return;
        std::string text = t->getText();
        if (n->getType() == ABSLexer::DOT) {
            reporter_.lexicalError(spanRange(file(), t, n),
                                   "'" + text +
                                       ".' is not a number: a float needs digits after "
                                       "the dot; write '" +
                                       text + ".0'");
            retype(t, ABSLexer::FLOAT_LITERAL);
            hide(n);
        } else if ((n->getType() == ABSLexer::LOWER_ID || n->getType() == ABSLexer::TYPE_ID) &&
                   looksLikeExponent(n->getText())) {
            std::string exponent = n->getText();
            reporter_.lexicalError(spanRange(file(), t, n),
                                   "'" + text + exponent +
                                       "' is not a number: a float needs a "
                                       "dot; write '" +
                                       text + ".0" + exponent + "'");
            retype(t, ABSLexer::FLOAT_LITERAL);
            hide(n);
        }
    }

    std::vector<antlr4::Token*> tokens_;
    SyntaxReporter& reporter_;
    std::vector<OpenTemplate> templates_;
    std::optional<size_t> skipUntil_; // the closing quote of a `'...'` reported
};

} // namespace

void checkTokens(antlr4::CommonTokenStream& tokens, SyntaxReporter& reporter) {
    TokenChecker(tokens.getTokens(), reporter).run();
}

} // namespace absim::parse
