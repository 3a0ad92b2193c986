#pragma once
// Model parameters: `[Param] Int encoders = 150;` at the top level of a main
// block declares a named parameter whose initialiser is its default. A run
// may replace the default with a value from the command line
// (`absim run model.abs -D encoders=5000`); the value is read as an ABS
// literal of the declared type and put in place of the initialiser before
// the model is checked, so the checker and the interpreter see an ordinary
// local variable. The checker validates where `[Param]` may stand
// (frontend/sema/annotations.cpp).

#include "frontend/ast/ast.h"
#include "frontend/model/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace absim {

// The types a parameter may have: the ones whose literals a command line
// can spell.
inline constexpr const char* kParamTypes[] = {"Int", "Rat", "Float", "String", "Bool"};

struct ModelParam {
    std::string name;
    std::string type;        // as written: Int, Rat, Float, String, Bool (or anything else)
    std::string defaultText; // the initialiser's source text
    ast::VarDeclStmt* decl = nullptr;
};

// Whether `a` is the annotation `[Param]`.
bool isParamAnnotation(const ast::Annotation& a);

// The `[Param]` declarations of the main block that `absim run` would run:
// the one of module `module`, or of the first user module that has one.
std::vector<ModelParam> findModelParams(ParsedModel& model, std::string_view module);

// A value from the command line for one parameter.
struct ParamOverride {
    std::string name;
    std::string value;
};

// Replaces the defaults of `params` with `overrides`. Returns "" on success,
// or the message of the first problem: an unknown name (with the model's
// parameters and a did-you-mean), a name given twice, or a value that is not
// a literal of the parameter's type.
std::string applyParamOverrides(std::vector<ModelParam>& params,
                                const std::vector<ParamOverride>& overrides);

// The parameters as a table: name, type, default (for `run --params`).
std::string formatParamTable(const std::vector<ModelParam>& params);

} // namespace absim
