#include "frontend/sema/checked_model.h"

namespace absim::sema {

const char* spelling(VarKind kind) {
    switch (kind) {
    case VarKind::Local:
        return "local";
    case VarKind::Parameter:
        return "parameter";
    case VarKind::Field:
        return "field";
    case VarKind::PatternBound:
        return "pattern variable";
    case VarKind::LoopVariable:
        return "loop variable";
    case VarKind::LetBound:
        return "let variable";
    case VarKind::LambdaParameter:
        return "lambda parameter";
    }
    return "variable";
}

CheckedModel::CheckedModel(const Program& program)
    : program_(&program), types_(std::make_unique<TypeSystem>(program)) {}

const Type* CheckedModel::typeOf(const ast::PureExp* e) const {
    auto it = expTypes_.find(e);
    return it == expTypes_.end() ? nullptr : it->second;
}

const Type* CheckedModel::typeOf(const ast::VarDeclStmt* s) const {
    auto it = declTypes_.find(s);
    return it == declTypes_.end() ? nullptr : it->second;
}

std::optional<VarKind> CheckedModel::varKind(const ast::VarExp* e) const {
    auto it = varKinds_.find(e);
    return it == varKinds_.end() ? std::nullopt : std::optional<VarKind>(it->second);
}

std::optional<VarKind> CheckedModel::assignTarget(const ast::AssignStmt* s) const {
    auto it = varKinds_.find(s);
    return it == varKinds_.end() ? std::nullopt : std::optional<VarKind>(it->second);
}

std::optional<VarKind> CheckedModel::guardTarget(const ast::Guard* g) const {
    auto it = varKinds_.find(g);
    return it == varKinds_.end() ? std::nullopt : std::optional<VarKind>(it->second);
}

bool CheckedModel::patternBinds(const ast::Pattern* p) const {
    auto it = patternBinds_.find(p);
    return it == patternBinds_.end() || it->second;
}

const Symbol* CheckedModel::symbolOf(const ast::PureExp* e) const {
    auto it = symbols_.find(e);
    return it == symbols_.end() ? nullptr : it->second;
}

const Symbol* CheckedModel::constructorOf(const ast::Pattern* p) const {
    auto it = symbols_.find(p);
    return it == symbols_.end() ? nullptr : it->second;
}

const Symbol* CheckedModel::functionOf(const ast::FunArg* a) const {
    auto it = symbols_.find(a);
    return it == symbols_.end() ? nullptr : it->second;
}

const std::vector<const ast::MethodDecl*>& CheckedModel::methodsOf(const ast::ClassDecl* c) const {
    static const std::vector<const ast::MethodDecl*> none;
    auto it = methods_.find(c);
    return it == methods_.end() ? none : it->second;
}

void CheckedModel::solveRecordedTypes() {
    for (auto& [e, t] : expTypes_)
        t = types_->zonk(t);
    for (auto& [s, t] : declTypes_)
        t = types_->zonk(t);
    for (DeclaredType& d : declared_) {
        for (const Type*& p : d.params)
            p = types_->zonk(p);
        d.type = types_->zonk(d.type);
    }
}

} // namespace absim::sema
