#pragma once
// The ABS abstract syntax tree: our own types, built once from the ANTLR
// parse tree by frontend/parse and never touched by ANTLR types afterwards.
//
// Every node has a SourceRange. Nodes are owned through unique_ptr by their
// parent; a whole parsed file is a CompilationUnit. Node kinds are a closed
// enum with checked down-casts (`node->as<IfStmt>()`), so phases switch on
// the kind instead of paying for a visitor per node.
//
// The AST is syntax only. The checker (frontend/sema) records what it finds
// (types, resolved declarations, slots) in side tables or in the interpreter's
// own lowered form; the few `resolved*` fields below are filled by sema and
// are null/-1 straight after parsing.

#include "frontend/source/source_file.h"

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace absim::ast {

template <typename T> using Own = std::unique_ptr<T>;
template <typename T> using OwnList = std::vector<std::unique_ptr<T>>;

// A possibly qualified name as written: `head`, `ABS.StdLib.head`, `Map`,
// `ABS.DC.DeploymentComponent`. `text` is the whole dotted spelling.
struct Name {
    std::string text;
    SourceRange range;

    // The last component (`head` for `ABS.StdLib.head`).
    std::string simple() const {
        auto dot = text.rfind('.');
        return dot == std::string::npos ? text : text.substr(dot + 1);
    }
    // Everything before the last dot ("" when unqualified).
    std::string qualifier() const {
        auto dot = text.rfind('.');
        return dot == std::string::npos ? std::string() : text.substr(0, dot);
    }
    bool qualified() const { return text.find('.') != std::string::npos; }
};

struct Node {
    SourceRange range;
};

// ---------------------------------------------------------------------------
// Annotations and types

struct PureExp;

// `[Name: e]` (typed; `name` set) or `[e]` (untyped).
struct Annotation : Node {
    std::optional<Name> name;
    Own<PureExp> value;
};
using Annotations = std::vector<Annotation>;

// A type use: `Int`, `List<Pair<String, Rat>>`, `ABS.DC.DC`, `[Near] I`.
struct TypeUse : Node {
    Annotations annotations;
    Name name;
    OwnList<TypeUse> args;
};

// ---------------------------------------------------------------------------
// Pure expressions

enum class ExpKind : uint8_t {
    // literals
    IntLit,      // 42 (arbitrary size: kept as decimal text)
    FloatLit,    // 1.5, .5, 2.0e10
    StringLit,   // "..." with escapes already decoded
    TemplateStr, // `text $e$ text`
    // names and references
    Var,     // x         (local, parameter or field: sema decides)
    Field,   // this.x
    This,    // this
    Destiny, // destiny
    Null,    // null
    // applications
    FnApp,          // f(a, b)  /  f[a, b] (list sugar, see FnAppExp::listSugar)
    PartialFnApp,   // f(g, (Int x) => x + 1)(a, b)
    ConstructorApp, // Cons(1, Nil), Nil, Nil()
    // operators
    Unary,  // !e, -e (and the legacy ~e)
    Binary, // e op e
    Implements, // e implements I
    Cast,       // e as I
    // compound
    When, // when c then a else b   (also the deprecated `if c then a else b`)
    Case, // case e { p => e; ... }
    Let,  // let T x = e, ... in e
    // effectful expressions: only as a whole right-hand side, expression
    // statement or return value (the parser accepts them only there)
    Get,      // e.get
    New,      // new [local] C(args)
    AsyncCall, // [await] e!m(args)
    SyncCall,  // e.m(args)
    OriginalCall, // [core.|Delta.]original(args)   (deltas, traits)
};

struct PureExp : Node {
    ExpKind kind;
    explicit PureExp(ExpKind k) : kind(k) {}
    virtual ~PureExp() = default;
    bool effectful() const { return kind >= ExpKind::Get; }

    template <typename T> T* as() {
        assert(kind == T::Kind);
        return static_cast<T*>(this);
    }
    template <typename T> const T* as() const {
        assert(kind == T::Kind);
        return static_cast<const T*>(this);
    }
    template <typename T> const T* tryAs() const {
        return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
    }
    template <typename T> T* tryAs() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
};
// Effectful expressions share the node hierarchy; the name says where they
// may stand.
using Exp = PureExp;

#define ABSIM_EXP(NAME)                                                                            \
    static constexpr ExpKind Kind = ExpKind::NAME;                                                 \
    NAME##Exp() : PureExp(Kind) {}

struct IntLitExp : PureExp {
    ABSIM_EXP(IntLit)
    std::string digits; // decimal, no sign, no leading zeros (except "0")
};

struct FloatLitExp : PureExp {
    ABSIM_EXP(FloatLit)
    std::string text; // as written
    double value = 0;
};

struct StringLitExp : PureExp {
    ABSIM_EXP(StringLit)
    std::string value; // escapes decoded, UTF-8
};

// `a $x$ b $y$ c`: literal pieces interleaved with expressions;
// pieces.size() == exps.size() + 1 (pieces may be empty strings).
struct TemplateStrExp : PureExp {
    ABSIM_EXP(TemplateStr)
    std::vector<std::string> pieces;
    OwnList<PureExp> exps;
};

struct VarExp : PureExp {
    ABSIM_EXP(Var)
    std::string name;
};

struct FieldExp : PureExp {
    ABSIM_EXP(Field)
    std::string name; // the field of `this.name`
};

struct ThisExp : PureExp {
    ABSIM_EXP(This)
};
struct DestinyExp : PureExp {
    ABSIM_EXP(Destiny)
};
struct NullExp : PureExp {
    ABSIM_EXP(Null)
};

struct FnAppExp : PureExp {
    ABSIM_EXP(FnApp)
    Name function;
    OwnList<PureExp> args;
    // `f[a, b, c]`: sugar for f(list[a, b, c]) — `args` are the elements.
    bool listSugar = false;
};

// A parameter of a method, function or anonymous function: `Int x`.
struct ParamDecl : Node {
    Annotations annotations;
    Own<TypeUse> type;
    std::string name;
};

// A function argument of a higher-order call: a function name or an
// anonymous function `(Int x, Int y) => x + y`.
struct FunArg : Node {
    std::optional<Name> function; // set for a named function
    std::vector<ParamDecl> params; // anonymous function parameters
    Own<PureExp> body;             // anonymous function body
    bool isLambda() const { return !function.has_value(); }
};

struct PartialFnAppExp : PureExp {
    ABSIM_EXP(PartialFnApp)
    Name function;
    std::vector<FunArg> funArgs;
    OwnList<PureExp> args;
};

struct ConstructorAppExp : PureExp {
    ABSIM_EXP(ConstructorApp)
    Name constructor;
    OwnList<PureExp> args;
    bool parens = false; // written with `(...)`, even if empty
};

enum class UnaryOp : uint8_t { Not, Neg };

struct UnaryExp : PureExp {
    ABSIM_EXP(Unary)
    UnaryOp op = UnaryOp::Not;
    bool legacyTilde = false; // written `~e` (old spelling of `!e`)
    Own<PureExp> operand;
};

enum class BinaryOp : uint8_t {
    Or, And,            // || &&
    Eq, Ne,             // == !=
    Lt, Le, Gt, Ge,     // < <= > >=
    Add, Sub,           // + -
    Mul, Div, Mod,      // * / %
};
const char* spelling(BinaryOp op);

struct BinaryExp : PureExp {
    ABSIM_EXP(Binary)
    BinaryOp op = BinaryOp::Add;
    Own<PureExp> left, right;
};

struct ImplementsExp : PureExp {
    ABSIM_EXP(Implements)
    Own<PureExp> operand;
    Name interface;
};

struct CastExp : PureExp {
    ABSIM_EXP(Cast)
    Own<PureExp> operand;
    Name interface;
};

struct WhenExp : PureExp {
    ABSIM_EXP(When)
    Own<PureExp> cond, then, otherwise;
    bool legacyIf = false; // written `if c then a else b`
};

// Patterns -------------------------------------------------------------------

enum class PatternKind : uint8_t {
    Wildcard,    // _
    IntLit,      // 3
    FloatLit,    // 1.5 (accepted; matched by equality)
    StringLit,   // "a"
    Var,         // x: binds, or compares when x is already bound (sema decides)
    Constructor, // Cons(x, _), Nil, Nil()
};

struct Pattern : Node {
    PatternKind kind = PatternKind::Wildcard;
    std::string text;         // IntLit digits, FloatLit text, StringLit value, Var name
    double floatValue = 0;    // FloatLit
    Name constructor;         // Constructor
    std::vector<Pattern> args; // Constructor arguments
    bool parens = false;      // Constructor written with `(...)`
};

struct CaseExpBranch : Node {
    Pattern pattern;
    Own<PureExp> body;
};

struct CaseExp : PureExp {
    ABSIM_EXP(Case)
    Own<PureExp> scrutinee;
    std::vector<CaseExpBranch> branches;
};

struct LetBinding : Node {
    Own<TypeUse> type;
    std::string name;
    SourceRange nameRange;
    Own<PureExp> value;
};

struct LetExp : PureExp {
    ABSIM_EXP(Let)
    std::vector<LetBinding> bindings; // sequential: each sees the previous
    Own<PureExp> body;
};

// Effectful --------------------------------------------------------------------

struct GetExp : PureExp {
    ABSIM_EXP(Get)
    Own<PureExp> future;
};

struct NewExp : PureExp {
    ABSIM_EXP(New)
    bool local = false;
    Name className;
    OwnList<PureExp> args;
};

struct AsyncCallExp : PureExp {
    ABSIM_EXP(AsyncCall)
    bool await = false; // `await o!m()`
    Own<PureExp> callee;
    std::string method;
    SourceRange methodRange;
    OwnList<PureExp> args;
};

struct SyncCallExp : PureExp {
    ABSIM_EXP(SyncCall)
    Own<PureExp> callee; // `this` for `this.m()`
    std::string method;
    SourceRange methodRange;
    OwnList<PureExp> args;
};

struct OriginalCallExp : PureExp {
    ABSIM_EXP(OriginalCall)
    std::optional<Name> qualifier; // `core` or a delta name
    OwnList<PureExp> args;
};

#undef ABSIM_EXP

// ---------------------------------------------------------------------------
// Statements

enum class StmtKind : uint8_t {
    VarDecl,
    Assign,
    Skip,
    Return,
    Assert,
    Block,
    If,
    Switch, // `switch (e) { p => s ... }` and the legacy `case e { p => s ... }`
    While,
    Foreach,
    Try,
    Await,
    Suspend,
    Duration,
    Throw,
    Die,
    MoveCogTo,
    ExpStmt,
};

struct Stmt : Node {
    StmtKind kind;
    Annotations annotations;
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;

    template <typename T> T* as() {
        assert(kind == T::Kind);
        return static_cast<T*>(this);
    }
    template <typename T> const T* as() const {
        assert(kind == T::Kind);
        return static_cast<const T*>(this);
    }
    template <typename T> const T* tryAs() const {
        return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
    }
};

#define ABSIM_STMT(NAME)                                                                           \
    static constexpr StmtKind Kind = StmtKind::NAME;                                               \
    NAME##Stmt() : Stmt(Kind) {}

struct VarDeclStmt : Stmt {
    ABSIM_STMT(VarDecl)
    Own<TypeUse> type;
    std::string name;
    SourceRange nameRange;
    Own<Exp> init; // may be null
};

// `x = e;` or `this.x = e;`
struct AssignStmt : Stmt {
    ABSIM_STMT(Assign)
    std::string target;
    SourceRange targetRange;
    bool thisField = false; // written `this.x`
    Own<Exp> value;
};

struct SkipStmt : Stmt {
    ABSIM_STMT(Skip)
};

struct ReturnStmt : Stmt {
    ABSIM_STMT(Return)
    Own<Exp> value;
};

struct AssertStmt : Stmt {
    ABSIM_STMT(Assert)
    Own<PureExp> cond;
};

struct BlockStmt : Stmt {
    ABSIM_STMT(Block)
    OwnList<Stmt> stmts;
};

struct IfStmt : Stmt {
    ABSIM_STMT(If)
    Own<PureExp> cond;
    Own<Stmt> then;
    Own<Stmt> otherwise; // may be null
};

struct SwitchBranch : Node {
    Pattern pattern;
    Own<Stmt> body;
};

struct SwitchStmt : Stmt {
    ABSIM_STMT(Switch)
    Own<PureExp> scrutinee;
    std::vector<SwitchBranch> branches;
    bool legacyCase = false; // written `case e { ... }`
};

struct WhileStmt : Stmt {
    ABSIM_STMT(While)
    Own<PureExp> cond;
    Own<Stmt> body;
};

struct ForeachStmt : Stmt {
    ABSIM_STMT(Foreach)
    std::string var;
    SourceRange varRange;
    std::optional<std::string> indexVar; // `foreach (v, i in l)`
    SourceRange indexRange;
    Own<PureExp> list;
    Own<Stmt> body;
};

struct TryStmt : Stmt {
    ABSIM_STMT(Try)
    Own<Stmt> body;
    std::vector<SwitchBranch> catches;
    Own<Stmt> finally; // may be null
};

// Guards of `await`.
enum class GuardKind : uint8_t { Future, Duration, Exp, And };

struct Guard : Node {
    GuardKind kind = GuardKind::Exp;
    // Future: `f?` / `this.f?`
    std::string futureVar;
    bool futureThisField = false;
    // Duration: `duration(min, max)`; max null for the one-argument form
    Own<PureExp> min, max;
    // Exp: a Bool expression
    Own<PureExp> exp;
    // And: `left & right`
    Own<Guard> left, right;
};

struct AwaitStmt : Stmt {
    ABSIM_STMT(Await)
    Own<Guard> guard;
};

struct SuspendStmt : Stmt {
    ABSIM_STMT(Suspend)
};

struct DurationStmt : Stmt {
    ABSIM_STMT(Duration)
    Own<PureExp> min, max; // max null for the one-argument form
};

struct ThrowStmt : Stmt {
    ABSIM_STMT(Throw)
    Own<PureExp> exception;
};

struct DieStmt : Stmt {
    ABSIM_STMT(Die)
    Own<PureExp> exception;
};

struct MoveCogToStmt : Stmt {
    ABSIM_STMT(MoveCogTo)
    Own<PureExp> target;
};

struct ExpStmt : Stmt {
    static constexpr StmtKind Kind = StmtKind::ExpStmt;
    ExpStmt() : Stmt(Kind) {}
    Own<Exp> exp;
};

#undef ABSIM_STMT

// ---------------------------------------------------------------------------
// Declarations

struct TypeParam : Node {
    std::string name;
};

// An argument of a data constructor or exception: `Int`, `Int count`.
struct ConstructorArg : Node {
    Own<TypeUse> type;
    std::optional<std::string> selector;
};

struct DataConstructor : Node {
    std::string name;
    std::vector<ConstructorArg> args;
};

enum class DeclKind : uint8_t {
    Data,
    TypeSynonym,
    Exception,
    Function,
    PartialFunction,
    Interface,
    Class,
    Trait,
};

struct Decl : Node {
    DeclKind kind;
    Annotations annotations;
    Name name; // as declared (may be written qualified)
    explicit Decl(DeclKind k) : kind(k) {}
    virtual ~Decl() = default;

    template <typename T> T* as() {
        assert(kind == T::Kind);
        return static_cast<T*>(this);
    }
    template <typename T> const T* as() const {
        assert(kind == T::Kind);
        return static_cast<const T*>(this);
    }
    template <typename T> const T* tryAs() const {
        return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
    }
};

#define ABSIM_DECL(NAME)                                                                           \
    static constexpr DeclKind Kind = DeclKind::NAME;                                               \
    NAME##Decl() : Decl(Kind) {}

struct DataDecl : Decl {
    ABSIM_DECL(Data)
    std::vector<TypeParam> typeParams;
    std::vector<DataConstructor> constructors;
    bool hasConstructors = false; // written with `=` (false: `data Int;`)
};

struct TypeSynonymDecl : Decl {
    ABSIM_DECL(TypeSynonym)
    std::vector<TypeParam> typeParams; // not in the spec's grammar; kept empty
    Own<TypeUse> type;
};

struct ExceptionDecl : Decl {
    ABSIM_DECL(Exception)
    std::vector<ConstructorArg> args;
};

struct FunctionDecl : Decl {
    ABSIM_DECL(Function)
    Own<TypeUse> returnType;
    std::vector<TypeParam> typeParams;
    std::vector<ParamDecl> params;
    Own<PureExp> body;    // null when builtin
    bool builtin = false; // `= builtin;` or `= builtin(args);`
    OwnList<PureExp> builtinArgs;
};

// `def B foldl<A, B>(f)(List<A> l, B acc) = ...;`
struct PartialFunctionDecl : Decl {
    ABSIM_DECL(PartialFunction)
    Own<TypeUse> returnType;
    std::vector<TypeParam> typeParams;
    std::vector<std::string> funParams;
    std::vector<SourceRange> funParamRanges;
    std::vector<ParamDecl> params;
    Own<PureExp> body;
};

struct MethodSig : Node {
    Annotations annotations;
    Own<TypeUse> returnType;
    std::string name;
    SourceRange nameRange;
    std::vector<ParamDecl> params;
};

struct InterfaceDecl : Decl {
    ABSIM_DECL(Interface)
    std::vector<Name> extends;
    std::vector<MethodSig> methods;
};

struct FieldDecl : Node {
    Annotations annotations;
    Own<TypeUse> type;
    std::string name;
    SourceRange nameRange;
    Own<PureExp> init; // may be null
};

struct MethodDecl : Node {
    MethodSig sig;
    Own<BlockStmt> body;
};

// Trait expressions: `{ methods }`, a single method, or a trait name,
// followed by `adds` / `modifies` / `removes` operations.
struct TraitBasic : Node {
    enum class Kind : uint8_t { Methods, Name } kind = Kind::Methods;
    std::vector<MethodDecl> methods; // Methods (a single method is a one-element list)
    Name traitName;                  // Name
};

struct TraitOp : Node {
    enum class Kind : uint8_t { Adds, Modifies, Removes } kind = Kind::Adds;
    TraitBasic basic;                // Adds, Modifies
    std::vector<MethodSig> removed;  // Removes
};

struct TraitExpr : Node {
    TraitBasic basic;
    std::vector<TraitOp> ops;
};

struct TraitDecl : Decl {
    ABSIM_DECL(Trait)
    TraitExpr body;
};

struct ClassDecl : Decl {
    ABSIM_DECL(Class)
    bool hasParams = false; // `class C(...)` vs `class C` (both allowed)
    std::vector<ParamDecl> params;
    std::vector<Name> implements;
    std::vector<FieldDecl> fields;
    Own<BlockStmt> init;                   // may be null
    std::vector<SwitchBranch> recover;     // empty: no recover block
    bool hasRecover = false;
    std::vector<TraitExpr> traitUses;
    std::vector<MethodDecl> methods;
};

#undef ABSIM_DECL

// ---------------------------------------------------------------------------
// Modules

struct ExportDecl : Node {
    bool star = false;         // export *;  /  export * from M;
    std::vector<Name> names;   // export a, B;
    std::optional<Name> from;  // ... from M;
};

struct ImportDecl : Node {
    enum class Kind : uint8_t {
        StarFrom,   // import * from M;
        NamesFrom,  // import a, B from M;
        Qualified,  // import M.a, M.B;
    } kind = Kind::StarFrom;
    std::vector<Name> names;
    std::optional<Name> from;
};

struct MainBlock : Node {
    Annotations annotations;
    Own<BlockStmt> body;
};

struct ModuleDecl : Node {
    Name name;
    std::vector<ExportDecl> exports;
    std::vector<ImportDecl> imports;
    OwnList<Decl> decls;
    std::optional<MainBlock> main;
};

// ---------------------------------------------------------------------------
// Deltas, product lines, feature models (parsed now, applied later).

// A modification of one declaration inside a module by a delta.
struct DeltaModifier : Node {
    enum class Kind : uint8_t {
        AddDecl,        // adds <declaration>  (class, interface, function, data, type, exception)
        RemoveDecl,     // removes class|interface|... Name;
        ModifyClass,    // modifies class C [adds I, ...] [removes I, ...] { class modifiers }
        ModifyInterface,// modifies interface I { adds/removes method signatures }
        ModifyDecl,     // modifies data/type/function <declaration> (replace)
        AddImport,      // adds import ...;
        AddExport,      // adds export ...;
    } kind = Kind::AddDecl;
    Own<Decl> decl;                 // AddDecl, ModifyDecl
    std::string removedKind;        // RemoveDecl: "class", "interface", ...
    Name target;                    // RemoveDecl, ModifyClass, ModifyInterface
    std::vector<Name> addInterfaces;    // ModifyClass
    std::vector<Name> removeInterfaces; // ModifyClass
    // ModifyClass: field and method changes, and trait operations.
    std::vector<FieldDecl> addedFields;
    std::vector<FieldDecl> removedFields;
    std::vector<TraitOp> methodOps; // adds/modifies/removes of methods
    // ModifyInterface: signatures added and removed.
    std::vector<MethodSig> addedSigs;
    std::vector<MethodSig> removedSigs;
    std::optional<ImportDecl> import;
    std::optional<ExportDecl> exportDecl;
};

// `delta D(Int x, C hasField Int f)`: a value parameter, or a condition on
// the class the delta applies to (rare; kept as written).
struct DeltaParam : Node {
    Own<TypeUse> type; // value parameter: `Int x`
    std::string name;
    std::string hasCondition; // `C hasField Int f` / `C hasMethod ...` / `C hasInterface I`
};

struct ModuleModifier : Node {
    Name module; // the module named by `uses` in effect for these modifiers
    std::vector<DeltaModifier> modifiers;
};

struct DeltaDecl : Node {
    Name name;
    std::vector<DeltaParam> params;
    std::vector<ModuleModifier> modules;
};

// A feature expression / application condition: `F && !G || H`.
struct FeatureExpr : Node {
    enum class Kind : uint8_t { Feature, Not, And, Or, Impl, Equiv, True, False } kind =
        Kind::Feature;
    Name feature;
    Own<FeatureExpr> left, right;
};

struct DeltaClause : Node {
    Name delta;
    OwnList<PureExp> args;           // delta D(args); a feature attribute `F.a` is a VarExp "F.a"
    std::vector<Name> after;         // after D1, D2
    Own<FeatureExpr> when;           // when <condition> (null: always)
};

struct ProductLineDecl : Node {
    Name name;
    std::vector<Name> features;
    std::vector<DeltaClause> deltas;
};

// `F` or `F{a = 3}` in the feature list of a product.
struct ProductFeature : Node {
    Name feature;
    std::vector<std::pair<std::string, std::string>> attributes; // name, value as written
};

struct ProductDecl : Node {
    Name name;
    std::vector<ProductFeature> features; // product P(F1, F2{a = 3});
    std::string expression;               // product P = {F1} || Q;  (text, applied later)
    // `product P(F) { Q delta D1, D2 stateupdate S; }` (older ABS), as written
    std::vector<std::string> reconfigurations;
};

// mTVL feature models: kept as a tree of features with group, attribute and
// constraint text, enough to dump and to apply later.
struct FeatureDecl : Node {
    Name name;
    bool optional = false;
    std::string group;                      // "oneof", "allof", "[n..m]" or "" (no group)
    std::vector<FeatureDecl> children;
    std::vector<std::string> attributesAndConstraints; // as written
};

struct FeatureModelDecl : Node {
    bool extension = false; // `extension F { ... }` instead of `root F { ... }`
    FeatureDecl root;
};

// One parsed file.
struct CompilationUnit : Node {
    FileId file = kNoFile;
    std::vector<ModuleDecl> modules;
    std::vector<DeltaDecl> deltas;
    std::vector<ProductLineDecl> productLines;
    std::vector<ProductDecl> products;
    std::vector<FeatureModelDecl> featureModels;
};

} // namespace absim::ast
