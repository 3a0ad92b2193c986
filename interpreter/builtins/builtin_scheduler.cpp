// ABS.Scheduler accessors on the process values of builtin_scheduler.h.

#include "interpreter/builtins/builtin_scheduler.h"

#include "interpreter/builtins/builtins.h"

namespace absim::interp {

namespace {

enum ProcessField : uint32_t { Method, Arrival, Deadline, Destiny, QueueIndex, FieldCount };

// Process has no constructor a program can name or match; this private one
// only carries the snapshot. Its id lies outside every program's range.
const ConstructorInfo processConstructor{
    "Process",  "ABS.Scheduler.Process", "ABS.Scheduler.Process",
    FieldCount, UINT32_MAX - 1,          BuiltinConstructor::None};

Value field(const Value& p, ProcessField f) {
    if (!p.isData() || p.constructor() != &processConstructor)
        return Value();
    return p.arg(f);
}

Value nativeMethod(EvalContext&, Value* a) {
    return field(a[0], Method);
}
Value nativeArrival(EvalContext&, Value* a) {
    return Value::make(builtinConstructor(BuiltinConstructor::Time), field(a[0], Arrival));
}
Value nativeProcDeadline(EvalContext&, Value* a) {
    return field(a[0], Deadline);
}
Value nativeDestinyOf(EvalContext&, Value* a) {
    return field(a[0], Destiny);
}
// Declared by the library but left undefined by the reference (§2.5 [Ours]).
Value nativeCost(EvalContext&, Value*) {
    return Value::constant(builtinConstructor(BuiltinConstructor::InfDuration));
}
Value nativeStartFinish(EvalContext&, Value*) {
    return Value::make(builtinConstructor(BuiltinConstructor::Time), Value::fromInt(-1));
}
Value nativeCrit(EvalContext&, Value*) {
    return Value::fromBool(false);
}
Value nativeValue(EvalContext&, Value*) {
    return Value::fromInt(0);
}

} // namespace

Value makeProcessValue(std::string_view method, const Value& arrival, Value deadline,
                       const Value& destiny, size_t queueIndex) {
    return Value::make(&processConstructor, Value::fromString(method), arrival, std::move(deadline),
                       destiny, Value::fromInt(int64_t(queueIndex)));
}

int64_t processQueueIndex(const Value& v) {
    if (!v.isData() || v.constructor() != &processConstructor)
        return -1;
    return v.arg(QueueIndex).smallInt();
}

void registerSchedulerBuiltins(BuiltinTable& t) {
    t["method"] = nativeMethod;
    t["arrival"] = nativeArrival;
    t["proc_deadline"] = nativeProcDeadline;
    t["destinyOf"] = nativeDestinyOf;
    t["cost"] = nativeCost;
    t["start"] = nativeStartFinish;
    t["finish"] = nativeStartFinish;
    t["crit"] = nativeCrit;
    t["value"] = nativeValue;
}

} // namespace absim::interp
