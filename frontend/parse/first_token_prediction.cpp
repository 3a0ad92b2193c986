#include "frontend/parse/first_token_prediction.h"

#include "frontend/parse/expected_words.h"

namespace absim::parse {

using antlr4::Token;
using antlr4::atn::ParserATNSimulator;

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
        }
    }
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
}

} // namespace absim::parse
