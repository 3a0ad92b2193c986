#include "frontend/parse/first_token_prediction.h"

#include "frontend/parse/expected_words.h"

#include <unordered_map>
#include <unordered_set>

namespace absim::parse {

using antlr4::Token;
using antlr4::atn::ATNState;
using antlr4::atn::ParserATNSimulator;
using antlr4::atn::Transition;

namespace {

ATNState* skipEpsilons(ATNState* s) {
    while (s->transitions.size() == 1 &&
           s->transitions[0]->getSerializationType() == Transition::EPSILON)
        s = s->transitions[0]->target;
    return s;
}

// The only transition of `s`, if it is of `type`.
Transition* onlyTransition(ATNState* s, Transition::SerializationType type) {
    return s->transitions.size() == 1 && s->transitions[0]->getSerializationType() == type
               ? s->transitions[0]
               : nullptr;
}

constexpr size_t kSlotOfEof = 0;
size_t slotOf(size_t token) {
    return token == Token::EOF ? kSlotOfEof : token;
}
size_t tokenOf(size_t slot) {
    return slot == kSlotOfEof ? Token::EOF : slot;
}

} // namespace

// The states to return to at the ends of the rules a walk entered, as
// shared, interned lists: a stack is a number, 0 the empty one.
class ReturnStacks {
  public:
    ReturnStacks() : nodes_{Node{nullptr, 0, 0}} {}

    uint32_t push(uint32_t stack, ATNState* back) {
        uint64_t key = (uint64_t(back->stateNumber) << 32) | stack;
        auto [it, added] = index_.try_emplace(key, static_cast<uint32_t>(nodes_.size()));
        if (added)
            nodes_.push_back(Node{back, stack, nodes_[stack].depth + 1});
        return it->second;
    }
    ATNState* top(uint32_t stack) const { return nodes_[stack].back; }
    uint32_t pop(uint32_t stack) const { return nodes_[stack].rest; }
    uint32_t depth(uint32_t stack) const { return nodes_[stack].depth; }

  private:
    struct Node {
        ATNState* back;
        uint32_t rest;
        uint32_t depth;
    };
    std::vector<Node> nodes_;
    std::unordered_map<uint64_t, uint32_t> index_;
};

// A position in the grammar: an ATN state with a token-consuming
// transition, and the stack of states to return to.
struct Position {
    ATNState* state;
    uint32_t stack;
};

// The positions reachable without consuming a token, and whether the
// decision's rule can end on the way (after which anything may follow, as
// far as this walk knows).
class Walk {
  public:
    Walk(ReturnStacks& stacks, size_t maxToken) : stacks_(stacks), maxToken_(maxToken) {}

    void enter(ATNState* state, uint32_t stack) {
        if (stacks_.depth(stack) > kMaxDepth) { // not expected; give up safely
            ends = true;
            return;
        }
        if (!seen_.insert((uint64_t(state->stateNumber) << 32) | stack).second)
            return;
        if (state->getStateType() == ATNState::RULE_STOP) {
            // (its own transitions are ANTLR's global FOLLOW links)
            if (stack == 0)
                ends = true;
            else
                enter(stacks_.top(stack), stacks_.pop(stack));
            return;
        }
        bool consumes = false;
        for (Transition* t : state->transitions) {
            if (t->getSerializationType() == Transition::RULE) {
                auto* call = static_cast<antlr4::atn::RuleTransition*>(t);
                enter(t->target, stacks_.push(stack, call->followState));
            } else if (t->isEpsilon()) { // predicates too: seen through
                enter(t->target, stack);
            } else {
                consumes = true;
            }
        }
        if (consumes)
            positions.push_back(Position{state, stack});
    }

    // Continues `next` with every position here that consumes `token`.
    void advance(size_t token, Walk& next) const {
        for (const Position& p : positions)
            for (Transition* t : p.state->transitions)
                if (!t->isEpsilon() && t->matches(token, Token::MIN_USER_TOKEN_TYPE, maxToken_))
                    next.enter(t->target, p.stack);
    }

    // By slot: the tokens some position here consumes.
    std::vector<bool> accepted() const {
        std::vector<bool> out(maxToken_ + 1, false);
        for (const Position& p : positions) {
            for (Transition* t : p.state->transitions) {
                if (t->isEpsilon())
                    continue;
                auto type = t->getSerializationType();
                if (type == Transition::NOT_SET || type == Transition::WILDCARD) {
                    out.assign(maxToken_ + 1, true);
                    return out;
                }
                antlr4::misc::IntervalSet label = t->label();
                for (const antlr4::misc::Interval& i : label.getIntervals())
                    for (ssize_t v = i.a; v <= i.b; ++v)
                        out[slotOf(static_cast<size_t>(v))] = true;
            }
        }
        return out;
    }

    std::vector<Position> positions;
    bool ends = false;

  private:
    static constexpr uint32_t kMaxDepth = 64;
    ReturnStacks& stacks_;
    size_t maxToken_;
    std::unordered_set<uint64_t> seen_;
};

FirstTokenPredictor::FirstTokenPredictor(antlr4::Parser* parser, ParserATNSimulator& original)
    : ParserATNSimulator(parser, original.atn, original.decisionToDFA,
                         original.getSharedContextCache()),
      tables_(original.atn.decisionToState.size()) {}

FirstTokenPredictor::~FirstTokenPredictor() = default;

FirstTokenPredictor* FirstTokenPredictor::install(antlr4::Parser& parser) {
    auto* original = parser.getInterpreter<ParserATNSimulator>();
    auto* predictor = new FirstTokenPredictor(&parser, *original);
    // The parser deletes the simulator it replaces, and ours at the end.
    parser.setInterpreter(predictor);
    return predictor;
}

void FirstTokenPredictor::build(Table& table, size_t decision) {
    table.built = true;
    size_t maxToken = atn.maxTokenType;
    antlr4::atn::DecisionState* state = atn.decisionToState[decision];
    const auto& alts = state->transitions;
    table.stacks = std::make_unique<ReturnStacks>();
    size_t nullable = 0; // alternatives that can end the rule without a token
    for (Transition* t : alts) {
        auto start = std::make_unique<Walk>(*table.stacks, maxToken);
        start->enter(t->target, 0);
        table.first.push_back(start->accepted());
        if (start->ends)
            ++nullable;
        table.starts.push_back(std::move(start));
    }
    // Two alternatives that may end the rule are told apart by what follows
    // it, which only ANTLR knows.
    if (nullable > 1 || alts.size() > UINT16_MAX)
        return;
    table.altFor.assign(maxToken + 1, 0);
    table.altAfter.resize(maxToken + 1);
    if (state->getStateType() == ATNState::STAR_LOOP_ENTRY &&
        static_cast<antlr4::atn::StarLoopEntryState*>(state)->isPrecedenceDecision)
        buildPrecedenceLoop(table, state);
    for (size_t slot = 0; slot <= maxToken; ++slot) {
        size_t only = 0;
        bool unique = true;
        for (size_t alt = 0; alt < alts.size() && unique; ++alt) {
            if (table.first[alt][slot] || table.starts[alt]->ends) {
                unique = only == 0;
                only = alt + 1;
            }
        }
        if (unique)
            table.altFor[slot] = static_cast<uint16_t>(only);
    }
}

std::vector<uint16_t> FirstTokenPredictor::buildSecond(Table& table, size_t decision,
                                                       size_t firstSlot) {
    size_t maxToken = atn.maxTokenType;
    size_t alts = atn.decisionToState[decision]->transitions.size();
    // Per alternative: the second tokens it takes after the first (none when
    // it cannot take the first), or open when anything may come second.
    std::vector<std::vector<bool>> after(alts);
    std::vector<bool> open(alts, false);
    for (size_t alt = 0; alt < alts; ++alt) {
        const Walk& start = *table.starts[alt];
        if (start.ends) {
            open[alt] = true;
            continue;
        }
        if (!table.first[alt][firstSlot])
            continue;
        Walk next(*table.stacks, maxToken);
        start.advance(tokenOf(firstSlot), next);
        open[alt] = next.ends;
        after[alt] = next.accepted();
    }
    std::vector<uint16_t> altFor(maxToken + 1, 0);
    for (size_t slot = 0; slot <= maxToken; ++slot) {
        size_t only = 0;
        bool unique = true;
        for (size_t alt = 0; alt < alts && unique; ++alt) {
            if (open[alt] || (!after[alt].empty() && after[alt][slot])) {
                unique = only == 0;
                only = alt + 1;
            }
        }
        if (unique)
            altFor[slot] = static_cast<uint16_t>(only);
    }
    return altFor;
}

// The loop's alternative 1 enters a block whose alternatives each start with
// a precedence predicate; a binary one then matches its operator and calls
// the rule again: `{precpred(k)}? op=('+' | '-') pureExp`.
void FirstTokenPredictor::buildPrecedenceLoop(Table& table, antlr4::atn::DecisionState* loop) {
    const antlr4::atn::ATN& grammar = atn;
    ATNState* block = skipEpsilons(loop->transitions[0]->target);
    antlr4::atn::LL1Analyzer analyzer(grammar);
    std::vector<int> binary(grammar.maxTokenType + 1, -1);
    std::vector<bool> other(grammar.maxTokenType + 1, false);
    for (Transition* alt : block->transitions) {
        int precedence = -1;
        antlr4::misc::IntervalSet operators;
        if (auto* pred = onlyTransition(skipEpsilons(alt->target), Transition::PRECEDENCE)) {
            ATNState* s = skipEpsilons(pred->target);
            if (s->transitions.size() == 1 && !s->transitions[0]->isEpsilon()) {
                Transition* match = s->transitions[0];
                auto* call = onlyTransition(skipEpsilons(match->target), Transition::RULE);
                if (call && call->target->ruleIndex == loop->ruleIndex) {
                    precedence =
                        static_cast<antlr4::atn::PrecedencePredicateTransition*>(pred)->precedence;
                    operators = match->label();
                }
            }
        }
        if (precedence < 0) {
            antlr4::misc::IntervalSet first = analyzer.LOOK(alt->target, nullptr, nullptr);
            for (size_t type = 1; type <= grammar.maxTokenType; ++type)
                if (has(first, type))
                    other[type] = true;
            continue;
        }
        for (size_t type = 1; type <= grammar.maxTokenType; ++type)
            if (has(operators, type))
                binary[type] = std::max(binary[type], precedence);
    }
    for (size_t type = 1; type <= grammar.maxTokenType; ++type)
        if (other[type])
            binary[type] = -1;
    table.binaryPrecedence = std::move(binary);
}

size_t FirstTokenPredictor::adaptivePredict(antlr4::TokenStream* input, size_t decision,
                                            antlr4::ParserRuleContext* outerContext) {
    if (enabled_) {
        Table& table = tables_[decision];
        if (!table.built)
            build(table, decision);
        if (!table.altFor.empty()) {
            size_t slot = slotOf(input->LA(1));
            if (slot < table.altFor.size()) {
                if (table.altFor[slot] != 0)
                    return table.altFor[slot];
                if (slot < table.binaryPrecedence.size() && table.binaryPrecedence[slot] >= 0)
                    return table.binaryPrecedence[slot] >= parser->getPrecedence() ? 1 : 2;
                std::vector<uint16_t>& second = table.altAfter[slot];
                if (second.empty())
                    second = buildSecond(table, decision, slot);
                size_t next = slotOf(input->LA(2));
                if (next < second.size() && second[next] != 0)
                    return second[next];
            }
        }
    }
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
}

} // namespace absim::parse
