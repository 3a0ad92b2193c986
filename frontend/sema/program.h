#pragma once
// The resolved program: the module graph over all compilation units
// (standard library and user files), with each module's scope — which
// declaration every visible name denotes. Built once by sema::buildProgram;
// the type checker and the interpreter's lowering both read it, so that the
// interpreter never looks a name up by string at run time.
//
// CONTRACT (shared by frontend/sema and interpreter/): the declarations below
// are what other layers may use. The implementation lives in frontend/sema/.

#include "frontend/ast/ast.h"
#include "frontend/diag/diagnostics.h"
#include "frontend/model/model.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace absim::sema {

struct ModuleInfo;

// One declared entity that a name can denote.
struct Symbol {
    enum class Kind : uint8_t {
        Datatype,        // data D<..> = ...;          decl: DataDecl
        TypeSynonym,     // type T = ...;              decl: TypeSynonymDecl
        Interface,       // interface I ...            decl: InterfaceDecl
        Class,           // class C ...                decl: ClassDecl
        Trait,           // trait T = ...              decl: TraitDecl
        Constructor,     // a data constructor         decl: DataDecl, constructor set
        Exception,       // exception E(...): a constructor of type Exception; decl: ExceptionDecl
        Function,        // def T f(...) = ...;        decl: FunctionDecl
        PartialFunction, // def T f(g)(...) = ...;     decl: PartialFunctionDecl
        Selector,        // selector function generated from `Type name` in a constructor;
                         // decl: DataDecl; `selectorOf` lists the constructors having it
    } kind;
    std::string name;          // simple name
    std::string qualifiedName; // Module.name
    const ModuleInfo* module = nullptr;   // declaring module
    const ast::Decl* decl = nullptr;
    const ast::DataConstructor* constructor = nullptr; // Constructor
    // Selector: (constructor, argument index) pairs, in declaration order.
    // For a selector of an exception's named argument (`decl` is then the
    // ExceptionDecl) the constructor is null and the index is the argument's.
    std::vector<std::pair<const ast::DataConstructor*, size_t>> selectorOf;
};

// The names visible inside one module. Type-level names (datatypes,
// synonyms, interfaces, classes, traits), constructors (incl. exceptions)
// and functions (incl. selectors) are separate namespaces; higher-order
// (partial) functions have their own namespace too (stdlib `map(l)` and
// `map(f)(l)` coexist).
class ModuleScope {
public:
    // `Class` was added after the contract was first written: a class and an
    // interface may share a name (ABS.DC has both `interface
    // DeploymentComponent` and `class DeploymentComponent`), so classes are a
    // namespace of their own. `lookup(Space::Type, n)` still finds a class
    // when no other type-level entity is called `n`; use Space::Class for
    // `new C(...)`.
    enum class Space : uint8_t { Type, Constructor, Function, PartialFunction, Class };
    static constexpr size_t kSpaceCount = 5;

    // Resolves a name as written in this module (simple or qualified, e.g.
    // `head`, `ABS.StdLib.head`, `M.Alias.x`), honouring declarations, imports
    // and qualified-import rules (language.md §3.5). Returns null when not
    // visible. `ambiguous` (if given) is set when an unqualified name is
    // imported from two modules as different entities.
    const Symbol* lookup(Space space, std::string_view name, bool* ambiguous = nullptr) const;

    // Every name visible unqualified in `space` (for "did you mean" hints
    // and REPL completion).
    std::vector<std::string> visibleNames(Space space) const;

    struct Impl;
    std::unique_ptr<Impl> impl;
    ModuleScope();
    ~ModuleScope();
    ModuleScope(ModuleScope&&) noexcept;
    ModuleScope& operator=(ModuleScope&&) noexcept;
};

struct ModuleInfo {
    std::string name;                    // e.g. "ABS.StdLib"
    const ast::ModuleDecl* decl = nullptr;
    const ast::CompilationUnit* unit = nullptr;
    bool fromStdlib = false;
    ModuleScope scope;
    std::vector<const Symbol*> declared; // symbols declared here, in source order
};

class Program {
public:
    // All modules, standard library first, then user modules in input order.
    const std::vector<std::unique_ptr<ModuleInfo>>& modules() const { return modules_; }
    const ModuleInfo* findModule(std::string_view name) const;
    // The module whose main block runs: `requested` if non-empty, else the
    // first user module (in input order) that has a main block. Null if none.
    const ModuleInfo* mainModule(std::string_view requested = {}) const;
    // The module that declares `decl`.
    const ModuleInfo* moduleOf(const ast::Decl* decl) const;

    // The symbol a declaration introduced (for a DataDecl: the datatype;
    // null for declarations that were rejected as duplicates).
    const Symbol* symbolOf(const ast::Decl* decl) const;
    // The Constructor symbol of a data constructor.
    const Symbol* symbolOf(const ast::DataConstructor* constructor) const;
    // The selector function `name` generated from datatype `data`, if any.
    const Symbol* selectorOf(const ast::DataDecl* data, std::string_view name) const;

    // Storage; filled by buildProgram.
    std::vector<std::unique_ptr<ModuleInfo>> modules_;
    std::vector<std::unique_ptr<Symbol>> symbols_;
    // Indexes over the storage; filled by buildProgram.
    std::unordered_map<const ast::Decl*, const ModuleInfo*> declModule_;
    std::unordered_map<const ast::Decl*, const Symbol*> declSymbol_;
    std::unordered_map<const ast::DataConstructor*, const Symbol*> constructorSymbol_;
};

// Builds the module graph and every module's scope from a parsed model;
// reports duplicate modules and declarations, unknown modules in imports and
// exports, names that are not exported, and similar errors to `diags`.
// Returns the program even with errors (as complete as possible).
std::unique_ptr<Program> buildProgram(const ParsedModel& model, DiagnosticEngine& diags);

} // namespace absim::sema
