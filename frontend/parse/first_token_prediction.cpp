#include "frontend/parse/first_token_prediction.h"

#include "frontend/parse/expected_words.h"

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

} // namespace

FirstTokenPredictor::FirstTokenPredictor(antlr4::Parser* parser, ParserATNSimulator& original)
    : ParserATNSimulator(parser, original.atn, original.decisionToDFA,
                         original.getSharedContextCache()),
      tables_(original.atn.decisionToState.size()) {}

FirstTokenPredictor* FirstTokenPredictor::install(antlr4::Parser& parser) {
    auto* original = parser.getInterpreter<ParserATNSimulator>();
    auto* predictor = new FirstTokenPredictor(&parser, *original);
    // The parser deletes the simulator it replaces, and ours at the end.
    parser.setInterpreter(predictor);
    return predictor;
}

void FirstTokenPredictor::build(Table& table, size_t decision) {
    table.built = true;
    const antlr4::atn::ATN& grammar = atn;
    antlr4::atn::DecisionState* state = grammar.decisionToState[decision];
    antlr4::atn::LL1Analyzer analyzer(grammar);
    std::vector<antlr4::misc::IntervalSet> first;
    size_t nullable = 0; // alternatives that can end the rule without a token
    for (antlr4::atn::Transition* t : state->transitions) {
        // no stop state and no context: the end of the rule shows as EPSILON
        first.push_back(analyzer.LOOK(t->target, nullptr, nullptr));
        if (has(first.back(), Token::EPSILON))
            ++nullable;
    }
    // Two alternatives that may end the rule are told apart by what follows
    // it, which only ANTLR knows.
    if (nullable > 1 || first.size() > UINT16_MAX)
        return;
    table.altFor.assign(grammar.maxTokenType + 1, 0);
    if (state->getStateType() == ATNState::STAR_LOOP_ENTRY &&
        static_cast<antlr4::atn::StarLoopEntryState*>(state)->isPrecedenceDecision)
        buildPrecedenceLoop(table, state);
    for (size_t type = 0; type <= grammar.maxTokenType; ++type) {
        size_t token = type == 0 ? Token::EOF : type;
        size_t only = 0;
        bool unique = true;
        for (size_t alt = 0; alt < first.size() && unique; ++alt) {
            if (has(first[alt], token) || has(first[alt], Token::EPSILON)) {
                unique = only == 0;
                only = alt + 1;
            }
        }
        if (unique)
            table.altFor[type] = static_cast<uint16_t>(only);
    }
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
            size_t token = input->LA(1);
            size_t slot = token == Token::EOF ? 0 : token;
            if (slot < table.altFor.size() && table.altFor[slot] != 0)
                return table.altFor[slot];
            if (slot < table.binaryPrecedence.size() && table.binaryPrecedence[slot] >= 0)
                return table.binaryPrecedence[slot] >= parser->getPrecedence() ? 1 : 2;
        }
    }
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
}

} // namespace absim::parse
