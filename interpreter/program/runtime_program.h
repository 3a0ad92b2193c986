#pragma once
// The lowered, immutable program a simulation runs: built once from the AST
// and the resolved names (frontend/sema), shared by every run of the model.
// It owns every expression, pattern, function, class and constructor info.

#include "interpreter/program/class_info.h"
#include "interpreter/program/function_info.h"

#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace absim {
class SourceManager;
}

namespace absim::interp {

struct RuntimeProgram {
    Code main;
    std::string mainModule;
    std::vector<std::string> methodNames; // by interned id

    // Well-known pieces the runtime needs (null when the stdlib lacks them).
    const ClassInfo* deploymentComponentClass = nullptr;

    // Storage: deques keep addresses stable while lowering appends.
    std::deque<Expr> exprs;
    std::deque<Pattern> patterns;
    std::deque<GuardCode> guards;
    std::deque<FunctionInfo> functions;
    std::deque<LambdaInfo> lambdas;
    std::deque<ClassInfo> classes;
    std::deque<InterfaceInfo> interfaces;
    std::deque<ConstructorInfo> constructors; // program-declared ones only
    std::deque<SchedulerSpec> schedulers;

    uint32_t methodId(const std::string& name) const {
        auto it = methodIds.find(name);
        return it == methodIds.end() ? UINT32_MAX : it->second;
    }
    std::unordered_map<std::string, uint32_t> methodIds;
};

} // namespace absim::interp
