#include "interpreter/eval/evaluator.h"

#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/frame_slots.h"
#include "interpreter/format.h"
#include "interpreter/list_spine.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/object.h"
#include "interpreter/runtime/process.h"
#include "interpreter/strings.h"

namespace absim::interp {

namespace {

Value evalArith(ExprOp op, const Value& a, const Value& b) {
    switch (op) {
    case ExprOp::Add:
        if (a.isString())
            return concat(a, b);
        return add(a, b);
    case ExprOp::Sub:
        return subtract(a, b);
    case ExprOp::Mul:
        return multiply(a, b);
    case ExprOp::Div:
        return divide(a, b);
    case ExprOp::Mod:
        return remainder(a, b);
    default:
        break;
    }
    return Value();
}

Value evalCallPartial(const Expr* e, EvalContext& ctx) {
    size_t nf = e->funArgs.size();
    FrameSlots<Closure, 4> closures(nf);
    // Captured values of every anonymous function argument, laid out one
    // after the other.
    size_t ncap = 0;
    for (const FunArgCode& fa : e->funArgs)
        if (fa.lambda)
            ncap += fa.lambda->captures.size();
    FrameSlots<Value, 8> captured(ncap);
    size_t at = 0;
    for (size_t i = 0; i < nf; ++i) {
        const FunArgCode& fa = e->funArgs[i];
        Closure& c = closures[i];
        if (fa.function) {
            c.function = fa.function;
            continue;
        }
        if (fa.outer >= 0) {
            c = ctx.funArgs[fa.outer];
            continue;
        }
        c.lambda = fa.lambda;
        c.captured = captured.data() + at;
        c.outerFunArgs = ctx.funArgs;
        for (const Expr* cap : fa.lambda->captures)
            captured[at++] = eval(cap, ctx);
    }
    size_t n = e->kids.size();
    FrameSlots<Value, 8> args(n);
    for (size_t i = 0; i < n; ++i)
        args[i] = eval(e->kids[i], ctx);
    return callFunction(e->function, args.data(), ctx, closures.data());
}

} // namespace

bool testNode(const Expr* e, EvalContext& ctx) {
    Value tmp;
    return evalInPlace(e, ctx, tmp).isTrue();
}

Value evalNode(const Expr* e, EvalContext& ctx) {
    switch (e->op) {
    case ExprOp::Const:
        return e->constant;
    case ExprOp::Local:
        return ctx.locals[e->slot];
    case ExprOp::Field:
        return ctx.self->fields[e->slot];
    case ExprOp::This:
        return ctx.self ? Value::object(ctx.self) : Value();
    case ExprOp::Destiny:
        return ctx.proc ? destinyOf(ctx.proc) : Value();
    case ExprOp::Neg:
        return negate(eval(e->kids[0], ctx));
    case ExprOp::Not:
        return Value::fromBool(!evalBool(e->kids[0], ctx));
    case ExprOp::And:
        return Value::fromBool(evalBool(e->kids[0], ctx) && evalBool(e->kids[1], ctx));
    case ExprOp::Or:
        return Value::fromBool(evalBool(e->kids[0], ctx) || evalBool(e->kids[1], ctx));
    case ExprOp::Eq: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(equals(a, b));
    }
    case ExprOp::Ne: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(!equals(a, b));
    }
    case ExprOp::Lt: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(compare(a, b) < 0);
    }
    case ExprOp::Le: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(compare(a, b) <= 0);
    }
    case ExprOp::Gt: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(compare(a, b) > 0);
    }
    case ExprOp::Ge: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return Value::fromBool(compare(a, b) >= 0);
    }
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod: {
        Value ta, tb;
        const Value& a = evalInPlace(e->kids[0], ctx, ta);
        const Value& b = evalInPlace(e->kids[1], ctx, tb);
        return evalArith(e->op, a, b);
    }
    case ExprOp::Construct: {
        size_t n = e->kids.size();
        if (n == 0)
            return Value::constant(e->constructor);
        if (n == 2) {
            Value a = eval(e->kids[0], ctx);
            Value b = eval(e->kids[1], ctx);
            return Value::make(e->constructor, std::move(a), std::move(b));
        }
        FrameSlots<Value, 8> args(n);
        for (size_t i = 0; i < n; ++i)
            args[i] = eval(e->kids[i], ctx);
        return Value::data(e->constructor, std::span<Value>(args.data(), n));
    }
    case ExprOp::Call:
        return callWithArgs(e->function, e->kids.data(), ctx);
    case ExprOp::CallSelf:
        return callWithArgs(e->function, e->kids.data(), ctx, ctx.funArgs);
    case ExprOp::CallFunParam: {
        size_t n = e->kids.size();
        FrameSlots<Value, 8> args(n);
        for (size_t i = 0; i < n; ++i)
            args[i] = eval(e->kids[i], ctx);
        return callClosure(ctx.funArgs[e->slot], args.data(), ctx);
    }
    case ExprOp::CallPartial:
        return evalCallPartial(e, ctx);
    case ExprOp::When:
        return evalBool(e->kids[0], ctx) ? eval(e->kids[1], ctx) : eval(e->kids[2], ctx);
    case ExprOp::Case: {
        Value v = eval(e->kids[0], ctx);
        for (const CaseBranchCode& b : e->branches)
            if (match(b.pattern, v, ctx))
                return eval(b.body, ctx);
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    }
    case ExprOp::Let:
        ctx.locals[e->slot] = eval(e->kids[0], ctx);
        return eval(e->kids[1], ctx);
    case ExprOp::Template: {
        std::string s = e->pieces[0];
        for (size_t i = 0; i < e->kids.size(); ++i) {
            appendToString(s, eval(e->kids[i], ctx));
            s += e->pieces[i + 1];
        }
        return Value::fromString(s);
    }
    case ExprOp::Implements: {
        Value v = eval(e->kids[0], ctx);
        return Value::fromBool(v.isObject() &&
                               v.entityAs<Object>()->cls->implementsInterface(e->interface));
    }
    case ExprOp::Cast: {
        Value v = eval(e->kids[0], ctx);
        if (v.isObject() && v.entityAs<Object>()->cls->implementsInterface(e->interface))
            return v;
        return Value();
    }
    case ExprOp::Scope: {
        Value v = eval(e->kids[0], ctx);
        releaseSlots(e, ctx);
        return v;
    }
    }
    return Value();
}

bool match(const Pattern* p, const Value& v, EvalContext& ctx) {
    switch (p->op) {
    case PatternOp::Wildcard:
        return true;
    case PatternOp::Bind:
        ctx.locals[p->slot] = v;
        return true;
    case PatternOp::Equal:
        return equals(v, eval(p->expr, ctx));
    case PatternOp::Constructor: {
        if (!v.isData() || v.constructor() != p->constructor)
            return false;
        for (size_t i = 0; i < p->args.size(); ++i) {
            // Binding the tail of a list: a second holder of its cells.
            if (i == 1 && p->args[1]->op == PatternOp::Bind &&
                p->constructor->builtin == BuiltinConstructor::Cons)
                noteSpineCopied();
            if (!match(p->args[i], v.arg(i), ctx))
                return false;
        }
        return true;
    }
    }
    return false;
}

} // namespace absim::interp
