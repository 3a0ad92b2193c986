// The lexer of Real-Time ABS (spec: language.md §1); the parser is in
// ABS.g4. Two files because lexer modes (needed for template strings)
// are only allowed in a lexer grammar.
//
// Lexical errors (stray characters, unterminated strings, `007`) are tokens
// of their own that the parse driver reports and then rewrites or hides, so
// that one mistake gives one message instead of a cascade.

lexer grammar ABSLexer;

// Reserved words (§1.2) are read as LOWER_ID and then told apart by a
// table: one rule per word made the lexer's DFA (rebuilt in every run) one
// state per keyword prefix, and lexing a model cost more than parsing it.
// Declared first, so their token types are 1..N, in this order.
tokens {
    ADDS, AFTER, ALLOF, AS, ASSERT, AWAIT, BUILTIN, CASE, CATCH, CLASS, CORE,
    DATA, DEF, DELTA, DESTINY, DIE, DURATION, ELSE, EXCEPTION, EXCLUDE,
    EXPORT, EXTENDS, EXTENSION, FEATURES, FINALLY, FOREACH, FROM, GET, GROUP,
    HASFIELD, HASINTERFACE, HASMETHOD, IF, IFIN, IFOUT, IMPLEMENTS, IMPORT,
    IN, INTERFACE, LET, LOCAL, MODIFIES, MODULE, MOVECOGTO, NEW, NULL_, ONEOF,
    OPT, ORIGINAL, PRODUCT, PRODUCTLINE, RECOVER, REMOVES, REQUIRE, RETURN,
    ROOT, SKIP_, SUSPEND, SWITCH, THEN, THIS, THROW, TO, TRAIT, TRY, TYPE,
    USES, WHEN, WHILE
}

@lexer::members {
    // Reserved word -> token type.
    static const std::unordered_map<std::string, size_t>& reservedWords() {
        static const std::unordered_map<std::string, size_t> words = {
            {"adds", ADDS}, {"after", AFTER}, {"allof", ALLOF}, {"as", AS},
            {"assert", ASSERT}, {"await", AWAIT}, {"builtin", BUILTIN}, {"case", CASE},
            {"catch", CATCH}, {"class", CLASS}, {"core", CORE}, {"data", DATA},
            {"def", DEF}, {"delta", DELTA}, {"destiny", DESTINY}, {"die", DIE},
            {"duration", DURATION}, {"else", ELSE}, {"exception", EXCEPTION},
            {"exclude", EXCLUDE}, {"export", EXPORT}, {"extends", EXTENDS},
            {"extension", EXTENSION}, {"features", FEATURES}, {"finally", FINALLY},
            {"foreach", FOREACH}, {"from", FROM}, {"get", GET}, {"group", GROUP},
            {"hasField", HASFIELD}, {"hasInterface", HASINTERFACE},
            {"hasMethod", HASMETHOD}, {"if", IF}, {"ifin", IFIN}, {"ifout", IFOUT},
            {"implements", IMPLEMENTS}, {"import", IMPORT}, {"in", IN},
            {"interface", INTERFACE}, {"let", LET}, {"local", LOCAL},
            {"modifies", MODIFIES}, {"module", MODULE}, {"movecogto", MOVECOGTO},
            {"new", NEW}, {"null", NULL_}, {"oneof", ONEOF}, {"opt", OPT},
            {"original", ORIGINAL}, {"product", PRODUCT}, {"productline", PRODUCTLINE},
            {"recover", RECOVER}, {"removes", REMOVES}, {"require", REQUIRE},
            {"return", RETURN}, {"root", ROOT}, {"skip", SKIP_}, {"suspend", SUSPEND},
            {"switch", SWITCH}, {"then", THEN}, {"this", THIS}, {"throw", THROW},
            {"to", TO}, {"trait", TRAIT}, {"try", TRY}, {"type", TYPE}, {"uses", USES},
            {"when", WHEN}, {"while", WHILE}, {"_", UNDERSCORE},
        };
        return words;
    }
    // The token type of a word read as LOWER_ID: a reserved word's, or LOWER_ID.
    static size_t wordType(const std::string& word) {
        auto it = reservedWords().find(word);
        return it == reservedWords().end() ? size_t(LOWER_ID) : it->second;
    }
    // The spelling of a reserved word's token type ("" for other types).
    static std::string reservedWord(size_t type) {
        for (const auto& [word, wordType] : reservedWords())
            if (wordType == type)
                return word;
        return "";
    }
}

// Operators and punctuation; longer spellings first only for readability,
// ANTLR takes the longest match anyway.
FAT_ARROW : '=>';
EQUIV : '<->';
IMPLIES : '->';
EQ : '==';
NE : '!=';
LE : '<=';
GE : '>=';
LT : '<';
GT : '>';
AND : '&&';
OR : '||';
AMP : '&';
BAR : '|';
BANG : '!';
TILDE : '~';
PLUS : '+';
MINUS : '-';
STAR : '*';
SLASH : '/';
PERCENT : '%';
ASSIGN : '=';
QUESTION : '?';
DOTDOT : '..';
DOT : '.';
COMMA : ',';
SEMI : ';';
COLON : ':';
LPAREN : '(';
RPAREN : ')';
LBRACE : '{';
RBRACE : '}';
LBRACKET : '[';
RBRACKET : ']';
UNDERSCORE : '_';

// `$` closes the expression part of a template string; anywhere else it is
// a stray character (the parser reports it), and must not pop the mode
// stack, which is empty then.
TEMPLATE_EXP_END : '$' { if (!modeStack.empty()) popMode(); };
TEMPLATE_START : '`' -> pushMode(TEMPLATE);

// Literals
FLOAT_LITERAL : INT_PART? '.' DIGIT+ EXPONENT?;
INT_LITERAL : INT_PART;
// `007`: reported as a lexical error, then read as 7.
LEADING_ZERO_INT : '0' DIGIT+;
STRING_LITERAL : '"' STRING_CHAR* '"';
// No closing quote before the end of the line: reported, then read as a string.
UNTERMINATED_STRING : '"' STRING_CHAR* '\\'?;

fragment INT_PART : '0' | [1-9] DIGIT*;
fragment DIGIT : [0-9];
fragment EXPONENT : [eE] [+-]? DIGIT+;
// Every backslash pair is accepted here; unknown escapes are reported by the
// parse driver with the exact position of the escape.
fragment STRING_CHAR : ~["\\\r\n] | '\\' ~[\r\n];

LOWER_ID : [a-z] [A-Za-z0-9_]* { setType(wordType(getText())); };
TYPE_ID : [A-Z] [A-Za-z0-9_]*;

// Besides the spec's whitespace: a byte-order mark, and the no-break space
// that text copied from web pages and PDFs is full of.
WHITESPACE : [ \t\f\r\n\u{00A0}\u{FEFF}]+ -> skip;
LINE_COMMENT : '//' ~[\r\n]* -> skip;
// Kept (hidden) so that an unterminated comment can be reported.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN);

// Anything else is a stray character, reported by the parse driver.
STRAY_CHAR : .;

// ---------------------------------------------------------------------------
// Template strings (§1.1): text is literal except for \` and \$; `$ e $`
// switches back to the default mode for the expression.
mode TEMPLATE;

TEMPLATE_TEXT : (~[`$\\] | '\\' [`$] | '\\')+;
TEMPLATE_EXP_START : '$' -> pushMode(DEFAULT_MODE);
TEMPLATE_END : '`' -> popMode;
