#pragma once
// Classes and interfaces after lowering. Methods are found by interned
// method-name id in a dense table per class: a call is one index, never a
// string compare.

#include "interpreter/program/code.h"

#include <memory>
#include <string>
#include <vector>

namespace absim::interp {

struct FunctionInfo;

struct InterfaceInfo {
    std::string name; // qualified
    uint32_t id = 0;  // dense over the program's interfaces
};

struct MethodInfo {
    std::string name;
    uint32_t id = 0;
    Code code; // parameters in slots 0..arity-1
    uint32_t arity = 0;
};

// A user-defined scheduler, `[Scheduler: f(queue, fld...)]` (runtime.md
// §2.5): the function, and for each of its arguments the field slot of the
// COG's first object it reads, or -1 for the process queue.
struct SchedulerSpec {
    const FunctionInfo* function = nullptr;
    std::vector<int32_t> argSlots;
};

struct ClassInfo {
    std::string name;          // qualified, e.g. Main.Account
    std::string simpleName;    // Account
    uint32_t paramCount = 0;   // class parameters occupy field slots 0..paramCount-1
    std::vector<std::string> fieldNames; // every field slot
    // Field initialisers and the init block, as one body run by the init
    // process (runtime.md §1.3 steps 3b-3c); parameters are bound before.
    Code init;
    bool hasInitWork = false;  // false: no initialiser needs evaluating
    bool hasInitBlock = false; // false: initialisers only (pure), run at `new` directly
    const MethodInfo* run = nullptr;
    // Recover block: matched against an uncaught exception (slot 0 holds
    // it); falls off the end (pc == size) when no branch matched.
    Code recover;
    bool hasRecover = false;
    const SchedulerSpec* scheduler = nullptr; // the class's [Scheduler:], if any
    std::vector<const MethodInfo*> methods; // by method-name id (null: none)
    std::vector<bool> implements;           // by interface id
    std::vector<std::unique_ptr<MethodInfo>> ownedMethods;

    const MethodInfo* method(uint32_t id) const {
        return id < methods.size() ? methods[id] : nullptr;
    }
    bool implementsInterface(const InterfaceInfo* i) const {
        return i->id < implements.size() && implements[i->id];
    }
};

} // namespace absim::interp
