#pragma once
// Turns the ANTLR parse tree into our AST (Kuzu's Transformer): one method
// per grammar rule, split over transform_<area>.cpp by grammar area. It
// reads contexts through their typed accessors only, and copes with the
// holes error recovery leaves in the tree (a missing child becomes a null
// pointer or an empty name), because the AST of a file with syntax errors
// is still built and dumped.

#include "frontend/ast/ast.h"
#include "frontend/parse/antlr_generated.h"
#include "frontend/parse/syntax_reporter.h"

namespace absim::parse {

class Transformer {
    using P = grammar::ABSParser;

  public:
    explicit Transformer(SyntaxReporter& reporter) : reporter_(reporter), file_(reporter.file()) {}

    ast::CompilationUnit transform(P::CompilationUnitContext* ctx);

  private:
    // transform_names.cpp: ranges, names, compatibility warnings
    SourceRange range(const antlr4::ParserRuleContext* ctx) const;
    SourceRange range(const antlr4::Token* token) const;
    SourceRange range(antlr4::tree::TerminalNode* node) const;
    SourceRange span(const antlr4::ParserRuleContext* first,
                     const antlr4::ParserRuleContext* last) const;
    ast::Name typeName(P::QualifiedTypeNameContext* ctx) const;
    ast::Name qualifiedName(P::QualifiedNameContext* ctx);
    ast::Name anyName(P::AnyNameContext* ctx);
    ast::Name terminalName(antlr4::tree::TerminalNode* node) const;
    // A name at a use; `declared`: it introduces a variable, field,
    // parameter... (where the `as` compatibility warning is given).
    std::string name(P::NameContext* ctx, bool declared = false);
    void finishCompatibilityWarnings();

    // transform_decls.cpp
    void moduleBody(P::ModuleBodyContext* ctx, ast::ModuleDecl& module);
    ast::ModuleDecl moduleDecl(P::ModuleDeclContext* ctx);
    ast::ExportDecl exportDecl(P::ExportDeclContext* ctx);
    ast::ImportDecl importDecl(P::ImportDeclContext* ctx);
    ast::Own<ast::Decl> decl(P::DeclContext* ctx);
    ast::Own<ast::Decl> dataDecl(P::DataDeclContext* ctx);
    ast::Own<ast::Decl> typeSynonymDecl(P::TypeSynonymDeclContext* ctx);
    ast::Own<ast::Decl> exceptionDecl(P::ExceptionDeclContext* ctx);
    ast::Own<ast::Decl> functionDecl(P::FunctionDeclContext* ctx);
    ast::Own<ast::Decl> partialFunctionDecl(P::PartialFunctionDeclContext* ctx);
    ast::Own<ast::Decl> interfaceDecl(P::InterfaceDeclContext* ctx);
    ast::Own<ast::Decl> classDecl(P::ClassDeclContext* ctx);
    ast::Own<ast::Decl> traitDecl(P::TraitDeclContext* ctx);
    ast::ConstructorArg constructorArg(P::ConstructorArgContext* ctx);
    std::vector<ast::TypeParam> typeParams(P::TypeParamsContext* ctx) const;
    std::vector<ast::ParamDecl> params(P::ParamsContext* ctx);
    ast::ParamDecl param(P::ParamContext* ctx);
    ast::MethodSig methodSignature(P::MethodSignatureContext* ctx);
    ast::MethodDecl methodDecl(P::MethodDeclContext* ctx);
    ast::FieldDecl fieldDecl(P::FieldDeclContext* ctx);
    ast::TraitExpr traitExpr(P::TraitExprContext* ctx);
    ast::TraitBasic traitBasic(P::TraitBasicContext* ctx);
    ast::TraitOp traitOp(P::TraitOpContext* ctx);

    // transform_types.cpp
    ast::Own<ast::TypeUse> typeUse(P::TypeUseContext* ctx);
    ast::Own<ast::TypeUse> typeArg(P::TypeArgContext* ctx);
    ast::Annotations annotations(P::AnnotationsContext* ctx);

    // transform_stmts.cpp
    ast::Own<ast::BlockStmt> block(P::BlockContext* ctx);
    ast::Own<ast::Stmt> stmt(P::StmtContext* ctx);
    ast::Own<ast::Stmt> bareStmt(P::BareStmtContext* ctx);
    ast::SwitchBranch switchBranch(P::SwitchBranchContext* ctx);
    ast::Own<ast::Guard> guard(P::GuardContext* ctx);

    // transform_exps.cpp
    ast::Own<ast::Exp> exp(P::ExpContext* ctx);
    ast::Own<ast::PureExp> pureExp(P::PureExpContext* ctx);
    ast::Own<ast::PureExp> primaryExp(P::PrimaryExpContext* ctx);
    ast::OwnList<ast::PureExp> pureExpList(P::PureExpListContext* ctx);
    ast::Own<ast::PureExp> templateString(P::TemplateStringContext* ctx);
    ast::FunArg funArg(P::FunArgContext* ctx);
    ast::Pattern pattern(P::PatternContext* ctx);

    // transform_deltas.cpp
    ast::DeltaDecl deltaDecl(P::DeltaDeclContext* ctx);
    ast::DeltaParam deltaParam(P::DeltaParamContext* ctx);
    ast::ProductLineDecl productLineDecl(P::ProductLineDeclContext* ctx);
    ast::DeltaClause deltaClause(P::DeltaClauseContext* ctx);
    ast::Own<ast::FeatureExpr> featureCondition(P::FeatureConditionContext* ctx);
    ast::ProductDecl productDecl(P::ProductDeclContext* ctx);
    ast::FeatureModelDecl featureModelDecl(P::FeatureModelDeclContext* ctx);
    ast::FeatureDecl featureDecl(P::FeatureDeclContext* ctx, bool optional);
    void featureBody(P::FeatureBodyContext* ctx, ast::FeatureDecl& feature);
    std::string sourceText(const antlr4::ParserRuleContext* ctx) const;

    // Bounds the depth of the AST, so that every later phase may recurse
    // over it on an ordinary stack. Used as
    //   Nesting nest(*this, ctx); if (!nest.ok) return nullptr;
    struct Nesting {
        Nesting(Transformer& t, const antlr4::ParserRuleContext* ctx);
        ~Nesting() { --t.depth_; }
        Transformer& t;
        bool ok;
    };

    SyntaxReporter& reporter_;
    FileId file_;
    int depth_ = 0;
    bool tooDeepReported_ = false;
    // `as` used as a name (language.md §1.3)
    bool asDeclared_ = false;
    std::optional<SourceRange> firstAsUse_;
};

} // namespace absim::parse
