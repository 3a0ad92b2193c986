#pragma once
// Two copies of one expression tree, built node by node, for tests that
// specialise one copy (`fast`) and evaluate the other the generic way
// (`slow`), then compare the two results bit for bit.

#include "interpreter/compare.h"
#include "interpreter/program/expr.h"
#include "interpreter/program/function_info.h"
#include "interpreter/value.h"

#include <bit>
#include <cstdint>
#include <deque>
#include <exception>
#include <initializer_list>
#include <string>

namespace absim::interp::testing {

struct TwinExprs {
    std::deque<Expr> fast, slow;

    struct Pair {
        Expr* fast;
        Expr* slow;
    };
    Pair node(ExprOp op, std::initializer_list<Pair> kids, const FunctionInfo* f = nullptr) {
        Expr& a = fast.emplace_back();
        Expr& b = slow.emplace_back();
        a.op = b.op = op;
        a.function = b.function = f;
        for (const Pair& k : kids) {
            a.kids.push_back(k.fast);
            b.kids.push_back(k.slow);
        }
        return {&a, &b};
    }
    Pair constant(const Value& v) {
        Pair p = node(ExprOp::Const, {});
        p.fast->constant = p.slow->constant = v;
        return p;
    }
    // A node that names a slot: a local, a field, a let's or a scope's.
    Pair slotted(ExprOp op, int slot, std::initializer_list<Pair> kids = {}) {
        Pair p = node(op, kids);
        p.fast->slot = p.slow->slot = slot;
        return p;
    }
};

// Same kind, same number; for a Float the same bits (so -0.0 is not 0.0).
inline bool sameBits(const Value& a, const Value& b) {
    if (a.isFloat() || b.isFloat())
        return a.isFloat() && b.isFloat() &&
               std::bit_cast<uint64_t>(a.floatValue()) == std::bit_cast<uint64_t>(b.floatValue());
    return a.kind() == b.kind() && equals(a, b);
}

// A builtin of the standard library, as the trees call it.
inline FunctionInfo stdlibNative(const char* name, uint32_t arity, NativeFn fn) {
    FunctionInfo f;
    f.kind = FunctionInfo::Kind::Native;
    f.name = std::string("ABS.StdLib.") + name;
    f.arity = arity;
    f.native = fn;
    return f;
}

// What evaluating gave: a value, or the message of what it raised.
struct Outcome {
    Value value;
    std::string error;
};
template <typename F> Outcome attempt(F f) {
    Outcome o;
    try {
        o.value = f();
    } catch (const std::exception& e) {
        o.error = e.what();
    }
    return o;
}

} // namespace absim::interp::testing
