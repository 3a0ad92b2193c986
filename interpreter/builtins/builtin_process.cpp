// Builtins that read the running process or the simulation: the clock,
// deadlines, the deployment component (stdlib.md §10, §12, §15).

#include "interpreter/builtins/builtins.h"
#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/eval_context.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/runtime.h"

namespace absim::interp {

namespace {

Value nativeLowlevelDeadline(EvalContext& ctx, Value*) {
    Process* p = ctx.proc;
    if (!p || !p->deadline.isData() || p->deadline.arity() == 0)
        return Value::fromInt(-1);
    // Duration(d): remaining = d - (now - creation), clamped at 0 (§5.4).
    Value left = subtract(p->deadline.arg(0), subtract(ctx.rt->now(), p->creationTime));
    if (compare(left, Value::fromInt(0)) < 0)
        return Value::fromInt(0);
    return left;
}

Value nativeThisDC(EvalContext& ctx, Value*) {
    if (ctx.proc && ctx.proc->cog)
        return ctx.proc->cog->dc;
    return ctx.rt->initialDC();
}

// Which consumable resource a Resourcetype value names (-1: another one).
int resourceIndex(const Value& r) {
    if (!r.isData())
        return -1;
    const std::string& n = r.constructor()->name;
    if (n == "Speed")
        return DcState::Speed;
    if (n == "Bandwidth")
        return DcState::Bandwidth;
    if (n == "Memory")
        return DcState::Memory;
    return -1;
}

Value infRat() {
    return Value::constant(builtinConstructor(BuiltinConstructor::InfRat));
}

Value fin(Value v) {
    return Value::make(builtinConstructor(BuiltinConstructor::Fin), std::move(v));
}

// The state of `dc`, caught up with the clock.
DcState& stateOf(EvalContext& ctx, const Value& dc) {
    if (!dc.isObject())
        throwBuiltinException(BuiltinConstructor::NullPointerException);
    DcState& s = ctx.rt->dcState(dc.entityAs<Object>());
    ctx.rt->syncDc(s);
    return s;
}

// dcInit(dc, description, config).
Value nativeDcInit(EvalContext& ctx, Value* a) {
    ctx.rt->initDc(a[0].entityAs<Object>(), toString(a[1]), a[2]);
    return Value::unit();
}

// Average of consumed*100/total over the newest `periods` closed intervals.
Value nativeDcLoad(EvalContext& ctx, Value* a) {
    int r = resourceIndex(a[1]);
    if (r < 0)
        return Value::fromInt(0);
    DcState& s = stateOf(ctx, a[0]);
    if (s.total[r].isNull() || !a[2].isSmallInt() || a[2].smallInt() <= 0)
        return Value::fromInt(0);
    int64_t want = a[2].smallInt();
    int64_t k = 0;
    Value sum = Value::fromInt(0);
    const auto& h = s.history[r];
    for (size_t i = h.size(); i-- > 0 && k < want;) {
        // Intervals with an unlimited total were never in totalhistory.
        if (h[i].total.isNull())
            break;
        int64_t n = std::min(h[i].count, want - k);
        if (!isZero(h[i].total)) {
            Value pct = divide(multiply(h[i].consumed, Value::fromInt(100)), h[i].total);
            sum = add(sum, multiply(pct, Value::fromInt(n)));
        }
        k += n;
    }
    if (k == 0)
        return Value::fromInt(0);
    return divide(sum, Value::fromInt(k));
}

Value nativeDcTotal(EvalContext& ctx, Value* a) {
    int r = resourceIndex(a[1]);
    if (r < 0)
        return infRat();
    DcState& s = stateOf(ctx, a[0]);
    return s.total[r].isNull() ? infRat() : fin(s.total[r]);
}

// Changes take effect from the next interval (§6.5).
Value nativeDcDecrement(EvalContext& ctx, Value* a) {
    int r = resourceIndex(a[2]);
    if (r < 0)
        return a[1];
    DcState& s = stateOf(ctx, a[0]);
    if (s.next[r].isNull())
        return a[1];
    Value amount = compare(a[1], s.next[r]) < 0 ? a[1] : s.next[r];
    s.next[r] = subtract(s.next[r], amount);
    return amount;
}

Value nativeDcIncrement(EvalContext& ctx, Value* a) {
    int r = resourceIndex(a[2]);
    if (r < 0)
        return a[1];
    DcState& s = stateOf(ctx, a[0]);
    if (!s.next[r].isNull())
        s.next[r] = add(s.next[r], a[1]);
    return a[1];
}

// dcShutdown(dc, billingEnds): the first shutdown() of `dc`.
Value nativeDcShutdown(EvalContext& ctx, Value* a) {
    ctx.rt->dcShutdown(stateOf(ctx, a[0]), a[1].isTrue());
    return Value::unit();
}

Value nativeDcBillingEnded(EvalContext& ctx, Value* a) {
    ctx.rt->dcBillingEnded(stateOf(ctx, a[0]));
    return Value::unit();
}

Value nativeDcExpectLaunch(EvalContext& ctx, Value* a) {
    if (ctx.rt->observer())
        ctx.rt->expectCloudDc(toString(a[0]));
    return Value::unit();
}

[[noreturn]] void unsupported(const char* what) {
    throwRuntimeError(std::string(what) + " is not supported by absim yet");
}

} // namespace

void registerProcessBuiltins(BuiltinTable& t) {
    t["currentms"] = [](EvalContext& ctx, Value*) { return ctx.rt->now(); };
    t["lowlevelDeadline"] = nativeLowlevelDeadline;
    t["thisDC"] = nativeThisDC;
    t["product_name"] = [](EvalContext&, Value*) { return Value::fromString(""); };
    t["product_features"] = [](EvalContext&, Value*) { return Value::nil(); };
    t["reflect"] = [](EvalContext&, Value*) -> Value { unsupported("reflect"); };
    t["getProductLine"] = [](EvalContext&, Value*) -> Value { unsupported("getProductLine"); };
    // Deployment-component resources (runtime.md §6, runtime/resources.cpp).
    t["dcInit"] = nativeDcInit;
    t["dcLoad"] = nativeDcLoad;
    t["dcTotal"] = nativeDcTotal;
    t["dcDecrement"] = nativeDcDecrement;
    t["dcIncrement"] = nativeDcIncrement;
    t["dcShutdown"] = nativeDcShutdown;
    t["dcBillingEnded"] = nativeDcBillingEnded;
    t["dcExpectLaunch"] = nativeDcExpectLaunch;
}

} // namespace absim::interp
