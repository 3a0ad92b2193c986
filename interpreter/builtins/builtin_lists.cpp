// Native versions of hot ABS-defined list functions (the reference does the
// same for length, isEmpty, nth, concatenate, appendright, reverse, copy,
// without), and of `contains` on sets. Iterative, so long lists never
// deepen the C++ stack; results are identical to the ABS definitions in
// stdlib/abs_stdlib.abs.

#include "interpreter/builtins/builtins.h"
#include "interpreter/builtins/set_membership.h"
#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/eval_context.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/list_spine.h"
#include "interpreter/runtime/runtime.h"

#include <vector>

namespace absim::interp {

namespace {

bool isCons(const Value& v) {
    return v.is(BuiltinConstructor::Cons);
}

// Prepends the elements of `items` (in order) to `tail`.
Value prependAll(const std::vector<const Value*>& items, Value tail) {
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        tail = Value::cons(**it, std::move(tail));
    return tail;
}

// length and nth remember where they got to (list_spine.h).
Value nativeLength(EvalContext&, Value* a) {
    return Value::fromInt(listLength(a[0]));
}

Value nativeIsEmpty(EvalContext&, Value* a) {
    return Value::fromBool(!isCons(a[0]));
}

Value nativeNth(EvalContext&, Value* a) {
    if (!a[1].isSmallInt() || a[1].smallInt() < 0)
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    return listElement(a[0], a[1].smallInt());
}

Value nativeConcatenate(EvalContext&, Value* a) {
    std::vector<const Value*> items;
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1))
        items.push_back(&l->arg(0));
    return prependAll(items, a[1]);
}

Value nativeAppendright(EvalContext&, Value* a) {
    return appendedCopy(a[0], std::move(a[1]));
}

Value nativeReverse(EvalContext&, Value* a) {
    Value out = Value::nil();
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1))
        out = Value::cons(l->arg(0), std::move(out));
    return out;
}

Value nativeCopy(EvalContext&, Value* a) {
    if (!a[1].isSmallInt())
        throwRuntimeError("copy: count out of range");
    if (a[1].smallInt() < 0)
        throwRuntimeError("copy: negative count");
    Value out = Value::nil();
    for (int64_t i = 0; i < a[1].smallInt(); ++i)
        out = Value::cons(a[0], std::move(out));
    return out;
}

Value nativeWithout(EvalContext&, Value* a) {
    std::vector<const Value*> items;
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1))
        if (!equals(l->arg(0), a[1]))
            items.push_back(&l->arg(0));
    return prependAll(items, Value::nil());
}

// contains(s, e) on a Set: the stdlib's scan of the Insert cells
// (EmptySet has no arguments, Insert two), comparing with `==`.
Value nativeContains(EvalContext& ctx, Value* a) {
    if (ctx.rt)
        return Value::fromBool(ctx.rt->setMembership().contains(a[0], a[1]));
    return Value::fromBool(SetMembership::walk(a[0], a[1]));
}

// The higher-order list functions (map, filter, foldl, foldr), natively:
// a loop instead of one C++ recursion per element. ctx.funArgs holds the
// function argument.
Value nativeMap(EvalContext& ctx, Value* a) {
    std::vector<Value> out;
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1)) {
        Value x = l->arg(0);
        out.push_back(callClosure(ctx.funArgs[0], &x, ctx));
    }
    Value r = Value::nil();
    for (auto it = out.rbegin(); it != out.rend(); ++it)
        r = Value::cons(std::move(*it), std::move(r));
    return r;
}

Value nativeFilter(EvalContext& ctx, Value* a) {
    std::vector<const Value*> keep;
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1)) {
        Value x = l->arg(0);
        if (callClosure(ctx.funArgs[0], &x, ctx).isTrue())
            keep.push_back(&l->arg(0));
    }
    return prependAll(keep, Value::nil());
}

Value nativeFoldl(EvalContext& ctx, Value* a) {
    Value acc = a[1];
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1)) {
        Value args[2] = {l->arg(0), std::move(acc)};
        acc = callClosure(ctx.funArgs[0], args, ctx);
    }
    return acc;
}

Value nativeFoldr(EvalContext& ctx, Value* a) {
    std::vector<const Value*> items;
    for (const Value* l = &a[0]; isCons(*l); l = &l->arg(1))
        items.push_back(&l->arg(0));
    Value acc = a[1];
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        Value args[2] = {**it, std::move(acc)};
        acc = callClosure(ctx.funArgs[0], args, ctx);
    }
    return acc;
}

} // namespace

void registerListOverrides(BuiltinTable& t) {
    t["length/1"] = nativeLength;
    t["isEmpty/1"] = nativeIsEmpty;
    t["nth/2"] = nativeNth;
    t["concatenate/2"] = nativeConcatenate;
    t["appendright/2"] = nativeAppendright;
    t["reverse/1"] = nativeReverse;
    t["copy/2"] = nativeCopy;
    t["without/2"] = nativeWithout;
    t["contains/2"] = nativeContains;
    t["map/1/f1"] = nativeMap;
    t["filter/1/f1"] = nativeFilter;
    t["foldl/2/f1"] = nativeFoldl;
    t["foldr/2/f1"] = nativeFoldr;
}

} // namespace absim::interp
