#pragma once
// What the type checker learnt, for later phases (the interpreter's
// lowering, --dump-types, the REPL): the type of every checked expression,
// what every variable use denotes, the declaration each call or
// constructor resolves to, and each class's method set after traits.
//
// Everything is keyed by AST node; pointers stay valid as long as the
// ParsedModel, the Program and this object live.

#include "frontend/sema/program.h"
#include "frontend/sema/type_system.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace absim::sema {

// What a variable name stands for where it is used.
enum class VarKind : uint8_t {
    Local,           // declared by a statement `T x = ...;`
    Parameter,       // of the enclosing method or function
    Field,           // of `this` (class parameters are fields)
    PatternBound,    // bound by a pattern in `case` / `switch` / `catch`
    LoopVariable,    // `foreach (x in ...)` element or index
    LetBound,        // `let T x = ... in`
    LambdaParameter, // of an anonymous function `(T x) => ...`
};
const char* spelling(VarKind kind);

// A named thing and its type, for --dump-types: a function or method
// signature (`callable`), a field, a local or pattern variable.
struct DeclaredType {
    SourceRange range;
    std::string label; // "def f<A>", "Server.run", "x"
    std::vector<const Type*> params;
    const Type* type = nullptr; // the result for a callable
    bool callable = false;
};

class CheckedModel {
  public:
    explicit CheckedModel(const Program& program);

    const Program& program() const { return *program_; }
    TypeSystem& types() { return *types_; }
    const TypeSystem& types() const { return *types_; }

    // The type of a checked expression (variables solved as far as known;
    // an unsolved one prints as `_`), or null if the checker never reached it.
    const Type* typeOf(const ast::PureExp* e) const;
    // The declared type of a local variable declaration.
    const Type* typeOf(const ast::VarDeclStmt* s) const;

    // What `x` denotes at this use (null if unresolved).
    std::optional<VarKind> varKind(const ast::VarExp* e) const;
    // `x = e;`: Local, Parameter or Field (always Field for `this.x = e`).
    std::optional<VarKind> assignTarget(const ast::AssignStmt* s) const;
    // `await f?`: what `f` denotes.
    std::optional<VarKind> guardTarget(const ast::Guard* g) const;
    // A Var pattern binds a new name (true) or compares with the value of a
    // name already in scope (false).
    bool patternBinds(const ast::Pattern* p) const;

    // The function, selector, constructor, exception or class an
    // application denotes: FnApp, PartialFnApp, ConstructorApp, New.
    // For a call of a higher-order function's own function parameter or a
    // recursive call inside it, null.
    const Symbol* symbolOf(const ast::PureExp* e) const;
    // The constructor (or exception) of a constructor pattern.
    const Symbol* constructorOf(const ast::Pattern* p) const;
    // The function a named function argument denotes (null for a lambda or
    // for a function parameter passed on).
    const Symbol* functionOf(const ast::FunArg* a) const;

    // A class's methods after applying its `uses` (traits), in order: the
    // class's own methods first, then trait methods.
    const std::vector<const ast::MethodDecl*>& methodsOf(const ast::ClassDecl* c) const;

    // Recording (the checker's side).
    void setType(const ast::PureExp* e, const Type* t) { expTypes_[e] = t; }
    void setType(const ast::VarDeclStmt* s, const Type* t) { declTypes_[s] = t; }
    void setVarKind(const void* node, VarKind k) { varKinds_[node] = k; }
    void setPatternBinds(const ast::Pattern* p, bool binds) { patternBinds_[p] = binds; }
    void setSymbol(const void* node, const Symbol* s) { symbols_[node] = s; }
    void setMethods(const ast::ClassDecl* c, std::vector<const ast::MethodDecl*> ms) {
        methods_[c] = std::move(ms);
    }
    void addDeclaredType(DeclaredType d) { declared_.push_back(std::move(d)); }
    // Replaces every recorded type by its solved form (end of checking).
    void solveRecordedTypes();

    const std::unordered_map<const ast::PureExp*, const Type*>& expressionTypes() const {
        return expTypes_;
    }
    const std::vector<DeclaredType>& declaredTypes() const { return declared_; }

  private:
    const Program* program_;
    std::unique_ptr<TypeSystem> types_;
    std::unordered_map<const ast::PureExp*, const Type*> expTypes_;
    std::unordered_map<const ast::VarDeclStmt*, const Type*> declTypes_;
    std::unordered_map<const void*, VarKind> varKinds_;
    std::unordered_map<const ast::Pattern*, bool> patternBinds_;
    std::unordered_map<const void*, const Symbol*> symbols_;
    std::unordered_map<const ast::ClassDecl*, std::vector<const ast::MethodDecl*>> methods_;
    std::vector<DeclaredType> declared_;
};

} // namespace absim::sema
