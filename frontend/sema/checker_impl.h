#pragma once
// The type checker's internals (frontend/sema only). One Checker walks the
// whole program; its member functions are split by topic over
// check_*.cpp, declarations.cpp, type_resolution.cpp, traits.cpp and
// annotations.cpp.

#include "frontend/sema/checked_model.h"
#include "frontend/sema/checker.h"
#include "frontend/sema/type_system.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace absim::sema {

// The type of a function, constructor or selector, over its own type
// parameters (Param types), instantiated afresh at every use.
struct FunctionSig {
    std::vector<const Type*> typeParams;
    std::vector<const Type*> params;
    const Type* result = nullptr;
};

struct MethodInfo {
    std::string name;
    const ast::MethodSig* sig = nullptr;
    const ast::MethodDecl* decl = nullptr; // class methods only
    const ModuleInfo* module = nullptr;    // where the method is written
    std::vector<const Type*> params;
    const Type* result = nullptr;
};

struct InterfaceInfo {
    const Symbol* symbol = nullptr;
    const ast::InterfaceDecl* decl = nullptr;
    const ModuleInfo* module = nullptr;
    std::vector<const Symbol*> extends; // direct, resolved
    std::vector<MethodInfo> own;
    // Own and inherited methods by name (own ones win).
    std::unordered_map<std::string, const MethodInfo*> methods;
    enum class State : uint8_t { Fresh, Busy, Done } state = State::Fresh;
};

struct FieldInfo {
    std::string name;
    const Type* type = nullptr;
    SourceRange range;
    bool isParam = false;
    const void* decl = nullptr; // its ast::ParamDecl or ast::FieldDecl
};

struct ClassInfo {
    const Symbol* symbol = nullptr;
    const ast::ClassDecl* decl = nullptr;
    const ModuleInfo* module = nullptr;
    std::vector<const Symbol*> interfaces; // direct, resolved
    std::vector<FieldInfo> fields;         // parameters first
    std::unordered_map<std::string, size_t> fieldIndex;
    std::vector<const Type*> paramTypes;
    std::vector<MethodInfo> methods; // own methods, then trait methods
    std::unordered_map<std::string, size_t> methodIndex;
    bool ready = false;
};

// Where code is being checked: decides whether `this`, fields, `return`,
// `await` and friends are allowed.
enum class Where : uint8_t { Function, Method, Init, Main, FieldInit, Recover, ClassAnnotation };

struct LocalVar {
    const Type* type = nullptr;
    VarKind kind = VarKind::Local;
    bool readOnly = false;
    SourceRange range;
};

// A function parameter of a higher-order function, as bound by one call.
struct FunBinding {
    enum class Kind : uint8_t { Unknown, Function, Lambda } kind = Kind::Unknown;
    const Symbol* function = nullptr; // Function
    std::vector<const Type*> params;  // Lambda
    const Type* result = nullptr;     // Lambda
};

using Frame = std::unordered_map<std::string, LocalVar>;

struct Context {
    const ModuleInfo* module = nullptr;
    const ClassInfo* cls = nullptr;
    Where where = Where::Function;
    const Type* returnType = nullptr; // methods: the declared result
    std::unordered_map<std::string, const Type*> typeParams;
    const ast::PartialFunctionDecl* partial = nullptr; // inside a higher-order function
    std::unordered_map<std::string, FunBinding> funArgs;
    std::vector<Frame> frames;
    // The statement being checked is the last one of a method body, the
    // only place `return` may stand.
    bool atTail = false;
    // The statement being checked is a variable declaration at the top
    // level of the main block, the only place `[Param]` may stand.
    bool paramSite = false;
};

// Opens a frame of local variables for the lifetime of the object.
class FrameGuard {
  public:
    explicit FrameGuard(Context& ctx) : ctx_(ctx) { ctx_.frames.emplace_back(); }
    ~FrameGuard() { ctx_.frames.pop_back(); }
    FrameGuard(const FrameGuard&) = delete;
    FrameGuard& operator=(const FrameGuard&) = delete;

  private:
    Context& ctx_;
};

// A hint for an operation or assignment that mixes Time or Duration with a
// number: how to get at the Rat inside (empty when neither is involved).
std::string timeHint(const Type* a, const Type* b);

class Checker {
  public:
    Checker(const ParsedModel& model, const Program& program, DiagnosticEngine& diags,
            CheckedModel& out, const CheckOptions& options);
    void run();

    // ---- diagnostics (checker.cpp)
    void error(SourceRange range, std::string message);
    void errorWithNote(SourceRange range, std::string message, SourceRange noteRange,
                       std::string note);
    std::string quoted(const Type* t) const { return "'" + typeName(t) + "'"; }
    // "; did you mean 'x'?" or where an unknown name could come from.
    std::string unknownHint(ModuleScope::Space space, const std::string& name,
                            const ModuleInfo* module);
    // "cannot assign 'String' to 'x' of type 'Int'" (with a clearer wording
    // for a `new C(...)` whose class lacks the interface).
    void assignmentError(SourceRange range, const Type* value, const std::string& target,
                         const Type* targetType);

    // ---- declarations (declarations.cpp)
    const FunctionSig& sigOf(const Symbol* sym);
    InterfaceInfo* interfaceInfo(const Symbol* sym);
    ClassInfo* classInfo(const Symbol* sym);
    const MethodInfo* findMethod(const Type* callee, const std::string& name);
    const ModuleInfo* moduleOfDecl(const ast::Decl* d) const { return program_.moduleOf(d); }

    // ---- types written in the source (type_resolution.cpp)
    using TypeParams = std::unordered_map<std::string, const Type*>;
    const Type* resolveType(const ast::TypeUse& use, const ModuleInfo* module,
                            const TypeParams& params);
    // The interface `name` denotes (for `implements`, `extends`, casts), or
    // null after reporting why not.
    const Symbol* resolveInterfaceName(const ast::Name& name, const ModuleInfo* module);
    TypeParams declareTypeParams(const std::vector<ast::TypeParam>& params, const void* owner);
    // The type parameters of a datatype or function, declared once (so a
    // duplicate is reported once).
    const TypeParams& typeParamsOf(const std::vector<ast::TypeParam>& params, const void* owner);

    // ---- expressions (check_exp.cpp, check_call.cpp, check_effects.cpp)
    // `expected`, when known, is the type the context wants: it solves
    // type arguments from the outside first (`List<I> l = list[a, b]` makes
    // the elements I's even when their own join would be another interface).
    const Type* checkExp(const ast::PureExp& e, Context& ctx, bool effectsAllowed = false,
                         const Type* expected = nullptr);
    const Type* checkPure(const ast::PureExp& e, Context& ctx, const Type* expected = nullptr) {
        return checkExp(e, ctx, false, expected);
    }
    // Checks `e` and that its type is below `expected`; `what` names the
    // place for the message ("argument 1 of 'f'").
    void expectType(const ast::PureExp& e, const Type* expected, Context& ctx,
                    const std::string& what);
    void expectBool(const ast::PureExp& e, Context& ctx, const std::string& what);
    const Type* checkFnApp(const ast::FnAppExp& e, Context& ctx, const Type* expected);
    const Type* checkPartialFnApp(const ast::PartialFnAppExp& e, Context& ctx,
                                  const Type* expected);
    const Type* checkConstructorApp(const ast::ConstructorAppExp& e, Context& ctx,
                                    const Type* expected);
    const Type* checkEffect(const ast::PureExp& e, Context& ctx);
    // Instantiates `sig` and checks `args` against it (for list sugar
    // `f[a, b]`, the list they make); returns the result.
    const Type* applySig(const FunctionSig& sig, const ast::OwnList<ast::PureExp>& args,
                         Context& ctx, const std::string& calleeName, SourceRange range,
                         const Type* expected, bool listSugar = false);
    void checkArgs(const std::vector<const Type*>& params, const ast::OwnList<ast::PureExp>& args,
                   Context& ctx, const std::string& calleeName, SourceRange range);
    // The type of `list[elems]` whose elements must fit `elem`.
    const Type* listLiteralType(const ast::OwnList<ast::PureExp>& elems, const Type* elem,
                                Context& ctx);

    // ---- patterns (check_pattern.cpp)
    // Binds the pattern's new variables into `into`.
    void checkPattern(const ast::Pattern& p, const Type* scrutinee, Context& ctx, Frame& into);
    // Checks each branch's pattern against `scrutinee` and runs `body` with
    // the pattern's variables in scope.
    template <typename Branch, typename Body>
    void forEachBranch(const std::vector<Branch>& branches, const Type* scrutinee, Context& ctx,
                       Body body) {
        for (const Branch& b : branches) {
            FrameGuard frame(ctx);
            Frame bound;
            checkPattern(b.pattern, scrutinee, ctx, bound);
            for (auto& [name, var] : bound) {
                ctx.frames.back()[name] = var;
                recordDeclared(var.range, name, var.type);
            }
            body(b);
        }
    }

    // ---- statements (check_stmt.cpp)
    void checkBlock(const ast::BlockStmt& b, Context& ctx);
    void checkStmt(const ast::Stmt& s, Context& ctx);
    void checkGuard(const ast::Guard& g, Context& ctx);
    void checkBody(const ast::BlockStmt& body, Context& ctx); // method/main/init level

    // ---- local variables (check_stmt.cpp)
    LocalVar* findLocal(Context& ctx, const std::string& name);
    void declareLocal(Context& ctx, const std::string& name, LocalVar var, bool mayShadow);
    std::vector<std::string> visibleVariables(const Context& ctx) const;

    // ---- declarations' bodies (check_decls.cpp, check_class.cpp, traits.cpp)
    void checkModule(const ModuleInfo& m);
    void checkDatatype(const ast::DataDecl& d, const ModuleInfo& m);
    void checkFunction(const ast::FunctionDecl& d, const ModuleInfo& m);
    void checkPartialFunction(const ast::PartialFunctionDecl& d, const ModuleInfo& m);
    void checkInterface(const ast::InterfaceDecl& d, const ModuleInfo& m);
    void checkClass(const ast::ClassDecl& d, const ModuleInfo& m);
    void checkImplements(ClassInfo& info);
    void checkMain(const ast::MainBlock& main, const ModuleInfo& m);
    // The methods a class gets from its `uses` clauses.
    std::vector<std::pair<const ast::MethodDecl*, const ModuleInfo*>>
    traitMethods(const ast::ClassDecl& d, const ModuleInfo& m);
    void checkParams(const std::vector<ast::ParamDecl>& params, Context& ctx,
                     std::vector<const Type*>* types, VarKind kind);

    // ---- annotations (annotations.cpp)
    void checkAnnotations(const ast::Annotations& anns, Context& ctx);

    // ---- results
    void record(const ast::PureExp& e, const Type* t) {
        if (!silent_)
            out_.setType(&e, t);
    }
    void recordVar(const void* node, VarKind k) {
        if (!silent_)
            out_.setVarKind(node, k);
    }
    void recordSymbol(const void* node, const Symbol* s) {
        if (!silent_)
            out_.setSymbol(node, s);
    }
    // A variable's or member's type, for --dump-types.
    void recordDeclared(SourceRange range, std::string label, const Type* t) {
        if (!silent_)
            out_.addDeclaredType(DeclaredType{range, std::move(label), {}, t, false});
    }
    void recordSignature(SourceRange range, std::string label, std::vector<const Type*> params,
                         const Type* result) {
        out_.addDeclaredType(
            DeclaredType{range, std::move(label), std::move(params), result, true});
    }

    const ParsedModel& model_;
    const Program& program_;
    DiagnosticEngine& diags_;
    CheckedModel& out_;
    CheckOptions options_;
    TypeSystem& ts_;

    // Speculative checking (specialising a higher-order function for one
    // call) counts errors instead of reporting them.
    int silent_ = 0;
    size_t silentErrors_ = 0;
    std::string silentFirst_;
    int specialiseDepth_ = 0;

  private:
    std::unordered_map<const Symbol*, FunctionSig> sigs_;
    std::unordered_map<const Symbol*, InterfaceInfo> interfaces_;
    std::unordered_map<const Symbol*, ClassInfo> classes_;
    std::unordered_map<const Symbol*, const Type*> synonyms_;
    std::unordered_map<const Symbol*, bool> synonymBusy_;
    std::unordered_map<const void*, TypeParams> typeParams_;

    const Type* synonymType(const Symbol* sym, SourceRange useRange);
    FunctionSig computeSig(const Symbol* sym);
    void fillInterface(InterfaceInfo& info);
    void fillClass(ClassInfo& info);
};

// The written name of a pattern or expression kind, for messages.
const char* describe(ast::ExpKind kind);

} // namespace absim::sema
