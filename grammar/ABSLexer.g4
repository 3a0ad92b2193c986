// The lexer of Real-Time ABS (spec: language.md §1); the parser is in
// ABS.g4. Two files because lexer modes (needed for template strings)
// are only allowed in a lexer grammar.
//
// Lexical errors (stray characters, unterminated strings, `007`) are tokens
// of their own that the parse driver reports and then rewrites or hides, so
// that one mistake gives one message instead of a cascade.

lexer grammar ABSLexer;

// Reserved words (§1.2); they must come before LOWER_ID.
ADDS : 'adds';
AFTER : 'after';
ALLOF : 'allof';
AS : 'as';
ASSERT : 'assert';
AWAIT : 'await';
BUILTIN : 'builtin';
CASE : 'case';
CATCH : 'catch';
CLASS : 'class';
CORE : 'core';
DATA : 'data';
DEF : 'def';
DELTA : 'delta';
DESTINY : 'destiny';
DIE : 'die';
DURATION : 'duration';
ELSE : 'else';
EXCEPTION : 'exception';
EXCLUDE : 'exclude';
EXPORT : 'export';
EXTENDS : 'extends';
EXTENSION : 'extension';
FEATURES : 'features';
FINALLY : 'finally';
FOREACH : 'foreach';
FROM : 'from';
GET : 'get';
GROUP : 'group';
HASFIELD : 'hasField';
HASINTERFACE : 'hasInterface';
HASMETHOD : 'hasMethod';
IF : 'if';
IFIN : 'ifin';
IFOUT : 'ifout';
IMPLEMENTS : 'implements';
IMPORT : 'import';
IN : 'in';
INTERFACE : 'interface';
LET : 'let';
LOCAL : 'local';
MODIFIES : 'modifies';
MODULE : 'module';
MOVECOGTO : 'movecogto';
NEW : 'new';
NULL_ : 'null';
ONEOF : 'oneof';
OPT : 'opt';
ORIGINAL : 'original';
PRODUCT : 'product';
PRODUCTLINE : 'productline';
RECOVER : 'recover';
REMOVES : 'removes';
REQUIRE : 'require';
RETURN : 'return';
ROOT : 'root';
SKIP_ : 'skip';
SUSPEND : 'suspend';
SWITCH : 'switch';
THEN : 'then';
THIS : 'this';
THROW : 'throw';
TO : 'to';
TRAIT : 'trait';
TRY : 'try';
TYPE : 'type';
USES : 'uses';
WHEN : 'when';
WHILE : 'while';

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

LOWER_ID : [a-z] [A-Za-z0-9_]*;
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
