// String and I/O builtins (stdlib.md §4-§5).

#include "interpreter/builtins/builtins.h"
#include "interpreter/errors.h"
#include "interpreter/eval/eval_context.h"
#include "interpreter/format.h"
#include "interpreter/runtime/runtime.h"
#include "interpreter/strings.h"

#include <chrono>
#include <iostream>
#include <string>

namespace absim::interp {

namespace {

const auto modelStart = std::chrono::steady_clock::now();

Value nativePrintln(EvalContext& ctx, Value* a) {
    Output& out = ctx.rt->out();
    out.write(a[0].isString() ? a[0].stringView() : std::string_view(toString(a[0])));
    out.write("\n");
    return Value::unit();
}

Value nativePrint(EvalContext& ctx, Value* a) {
    if (a[0].isString())
        ctx.rt->out().write(a[0].stringView());
    else
        ctx.rt->out().write(toString(a[0]));
    return Value::unit();
}

Value nativeReadln(EvalContext& ctx, Value*) {
    ctx.rt->out().flush();
    std::string line;
    if (!std::getline(std::cin, line))
        return Value::fromString("");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return Value::fromString(line);
}

} // namespace

void registerStringBuiltins(BuiltinTable& t) {
    t["toString"] = [](EvalContext&, Value* a) { return Value::fromString(toString(a[0])); };
    t["strlen"] = [](EvalContext&, Value* a) { return strlen(a[0]); };
    t["substr"] = [](EvalContext&, Value* a) { return substr(a[0], a[1], a[2]); };
    t["println"] = nativePrintln;
    t["print"] = nativePrint;
    t["readln"] = nativeReadln;
    t["watch"] = [](EvalContext&, Value* a) { return a[0]; };
    t["watchEx"] = [](EvalContext&, Value* a) { return a[0]; };
    t["ms_since_model_start"] = [](EvalContext&, Value*) {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - modelStart)
                      .count();
        return Value::fromInt(int64_t(ms));
    };
}

} // namespace absim::interp
