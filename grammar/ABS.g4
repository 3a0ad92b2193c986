// The parser grammar of Real-Time ABS as absim reads it (spec: language.md
// §2, precedence §3.3); the tokens are in ABSLexer.g4.
//
// frontend/parse turns the parse tree into our own AST and never lets ANTLR
// types out. Rule and token names are part of the user
// interface in a small way: frontend/parse/syntax_errors.cpp describes what
// the parser expected from them, so they are named in ABS vocabulary.
//
// Decisions that are not obvious from the spec:
//  * Qualified names are separate tokens (`ABS . StdLib . head`), not one
//    token, so that `Delta.original(...)` and feature attributes `F.a` need
//    no special lexing.
//  * There is no `>>` token: ABS has no shift operator, so the two `>` of
//    `List<List<Int>>` are always separate tokens.
//  * Calls are `pureExp` followed by an effectful suffix (`!m(...)`,
//    `.m(...)`): deciding between them needs one token of lookahead after
//    the pure part instead of scanning ahead.
//  * `as` is the cast keyword, but also a name where a name is expected
//    (language.md §1.3); the transformer warns about that use.

parser grammar ABS;

options { tokenVocab = ABSLexer; }

// ===========================================================================
// Parser: compilation unit and modules (§2.1, §2.2)

compilationUnit
    : moduleBody (moduleDecl | deltaDecl | productLineDecl | productDecl | featureModelDecl)* EOF
    ;

// Declarations written before any `module` header form an implicit module;
// normally this is empty and every module has a header.
moduleDecl
    : MODULE qualifiedTypeName ';' moduleBody
    ;

moduleBody
    : (exportDecl | importDecl)* decl* mainBlock?
    ;

exportDecl
    : EXPORT '*' (FROM qualifiedTypeName)? ';'
    | EXPORT anyName (',' anyName)* (FROM qualifiedTypeName)? ';'
    ;

importDecl
    : IMPORT '*' FROM qualifiedTypeName ';'                 # importStarFrom
    | IMPORT anyName (',' anyName)* FROM qualifiedTypeName ';' # importNamesFrom
    | IMPORT anyName (',' anyName)* ';'                     # importQualified
    ;

anyName
    : qualifiedName
    | qualifiedTypeName
    ;

mainBlock
    : annotations block
    ;

// ===========================================================================
// Declarations (§2.4 - §2.6)

decl
    : annotations
      ( dataDecl
      | functionDecl
      | partialFunctionDecl
      | typeSynonymDecl
      | exceptionDecl
      | interfaceDecl
      | classDecl
      | traitDecl
      )
    ;

dataDecl
    : DATA qualifiedTypeName typeParams? ('=' dataConstructor ('|' dataConstructor)*)? ';'
    ;

dataConstructor
    : TYPE_ID ('(' (constructorArg (',' constructorArg)*)? ')')?
    ;

constructorArg
    : typeUse name?
    ;

typeSynonymDecl
    : TYPE qualifiedTypeName '=' typeArg ';'
    ;

exceptionDecl
    : EXCEPTION qualifiedTypeName ('(' (constructorArg (',' constructorArg)*)? ')')? ';'
    ;

functionDecl
    : DEF typeUse qualifiedName typeParams? params '=' functionBody ';'
    ;

functionBody
    : BUILTIN ('(' pureExpList? ')')?
    | pureExp
    ;

// `def List<B> map<A, B>(f)(List<A> l) = ...;`: the first list names the
// function parameters.
partialFunctionDecl
    : DEF typeUse qualifiedName typeParams? functionParams params '=' pureExp ';'
    ;

functionParams
    : '(' (name (',' name)*)? ')'
    ;

typeParams
    : '<' TYPE_ID (',' TYPE_ID)* '>'
    ;

params
    : '(' (param (',' param)*)? ')'
    ;

param
    : annotations typeUse name
    ;

interfaceDecl
    : INTERFACE qualifiedTypeName (EXTENDS qualifiedTypeName (',' qualifiedTypeName)*)?
      '{' methodSignature* '}'
    ;

methodSignature
    : annotations typeUse name params ';'
    ;

// The order inside a class body is fixed (§2.6).
classDecl
    : CLASS qualifiedTypeName params? (IMPLEMENTS qualifiedTypeName (',' qualifiedTypeName)*)?
      '{' fieldDecl* block? recoverBlock? traitUse* methodDecl* '}'
    ;

fieldDecl
    : annotations typeUse name ('=' pureExp)? ';'
    ;

recoverBlock
    : RECOVER '{' switchBranch* '}'
    ;

methodDecl
    : annotations typeUse name params block
    ;

// Traits (no `;` after a trait declaration; one is tolerated).
traitDecl
    : TRAIT qualifiedTypeName '=' traitExpr ';'?
    ;

traitUse
    : USES traitExpr ';'
    ;

traitExpr
    : traitBasic traitOp*
    ;

traitBasic
    : '{' methodDecl* '}'
    | methodDecl
    | qualifiedTypeName
    ;

traitOp
    : REMOVES methodSignature
    | REMOVES '{' methodSignature* '}'
    | ADDS traitBasic
    | MODIFIES traitBasic
    ;

// ===========================================================================
// Types and annotations (§2.3, §2.9)

// Annotations written before a declaration, statement or parameter belong
// to it; only type arguments carry annotations of their own.
typeUse
    : qualifiedTypeName ('<' typeArg (',' typeArg)* '>')?
    ;

typeArg
    : annotations typeUse
    ;

annotations
    : annotationList*
    ;

annotationList
    : '[' annotation (',' annotation)* ']'
    ;

annotation
    : (qualifiedTypeName ':')? pureExp
    ;

// ===========================================================================
// Statements (§2.7)

block
    : '{' stmt* '}'
    ;

stmt
    : annotations bareStmt
    ;

// Alternative order matters where two readings both fit: a declaration
// wins over an expression (`List<Int> x;`), and an expression statement
// wins over the legacy case statement (§2.7 ambiguity note).
bareStmt
    : typeUse name ('=' exp)? ';'                                   # varDeclStmt
    | (THIS '.')? name '=' exp ';'                                  # assignStmt
    | SKIP_ ';'                                                     # skipStmt
    | RETURN exp ';'                                                # returnStmt
    | ASSERT pureExp ';'                                            # assertStmt
    | block                                                         # blockStmt
    | IF '(' pureExp ')' stmt (ELSE stmt)?                          # ifStmt
    | SWITCH '(' pureExp ')' '{' switchBranch* '}'                  # switchStmt
    | WHILE '(' pureExp ')' stmt                                    # whileStmt
    | FOREACH '(' name (',' name)? IN pureExp ')' stmt              # foreachStmt
    | TRY stmt CATCH ('{' switchBranch* '}' | switchBranch) (FINALLY stmt)? # tryStmt
    | AWAIT guard ';'                                               # awaitStmt
    | SUSPEND ';'                                                   # suspendStmt
    | DURATION '(' pureExp (',' pureExp)? ')' ';'                   # durationStmt
    | THROW pureExp ';'                                             # throwStmt
    | DIE pureExp ';'                                               # dieStmt
    | MOVECOGTO pureExp ';'                                         # moveCogToStmt
    | exp ';'                                                       # expStmt
    | CASE pureExp '{' switchBranch* '}'                            # caseStmt
    ;

switchBranch
    : pattern '=>' stmt
    ;

guard
    : guard '&' guard                                               # andGuard
    | (THIS '.')? name '?'                                          # futureGuard
    | DURATION '(' pureExp (',' pureExp)? ')'                       # durationGuard
    | pureExp                                                       # expGuard
    ;

// ===========================================================================
// Expressions (§2.8, precedence §3.3)

// An expression that may have an effect: only a whole right-hand side,
// expression statement or return value.
exp
    : NEW LOCAL? qualifiedTypeName '(' pureExpList? ')'             # newExp
    | AWAIT pureExp '!' name '(' pureExpList? ')'                   # awaitCallExp
    | ((TYPE_ID | CORE) '.')? ORIGINAL '(' pureExpList? ')'         # originalCallExp
    | pureExp effectfulSuffix?                                      # pureOrCallExp
    ;

effectfulSuffix
    : '!' name '(' pureExpList? ')'                                 # asyncCallSuffix
    | '.' name '(' pureExpList? ')'                                 # syncCallSuffix
    ;

// Alternatives from the highest precedence to the lowest; the prefix forms
// `when`, `if` and `let` come last so that their final operand extends as
// far right as possible.
//
// `.get` is read anywhere an expression may stand (runtime.md uses
// `toString(f.get)`); language.md allows it only as a whole right-hand side,
// which is the checker's to enforce, with a better message than a parser's.
pureExp
    : pureExp '.' GET                                               # getExp
    | op=('!' | '-' | '~') pureExp                                  # unaryExp
    | pureExp op=('*' | '/' | '%') pureExp                          # binaryExp
    | pureExp op=('+' | '-') pureExp                                # binaryExp
    | pureExp op=('<' | '>' | '<=' | '>=') pureExp                  # binaryExp
    | pureExp op=('==' | '!=') pureExp                              # binaryExp
    | pureExp op='&&' pureExp                                       # binaryExp
    | pureExp op='||' pureExp                                       # binaryExp
    | pureExp IMPLEMENTS qualifiedTypeName                          # implementsExp
    | pureExp AS qualifiedTypeName                                  # castExp
    | WHEN pureExp THEN pureExp ELSE pureExp                        # whenExp
    | IF pureExp THEN pureExp ELSE pureExp                          # legacyIfExp
    | LET letBinding (',' letBinding)* IN pureExp                   # letExp
    | primaryExp                                                    # primary
    ;

primaryExp
    : INT_LITERAL                                                   # intLiteral
    | FLOAT_LITERAL                                                 # floatLiteral
    | STRING_LITERAL                                                # stringLiteral
    | templateString                                                # templateLiteral
    | THIS '.' name                                                 # fieldExp
    | THIS                                                          # thisExp
    | DESTINY                                                       # destinyExp
    | NULL_                                                         # nullExp
    | qualifiedName '(' funArg (',' funArg)* ')' '(' pureExpList? ')' # partialFunctionCall
    | qualifiedName '(' pureExpList? ')'                            # functionCall
    | qualifiedName '[' pureExpList? ']'                            # listSugarCall
    | qualifiedTypeName ('(' pureExpList? ')')?                     # constructorExp
    | name                                                          # variableExp
    | CASE pureExp '{' caseBranch+ '}'                              # caseExp
    | '(' pureExp ')'                                               # parenExp
    ;

pureExpList
    : pureExp (',' pureExp)*
    ;

// A function argument of a higher-order call: a function name or an
// anonymous function.
funArg
    : qualifiedName
    | params '=>' pureExp
    ;

letBinding
    : '(' typeUse name ')' '=' pureExp
    | typeUse name '=' pureExp
    ;

caseBranch
    : '|'? pattern '=>' pureExp ';'?
    ;

pattern
    : '_'                                                           # wildcardPattern
    | INT_LITERAL                                                   # intPattern
    | FLOAT_LITERAL                                                 # floatPattern
    | STRING_LITERAL                                                # stringPattern
    | name                                                          # variablePattern
    | qualifiedTypeName ('(' (pattern (',' pattern)*)? ')')?        # constructorPattern
    ;

templateString
    : TEMPLATE_START templatePart* TEMPLATE_END
    ;

templatePart
    : TEMPLATE_TEXT
    | TEMPLATE_EXP_START pureExp TEMPLATE_EXP_END
    ;

// ===========================================================================
// Names

name
    : LOWER_ID
    | AS // compatibility (§1.3): accepted with a warning
    ;

qualifiedName
    : (TYPE_ID '.')* name
    ;

qualifiedTypeName
    : TYPE_ID ('.' TYPE_ID)*
    ;

// ===========================================================================
// Deltas (§2.10)

deltaDecl
    : DELTA TYPE_ID ('(' deltaParam (',' deltaParam)* ')')? ';' deltaItem*
    ;

deltaParam
    : param
    | qualifiedTypeName hasCondition
    ;

hasCondition
    : HASFIELD typeUse name
    | HASMETHOD typeUse name params
    | HASINTERFACE qualifiedTypeName
    ;

deltaItem
    : USES qualifiedTypeName ';'                                    # deltaUses
    | ADDS decl                                                     # addsDecl
    | ADDS importDecl                                               # addsImport
    | ADDS exportDecl                                               # addsExport
    | MODIFIES CLASS qualifiedTypeName
      (ADDS qualifiedTypeName (',' qualifiedTypeName)*)?
      (REMOVES qualifiedTypeName (',' qualifiedTypeName)*)?
      '{' classModifier* '}'                                        # modifiesClass
    | MODIFIES INTERFACE qualifiedTypeName
      '{' interfaceModifier* '}'                                    # modifiesInterface
    | MODIFIES annotations
      (dataDecl | typeSynonymDecl | functionDecl | partialFunctionDecl | exceptionDecl) # modifiesDecl
    | REMOVES removableKind anyName ';'                             # removesDecl
    ;

removableKind
    : CLASS | INTERFACE | DATA | TYPE | DEF | EXCEPTION | TRAIT
    ;

classModifier
    : ADDS fieldDecl                                                # addsField
    | REMOVES fieldDecl                                             # removesField
    | traitOp                                                       # methodModifier
    ;

interfaceModifier
    : ADDS methodSignature
    | REMOVES methodSignature
    ;

// ===========================================================================
// Product lines and products (§2.10)

productLineDecl
    : PRODUCTLINE TYPE_ID ';' FEATURES TYPE_ID (',' TYPE_ID)* ';' deltaClause*
    ;

deltaClause
    : DELTA TYPE_ID ('(' deltaArg (',' deltaArg)* ')')?
      (AFTER TYPE_ID (',' TYPE_ID)*)? (WHEN featureCondition)? ';'
    ;

deltaArg
    : TYPE_ID '.' name
    | pureExp
    ;

featureCondition
    : '!' featureCondition                                          # notCondition
    | featureCondition '&&' featureCondition                        # andCondition
    | featureCondition '||' featureCondition                        # orCondition
    | featureCondition '->' featureCondition                        # impliesCondition
    | featureCondition '<->' featureCondition                       # equivCondition
    | '(' featureCondition ')'                                      # parenCondition
    | TYPE_ID                                                       # featureRef
    ;

productDecl
    : PRODUCT TYPE_ID '(' (featureSelection (',' featureSelection)*)? ')'
      (';' | '{' productReconfiguration* '}')
    | PRODUCT TYPE_ID '=' productExpr ';'
    ;

// Dynamic reconfiguration (older ABS): `Regular delta D1, D2 stateupdate S;`
productReconfiguration
    : TYPE_ID DELTA TYPE_ID (',' TYPE_ID)* name TYPE_ID ';'
    ;

featureSelection
    : TYPE_ID ('{' attributeAssignment (',' attributeAssignment)* '}')?
    ;

attributeAssignment
    : name '=' pureExp
    ;

productExpr
    : productExpr '&&' productExpr
    | productExpr '||' productExpr
    | productExpr '-' productExpr
    | '{' (TYPE_ID (',' TYPE_ID)*)? '}'
    | TYPE_ID
    | '(' productExpr ')'
    ;

// ===========================================================================
// Feature models (mTVL, §2.10)

featureModelDecl
    : ROOT featureDecl
    | EXTENSION TYPE_ID '{' featureBody '}'
    ;

featureDecl
    : TYPE_ID ('{' featureBody '}')?
    ;

featureBody
    : (featureGroup | attributeDecl | featureConstraint)*
    ;

featureGroup
    : GROUP groupCardinality '{' childFeature (',' childFeature)* '}'
    ;

groupCardinality
    : ONEOF
    | ALLOF
    | '[' INT_LITERAL '..' (INT_LITERAL | '*') ']'
    ;

childFeature
    : OPT? featureDecl
    ;

attributeDecl
    : TYPE_ID name (IN attributeDomain)? ';'
    ;

attributeDomain
    : '[' attributeLimit '..' attributeLimit ']'
    | '{' attributeLimit (',' attributeLimit)* '}'
    ;

attributeLimit
    : '-'? INT_LITERAL
    | '*'
    ;

featureConstraint
    : IFIN ':' featureExp ';'
    | IFOUT ':' featureExp ';'
    | REQUIRE ':' TYPE_ID ';'
    | EXCLUDE ':' TYPE_ID ';'
    | featureExp ';'
    ;

featureExp
    : ('!' | '-') featureExp
    | featureExp ('*' | '/' | '%') featureExp
    | featureExp ('+' | '-') featureExp
    | featureExp ('<' | '>' | '<=' | '>=') featureExp
    | featureExp ('==' | '!=') featureExp
    | featureExp '&&' featureExp
    | featureExp '||' featureExp
    | featureExp '->' featureExp
    | featureExp '<->' featureExp
    | INT_LITERAL
    | TYPE_ID '.' name
    | TYPE_ID
    | name
    | '(' featureExp ')'
    ;
