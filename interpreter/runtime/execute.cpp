// Executing a process: the instruction loop over the top frame, same-COG
// synchronous calls as pushed frames, and the points where a process gives
// control back to the scheduler (release, block, end). Exceptions unwind
// through the frame's try handlers, then through callers (runtime.md §8).

#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/format.h"
#include "interpreter/list_spine.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/call_args.h"
#include "interpreter/runtime/runtime.h"
#include "interpreter/runtime/spawn.h"
#include "interpreter/strings.h"

#include <cstring>
#include <iterator>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace absim::interp {

namespace {

// Moves `v` into the storage of a Value that holds nothing to release.
// A value just returned by a node function was written as two 8-byte
// stores; a plain move reads it back as one 16-byte load, which the CPU
// cannot forward from two stores, so it would wait for them to reach the
// cache. Two word loads are forwarded.
[[gnu::always_inline]] inline void moveWords(Value& dst, Value& v) {
    auto* from = reinterpret_cast<unsigned char*>(&v);
    uint64_t w0, w1;
    std::memcpy(&w0, from, 8);
    std::memcpy(&w1, from + 8, 8);
    asm("" : "+r"(w0), "+r"(w1)); // keeps the compiler from merging them again
    new (&v) Value();             // its ownership moved to `dst`
    // Stored whole, so that a later 16-byte copy of `dst` is forwarded.
#if defined(__x86_64__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&dst), _mm_set_epi64x(int64_t(w1), int64_t(w0)));
#else
    auto* to = reinterpret_cast<unsigned char*>(&dst);
    std::memcpy(to, &w0, 8);
    std::memcpy(to + 8, &w1, 8);
#endif
}

// Puts a value just computed into a slot. The common case, a slot that
// holds no heap cell, is a plain copy of the two words.
[[gnu::always_inline]] inline void putResult(Value& slot, Value&& v) {
    if (!slot.holdsCell()) [[likely]] {
        slot.~Value(); // nothing to release
        moveWords(slot, v);
        return;
    }
    slot = std::move(v);
}

[[gnu::always_inline]] inline void storeInline(Frame& f, const Dest& d, Value&& v) {
    switch (d.kind) {
    case Dest::Kind::Local:
        putResult(f.locals[d.slot], std::move(v));
        return;
    case Dest::Kind::Field:
        putResult(f.self->fields[d.slot], std::move(v));
        return;
    case Dest::Kind::None:
        return;
    }
}

// The same where the compiler may choose to call it.
inline void store(Frame& f, const Dest& d, Value&& v) {
    switch (d.kind) {
    case Dest::Kind::Local:
        putResult(f.locals[d.slot], std::move(v));
        return;
    case Dest::Kind::Field:
        putResult(f.self->fields[d.slot], std::move(v));
        return;
    case Dest::Kind::None:
        return;
    }
}

// The same, called: for the future of an asynchronous call (rarer than
// the results `store` puts in place inline, and made at some cost anyway).
[[gnu::noinline]] void storeFuture(Frame& f, const Dest& d, Value&& v) {
    store(f, d, std::move(v));
}

// `slot = slot + in.imm` (AddLocal, AddField): on an Int that stays an Int,
// without the evaluator; anything else (a Rat, an overflow into a big Int)
// as the generic instruction would.
[[gnu::always_inline]] inline void addInt(Value& slot, const Instr& in, EvalContext& ctx) {
    int64_t r;
    if (slot.isSmallInt() && !__builtin_add_overflow(slot.smallInt(), in.imm, &r)) [[likely]] {
        // An Int holds no cell: nothing to release, the new Int is built in place.
        slot.~Value();
        new (&slot) Value(Value::fromInt(r));
        return;
    }
    slot = eval(in.e, ctx);
}

// text = text + pieces[0] + pieces[1] .. (StringAppend), text a String.
// The pieces are evaluated first, in order, as `+` evaluates them; one
// that is not a String raises what `+` raises, before text changes. Then
// they go into text's own buffer when nobody else holds it (concat).
[[gnu::noinline]] void appendPieces(Value& text, const std::vector<const Expr*>& pieces,
                                    EvalContext& ctx) {
    size_t n = pieces.size();
    CallArgs values(n);
    for (size_t i = 0; i < n; ++i) {
        values[i] = eval(pieces[i], ctx);
        if (!values[i].isString())
            concat(text, values[i]);
    }
    for (size_t i = 0; i < n; ++i)
        text = concat(std::move(text), values[i]);
}

// Whether `a rel b` holds, `rel` a RelationMask.
[[gnu::always_inline]] inline bool intRelation(uint8_t rel, int64_t a, int64_t b) {
    int outcome = (a > b) - (a < b) + 1; // 0 less, 1 equal, 2 greater
    return (rel >> outcome) & 1;
}

// The callee of a call statement: `this.m(...)` and `this!m(...)` are
// common enough to skip the evaluator's generic node function.
inline Value evalCallee(const Expr* e, EvalContext& ctx) {
    if (e->op == ExprOp::This)
        return ctx.self ? Value::object(ctx.self) : Value();
    return eval(e, ctx);
}

// The value of a resolved future, or its exception raised.
Value futureResult(const Value& fut) {
    Future* f = fut.entityAs<Future>();
    if (f->state == Future::State::Exception)
        throw AbsException(f->value);
    return f->value;
}

} // namespace

// Runs the process's frames from where they are; an ABS exception or
// run-time error that leaves them is raised where the process then is.
[[gnu::always_inline]] inline void Runtime::runOn(Process* p) {
    try {
        runFrames(p);
    } catch (const AbsException& e) {
        raiseIn(p, e.exception());
    } catch (const AbsRuntimeError& e) {
        raiseIn(p, runtimeErrorValue(e.what()));
    }
}

void Runtime::execute(Process* p) {
    p->state = ProcessState::Running;
    if (p->blockedOn != BlockReason::None || p->hasPendingError) [[unlikely]] {
        resume(p);
        return;
    }
    // The usual step: run on from the saved pc. What is rare (resuming a
    // blocked instruction, an exception) is out of line, so that this
    // entry costs little more than the call.
    runOn(p);
}

// Raises `exc` at the top frame's pc and runs on from where it is caught.
void Runtime::raiseIn(Process* p, Value exc) {
    for (;;) {
        if (!unwind(p, exc))
            return;
        try {
            runFrames(p);
            return;
        } catch (const AbsException& e) {
            exc = e.exception();
        } catch (const AbsRuntimeError& e) {
            exc = runtimeErrorValue(e.what());
        }
    }
}

// A step after a block, or with an exception pending from a guard: finish
// the instruction that blocked (or raise), then run on.
void Runtime::resume(Process* p) {
    if (p->blockedOn != BlockReason::None) {
        BlockReason why = p->blockedOn;
        p->blockedOn = BlockReason::None;
        Frame& f = p->frames.back();
        const Instr& in = f.code->instrs[f.pc];
        if (why == BlockReason::Duration || why == BlockReason::Resource) {
            ++f.pc;
        } else {
            Value fut = std::move(p->awaited);
            p->awaited = Value();
            Future* F = fut.entityAs<Future>();
            ++f.pc;
            if (F->state == Future::State::Exception) {
                Value exc = F->value;
                if (p->hasPendingError) {
                    // An exception pending from a guard takes precedence.
                    p->hasPendingError = false;
                    exc = std::move(p->pendingError);
                    p->pendingError = Value();
                }
                raiseIn(p, std::move(exc));
                return;
            }
            store(f, in.dest, Value(F->value));
        }
    }
    if (p->hasPendingError) {
        p->hasPendingError = false;
        Value exc = std::move(p->pendingError);
        p->pendingError = Value();
        raiseIn(p, std::move(exc));
        return;
    }
    runOn(p);
}

// Finishes the top frame with `v`. True when the process ended.
bool Runtime::finishFrame(Process* p, Value v) {
    Frame& f = p->frames.back();
    if (p->frames.nested()) {
        Dest d = f.resultDest;
        Value result = std::move(v);
        if (f.kind == Frame::Kind::Init) {
            result = f.selfRef;
            objectInitialised(f.self);
        }
        p->frames.pop_back();
        store(p->frames.back(), d, std::move(result));
        return false;
    }
    switch (f.kind) {
    case Frame::Kind::Method:
        if (p->destiny.isFuture())
            resolve(p->destiny, std::move(v), false);
        break;
    case Frame::Kind::Main:
        mainDone_ = true;
        if (options_.stopWhenMainEnds) {
            // Keep its variables, and what they refer to, for inspection.
            stopped_ = true;
            stoppedMain_ = ProcessRef(p);
            p->state = ProcessState::Done;
            return true;
        }
        break;
    case Frame::Kind::Init:
        objectInitialised(f.self);
        if (p->initDone.isFuture())
            resolve(p->initDone, f.selfRef, false);
        break;
    case Frame::Kind::Recover:
        p->awaited = std::move(v);
        break;
    }
    p->state = ProcessState::Done;
    p->frames.clear();
    return true;
}

// Routes an exception to the innermost handler; false when it ended the
// process (reported, object killed or recovered, future resolved).
bool Runtime::unwind(Process* p, const Value& exc) {
    for (;;) {
        Frame& f = p->frames.back();
        if (!f.code->inlineSites.empty()) [[unlikely]]
            unwindInlined(p, f, exc);
        if (Handler h; p->frames.takeHandler(h)) {
            flushRepeatedKills();
            f.locals[h.slot] = exc;
            f.pc = h.target;
            return true;
        }
        if (p->frames.nested()) {
            // A same-COG synchronous callee: its object handles it first,
            // then the exception continues in the caller (§8.2).
            if (f.kind == Frame::Kind::Method)
                objectUncaught(f.self, exc, p, f.code->name);
            p->frames.pop_back();
            // The caller is now the top frame: its pc, just past the call,
            // goes back to the call, which is where the exception now is
            // (its stack line; a handler sets its own pc).
            Frame& caller = p->frames.back();
            if (caller.pc > 0)
                --caller.pc;
            continue;
        }
        switch (f.kind) {
        case Frame::Kind::Main:
            reportError("Uncaught " + toString(exc) + " in main block", p);
            stopped_ = true;
            status_ = 70;
            break;
        case Frame::Kind::Method:
            objectUncaught(f.self, exc, p, f.code->name);
            if (p->destiny.isFuture())
                resolve(p->destiny, exc, true);
            break;
        case Frame::Kind::Init:
            reportError("Uncaught " + toString(exc) + " in init block of " + f.self->describe() +
                            ", killing object " + f.self->describe(),
                        p);
            kill(f.self);
            if (p->initDone.isFuture())
                resolve(p->initDone, f.selfRef, false);
            break;
        case Frame::Kind::Recover:
            throw AbsException(exc);
        }
        flushRepeatedKills();
        p->state = ProcessState::Done;
        p->frames.clear();
        return false;
    }
}

// An exception at `f.pc`, inside calls inlined into the frame's code
// (lower/inline_methods.h): what the pops of their frames would do, the
// innermost first (§8.2): the callee's object handles it, the callee's
// locals go, and the exception is at the call. It leaves the frame's own
// code at the outermost call, where the frame's handlers take it as
// before. Raised in the arguments of an inlined call, it is at the call,
// which was not made: its count is taken back.
void Runtime::unwindInlined(Process* p, Frame& f, const Value& exc) {
    const Code& code = *f.code;
    for (const InlineSite& s : code.inlineSites)
        if (s.callPc < f.pc && f.pc < s.bodyPc) {
            --stats_.calls;
            break;
        }
    for (int32_t i = code.siteAt(f.pc); i >= 0;) {
        const InlineSite& s = code.inlineSites[size_t(i)];
        objectUncaught(f.self, exc, p, s.callee->name);
        for (uint32_t k = 0; k < s.slotCount; ++k)
            f.locals[s.slot + k] = Value();
        f.pc = s.callPc;
        i = s.parent;
    }
}

// Puts `p` among the time waiters until the clock reaches now + [min, max];
// false, and no wait at all, when a bound is negative (§5.3), or when `p`
// may go on `alone` and the clock moved to its time at once (advanceAlone:
// the wait would end at its maximum, before anything else could run).
bool Runtime::waitForTime(Process* p, const Expr* min, const Expr* max, EvalContext& ctx,
                          bool alone) {
    Value lo = eval(min, ctx);
    if (max == min) {
        // The usual `duration(d, d)`: a point in time, one sum.
        if (negativeTime(lo))
            return false;
        Value t = add(clock_, lo);
        double key = TimeWaiters::keyOf(t);
        if (alone && mayGoOnAlone(p, key) && advanceAlone(p, t, key))
            return false;
        timeWaiters_.add(p, t, key);
        return true;
    }
    Value hi = eval(max, ctx);
    if (negativeTime(lo) || negativeTime(hi))
        return false;
    // A maximum below the minimum is both bounds (TimeWaiters::add, §5.3).
    Value tmax = add(clock_, hi);
    if (alone && advanceAlone(p, tmax, TimeWaiters::keyOf(tmax)))
        return false;
    timeWaiters_.add(p, add(clock_, lo), tmax);
    return true;
}

bool Runtime::startAwait(Process* p, const Instr& in, EvalContext& ctx) {
    const GuardCode* g = in.guard;
    p->timePassed = false;
    // A duration part is waited for first (§2.4).
    const GuardCode* d = g;
    while (d->kind == GuardCode::Kind::And)
        d = d->left->kind == GuardCode::Kind::And || d->left->kind == GuardCode::Kind::Duration
                ? d->left
                : d->right;
    if (d->kind == GuardCode::Kind::Duration) {
        // Only a lone duration goes on at once; a guard with more to wait
        // for waits for the clock as usual.
        if (waitForTime(p, d->exp, d->max, ctx, d == g)) {
            p->guard = g;
            p->state = ProcessState::WaitingTime;
            return true;
        }
        p->timePassed = true; // negative, or the clock is there (§5.3)
        if (d == g)
            return false; // nothing else to wait for
    }
    if (g->kind == GuardCode::Kind::Future) {
        // The commonest guard, `await f?` alone: the future read once, and
        // the process on its list at once (what guardHolds, guardHasBool
        // and registerOnFutures below would do, reading it three times).
        Value v = eval(g->exp, ctx);
        if (!v.isFuture())
            throwBuiltinException(BuiltinConstructor::NullPointerException);
        Future* fut = v.entityAs<Future>();
        if (fut->resolved())
            return false;
        p->guard = g;
        p->state = ProcessState::WaitingFuture;
        fut->waiters.addUnlessLast(p);
        return true;
    }
    if (guardHolds(p, g))
        return false; // already true: continue without releasing
    p->guard = g;
    p->state = guardHasBool(g) ? ProcessState::WaitingGuard : ProcessState::WaitingFuture;
    registerOnFutures(p, g);
    return true;
}

// The deepest a process's stack of synchronous calls may grow.
constexpr size_t kMaxFrames = FrameStack::kMaxFrames;

// Runs `p` until it yields. Returns normally when it released its COG,
// blocked or ended; ABS exceptions propagate to execute().
//
// The statements that only compute and jump run in an inner loop over an
// instruction pointer. The top frame's pc is written back only where it can
// be seen: before any other instruction (which reads and sets `f.pc`
// itself, and may push or pop frames or yield) and when an exception
// leaves (stack lines, handlers).
bool Runtime::runFrames(Process* p) {
    // Renewed, with the cached top frame, when a frame is pushed or popped.
    Frame* top = &p->frames.back();
    EvalContext ctx{this, top->locals.get(), top->self, p, nullptr};
    const Instr* base = top->code->instrs.data();
    const Instr* ip = base + top->pc;
    // Threaded dispatch: each instruction below ends in its own indirect
    // jump to the next one's label, so the CPU predicts each from the
    // instruction before it, not all from one shared jump. The table is
    // made from the opcode list (program/code.h), so it is in enum order,
    // and an opcode without a label here does not compile.
#define ABSIM_LABEL(op) &&op_##op,
    static const void* const kDispatch[] = {ABSIM_FOR_EACH_OPCODE(ABSIM_LABEL)};
#undef ABSIM_LABEL
    static_assert(std::size(kDispatch) == kOpcodeCount);
#define ABSIM_NEXT() goto* kDispatch[size_t(ip->op)]
    // Goes on in the top frame (after a push or a pop), from its pc. A
    // macro, not a lambda: the returns that use it measured dearer with a
    // lambda, even forced inline (the instruction loop's registers).
#define ABSIM_ENTER_TOP()                                                                          \
    do {                                                                                           \
        top = &p->frames.back();                                                                   \
        ctx.locals = top->locals.get();                                                            \
        ctx.self = top->self;                                                                      \
        base = top->code->instrs.data();                                                           \
        ip = base + top->pc;                                                                       \
    } while (false)
    for (;;) {
        try {
            ABSIM_NEXT();
        op_Nop:
            ++ip;
            ABSIM_NEXT();
        op_AssignLocal : {
            const Instr& in = *ip;
            putResult(ctx.locals[in.dest.slot], eval(in.e, ctx));
            ++ip;
            ABSIM_NEXT();
        }
        op_AssignField : {
            const Instr& in = *ip;
            putResult(ctx.self->fields[in.dest.slot], eval(in.e, ctx));
            ++ip;
            ABSIM_NEXT();
        }
        op_ComputeLocal : {
            const Instr& in = *ip;
            putResult(ctx.locals[in.dest.slot], in.e->fn(in.e, ctx));
            ++ip;
            ABSIM_NEXT();
        }
        op_ComputeField : {
            const Instr& in = *ip;
            putResult(ctx.self->fields[in.dest.slot], in.e->fn(in.e, ctx));
            ++ip;
            ABSIM_NEXT();
        }
        op_AddLocal : {
            const Instr& in = *ip;
            addInt(ctx.locals[in.dest.slot], in, ctx);
            ++ip;
            ABSIM_NEXT();
        }
        op_AddField : {
            const Instr& in = *ip;
            addInt(ctx.self->fields[in.dest.slot], in, ctx);
            ++ip;
            ABSIM_NEXT();
        }
        op_Assign : {
            const Instr& in = *ip;
            store(*top, in.dest, eval(in.e, ctx));
            ++ip;
            ABSIM_NEXT();
        }
        op_Eval:
            eval(ip->e, ctx);
            ++ip;
            ABSIM_NEXT();
        op_Jump:
            ip = base + ip->target;
            ABSIM_NEXT();
        op_JumpBack:
            // A loop that never releases its COG can only be stopped here.
            if (runInterrupted.load(std::memory_order_relaxed)) [[unlikely]] {
                top->pc = uint32_t(ip - base);
                stopped_ = true;
                status_ = kInterruptedStatus;
                return true;
            }
            ip = base + ip->target;
            ABSIM_NEXT();
        op_JumpIfFalse:
            ip = evalBool(ip->e, ctx) ? ip + 1 : base + ip->target;
            ABSIM_NEXT();
        op_JumpUnlessLL : {
            const Instr& in = *ip;
            const Value& a = ctx.locals[in.slot];
            const Value& b = ctx.locals[in.slot2];
            bool holds = a.isSmallInt() && b.isSmallInt()
                             ? intRelation(in.relation, a.smallInt(), b.smallInt())
                             : evalBool(in.e, ctx);
            ip = holds ? ip + 1 : base + in.target;
            ABSIM_NEXT();
        }
        op_JumpUnlessLK : {
            const Instr& in = *ip;
            const Value& a = ctx.locals[in.slot];
            bool holds = a.isSmallInt() ? intRelation(in.relation, a.smallInt(), in.imm)
                                        : evalBool(in.e, ctx);
            ip = holds ? ip + 1 : base + in.target;
            ABSIM_NEXT();
        }
        op_ListAppend : {
            // The element first: it may read the list, which is then
            // still whole.
            // (A scope of its own: an indirect goto may not leave the scope
            // of a value with a destructor.)
            {
                const Instr& in = *ip;
                Value element = eval(in.e2, ctx);
                appendRightInPlace(in.dest.kind == Dest::Kind::Local
                                       ? ctx.locals[in.dest.slot]
                                       : ctx.self->fields[in.dest.slot],
                                   std::move(element));
            }
            ++ip;
            ABSIM_NEXT();
        }
        op_ListDropHead : {
            const Instr& in = *ip;
            dropHeadInPlace(in.dest.kind == Dest::Kind::Local ? ctx.locals[in.dest.slot]
                                                              : ctx.self->fields[in.dest.slot]);
            ++ip;
            ABSIM_NEXT();
        }
        op_StringAppend : {
            const Instr& in = *ip;
            Value& text = in.dest.kind == Dest::Kind::Local ? ctx.locals[in.dest.slot]
                                                            : ctx.self->fields[in.dest.slot];
            if (text.isString()) [[likely]]
                appendPieces(text, in.args, ctx);
            else
                putResult(text, in.e->fn(in.e, ctx)); // not a String: `+` as written
            ++ip;
            ABSIM_NEXT();
        }
        op_Match:
            ip = match(ip->pattern, ctx.locals[ip->slot], ctx) ? ip + 1 : base + ip->target;
            ABSIM_NEXT();
        op_InlineEnter:
            // A call `this.m(..)` whose body follows (lower/inline_methods.h):
            // what the call checked before its arguments, then counted. An
            // exception in the arguments takes the count back (unwind). A
            // dead object, or a stack that may be too deep: the switch below.
            if (!ctx.self->alive || !p->frames.hasRoomForCalls(size_t(ip->imm) + 1)) [[unlikely]]
                goto slow;
            ++stats_.calls;
            ++ip;
            ABSIM_NEXT();
        op_InlineExit : {
            // The end of an inlined call: its result stored as the return
            // would, its locals let go as the callee's frame would.
            const Instr& in = *ip;
            if (in.e) {
                Value v = eval(in.e, ctx);
                storeInline(*top, in.dest, std::move(v));
            }
            // (None when the frame's end follows: lowering set imm to 0.)
            for (Value *l = ctx.locals + in.slot, *end = l + in.imm; l != end; ++l)
                if (l->holdsCell()) [[unlikely]]
                    *l = Value();
            ++ip;
            ABSIM_NEXT();
        }
        op_SyncCall : {
            // The usual synchronous call, `this.m(..)` or on an object in a
            // variable, to a live object of this COG: its frame is pushed
            // here. Anything else (null, dead, another COG, no such method,
            // too deep) goes to the switch below, which evaluates the callee
            // again: a leaf, so nothing is evaluated twice that could differ.
            // The callee is read where it lies. A call on the caller's own
            // object (`this.m(..)`, the usual case) takes no reference to
            // it: the caller's frame, which lies below the callee's until
            // the callee's is popped, keeps it alive (by its own reference
            // or, the same way, by the frame below it).
            const Instr& in = *ip;
            const Expr* c = in.e;
            Object* o;
            if (c->op == ExprOp::This) {
                // The running object is on this process's COG (a frame
                // runs on its own object, or on one `new local` put there).
                o = ctx.self;
                if (!o || !o->alive)
                    goto slow;
            } else if (c->op == ExprOp::Local || c->op == ExprOp::Field) {
                const Value& v =
                    c->op == ExprOp::Local ? ctx.locals[c->slot] : ctx.self->fields[c->slot];
                if (!v.isObject())
                    goto slow;
                o = v.entityAs<Object>();
                if (!o->alive || o->cog != p->cog)
                    goto slow;
            } else {
                goto slow;
            }
            const MethodInfo* m = o->cls->method(in.method);
            // No room without growing the frame array, or too deep: the
            // switch below, which grows it or refuses.
            if (!m || !p->frames.hasRoomForCall())
                goto slow;
            Value* locals;
            {
                // Taken before the arguments are evaluated, as the callee was.
                Value callee = o == ctx.self ? Value() : Value::object(o);
                std::unique_ptr<Value[]> slots;
                if (m->code.slotCount)
                    slots = std::make_unique<Value[]>(m->code.slotCount);
                size_t n = in.args.size();
                for (size_t i = 0; i < n; ++i)
                    putResult(slots[i], eval(in.args[i], ctx));
                top->pc = uint32_t(ip - base) + 1;
                ++stats_.calls;
                locals = slots.get(); // the new frame is still in the store buffer
                top = &p->frames.pushInRoom(&m->code, Frame::Kind::Method, o, std::move(callee),
                                            std::move(slots), in.dest);
            }
            ctx.locals = locals;
            ctx.self = o;
            base = m->code.instrs.data();
            ip = base;
            ABSIM_NEXT();
        }
        op_AsyncCall : {
            // The usual asynchronous call, `o!m(..)` with `o` this object or
            // in a variable, to a live object that has the method: the new
            // process is made here, its arguments evaluated straight into
            // its slots. Anything else (null, dead, no such method, another
            // callee expression) goes to the switch below, which evaluates
            // the callee again: a leaf, so nothing is evaluated twice that
            // could differ. Evaluating the arguments is pure, so it cannot
            // change what was looked up here.
            // The callee is read where it lies, not copied: the process
            // takes its own reference to the object.
            const Instr& in = *ip;
            const Expr* c = in.e;
            Object* o;
            if (c->op == ExprOp::This) {
                o = ctx.self;
                if (!o)
                    goto slow;
            } else if (c->op == ExprOp::Local || c->op == ExprOp::Field) {
                const Value& v =
                    c->op == ExprOp::Local ? ctx.locals[c->slot] : ctx.self->fields[c->slot];
                if (!v.isObject())
                    goto slow;
                o = v.entityAs<Object>();
            } else {
                goto slow;
            }
            if (!o->alive)
                goto slow;
            const MethodInfo* m = o->cls->method(in.method);
            if (!m)
                goto slow;
            {
                auto slots = std::make_unique<Value[]>(m->code.slotCount);
                size_t n = in.args.size();
                for (size_t i = 0; i < n; ++i)
                    putResult(slots[i], eval(in.args[i], ctx));
                bool wanted = in.dest.kind != Dest::Kind::None;
                if (in.e2) [[unlikely]] {
                    // A [Deadline: d]: evaluated after the arguments, as the
                    // switch below does.
                    Value deadline = eval(in.e2, ctx);
                    Process* q = spawnCall(o, m, std::move(slots), wanted);
                    if (!deadline.isNull())
                        q->deadline = std::move(deadline);
                    if (wanted)
                        storeFuture(*top, in.dest, Value(q->destiny));
                } else {
                    Process* q = spawnCall(o, m, std::move(slots), wanted);
                    if (wanted)
                        storeFuture(*top, in.dest, Value(q->destiny));
                }
            }
            ++ip;
            ABSIM_NEXT();
        }
        op_Return : {
            const Instr& in = *ip;
            if (!p->frames.nested()) {
                // The end of an asynchronous call whose future nobody holds
                // (the caller dropped it and the process never asked for
                // its destiny): the value goes nowhere, but is still
                // evaluated, since it may raise.
                if (top->kind != Frame::Kind::Method || p->destiny.isFuture())
                    goto slow;
                if (in.e)
                    eval(in.e, ctx);
                p->state = ProcessState::Done;
                p->frames.popOnly();
                return true;
            }
            // The usual return, from a same-COG synchronous callee: pop it
            // and store the result in the caller, which runs on.
            if (top->kind != Frame::Kind::Method)
                goto slow;
            Dest d = top->resultDest;
            if (!in.e && d.kind == Dest::Kind::None) {
                // A Unit method called as a statement: no value to make.
                p->frames.popNested();
                ABSIM_ENTER_TOP();
                ABSIM_NEXT();
            }
            {
                Value v = in.e ? eval(in.e, ctx) : Value::unit();
                p->frames.popNested();
                ABSIM_ENTER_TOP();
                // Inline whatever the compiler would do with `store`: the
                // result of nearly every synchronous call goes through here.
                storeInline(*top, d, std::move(v));
            }
            ABSIM_NEXT();
        }
        // The instructions that read or set the frame's pc themselves, push
        // or pop frames, or yield, and the unusual calls and returns: the
        // switch below.
        slow:
        op_Assert:
        op_Throw:
        op_Die:
        op_Await:
        op_Suspend:
        op_Duration:
        op_Get:
        op_New:
        op_NewLocal:
        op_TryEnter:
        op_TryLeave:
        op_Rethrow:
        op_ForeachNext:
        op_Consume:;
        } catch (...) {
            top->pc = uint32_t(ip - base);
            throw;
        }
        top->pc = uint32_t(ip - base);
        Frame& f = *top;
        const Instr& in = *ip;
        switch (in.op) {
        case Opcode::Assert:
            if (!evalBool(in.e, ctx)) {
                out_.flush();
                err_.write("Assertion failure at " + f.code->file + ":" + std::to_string(in.line) +
                           "\n");
                err_.flush();
                throwBuiltinException(BuiltinConstructor::AssertionFailException);
            }
            ++f.pc;
            break;
        case Opcode::Throw:
        case Opcode::Die:
            throw AbsException(eval(in.e, ctx));
        case Opcode::Rethrow:
            throw AbsException(f.locals[in.slot]);
        case Opcode::Return:
            if (p->frames.nested() && f.kind == Frame::Kind::Method) {
                // The usual return, from a same-COG synchronous callee: pop
                // it and store the result in the caller, which runs on.
                Value v = in.e ? eval(in.e, ctx) : Value::unit();
                Dest d = f.resultDest;
                p->frames.popNested(); // `f` is gone from here
                ABSIM_ENTER_TOP();
                store(*top, d, std::move(v));
                break;
            }
            if (finishFrame(p, in.e ? eval(in.e, ctx) : Value::unit()))
                return true;
            ABSIM_ENTER_TOP();
            break;
        case Opcode::TryEnter:
            p->frames.pushHandler(in.target, in.slot);
            ++f.pc;
            break;
        case Opcode::TryLeave:
            p->frames.popHandler();
            ++f.pc;
            break;
        case Opcode::ForeachNext: {
            Value& rest = f.locals[in.slot];
            if (!rest.is(BuiltinConstructor::Cons)) {
                f.pc = in.target;
                break;
            }
            store(f, in.dest, Value(rest.arg(0)));
            noteSpineCopied(); // the loop holds the rest of the list
            Value tail = rest.arg(1);
            rest = std::move(tail);
            ++f.pc;
            break;
        }
        case Opcode::Await:
            ++f.pc;
            if (startAwait(p, in, ctx))
                return true;
            break;
        case Opcode::Suspend:
            ++f.pc;
            p->state = ProcessState::Ready;
            return true;
        case Opcode::Consume: {
            if (in.e2) {
                // [DataSize:] on a call: free when the callee is on our DC.
                Value callee = eval(in.e2, ctx);
                if (!callee.isObject() || &dcOf(callee.entityAs<Object>()->cog) == &dcOf(p->cog)) {
                    ++f.pc;
                    break;
                }
            }
            if (consume(p, in.slot, eval(in.e, ctx))) {
                ++f.pc;
                break;
            }
            p->blockedOn = BlockReason::Resource;
            p->state = ProcessState::Blocked;
            return true;
        }
        case Opcode::Duration:
            if (!waitForTime(p, in.e, in.e2, ctx)) {
                ++f.pc;
                break;
            }
            p->blockedOn = BlockReason::Duration;
            p->state = ProcessState::Blocked;
            return true;
        case Opcode::AsyncCall: {
            Value callee = evalCallee(in.e, ctx);
            size_t n = in.args.size();
            bool wanted = in.dest.kind != Dest::Kind::None;
            // The usual case, a live callee: the arguments go straight into
            // the new process's slots. Evaluating them is pure, so it cannot
            // change what was looked up here.
            const MethodInfo* m = nullptr;
            if (callee.isObject()) {
                Object* o = callee.entityAs<Object>();
                if (o->alive)
                    m = o->cls->method(in.method);
            }
            if (m) {
                auto slots = std::make_unique<Value[]>(m->code.slotCount);
                for (size_t i = 0; i < n; ++i)
                    putResult(slots[i], eval(in.args[i], ctx));
                Value deadline = in.e2 ? eval(in.e2, ctx) : Value();
                Value fut =
                    startCall(std::move(callee), m, std::move(slots), std::move(deadline), wanted);
                if (wanted)
                    store(f, in.dest, std::move(fut));
                ++f.pc;
                break;
            }
            CallArgs args(n);
            for (size_t i = 0; i < n; ++i)
                args[i] = eval(in.args[i], ctx);
            Value deadline = in.e2 ? eval(in.e2, ctx) : Value();
            Value fut =
                asyncCall(p, callee, in.method, args.data(), n, std::move(deadline), wanted);
            store(f, in.dest, std::move(fut));
            ++f.pc;
            break;
        }
        case Opcode::SyncCall: {
            Value callee = evalCallee(in.e, ctx);
            if (!callee.isObject())
                throwBuiltinException(BuiltinConstructor::NullPointerException);
            Object* o = callee.entityAs<Object>();
            if (!o->alive)
                throwBuiltinException(BuiltinConstructor::ObjectDeadException);
            size_t n = in.args.size();
            const MethodInfo* m = o->cog == p->cog ? o->cls->method(in.method) : nullptr;
            if (m && p->frames.size() <= kMaxFrames) {
                // Same COG: a frame pushed on this process, its arguments
                // evaluated straight into its slots. A method without slots
                // (a getter, a setter of fields) needs no array.
                std::unique_ptr<Value[]> slots;
                if (m->code.slotCount)
                    slots = std::make_unique<Value[]>(m->code.slotCount);
                for (size_t i = 0; i < n; ++i)
                    putResult(slots[i], eval(in.args[i], ctx));
                ++f.pc;
                ++stats_.calls;
                // `f` is stale from here. The new frame's fields are still
                // in the store buffer: take locals and self from registers.
                Value* locals = slots.get();
                top = &p->frames.pushNested(&m->code, Frame::Kind::Method, o, std::move(callee),
                                            std::move(slots), in.dest);
                ctx.locals = locals;
                ctx.self = o;
                break;
            }
            CallArgs args(n);
            for (size_t i = 0; i < n; ++i)
                args[i] = eval(in.args[i], ctx);
            if (o->cog != p->cog) {
                // Another COG: an asynchronous call plus a blocking get (§3).
                Value fut = asyncCall(p, callee, in.method, args.data(), n, Value());
                p->awaited = fut;
                p->blockedOn = BlockReason::SyncCall;
                p->state = ProcessState::Blocked;
                fut.entityAs<Future>()->waiters.add(p);
                return true;
            }
            if (!m)
                throwRuntimeError("object " + o->describe() + " has no method " +
                                  program_.methodNames[in.method]);
            ++f.pc; // as when the frame was pushed and then found too deep
            throwRuntimeError("recursion too deep");
        }
        case Opcode::InlineEnter: {
            // As the call would: a dead object raises before the arguments
            // are evaluated, a stack too deep after, with the pc past the
            // call (here past the inlined body).
            if (!f.self->alive)
                throwBuiltinException(BuiltinConstructor::ObjectDeadException);
            if (p->frames.size() + size_t(in.imm) <= kMaxFrames) {
                ++stats_.calls;
                ++f.pc;
                break;
            }
            const InlineSite& site = f.code->inlineSites[size_t(in.slot)];
            for (uint32_t a = site.callPc + 1; a < site.bodyPc; ++a)
                eval(f.code->instrs[a].e, ctx);
            f.pc = site.endPc;
            throwRuntimeError("recursion too deep");
        }
        case Opcode::Get: {
            Value fut = eval(in.e, ctx);
            if (!fut.isFuture())
                throwBuiltinException(BuiltinConstructor::NullPointerException);
            Future* F = fut.entityAs<Future>();
            if (F->resolved()) {
                store(f, in.dest, futureResult(fut));
                ++f.pc;
                break;
            }
            F->waiters.add(p);
            p->awaited = std::move(fut);
            p->blockedOn = BlockReason::Get;
            p->state = ProcessState::Blocked;
            return true;
        }
        case Opcode::New:
        case Opcode::NewLocal: {
            size_t n = in.args.size();
            CallArgs args(n);
            for (size_t i = 0; i < n; ++i)
                args[i] = eval(in.args[i], ctx);
            const ClassInfo* cls = in.cls;
            if (in.op == Opcode::NewLocal) {
                Value obj = newObject(cls, p->cog, args.data());
                Object* o = obj.entityAs<Object>();
                ++f.pc;
                if (!cls->hasInitWork) {
                    objectInitialised(o);
                    store(f, in.dest, std::move(obj));
                    break;
                }
                // Runs on the creator's process, like a synchronous call (§1.4).
                p->frames.pushNested(&cls->init, Frame::Kind::Init, o, std::move(obj),
                                     std::make_unique<Value[]>(cls->init.slotCount), in.dest);
                ABSIM_ENTER_TOP();
                break;
            }
            Value dc = in.e ? eval(in.e, ctx) : p->cog->dc;
            Cog* c = newCog(std::move(dc));
            Value obj = newObject(cls, c, args.data());
            if (const SchedulerSpec* sched = in.scheduler ? in.scheduler : cls->scheduler) {
                c->scheduler = sched;
                c->firstObject = obj;
            }
            if (!cls->hasInitBlock) {
                initialiseDirectly(obj.entityAs<Object>(), p);
                store(f, in.dest, std::move(obj));
                ++f.pc;
                break;
            }
            // The init block runs as the new COG's first process; the
            // creator blocks, keeping its COG, until it is done (§1.3).
            Value done = newFuture();
            Process* ip =
                newProcess(c, &cls->init, Frame::Kind::Init, Value(obj), nullptr, Value(), "init");
            ip->initDone = done;
            done.entityAs<Future>()->waiters.add(p);
            p->awaited = std::move(done);
            p->blockedOn = BlockReason::New;
            p->state = ProcessState::Blocked;
            return true;
        }
        default:
            __builtin_unreachable(); // every other opcode has its case above: no range check
        }
        base = top->code->instrs.data();
        ip = base + top->pc;
    }
#undef ABSIM_ENTER_TOP
#undef ABSIM_NEXT
}

} // namespace absim::interp
