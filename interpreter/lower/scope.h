#pragma once
// Name scopes while lowering one body: block-structured local variables
// with their frame slots, the fields of the enclosing class, the function
// parameters of an enclosing higher-order function, and — for an anonymous
// function — the scope it was written in, from which it captures.

#include "interpreter/program/expr.h"

#include <string>
#include <utility>
#include <vector>

namespace absim::interp {

struct ClassInfo;
struct LambdaInfo;

struct Scope {
    std::vector<std::pair<std::string, int32_t>> vars; // innermost last
    std::vector<size_t> blocks;                        // vars.size() at each block start
    uint32_t next = 0;                                 // slots are never reused
    const ClassInfo* cls = nullptr;                    // fields visible (methods, init)
    bool hasThis = false;
    // Higher-order function context.
    const std::vector<std::string>* funParams = nullptr;
    const FunctionInfo* selfPartial = nullptr; // recursive calls omit the function arguments
    std::string selfPartialName;
    // Anonymous function: where captured names come from.
    Scope* parent = nullptr;
    LambdaInfo* lambda = nullptr;

    int32_t declare(const std::string& name) {
        int32_t slot = int32_t(next++);
        vars.emplace_back(name, slot);
        return slot;
    }
    int32_t temp() { return int32_t(next++); }
    int32_t find(const std::string& name) const {
        for (auto it = vars.rbegin(); it != vars.rend(); ++it)
            if (it->first == name)
                return it->second;
        return -1;
    }
    void open() { blocks.push_back(vars.size()); }
    void close() {
        vars.resize(blocks.back());
        blocks.pop_back();
    }
};

} // namespace absim::interp
