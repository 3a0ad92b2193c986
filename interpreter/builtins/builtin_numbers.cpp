// Numeric builtins (stdlib.md §3): thin adapters over the value layer.

#include "interpreter/builtins/builtins.h"
#include "interpreter/compare.h"
#include "interpreter/errors.h"
#include "interpreter/eval/eval_context.h"
#include "interpreter/eval/random_draw.h"
#include "interpreter/number_builtins.h"
#include "interpreter/runtime/runtime.h"


namespace absim::interp {

namespace {

Value nativeRandom(EvalContext& ctx, Value* a) {
    const Value& below = a[0];
    if (!below.isSmallInt() || below.smallInt() <= 0) {
        if (below.isBigInt() && below.bigInt() > 0)
            throwRuntimeError("random: bound too large");
        throwRuntimeError("random(" + std::to_string(below.isSmallInt() ? below.smallInt() : 0) +
                          "): the bound must be positive");
    }
    return Value::fromInt(drawBelow(ctx.rt->rng(), below.smallInt()));
}

} // namespace

void registerNumberBuiltins(BuiltinTable& t) {
    t["truncate"] = [](EvalContext&, Value* a) { return truncate(a[0]); };
    t["floor"] = [](EvalContext&, Value* a) { return floor(a[0]); };
    t["ceil"] = [](EvalContext&, Value* a) { return ceil(a[0]); };
    t["float"] = [](EvalContext&, Value* a) { return toFloat(a[0]); };
    t["rat"] = [](EvalContext&, Value* a) { return toRat(a[0]); };
    t["numerator"] = [](EvalContext&, Value* a) { return numerator(a[0]); };
    t["denominator"] = [](EvalContext&, Value* a) { return denominator(a[0]); };
    t["abs"] = [](EvalContext&, Value* a) { return abs(a[0]); };
    t["sqrt"] = [](EvalContext&, Value* a) { return sqrt(a[0]); };
    t["log"] = [](EvalContext&, Value* a) { return log(a[0]); };
    t["exp"] = [](EvalContext&, Value* a) { return exp(a[0]); };
    // max returns `a` on ties, min returns `b` (stdlib.md §3).
    t["max"] = [](EvalContext&, Value* a) { return compare(a[0], a[1]) >= 0 ? a[0] : a[1]; };
    t["min"] = [](EvalContext&, Value* a) { return compare(a[0], a[1]) < 0 ? a[0] : a[1]; };
    t["random"] = nativeRandom;
}

} // namespace absim::interp
