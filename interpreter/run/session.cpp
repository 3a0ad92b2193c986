#include "interpreter/run/session.h"

#include "interpreter/format.h"
#include "interpreter/lower/lowerer.h"
#include "interpreter/numbers.h"
#include "interpreter/run/run_lowered.h"
#include "interpreter/runtime/live_list.h"
#include "interpreter/runtime/runtime.h"

#include <algorithm>

namespace absim::interp {

namespace {

constexpr const char* kResourceNames[DcState::Count] = {"Speed", "Bandwidth", "Memory"};

std::string printed(const Value& v) {
    return v.isNull() ? "-" : toString(v);
}

// A total as the DC's total() method returns it: InfRat when unlimited.
std::string printedTotal(const Value& v) {
    return v.isNull() ? "InfRat" : "Fin(" + toString(v) + ")";
}

// consumed*100/total of the newest closed interval, "-" if none or unlimited.
std::string lastLoad(const DcState& s, int r) {
    const auto& h = s.history[r];
    if (h.empty() || h.back().total.isNull() || isZero(h.back().total))
        return "-";
    return toString(divide(multiply(h.back().consumed, Value::fromInt(100)), h.back().total)) + "%";
}

// The description a DC object was created with (its first parameter).
std::string dcDescription(const Value& dc) {
    if (!dc.isObject())
        return "";
    const Object* o = dc.entityAs<Object>();
    if (o->fieldCount() == 0 || !o->fields[0].isString())
        return o->describe();
    return std::string(o->fields[0].stringView());
}

void describe(Runtime& rt, SessionState& state) {
    state.clock = toString(rt.now());
    std::vector<Object*> objects;
    for (Object* o = liveObjects(); o; o = o->nextLive)
        objects.push_back(o);
    std::reverse(objects.begin(), objects.end()); // the list is newest first
    const ClassInfo* dcClass = rt.program().deploymentComponentClass;
    for (Object* o : objects) {
        if (dcClass && o->cls == dcClass) {
            SessionDc dc;
            dc.name = o->describe();
            dc.description = dcDescription(Value::object(o));
            DcState& s = rt.dcState(o);
            rt.syncDc(s); // idle components close their intervals lazily
            for (int i = 0; i < DcState::Count; ++i)
                dc.resources.push_back({kResourceNames[i], printedTotal(s.total[i]),
                                        printedTotal(s.next[i]), printed(s.consumed[i]),
                                        lastLoad(s, i)});
            state.dcs.push_back(std::move(dc));
            continue;
        }
        SessionObject so;
        so.name = o->describe();
        so.alive = o->alive;
        so.dc = dcDescription(o->cog ? o->cog->dc : Value());
        for (size_t i = 0; i < o->fieldCount(); ++i)
            so.fields.emplace_back(o->cls->fieldNames[i], printed(o->fields[i]));
        state.objects.push_back(std::move(so));
    }
}

} // namespace

SessionState runSession(const sema::Program& program, RunOptions options, DiagnosticEngine& diags) {
    SessionState state;
    std::unique_ptr<RuntimeProgram> lowered = lowerProgram(program, options.module, diags);
    if (!lowered) {
        state.status = 65;
        return state;
    }
    options.stopWhenMainEnds = true;
    // One string for both streams keeps model output and errors in order.
    Output out(&state.transcript);
    Output err(&state.transcript);
    state.status =
        runLowered(*lowered, options, out, err, [&state](Runtime& rt) { describe(rt, state); });
    return state;
}

} // namespace absim::interp
