#pragma once
// Lowering: AST + resolved module scopes (sema::Program) -> RuntimeProgram.
// Local variables become frame slots, fields become object slots, calls of
// functions and constructors point at their infos, method names become
// interned ids, statements become flat instruction lists with jumps.
// Unknown names found on the way are reported as diagnostics.

#include "frontend/diag/diagnostics.h"
#include "frontend/sema/program.h"
#include "interpreter/lower/scope.h"
#include "interpreter/program/runtime_program.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace absim::interp {

// Returns null (with diagnostics) when the model cannot be lowered.
std::unique_ptr<RuntimeProgram> lowerProgram(const sema::Program& program,
                                             const std::string& mainModule,
                                             DiagnosticEngine& diags);

class Lowerer {
public:
    Lowerer(const sema::Program& program, RuntimeProgram& out, DiagnosticEngine& diags);
    bool lower(const std::string& mainModule);

private:
    using Space = sema::ModuleScope::Space;

    // --- declarations (lower_decls.cpp) ---
    void declareModule(const sema::ModuleInfo& m);
    void declareClass(const ast::ClassDecl* c);
    void bindNatives();
    void lowerFunction(const ast::FunctionDecl* d, FunctionInfo* f);
    void lowerPartialFunction(const ast::PartialFunctionDecl* d, FunctionInfo* f);
    void lowerClass(const ast::ClassDecl* d, ClassInfo* c);
    const SchedulerSpec* lowerScheduler(const ast::Annotations& anns, const ast::ClassDecl* d);
    void collectMethods(const ast::ClassDecl* d, std::vector<const ast::MethodDecl*>& out);
    void applyTrait(const ast::TraitExpr& t, std::vector<const ast::MethodDecl*>& methods);
    void collectInterfaces(const ast::InterfaceDecl* i, std::vector<bool>& out);
    uint32_t internMethod(const std::string& name);
    const sema::Symbol* lookup(Space space, const std::string& name);

    // --- expressions (lower_expr.cpp) ---
    const Expr* lowerExp(const ast::PureExp* e, Scope& s);
    const Expr* captured(const Expr* x, Scope& s);
    const Expr* resolveVar(const std::string& name, SourceRange range, Scope& s);
    const Expr* lowerFnApp(const ast::FnAppExp* e, Scope& s);
    const Expr* lowerPartialApp(const ast::PartialFnAppExp* e, Scope& s);
    const LambdaInfo* lowerLambda(const ast::FunArg& a, Scope& s);
    const Pattern* lowerPattern(const ast::Pattern& p, Scope& s);
    const ConstructorInfo* constructorNamed(const ast::Name& n);
    const FunctionInfo* functionNamed(const std::string& name);
    const InterfaceInfo* interfaceNamed(const ast::Name& n);
    Expr* newExpr(ExprOp op, SourceRange range);
    const Expr* constant(Value v);

    // --- statements (lower_stmt.cpp) ---
    void lowerBody(const ast::BlockStmt* body, Code& code, Scope& s);
    void lowerStmt(const ast::Stmt* st, Code& code, Scope& s);
    void lowerResources(const ast::Stmt* st, Code& code, Scope& s, uint32_t line);
    void lowerEffect(const ast::Exp* e, Dest dest, const ast::Annotations& anns, Code& code,
                     Scope& s, uint32_t line);
    void lowerSwitch(const ast::SwitchStmt* st, Code& code, Scope& s);
    void lowerTry(const ast::TryStmt* st, Code& code, Scope& s);
    const GuardCode* lowerGuard(const ast::Guard* g, Scope& s);
    Instr& emit(Code& code, Opcode op, uint32_t line);
    Dest destFor(const std::string& name, bool thisField, SourceRange range, Scope& s);

    void error(SourceRange range, std::string message);

    const sema::Program& program_;
    RuntimeProgram& out_;
    DiagnosticEngine& diags_;
    const sema::ModuleInfo* module_ = nullptr; // whose names are being resolved
    std::string file_;
    bool failed_ = false;

    std::unordered_map<const ast::DataConstructor*, const ConstructorInfo*> constructors_;
    std::unordered_map<const ast::Decl*, const ConstructorInfo*> exceptions_;
    std::unordered_map<const ast::Decl*, FunctionInfo*> functions_;
    std::unordered_map<const sema::Symbol*, FunctionInfo*> selectors_;
    std::unordered_map<const ast::Decl*, ClassInfo*> classes_;
    std::unordered_map<const ast::Decl*, InterfaceInfo*> interfaces_;
    std::unordered_map<const ast::Decl*, const sema::ModuleInfo*> classModule_;
    // Trait `modifies`: the method each replacing method overrides, for the
    // class being lowered; `original(...)` in a replacing body calls it under
    // the hidden name `originalName_` (empty: no original here).
    std::unordered_map<const ast::MethodDecl*, const ast::MethodDecl*> originals_;
    std::string originalName_;
};

} // namespace absim::interp
