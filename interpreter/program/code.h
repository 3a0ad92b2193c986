#pragma once
// Statements after lowering: one flat instruction list with jumps per
// method, init block, recover block and main block. A process's frame is
// (code, pc, locals), so suspending is saving the pc: nothing of a process
// lives on the C++ stack between two scheduling steps.

#include "interpreter/program/expr.h"

#include <string>
#include <vector>

namespace absim::interp {

struct ClassInfo;
struct SchedulerSpec;

// Where an instruction puts its result.
struct Dest {
    enum class Kind : uint8_t { None, Local, Field } kind = Kind::None;
    int32_t slot = -1;
};

// The guard of an `await`, as a tree.
struct GuardCode {
    enum class Kind : uint8_t { Future, Duration, Bool, And } kind = Kind::Bool;
    const Expr* exp = nullptr;      // Future: the future; Bool: the condition; Duration: min
    const Expr* max = nullptr;      // Duration (null: same as min)
    const GuardCode* left = nullptr;  // And
    const GuardCode* right = nullptr; // And
};

enum class Opcode : uint8_t {
    Nop,
    Assign,       // dest = e
    Eval,         // e (value dropped)
    Jump,         // pc = target (forward)
    JumpBack,     // pc = target, a loop's top: where a loop may be interrupted
    JumpIfFalse,  // if !e: pc = target
    Match,        // if !match(pattern, locals[slot]): pc = target
    Assert,       // e must be True
    Throw,        // raise e
    Die,          // raise e and kill the object whatever catches it
    Return,       // finish the frame with e (null e: Unit)
    Await,        // guard
    Suspend,
    Duration,     // e = min, e2 = max: block the COG for that time
    AsyncCall,    // dest = callee!method(args)
    SyncCall,     // dest = callee.method(args)
    Get,          // dest = e.get
    New,          // dest = new cls(args)
    NewLocal,     // dest = new local cls(args)
    TryEnter,     // on exception: locals[slot] = exception; pc = target
    TryLeave,     // drop the innermost handler
    Rethrow,      // raise locals[slot]
    ForeachNext,  // if locals[slot] is Nil: pc = target; else dest = head, locals[slot] = tail
    Consume,      // take e of resource `slot` (0 Speed, 1 Bandwidth) from the COG's DC,
                  // blocking until served; with e2 (a callee), only if its COG is on
                  // another DC ([Cost:], [DataSize:], runtime.md §6.3-6.4)

    // Chosen after lowering for the commonest shapes (lower/select_opcodes.h),
    // so that the instruction loop needs no switch on the destination and
    // no evaluator call for a counter. Each means exactly what the generic
    // instruction it replaces means; `e` is still that instruction's operand.
    AssignLocal,  // locals[dest.slot] = e  (e a constant, local or field)
    AssignField,  // fields[dest.slot] = e  (e a constant, local or field)
    ComputeLocal, // locals[dest.slot] = e  (any other e: its node function at once)
    ComputeField, // fields[dest.slot] = e  (any other e: its node function at once)
    AddLocal,     // locals[dest.slot] = locals[dest.slot] + imm  (e: the same as a tree)
    AddField,     // fields[dest.slot] = fields[dest.slot] + imm  (e: the same as a tree)
    JumpUnlessLL, // if !(locals[slot] rel locals[slot2]): pc = target  (e: the condition)
    JumpUnlessLK, // if !(locals[slot] rel imm): pc = target  (e: the condition)
};

// A relation between two Ints as the set of outcomes of their comparison
// that make it hold: bit 0 less, bit 1 equal, bit 2 greater.
enum RelationMask : uint8_t {
    kHoldsIfLess = 1,
    kHoldsIfEqual = 2,
    kHoldsIfGreater = 4,
};

// 128 bytes (aligned to 64): the instruction loop turns an instruction
// pointer into a pc and a jump target into a pointer with shifts.
struct alignas(64) Instr {
    Opcode op = Opcode::Nop;
    Dest dest;
    int32_t slot = -1;
    uint32_t target = 0;
    uint32_t line = 0;
    uint32_t method = 0;             // AsyncCall, SyncCall: interned method name id
    int64_t imm = 0;                 // AddLocal, AddField: the Int added; JumpUnlessLK: the Int
    int32_t slot2 = -1;              // JumpUnlessLL: the right operand's slot
    uint8_t relation = 0;            // JumpUnlessLL, JumpUnlessLK: a RelationMask
    const Expr* e = nullptr;         // main operand (callee of calls)
    const Expr* e2 = nullptr;        // second operand (Duration max)
    const Pattern* pattern = nullptr;  // Match
    const GuardCode* guard = nullptr;  // Await
    const ClassInfo* cls = nullptr;    // New, NewLocal
    const SchedulerSpec* scheduler = nullptr; // New: the statement's [Scheduler:]
    std::vector<const Expr*> args;     // calls, New
};
static_assert(sizeof(Instr) == 128);

// One body. `name` is what stack traces show (`Account.deposit`, `main`).
struct Code {
    std::string name;
    std::string file;
    uint32_t slotCount = 0;
    uint32_t paramCount = 0;
    std::vector<Instr> instrs;
};

} // namespace absim::interp
