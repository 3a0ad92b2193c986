#pragma once
// Float chains compiled into flat programs. A maximal tree of Float chain
// links (eval/float_chains.h) whose leaves are locals, fields, constants
// and a few builtins -- a sine polynomial with its inlined helpers and
// their `let`s -- becomes one linear sequence of three-address operations
// over an array of doubles, run by one loop: no node function per link, no
// Value stored for a `let`, no scope entered. The operations are the
// chain's own, in the chain's order (the same IEEE results, bit for bit),
// with the chain's checks and errors (a zero divisor, a result that is not
// finite, log of a number that is not positive). A link the program cannot
// express (an argument evaluated the general way, a `when`, a call left as
// a call) is called through its floatFn where the tree would evaluate it,
// so effects such as `random` draws keep their order. The locals and fields
// the program reads in place are read first (pure code cannot change them
// meanwhile); when one is not a Float after all, the tree is evaluated
// instead, as if there were no program, so the result or error is the
// tree's.
//
// A Rat tail is compiled the same way: an exact `(floor(x) + k) / d` (and
// its kin, eval/rounded_over_decimal.h) under `let`s and inlined calls
// that bind Floats (or in-place locals and fields) -- a whole exponential
// sample -- becomes one program whose last operation makes the Rat from
// the double: the `let` variables stay in registers, never boxed.

#include "interpreter/program/expr.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

namespace absim::interp {

// What a node is to a program: the chain link its floatFn computes.
enum class FloatLink : uint8_t {
    None,   // not a Float chain link
    Opaque, // a link the program calls through its floatFn
    Leaf,   // a Float local or constant (floatLeaf)
    Add,    // operands read in place or links of their own
    Sub,
    Mul,
    Div,
    Neg,
    Let,   // binding a link's result (floatLetOfFloat)
    Scope, // an inlined call whose variables hold only Floats
    Log,   // log, sqrt, exp of a link
    Sqrt,
    Exp,
    Same,  // float() of a link
    Floor, // float(floor(link)), float(ceil(link))
    Ceil,
    Draw, // float((random(n) ± k) / m), n, k, m constants (no overflow possible)
};

// What a node that yields no Float is to a program ending in a Rat tail.
enum class RatTail : uint8_t {
    None,
    Let,              // binding a link's result, or a local or field read in place
    Scope,            // an inlined call: its variables let go at its end
    NumberScope,      // an inlined call whose variables hold only Floats
    FloorOverDecimal, // (floor(link) ± k) / d, (floor(link)) / d
    CeilOverDecimal,
};

enum class FloatOpCode : uint8_t {
    LoadLocal, // r[dst] = locals[slot], a Float, else the tree instead
    LoadField, // r[dst] = fields[slot], the same
    Const,     // r[dst] = c[a], a constant where an operation needs a register
    Add,       // r[dst] = r[a] + r[b]
    AddRC,     // r[dst] = r[a] + c[b]
    AddCR,     // r[dst] = c[a] + r[b]
    Sub,
    SubRC,
    SubCR,
    Mul,
    MulRC,
    MulCR,
    Div,
    DivRC, // c[b] is not zero
    DivCR,
    Neg, // r[dst] = -r[a]
    Log,
    Sqrt,
    Exp,
    Floor, // r[dst] = floor(r[a]) + 0.0
    Ceil,
    Draw,  // r[dst] = float((random(i[slot]) + i[slot + 1]) / c[b])
    Call,  // r[dst] = node->floatFn(node)
    Store, // locals[slot] = r[a], for a `let` variable also read outside the program
    Return,
    // The Rat of the tail `node` from r[a], its offset i[slot] and
    // denominator i[slot + 1]: the end of a Rat program.
    FloorOverDecimal,
    CeilOverDecimal,
    // A step of Horner's scheme, c - x / k * p (a sine polynomial's): three
    // operators in one, t1 = r[a] / c[slot >> 8], t2 = t1 * r[b], r[dst] =
    // c[slot & 0xFF] - t2, in that order. c[slot & 0xFF] is finite, so r[dst]
    // is finite exactly when t1, t2 and it all are.
    HornerStep,
};

// Whether an operation is an arithmetic operator, whose result must be
// finite.
constexpr bool isFloatOperator(FloatOpCode c) {
    return (c >= FloatOpCode::Add && c <= FloatOpCode::DivCR) || c == FloatOpCode::HornerStep;
}

struct FloatOp {
    FloatOpCode code = FloatOpCode::Return;
    uint8_t dst = 0, a = 0, b = 0;
    int32_t slot = -1;
    const Expr* node = nullptr;
};

struct FloatProgram {
    std::vector<double> constants; // c[], read in place
    std::vector<int64_t> integers; // i[], the Int constants of draws and tails
    std::vector<FloatOp> ops;
    FloatFn tree = nullptr; // the root's own floatFn and fn: the fallbacks
    EvalFn boxedTree = nullptr;
    uint32_t registers = 0;
};

// At most this many registers (and constants): a larger tree keeps its
// node functions.
constexpr uint32_t kMaxFloatRegisters = 128;

// Compiles every maximal tree of links (as `linkOf` classifies the nodes)
// with at least two operations into a program held by its root, whose fn
// and floatFn then run it; and every maximal chain of Rat tail nodes (as
// `tailOf` classifies them) into a program held by its top, whose fn then
// runs it.
void compileFloatPrograms(std::deque<Expr>& exprs,
                          const std::function<FloatLink(const Expr&)>& linkOf,
                          const std::function<RatTail(const Expr&)>& tailOf);

// The root's value by its program (its floatFn once compiled).
double runFloatProgram(const Expr* e, EvalContext& ctx);

} // namespace absim::interp
