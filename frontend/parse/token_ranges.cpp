#include "frontend/parse/token_ranges.h"

namespace absim::parse {

namespace {

SourcePos beginOf(const antlr4::Token* t) {
    return SourcePos{static_cast<uint32_t>(t->getLine()),
                     static_cast<uint32_t>(t->getCharPositionInLine() + 1)};
}

// Only template text and block comments can span lines; every other token
// ends on its first line, `stop - start` code points further.
SourcePos endOf(const antlr4::Token* t) {
    SourcePos begin = beginOf(t);
    size_t start = t->getStartIndex(), stop = t->getStopIndex();
    if (t->getType() == antlr4::Token::EOF || stop == INVALID_INDEX || stop < start)
        return begin;
    size_t type = t->getType();
    if (type != grammar::ABSLexer::TEMPLATE_TEXT && type != grammar::ABSLexer::BLOCK_COMMENT)
        return SourcePos{begin.line, begin.col + static_cast<uint32_t>(stop - start)};
    std::string text = t->getText();
    // Walk the code points; `end` is the position of the last one seen.
    SourcePos at = begin, end = begin;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80)
            continue; // UTF-8 continuation byte: same code point
        end = at;
        if (c == '\n')
            at = SourcePos{at.line + 1, 1};
        else
            ++at.col;
    }
    return end;
}

} // namespace

SourceRange tokenRange(FileId file, const antlr4::Token* token) {
    if (!token)
        return SourceRange{file, {}, {}};
    return SourceRange{file, beginOf(token), endOf(token)};
}

SourceRange spanRange(FileId file, const antlr4::Token* first, const antlr4::Token* last) {
    if (!first)
        return tokenRange(file, last);
    if (!last || last->getTokenIndex() < first->getTokenIndex())
        return tokenRange(file, first);
    return SourceRange{file, beginOf(first), endOf(last)};
}

SourceRange contextRange(FileId file, const antlr4::ParserRuleContext* ctx) {
    if (!ctx)
        return SourceRange{file, {}, {}};
    // getStart/getStop are not const in the runtime, though they only read
    auto* c = const_cast<antlr4::ParserRuleContext*>(ctx);
    return spanRange(file, c->getStart(), c->getStop());
}

SourceRange pointAfter(FileId file, const antlr4::Token* token) {
    SourcePos end = endOf(token);
    ++end.col;
    return SourceRange{file, end, end};
}

} // namespace absim::parse
