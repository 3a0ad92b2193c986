// Builtins that read the running process or the simulation: the clock,
// deadlines, the deployment component (stdlib.md §10, §12, §15).

#include "interpreter/builtins/builtins.h"
#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/eval_context.h"
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

Value infRat() { return Value::constant(builtinConstructor(BuiltinConstructor::InfRat)); }

bool isFin(const Value& v) { return v.is(BuiltinConstructor::Fin); }

// dcInit(dc, config): totals from the first config entry of each resource.
Value nativeDcInit(EvalContext& ctx, Value* a) {
    DcState& s = ctx.rt->dcState(a[0].entityAs<Object>());
    for (int i = 0; i < DcState::Count; ++i) {
        s.total[i] = infRat();
        s.next[i] = infRat();
        s.consumed[i] = Value::fromInt(0);
    }
    bool seen[DcState::Count] = {false, false, false};
    for (const Value* m = &a[1]; m->is(BuiltinConstructor::InsertAssoc); m = &m->arg(1)) {
        const Value& entry = m->arg(0);
        int i = resourceIndex(entry.arg(0));
        if (i < 0 || seen[i])
            continue;
        seen[i] = true;
        s.total[i] = Value::make(builtinConstructor(BuiltinConstructor::Fin), entry.arg(1));
        s.next[i] = s.total[i];
    }
    return Value::unit();
}

Value nativeDcTotal(EvalContext& ctx, Value* a) {
    int i = resourceIndex(a[1]);
    if (i < 0)
        return infRat();
    DcState& s = ctx.rt->dcState(a[0].entityAs<Object>());
    return s.total[i].isNull() ? infRat() : s.total[i];
}

// Changes take effect from the next interval (§6.5).
Value nativeDcDecrement(EvalContext& ctx, Value* a) {
    int i = resourceIndex(a[2]);
    if (i < 0)
        return a[1];
    DcState& s = ctx.rt->dcState(a[0].entityAs<Object>());
    if (!isFin(s.next[i]))
        return a[1];
    Value amount = compare(a[1], s.next[i].arg(0)) < 0 ? a[1] : s.next[i].arg(0);
    s.next[i] = Value::make(builtinConstructor(BuiltinConstructor::Fin),
                            subtract(s.next[i].arg(0), amount));
    return amount;
}

Value nativeDcIncrement(EvalContext& ctx, Value* a) {
    int i = resourceIndex(a[2]);
    if (i < 0)
        return a[1];
    DcState& s = ctx.rt->dcState(a[0].entityAs<Object>());
    if (isFin(s.next[i]))
        s.next[i] = Value::make(builtinConstructor(BuiltinConstructor::Fin),
                                add(s.next[i].arg(0), a[1]));
    return a[1];
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
    // Deployment-component resources (runtime.md §6): configured totals;
    // nothing consumes them yet, so the load is 0.
    t["dcInit"] = nativeDcInit;
    t["dcLoad"] = [](EvalContext&, Value*) { return Value::fromInt(0); };
    t["dcTotal"] = nativeDcTotal;
    t["dcDecrement"] = nativeDcDecrement;
    t["dcIncrement"] = nativeDcIncrement;
}

} // namespace absim::interp
