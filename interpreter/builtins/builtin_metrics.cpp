// The builtins of ABS.Metrics: a model's named time series and counters,
// handed to the run's observer with the current simulated time. Without an
// observer (no output asked for) they cost one null check.

#include "interpreter/builtins/builtins.h"
#include "interpreter/eval/eval_context.h"
#include "interpreter/runtime/runtime.h"

namespace absim::interp {

namespace {

Value nativeRecordSample(EvalContext& ctx, Value* a) {
    if (RunObserver* o = ctx.rt->observer())
        o->metricSample(a[0].stringView(), ctx.rt->now(), a[1]);
    return Value::unit();
}

Value nativeCountUp(EvalContext& ctx, Value* a) {
    if (RunObserver* o = ctx.rt->observer())
        o->counterAdded(a[0].stringView(), ctx.rt->now(), Value::fromInt(1));
    return Value::unit();
}

Value nativeCountUpBy(EvalContext& ctx, Value* a) {
    if (RunObserver* o = ctx.rt->observer())
        o->counterAdded(a[0].stringView(), ctx.rt->now(), a[1]);
    return Value::unit();
}

} // namespace

void registerMetricsBuiltins(BuiltinTable& t) {
    t["recordSample"] = nativeRecordSample;
    t["countUp"] = nativeCountUp;
    t["countUpBy"] = nativeCountUpBy;
}

} // namespace absim::interp
