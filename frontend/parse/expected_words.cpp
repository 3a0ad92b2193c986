#include "frontend/parse/expected_words.h"

#include <algorithm>
#include <vector>

namespace absim::parse {

namespace {

using antlr4::misc::IntervalSet;
using grammar::ABSLexer;
using grammar::ABSParser;

bool any(const IntervalSet& s, std::initializer_list<size_t> types) {
    for (size_t t : types)
        if (has(s, t))
            return true;
    return false;
}

void removeAll(IntervalSet& s, std::initializer_list<size_t> types) {
    for (size_t t : types)
        drop(s, t);
}

const std::initializer_list<size_t> kStatementStarters = {
    ABSLexer::SKIP_,    ABSLexer::RETURN,  ABSLexer::ASSERT, ABSLexer::IF,        ABSLexer::SWITCH,
    ABSLexer::WHILE,    ABSLexer::FOREACH, ABSLexer::TRY,    ABSLexer::AWAIT,     ABSLexer::SUSPEND,
    ABSLexer::DURATION, ABSLexer::THROW,   ABSLexer::DIE,    ABSLexer::MOVECOGTO, ABSLexer::CASE,
    ABSLexer::LBRACE,   ABSLexer::LBRACKET};

const std::initializer_list<size_t> kExpressionStarters = {ABSLexer::INT_LITERAL,
                                                           ABSLexer::FLOAT_LITERAL,
                                                           ABSLexer::STRING_LITERAL,
                                                           ABSLexer::TEMPLATE_START,
                                                           ABSLexer::LOWER_ID,
                                                           ABSLexer::TYPE_ID,
                                                           ABSLexer::AS,
                                                           ABSLexer::THIS,
                                                           ABSLexer::DESTINY,
                                                           ABSLexer::NULL_,
                                                           ABSLexer::LPAREN,
                                                           ABSLexer::BANG,
                                                           ABSLexer::MINUS,
                                                           ABSLexer::TILDE,
                                                           ABSLexer::WHEN,
                                                           ABSLexer::IF,
                                                           ABSLexer::LET,
                                                           ABSLexer::CASE,
                                                           ABSLexer::NEW,
                                                           ABSLexer::AWAIT,
                                                           ABSLexer::ORIGINAL,
                                                           ABSLexer::CORE};

const std::initializer_list<size_t> kDeclarationStarters = {
    ABSLexer::DATA,      ABSLexer::DEF,   ABSLexer::TYPE,  ABSLexer::EXCEPTION,
    ABSLexer::INTERFACE, ABSLexer::CLASS, ABSLexer::TRAIT, ABSLexer::LBRACKET};

// What can follow a complete unit at top level; described by the
// declaration words already.
const std::initializer_list<size_t> kTopLevelStarters = {
    ABSLexer::MODULE,  ABSLexer::DELTA, ABSLexer::PRODUCTLINE,
    ABSLexer::PRODUCT, ABSLexer::ROOT,  ABSLexer::EXTENSION};

const std::initializer_list<size_t> kPatternStarters = {
    ABSLexer::UNDERSCORE, ABSLexer::INT_LITERAL, ABSLexer::FLOAT_LITERAL, ABSLexer::STRING_LITERAL,
    ABSLexer::LOWER_ID,   ABSLexer::AS,          ABSLexer::TYPE_ID};

const std::initializer_list<size_t> kContinuations = {
    ABSLexer::STAR,     ABSLexer::SLASH, ABSLexer::PERCENT, ABSLexer::PLUS,       ABSLexer::MINUS,
    ABSLexer::LT,       ABSLexer::GT,    ABSLexer::LE,      ABSLexer::GE,         ABSLexer::EQ,
    ABSLexer::NE,       ABSLexer::AND,   ABSLexer::OR,      ABSLexer::IMPLEMENTS, ABSLexer::AS,
    ABSLexer::DOT,      ABSLexer::BANG,  ABSLexer::AMP,     ABSLexer::IMPLIES,    ABSLexer::EQUIV,
    ABSLexer::LBRACKET, ABSLexer::LPAREN};

// Rules that only spell a name: the phrase comes from what contains them.
bool transparent(size_t rule) {
    switch (rule) {
    case ABSParser::RuleName:
    case ABSParser::RuleQualifiedName:
    case ABSParser::RuleQualifiedTypeName:
    case ABSParser::RuleAnyName:
    case ABSParser::RuleAnnotations:
        return true;
    default:
        return false;
    }
}

const antlr4::ParserRuleContext* meaningful(const antlr4::ParserRuleContext* ctx) {
    while (ctx && transparent(ctx->getRuleIndex()))
        ctx = dynamic_cast<const antlr4::ParserRuleContext*>(ctx->parent);
    return ctx;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " or " : ", ";
        out += items[i];
    }
    return out;
}

} // namespace

IntervalSet withoutContinuations(const IntervalSet& expected) {
    IntervalSet reduced = expected;
    removeAll(reduced, kContinuations);
    return reduced.isEmpty() ? expected : reduced;
}

std::string namePhrase(const antlr4::ParserRuleContext* ctx) {
    ctx = meaningful(ctx);
    if (!ctx)
        return "a name";
    switch (ctx->getRuleIndex()) {
    case ABSParser::RuleBareStmt:
    case ABSParser::RuleStmt:
    case ABSParser::RuleLetBinding:
        return "a variable name";
    case ABSParser::RuleParam:
    case ABSParser::RuleParams:
        return "a parameter name";
    case ABSParser::RuleFieldDecl:
        return "a field name";
    case ABSParser::RuleClassDecl:
        return "a field or method name";
    case ABSParser::RuleMethodSignature:
    case ABSParser::RuleMethodDecl:
    case ABSParser::RuleInterfaceDecl:
    case ABSParser::RuleEffectfulSuffix:
    case ABSParser::RuleExp:
        return "a method name";
    case ABSParser::RuleFunctionDecl:
    case ABSParser::RulePartialFunctionDecl:
        return "a function name";
    case ABSParser::RuleFunctionParams:
        return "a function parameter name";
    case ABSParser::RuleConstructorArg:
        return "a selector name";
    default:
        return "a name";
    }
}

std::string typeNamePhrase(const antlr4::ParserRuleContext* ctx) {
    ctx = meaningful(ctx);
    if (!ctx)
        return "a type name";
    switch (ctx->getRuleIndex()) {
    case ABSParser::RuleModuleDecl:
        return "a module name";
    case ABSParser::RuleClassDecl:
        return "a class name";
    case ABSParser::RuleInterfaceDecl:
        return "an interface name";
    case ABSParser::RuleDataDecl:
        return "a datatype name";
    case ABSParser::RuleDataConstructor:
        return "a constructor name";
    case ABSParser::RuleExceptionDecl:
        return "an exception name";
    case ABSParser::RuleTraitDecl:
    case ABSParser::RuleTraitUse:
    case ABSParser::RuleTraitBasic:
        return "a trait name";
    case ABSParser::RuleTypeParams:
        return "a type parameter name";
    case ABSParser::RulePureExp:
        return "an interface name";
    case ABSParser::RuleDeltaDecl:
    case ABSParser::RuleDeltaClause:
        return "a delta name";
    case ABSParser::RuleProductLineDecl:
    case ABSParser::RuleFeatureDecl:
    case ABSParser::RuleFeatureCondition:
        return "a feature name";
    default:
        return "a type name";
    }
}

std::string constructPhrase(const antlr4::ParserRuleContext* ctx) {
    for (; ctx; ctx = dynamic_cast<const antlr4::ParserRuleContext*>(ctx->parent)) {
        switch (ctx->getRuleIndex()) {
        case ABSParser::RuleBareStmt:
        case ABSParser::RuleStmt:
            return "the statement";
        case ABSParser::RuleFieldDecl:
            return "the field declaration";
        case ABSParser::RuleMethodSignature:
            return "the method signature";
        case ABSParser::RuleImportDecl:
            return "the import";
        case ABSParser::RuleExportDecl:
            return "the export";
        case ABSParser::RuleModuleDecl:
            return "the module name";
        case ABSParser::RuleDataDecl:
            return "the datatype declaration";
        case ABSParser::RuleFunctionDecl:
        case ABSParser::RulePartialFunctionDecl:
            return "the function declaration";
        case ABSParser::RuleTypeSynonymDecl:
            return "the type synonym";
        case ABSParser::RuleExceptionDecl:
            return "the exception declaration";
        case ABSParser::RuleTraitUse:
            return "the trait use";
        case ABSParser::RuleDeltaItem:
            return "the delta modification";
        case ABSParser::RuleDeltaDecl:
            return "the delta header";
        case ABSParser::RuleProductLineDecl:
            return "the product line header";
        case ABSParser::RuleDeltaClause:
            return "the delta clause";
        case ABSParser::RuleProductDecl:
            return "the product";
        case ABSParser::RuleAttributeDecl:
            return "the attribute";
        case ABSParser::RuleFeatureConstraint:
            return "the constraint";
        default:
            break;
        }
    }
    return "";
}

std::string describeExpected(const IntervalSet& expectedIn, const antlr4::ParserRuleContext* ctx,
                             const antlr4::dfa::Vocabulary& vocabulary) {
    IntervalSet expected = withoutContinuations(expectedIn);
    std::vector<std::string> words;
    const antlr4::ParserRuleContext* where = meaningful(ctx);
    size_t rule = where ? where->getRuleIndex() : 0;

    // Between top-level units: what a modeller can write next is more of the
    // module just read (unless it ended with its main block) or a new one.
    if (rule == ABSParser::RuleCompilationUnit && has(expected, ABSLexer::MODULE) &&
        !has(expected, ABSLexer::DATA)) {
        auto* unit = dynamic_cast<const ABSParser::CompilationUnitContext*>(where);
        const ABSParser::ModuleDeclContext* last = nullptr;
        if (unit && !unit->children.empty())
            last = dynamic_cast<const ABSParser::ModuleDeclContext*>(unit->children.back());
        auto* body = last ? const_cast<ABSParser::ModuleDeclContext*>(last)->moduleBody() : nullptr;
        if (body && !body->mainBlock())
            return "a declaration, a main block or the end of the file";
        return "'module' or the end of the file";
    }
    if (any(expected, {ABSLexer::IMPORT, ABSLexer::EXPORT})) {
        words.push_back("an import");
        words.push_back("an export");
        removeAll(expected, {ABSLexer::IMPORT, ABSLexer::EXPORT});
    }
    if (any(expected, {ABSLexer::DATA, ABSLexer::CLASS, ABSLexer::DEF})) {
        words.push_back("a declaration");
        removeAll(expected, kDeclarationStarters);
        if (has(expected, ABSLexer::LBRACE) &&
            (rule == ABSParser::RuleModuleBody || rule == ABSParser::RuleCompilationUnit ||
             rule == ABSParser::RuleModuleDecl)) {
            words.push_back("a main block");
            drop(expected, ABSLexer::LBRACE);
        }
        removeAll(expected, kTopLevelStarters);
    }
    if (any(expected, {ABSLexer::SKIP_, ABSLexer::SUSPEND, ABSLexer::WHILE})) {
        words.push_back("a statement");
        removeAll(expected, kStatementStarters);
        removeAll(expected, kExpressionStarters);
    }
    if (any(expected, {ABSLexer::UNDERSCORE})) {
        words.push_back("a pattern");
        removeAll(expected, kPatternStarters);
    }
    if (any(expected, {ABSLexer::INT_LITERAL, ABSLexer::STRING_LITERAL})) {
        words.push_back("an expression");
        removeAll(expected, kExpressionStarters);
    }
    if (has(expected, ABSLexer::LOWER_ID)) {
        words.push_back(namePhrase(ctx));
        removeAll(expected, {ABSLexer::LOWER_ID, ABSLexer::AS});
    }
    if (has(expected, ABSLexer::TYPE_ID)) {
        bool isType = rule == ABSParser::RuleTypeUse || rule == ABSParser::RuleTypeArg ||
                      rule == ABSParser::RuleParam || rule == ABSParser::RuleParams ||
                      rule == ABSParser::RuleFieldDecl || rule == ABSParser::RuleMethodSignature ||
                      rule == ABSParser::RuleTypeSynonymDecl ||
                      rule == ABSParser::RuleConstructorArg;
        words.push_back(isType ? "a type" : typeNamePhrase(ctx));
        drop(expected, ABSLexer::TYPE_ID);
        drop(expected, ABSLexer::LBRACKET); // annotations before a type
    }
    for (ssize_t t : expected.toList()) {
        if (t == static_cast<ssize_t>(antlr4::Token::EOF))
            continue; // said last
        std::string literal = vocabulary.getLiteralName(static_cast<size_t>(t));
        if (literal.empty() && isKeyword(static_cast<size_t>(t))) {
            // reserved words are token types without a rule of their own
            literal = ABSLexer::reservedWord(static_cast<size_t>(t));
            literal.insert(literal.begin(), '\'');
            literal.push_back('\'');
        }
        if (literal.empty()) {
            switch (t) {
            case ABSLexer::INT_LITERAL:
                literal = "a number";
                break;
            case ABSLexer::FLOAT_LITERAL:
                literal = "a float";
                break;
            case ABSLexer::STRING_LITERAL:
                literal = "a string";
                break;
            case ABSLexer::TEMPLATE_TEXT:
                literal = "template text";
                break;
            case ABSLexer::TEMPLATE_END:
                literal = "'`'";
                break;
            case ABSLexer::TEMPLATE_EXP_START:
                literal = "'$'";
                break;
            default:
                continue;
            }
        }
        words.push_back(literal);
    }
    if (has(expected, antlr4::Token::EOF))
        words.push_back("the end of the file");
    return join(words);
}

std::string showToken(const antlr4::Token* token) {
    if (!token || token->getType() == antlr4::Token::EOF)
        return "the end of the file";
    std::string text = token->getText();
    if (token->getType() == ABSLexer::TEMPLATE_TEXT || text.size() > 24) {
        size_t cut = text.find('\n');
        if (cut == std::string::npos || cut > 20)
            cut = 20;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 sequence
        if (cut < text.size())
            text = text.substr(0, cut) + "...";
    }
    return "'" + text + "'";
}

bool isKeyword(size_t type) {
    return type >= ABSLexer::ADDS && type <= ABSLexer::WHILE;
}

bool isNameLikeKeyword(size_t type) {
    static const std::initializer_list<size_t> words = {
        ABSLexer::ADDS,      ABSLexer::AFTER,     ABSLexer::ALLOF,       ABSLexer::BUILTIN,
        ABSLexer::CORE,      ABSLexer::DATA,      ABSLexer::DELTA,       ABSLexer::DESTINY,
        ABSLexer::DURATION,  ABSLexer::EXCEPTION, ABSLexer::EXCLUDE,     ABSLexer::EXPORT,
        ABSLexer::EXTENDS,   ABSLexer::EXTENSION, ABSLexer::FEATURES,    ABSLexer::FROM,
        ABSLexer::GET,       ABSLexer::GROUP,     ABSLexer::HASFIELD,    ABSLexer::HASINTERFACE,
        ABSLexer::HASMETHOD, ABSLexer::IFIN,      ABSLexer::IFOUT,       ABSLexer::IMPORT,
        ABSLexer::IN,        ABSLexer::INTERFACE, ABSLexer::LOCAL,       ABSLexer::MODIFIES,
        ABSLexer::MODULE,    ABSLexer::MOVECOGTO, ABSLexer::ONEOF,       ABSLexer::OPT,
        ABSLexer::ORIGINAL,  ABSLexer::PRODUCT,   ABSLexer::PRODUCTLINE, ABSLexer::RECOVER,
        ABSLexer::REMOVES,   ABSLexer::REQUIRE,   ABSLexer::ROOT,        ABSLexer::TO,
        ABSLexer::TRAIT,     ABSLexer::TYPE,      ABSLexer::USES,        ABSLexer::CLASS,
        ABSLexer::DEF};
    return std::find(words.begin(), words.end(), type) != words.end();
}

} // namespace absim::parse
