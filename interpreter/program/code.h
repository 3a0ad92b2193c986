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

// Every opcode, in order. The enum is made from this list, and so is the
// instruction loop's jump table (runtime/execute.cpp), which needs a label
// for each: an opcode added here without one there does not compile.
#define ABSIM_FOR_EACH_OPCODE(X)                                                                   \
    X(Nop)                                                                                         \
    X(Assign)      /* dest = e */                                                                  \
    X(Eval)        /* e (value dropped) */                                                         \
    X(Jump)        /* pc = target (forward) */                                                     \
    X(JumpBack)    /* pc = target, a loop's top: where a loop may be interrupted */                \
    X(JumpIfFalse) /* if !e: pc = target */                                                        \
    X(Match)       /* if !match(pattern, locals[slot]): pc = target */                             \
    X(Assert)      /* e must be True */                                                            \
    X(Throw)       /* raise e */                                                                   \
    X(Die)         /* raise e and kill the object whatever catches it */                           \
    X(Return)      /* finish the frame with e (null e: Unit) */                                    \
    X(Await)       /* guard */                                                                     \
    X(Suspend)                                                                                     \
    X(Duration)    /* e = min, e2 = max: block the COG for that time */                            \
    X(AsyncCall)   /* dest = callee!method(args) */                                                \
    X(SyncCall)    /* dest = callee.method(args) */                                                \
    X(Get)         /* dest = e.get */                                                              \
    X(New)         /* dest = new cls(args) */                                                      \
    X(NewLocal)    /* dest = new local cls(args) */                                                \
    X(TryEnter)    /* on exception: locals[slot] = exception; pc = target */                       \
    X(TryLeave)    /* drop the innermost handler */                                                \
    X(Rethrow)     /* raise locals[slot] */                                                        \
    X(ForeachNext) /* if locals[slot] is Nil: pc = target; else dest = head, locals[slot] = tail */ \
    /* Consume: take e of resource `slot` (0 Speed, 1 Bandwidth) from the COG's DC, blocking    */ \
    /* until served; with e2 (a callee), only if its COG is on another DC ([Cost:],             */ \
    /* [DataSize:], runtime.md §6.3-6.4)                                                        */ \
    X(Consume)                                                                                     \
    /* A synchronous call `this.m(..)` copied into its caller (lower/inline_methods.h): */         \
    /* InlineEnter stands where the call was, before its arguments (slot: the site, imm: how   */ \
    /* many inlined calls enclose it); InlineExit ends the callee's body: dest = e (null e:     */ \
    /* nothing to store), then locals [slot, slot + imm) let go of their values.               */ \
    X(InlineEnter)                                                                                 \
    X(InlineExit)                                                                                  \
    /* Chosen after lowering for the commonest shapes (lower/select_opcodes.h), so that the     */ \
    /* instruction loop needs no switch on the destination and no evaluator call for a          */ \
    /* counter. Each means exactly what the generic instruction it replaces means; `e` is       */ \
    /* still that instruction's operand.                                                        */ \
    X(AssignLocal)  /* locals[dest.slot] = e  (e a constant, local or field) */                    \
    X(AssignField)  /* fields[dest.slot] = e  (e a constant, local or field) */                    \
    X(ComputeLocal) /* locals[dest.slot] = e  (any other e: its node function at once) */          \
    X(ComputeField) /* fields[dest.slot] = e  (any other e: its node function at once) */          \
    X(AddLocal)     /* locals[dest.slot] = locals[dest.slot] + imm  (e: the same as a tree) */     \
    X(AddField)     /* fields[dest.slot] = fields[dest.slot] + imm  (e: the same as a tree) */     \
    X(JumpUnlessLL) /* if !(locals[slot] rel locals[slot2]): pc = target  (e: the condition) */    \
    X(JumpUnlessLK) /* if !(locals[slot] rel imm): pc = target  (e: the condition) */              \
    X(ListAppend)   /* dest = appendright(dest, e2), in place when it can (list_spine.h) */        \
    X(ListDropHead) /* dest = tail(dest), in place when it can */                                 \
    X(StringAppend) /* dest = dest + args[0] + .. on a String, in its buffer when it can */

#define ABSIM_OPCODE_ENUMERATOR(op) op,
enum class Opcode : uint8_t { ABSIM_FOR_EACH_OPCODE(ABSIM_OPCODE_ENUMERATOR) };
#undef ABSIM_OPCODE_ENUMERATOR

#define ABSIM_OPCODE_ONE(op) +1
inline constexpr size_t kOpcodeCount = 0 ABSIM_FOR_EACH_OPCODE(ABSIM_OPCODE_ONE);
#undef ABSIM_OPCODE_ONE

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

struct Code;

// A synchronous call `this.m(..)` whose callee's body was copied into the
// code in place of the call (lower/inline_methods.h). The runtime needs it
// only where the callee's frame would show: unwinding (the callee's object
// sees the exception first) and stack lines.
struct InlineSite {
    const Code* callee = nullptr; // its name and file, for stack lines
    uint32_t callPc = 0;  // the InlineEnter: the call, in the enclosing site
    uint32_t bodyPc = 0;  // the callee's first instruction; the arguments lie between
    uint32_t endPc = 0;   // the first instruction after the callee's body
    uint32_t slot = 0;    // the callee's locals: [slot, slot + slotCount) of the frame
    uint32_t slotCount = 0;
    int32_t parent = -1;  // the site the call is in, -1 for the code's own body
};

// One body. `name` is what stack traces show (`Account.deposit`, `main`).
struct Code {
    std::string name;
    std::string file;
    uint32_t slotCount = 0;
    uint32_t paramCount = 0;
    std::vector<Instr> instrs;
    // Inlined calls, and for each instruction the innermost one it belongs
    // to (-1: the code's own); both empty when nothing was inlined.
    std::vector<InlineSite> inlineSites;
    std::vector<int32_t> siteOf;

    int32_t siteAt(uint32_t pc) const { return pc < siteOf.size() ? siteOf[pc] : -1; }
    // The method the instruction at `pc` is in: the innermost inlined
    // callee, or this code's own (what a frame of its own would show).
    const Code& codeAt(uint32_t pc) const {
        int32_t s = siteAt(pc);
        return s < 0 ? *this : *inlineSites[size_t(s)].callee;
    }
};

} // namespace absim::interp
