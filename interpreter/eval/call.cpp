// Calling functions of the functional layer: ABS-bodied, native, selector,
// and the function arguments of higher-order calls.
//
// Calls in tail position (the branches of when/case, the body of let) do
// not deepen the C++ stack: callFunction loops with the callee's frame
// instead of recursing, so tail-recursive ABS functions (the stdlib's
// accumulator loops) run in constant stack.

#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/frame_slots.h"
#include "interpreter/list_spine.h"

#include <memory>

namespace absim::interp {

namespace {
// Set once per interpreter thread; checked on every ABS-level call, which
// is where recursion happens.
thread_local const char* stackLimit = nullptr;

inline void checkStack() {
    char probe;
    if (stackLimit && &probe < stackLimit) [[unlikely]]
        throwRecursionTooDeep();
}

// The locals of a function activation; regrown when a tail call enters a
// function with more slots. Only the slots in use are constructed.
class Locals {
  public:
    explicit Locals(size_t n) {
        if (n > kInline) {
            heap_ = std::make_unique<Value[]>(n);
            capacity_ = n;
            data_ = heap_.get();
        } else {
            for (size_t i = 0; i < n; ++i)
                new (data_ + i) Value();
            live_ = n;
        }
    }
    ~Locals() {
        Value* inl = inlineSlots();
        for (size_t i = 0; i < live_; ++i)
            inl[i].~Value();
    }
    // Slots 0..arity-1 are the arguments, evaluated in the caller's
    // context straight into place; the rest start null. (Delegating: if an
    // argument raises, the destructor still runs.)
    Locals(size_t n, const Expr* const* args, size_t arity, EvalContext& caller) : Locals(n) {
        for (size_t i = 0; i < arity; ++i)
            data_[i] = eval(args[i], caller);
    }
    Locals(const Locals&) = delete;
    Locals& operator=(const Locals&) = delete;

    // Slots 0..n-1 for the next activation.
    // Slots from..n-1 become null (the caller overwrites 0..from-1).
    void reset(size_t n, size_t from) {
        if (heap_ && n <= capacity_) {
            for (size_t i = from; i < n; ++i)
                heap_[i] = Value();
        } else if (!heap_ && n <= kInline) {
            size_t kept = n < live_ ? n : live_;
            for (size_t i = from; i < kept; ++i)
                data_[i] = Value();
            for (size_t i = live_; i < n; ++i)
                new (data_ + i) Value();
            if (n > live_)
                live_ = n;
        } else {
            heap_ = std::make_unique<Value[]>(n);
            capacity_ = n;
            data_ = heap_.get();
        }
    }
    Value* data() { return data_; }

  private:
    static constexpr size_t kInline = 8;
    Value* inlineSlots() { return reinterpret_cast<Value*>(inline_); }
    alignas(Value) unsigned char inline_[kInline * sizeof(Value)];
    size_t live_ = 0; // constructed inline slots
    Value* data_ = inlineSlots();
    std::unique_ptr<Value[]> heap_;
    size_t capacity_ = 0;
};

// Runs an ABS-bodied function whose arguments are in `locals`.
Value runBody(const FunctionInfo* f, Locals& locals, EvalContext& ctx, const Closure* funArgs) {
    EvalContext inner{ctx.rt, locals.data(), nullptr, ctx.proc, funArgs};
    const Expr* e = f->body;
    for (;;) {
        switch (e->op) {
        case ExprOp::When:
            e = evalBool(e->kids[0], inner) ? e->kids[1] : e->kids[2];
            continue;
        case ExprOp::Let:
            inner.locals[e->slot] = eval(e->kids[0], inner);
            e = e->kids[1];
            continue;
        case ExprOp::Case: {
            Value v = eval(e->kids[0], inner);
            const Expr* body = nullptr;
            for (const CaseBranchCode& b : e->branches) {
                if (match(b.pattern, v, inner)) {
                    body = b.body;
                    break;
                }
            }
            if (!body)
                throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
            e = body;
            continue;
        }
        case ExprOp::Call:
        case ExprOp::CallSelf: {
            const FunctionInfo* g = e->function;
            if (g->kind != FunctionInfo::Kind::Abs)
                return eval(e, inner);
            // A tail call: evaluate the arguments, then reuse this activation.
            size_t n = e->kids.size();
            FrameSlots<Value, 8> next(n);
            for (size_t i = 0; i < n; ++i)
                next[i] = eval(e->kids[i], inner);
            if (e->op == ExprOp::Call)
                inner.funArgs = nullptr;
            locals.reset(g->slotCount, n);
            inner.locals = locals.data();
            for (size_t i = 0; i < n; ++i)
                inner.locals[i] = std::move(next[i]);
            e = g->body;
            continue;
        }
        default:
            return eval(e, inner);
        }
    }
}

} // namespace

void setStackLimit(const char* limit) {
    stackLimit = limit;
}

void throwRecursionTooDeep() {
    throwRuntimeError("recursion too deep");
}

Value callFunction(const FunctionInfo* f, Value* args, EvalContext& ctx, const Closure* funArgs) {
    switch (f->kind) {
    case FunctionInfo::Kind::Native: {
        if (!f->native)
            throwRuntimeError("builtin " + f->name + " is not implemented by absim");
        if (funArgs) {
            EvalContext inner = ctx;
            inner.funArgs = funArgs;
            return f->native(inner, args);
        }
        return f->native(ctx, args);
    }
    case FunctionInfo::Kind::Selector: {
        const Value& v = args[0];
        if (v.isData() && v.arity() > 0) {
            const ConstructorInfo* c = v.constructor();
            for (const auto& [ctor, index] : f->selects)
                if (ctor == c) {
                    noteSelected(c, index);
                    return v.arg(index);
                }
        }
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    }
    case FunctionInfo::Kind::Abs:
        break;
    }
    checkStack();
    Locals locals(f->slotCount);
    for (uint32_t i = 0; i < f->arity; ++i)
        locals.data()[i] = std::move(args[i]);
    return runBody(f, locals, ctx, funArgs);
}

Value callWithArgs(const FunctionInfo* f, const Expr* const* args, EvalContext& ctx,
                   const Closure* funArgs) {
    if (f->kind != FunctionInfo::Kind::Abs) {
        FrameSlots<Value, 8> values(f->arity);
        for (uint32_t i = 0; i < f->arity; ++i)
            values[i] = eval(args[i], ctx);
        return callFunction(f, values.data(), ctx, funArgs);
    }
    checkStack();
    // The arguments go straight into the callee's slots.
    Locals locals(f->slotCount, args, f->arity, ctx);
    return runBody(f, locals, ctx, funArgs);
}

Value callClosure(const Closure& c, Value* args, EvalContext& ctx) {
    if (c.function)
        return callFunction(c.function, args, ctx);
    checkStack();
    const LambdaInfo* l = c.lambda;
    FrameSlots<Value, 8> locals(l->slotCount);
    for (uint32_t i = 0; i < l->arity; ++i)
        locals[i] = std::move(args[i]);
    for (size_t i = 0; i < l->captureSlots.size(); ++i)
        locals[l->captureSlots[i]] = c.captured[i];
    EvalContext inner{ctx.rt, locals.data(), nullptr, ctx.proc, c.outerFunArgs};
    return eval(l->body, inner);
}

} // namespace absim::interp
