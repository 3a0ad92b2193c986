#pragma once
// A shortcut in front of ANTLR's adaptive prediction for the fast (SLL)
// parsing stage. Most decisions are settled by their next token alone: a
// loop in `pureExp` or `qualifiedTypeName` ends at a `;` or `)`, an `if`
// without `else` ends at anything but `else`. ANTLR still answers each new
// (decision, token) pair by a closure over the grammar that follows the
// rule's every caller (SLL has no call stack), and with a cold DFA in
// every run that cost most of the start-up.
//
// Per decision, we compute each alternative's first tokens within the rule
// (seeing through predicates, so the sets are supersets) and whether it can
// end the rule without a token. When the next token fits exactly one
// alternative by that test, no parse can succeed through another, so that
// alternative is what ANTLR would predict too, or the parse fails either
// way. Where the first token fits several, the same test on the first two
// tokens (`x;` against `f(`, `Int x` against `Foo(`) often settles it.
//
// The loop of a left-recursive rule (`pureExp`) has one more answer: at a
// binary operator it continues exactly when the operator binds at least as
// tightly as the precedence the rule was entered with (ANTLR's precedence
// predicates), and otherwise returns to the caller, who is the one to take
// the operator.
//
// Everything else goes to ANTLR. The shortcut is on only in the SLL stage:
// a failed parse is redone in full LL without it, and that stage alone
// reports syntax errors, so messages do not depend on it.

#include "frontend/parse/antlr_generated.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace absim::parse {

class Walk;
class ReturnStacks;

class FirstTokenPredictor : public antlr4::atn::ParserATNSimulator {
  public:
    // Takes the place of the parser's own simulator (sharing its DFA cache).
    static FirstTokenPredictor* install(antlr4::Parser& parser);

    size_t adaptivePredict(antlr4::TokenStream* input, size_t decision,
                           antlr4::ParserRuleContext* outerContext) override;

    void setEnabled(bool on) { enabled_ = on; }

    ~FirstTokenPredictor() override;

  private:
    FirstTokenPredictor(antlr4::Parser* parser, antlr4::atn::ParserATNSimulator& original);

    // Per decision: the only possible alternative for each next token (slot
    // 0 is the end of the file), or 0 when the token does not settle it.
    struct Table {
        bool built = false;
        std::vector<uint16_t> altFor;
        // A precedence loop: for each token, the highest precedence of a
        // binary-operator alternative it starts, or -1 if it starts none or
        // also starts another kind of alternative (empty: not such a loop).
        std::vector<int> binaryPrecedence;
        // Per alternative: the walk from its start and the first tokens it
        // takes (by slot); and by the first token's slot, the table for the
        // second token (empty: not built yet).
        std::vector<std::vector<bool>> first;
        std::unique_ptr<ReturnStacks> stacks;
        std::vector<std::unique_ptr<Walk>> starts;
        std::vector<std::vector<uint16_t>> altAfter;
    };
    void buildPrecedenceLoop(Table& table, antlr4::atn::DecisionState* loop);
    std::vector<uint16_t> buildSecond(Table& table, size_t decision, size_t firstSlot);
    void build(Table& table, size_t decision);

    bool enabled_ = false;
    std::vector<Table> tables_;
};

} // namespace absim::parse
