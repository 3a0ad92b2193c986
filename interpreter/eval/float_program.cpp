#include "interpreter/eval/float_program.h"

#include "interpreter/errors.h"
#include "interpreter/eval/evaluator.h"
#include "interpreter/eval/random_draw.h"
#include "interpreter/eval/rounded_over_decimal.h"
#include "interpreter/number_builtins.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/runtime.h"

#include <bit>
#include <cmath>
#include <iterator>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace absim::interp {

namespace {

bool isInPlace(const Expr* k) {
    return k->op == ExprOp::Local || k->op == ExprOp::Const || k->op == ExprOp::Field;
}

// Whether evaluating `e` the general way may read the local `slot`: a read
// anywhere below it, in a pattern, or in what an anonymous function
// captures.
bool mayRead(const Expr* e, int32_t slot) {
    if (e->op == ExprOp::Local && e->slot == slot)
        return true;
    for (const Expr* k : e->kids)
        if (mayRead(k, slot))
            return true;
    for (const FunArgCode& fa : e->funArgs)
        if (fa.lambda)
            return true; // captured values: not worth looking into
    for (const CaseBranchCode& b : e->branches) {
        if (mayRead(b.body, slot))
            return true;
        std::vector<const Pattern*> todo{b.pattern};
        while (!todo.empty()) {
            const Pattern* p = todo.back();
            todo.pop_back();
            if (!p)
                continue;
            if (p->expr && mayRead(p->expr, slot))
                return true;
            todo.insert(todo.end(), p->args.begin(), p->args.end());
        }
    }
    return false;
}

// The kids a link computes as part of its own program (rather than
// reading them in place or leaving them to a node function).
template <typename F> void forEachLinkKid(const Expr* e, FloatLink link, F f) {
    switch (link) {
    case FloatLink::Add:
    case FloatLink::Sub:
    case FloatLink::Mul:
    case FloatLink::Div:
    case FloatLink::Neg:
        for (const Expr* k : e->kids)
            if (!isInPlace(k))
                f(k);
        break;
    case FloatLink::Let:
        f(e->kids[0]);
        f(e->kids[1]);
        break;
    case FloatLink::Scope:
    case FloatLink::Log:
    case FloatLink::Sqrt:
    case FloatLink::Exp:
    case FloatLink::Same:
        f(e->kids[0]);
        break;
    case FloatLink::Floor:
    case FloatLink::Ceil:
        f(e->kids[0]->kids[0]);
        break;
    default:
        break;
    }
}

bool isCompiled(FloatLink link) {
    return link != FloatLink::None && link != FloatLink::Opaque && link != FloatLink::Leaf;
}

// The registers an operation reads.
template <typename F> void forEachRead(const FloatOp& op, F f) {
    switch (op.code) {
    case FloatOpCode::LoadLocal:
    case FloatOpCode::LoadField:
    case FloatOpCode::Const:
    case FloatOpCode::Draw:
    case FloatOpCode::Call:
        break;
    case FloatOpCode::Add:
    case FloatOpCode::Sub:
    case FloatOpCode::Mul:
    case FloatOpCode::Div:
    case FloatOpCode::HornerStep:
        f(op.a);
        f(op.b);
        break;
    case FloatOpCode::AddCR:
    case FloatOpCode::SubCR:
    case FloatOpCode::MulCR:
    case FloatOpCode::DivCR:
        f(op.b);
        break;
    default: // the RC forms, the unary ones, a store, the ends
        f(op.a);
        break;
    }
}

// Whether an operation can do nothing visible but give a result that is
// not finite (which raises the one overflow error, whichever it is): no
// effect, no error of another kind. A result computed later than the tree
// would, past such operations only, raises the same error.
bool isQuiet(FloatOpCode c) {
    return (isFloatOperator(c) && c != FloatOpCode::Div && c != FloatOpCode::DivCR) ||
           c == FloatOpCode::Neg || c == FloatOpCode::Const || c == FloatOpCode::Floor ||
           c == FloatOpCode::Ceil;
}

// Fuses each `c - x / k * p` whose two inner results are read only there
// into one HornerStep at the subtraction, when only quiet operations run
// between the division and it (moving the division and the product there
// gives the same bits; registers are written once, so x is still there).
void fuseHornerSteps(FloatProgram& p) {
    std::vector<int> producer(p.registers, -1), reads(p.registers, 0);
    for (size_t j = 0; j < p.ops.size(); ++j) {
        const FloatOp& op = p.ops[j];
        forEachRead(op, [&](uint8_t r) { ++reads[r]; });
        if (op.code != FloatOpCode::Store && op.code != FloatOpCode::Return &&
            op.code != FloatOpCode::FloorOverDecimal && op.code != FloatOpCode::CeilOverDecimal)
            producer[op.dst] = int(j);
    }
    std::vector<bool> dead(p.ops.size(), false);
    for (size_t j = 0; j < p.ops.size(); ++j) {
        FloatOp& sub = p.ops[j];
        if (sub.code != FloatOpCode::SubCR || !std::isfinite(p.constants[sub.a]) ||
            reads[sub.b] != 1)
            continue;
        int i2 = producer[sub.b];
        const FloatOp& mul = p.ops[size_t(i2)];
        if (mul.code != FloatOpCode::Mul || reads[mul.a] != 1)
            continue;
        int i1 = producer[mul.a];
        const FloatOp& div = p.ops[size_t(i1)];
        if (div.code != FloatOpCode::DivRC)
            continue;
        bool quiet = true;
        for (size_t k = size_t(i1) + 1; k < j; ++k)
            quiet = quiet && (dead[k] || isQuiet(p.ops[k].code));
        if (!quiet)
            continue;
        FloatOp fused = sub;
        fused.code = FloatOpCode::HornerStep;
        fused.a = div.a;
        fused.b = mul.b;
        fused.slot = int32_t(sub.a) | int32_t(div.b) << 8;
        sub = fused;
        dead[size_t(i1)] = dead[size_t(i2)] = true;
    }
    std::vector<FloatOp> live;
    for (size_t j = 0; j < p.ops.size(); ++j)
        if (!dead[j])
            live.push_back(p.ops[j]);
    p.ops = std::move(live);
}

class Compiler {
  public:
    Compiler(const std::function<FloatLink(const Expr&)>& linkOf,
             const std::function<RatTail(const Expr&)>& tailOf)
        : linkOf_(linkOf), tailOf_(tailOf) {}

    // The program of the tree below `root` (a Float link, or the top of a
    // Rat tail chain when `tail`), or false when it has too few operations
    // to be worth one, or too many registers.
    bool compile(const Expr* root, FloatProgram& p, bool tail) {
        FloatOp end;
        end.code = FloatOpCode::Return;
        int resultId = tail ? this->tail(root, end) : node(root);
        if (failed_ || work_ < 2)
            return false;
        int result = inRegister(resultId);
        if (temps_ > kMaxFloatRegisters || constants_.size() > kMaxFloatRegisters)
            return false;
        // A constant k is c[k], a temporary t is r[t].
        auto reg = [&](int r) { return uint8_t(r < 0 ? -r - 1 : r); };
        p.constants = constants_;
        p.integers = integers_;
        p.registers = temps_;
        // The loads first.
        for (auto [ops, operands] :
             {std::pair{&loads_, &loadOperands_}, std::pair{&ops_, &operands_}})
            for (size_t j = 0; j < ops->size(); ++j) {
                FloatOp op = (*ops)[j];
                op.dst = reg((*operands)[j].dst);
                op.a = reg((*operands)[j].a);
                op.b = reg((*operands)[j].b);
                p.ops.push_back(op);
            }
        end.a = reg(result);
        p.ops.push_back(end);
        fuseHornerSteps(p);
        return true;
    }

  private:
    // Registers before numbering: a constant k is -k - 1, a temporary t is t.
    struct Operands {
        int dst = 0, a = 0, b = 0;
    };

    int fresh() { return int(temps_++); }

    int emit(FloatOpCode code, int a, int b = 0, const Expr* node = nullptr, int32_t slot = -1) {
        FloatOp op;
        op.code = code;
        op.node = node;
        op.slot = slot;
        int dst = code == FloatOpCode::Store ? 0 : fresh();
        ops_.push_back(op);
        operands_.push_back({dst, a, b});
        return dst;
    }

    int constant(double d) {
        auto [it, added] = consts_.try_emplace(std::bit_cast<uint64_t>(d), 0);
        if (added) {
            constants_.push_back(d);
            it->second = -int(constants_.size());
        }
        return it->second;
    }

    int load(FloatOpCode code, int32_t slot, std::unordered_map<int32_t, int>& loaded) {
        auto [it, added] = loaded.try_emplace(slot, 0);
        if (added) {
            it->second = fresh();
            FloatOp op;
            op.code = code;
            op.slot = slot;
            loads_.push_back(op);
            loadOperands_.push_back({it->second, 0, 0});
        }
        return it->second;
    }

    int local(int32_t slot) {
        auto it = lets_.find(slot);
        if (it != lets_.end())
            return it->second;
        return load(FloatOpCode::LoadLocal, slot, locals_);
    }

    // An operand of an operator: read in place or a link of its own.
    int operand(const Expr* k) {
        switch (k->op) {
        case ExprOp::Local:
            return local(k->slot);
        case ExprOp::Const:
            return constant(k->constant.floatValue());
        case ExprOp::Field:
            return load(FloatOpCode::LoadField, k->slot, fields_);
        default:
            return node(k);
        }
    }

    // A constant copied into a register, where an operation has no form
    // reading it in place (once: registers are written once).
    int inRegister(int x) {
        if (x >= 0)
            return x;
        auto [it, added] = materialized_.try_emplace(x, 0);
        if (added)
            it->second = emit(FloatOpCode::Const, x);
        return it->second;
    }

    // `code` is the operator on two registers; the next two codes are the
    // forms with a constant on the right and on the left.
    int arith(FloatOpCode code, const Expr* e) {
        int a = operand(e->kids[0]);
        int b = operand(e->kids[1]);
        // DivRC does not test its divisor: a zero constant one (which
        // raises) takes the tested form from a register.
        if (code == FloatOpCode::Div && b < 0 && constants_[size_t(-b - 1)] == 0.0)
            b = inRegister(b);
        if (a < 0 && b < 0)
            a = inRegister(a);
        ++work_;
        if (b < 0)
            return emit(FloatOpCode(int(code) + 1), a, b);
        if (a < 0)
            return emit(FloatOpCode(int(code) + 2), a, b);
        return emit(code, a, b);
    }
    int unary(FloatOpCode code, const Expr* x) {
        int a = inRegister(node(x));
        ++work_;
        return emit(code, a);
    }

    // Whether the variable of `let` is also read by a node the program
    // calls (which reads it from the frame).
    bool readOutside(const Expr* e, int32_t slot) {
        FloatLink link = linkOf_(*e);
        if (link == FloatLink::Opaque)
            return mayRead(e, slot);
        if (link == FloatLink::None && isInPlace(e))
            return false;
        for (const Expr* k : e->kids)
            if (readOutside(k, slot))
                return true;
        return false;
    }

    int node(const Expr* e) {
        switch (linkOf_(*e)) {
        case FloatLink::Leaf:
            return operand(e);
        case FloatLink::Add:
            return arith(FloatOpCode::Add, e);
        case FloatLink::Sub:
            return arith(FloatOpCode::Sub, e);
        case FloatLink::Mul:
            return arith(FloatOpCode::Mul, e);
        case FloatLink::Div:
            return arith(FloatOpCode::Div, e);
        case FloatLink::Neg: {
            int a = inRegister(operand(e->kids[0]));
            ++work_;
            return emit(FloatOpCode::Neg, a);
        }
        case FloatLink::Let: {
            int bound = node(e->kids[0]);
            if (readOutside(e->kids[1], e->slot))
                emit(FloatOpCode::Store, inRegister(bound), 0, nullptr, e->slot);
            lets_[e->slot] = bound; // slots are never bound twice in a frame
            return node(e->kids[1]);
        }
        case FloatLink::Scope:
            return node(e->kids[0]);
        case FloatLink::Log:
            return unary(FloatOpCode::Log, e->kids[0]);
        case FloatLink::Sqrt:
            return unary(FloatOpCode::Sqrt, e->kids[0]);
        case FloatLink::Exp:
            return unary(FloatOpCode::Exp, e->kids[0]);
        case FloatLink::Same:
            return node(e->kids[0]);
        case FloatLink::Floor:
            return unary(FloatOpCode::Floor, e->kids[0]->kids[0]);
        case FloatLink::Ceil:
            return unary(FloatOpCode::Ceil, e->kids[0]->kids[0]);
        case FloatLink::Draw: {
            DrawByConstant c = drawByConstantOf(e);
            int32_t at = int32_t(integers_.size());
            integers_.push_back(c.below);
            integers_.push_back(c.offset);
            ++work_;
            return emit(FloatOpCode::Draw, 0, constant(double(c.divisor)), e, at);
        }
        case FloatLink::Opaque:
            return emit(FloatOpCode::Call, 0, 0, e);
        case FloatLink::None:
            break;
        }
        failed_ = true;
        return 0;
    }

    // A Rat tail chain from `e` down: the register of the Float its last
    // operation `end` (set here) makes the Rat of. A `let` may bind a
    // link's result or a local or field read in place (a Float, or the
    // program is not run); no variable is stored, so an inlined call
    // with variables to let go of may contain no call of a node function,
    // which could bind them.
    int tail(const Expr* e, FloatOp& end) {
        switch (tailOf_(*e)) {
        case RatTail::Scope:
            releases_ = true;
            return tail(e->kids[0], end);
        case RatTail::NumberScope:
            return tail(e->kids[0], end);
        case RatTail::Let: {
            const Expr* bound = e->kids[0];
            int b = linkOf_(*bound) == FloatLink::None ? operand(bound) : node(bound);
            if (readOutside(e->kids[1], e->slot))
                break;
            lets_[e->slot] = b;
            return tail(e->kids[1], end);
        }
        case RatTail::FloorOverDecimal:
        case RatTail::CeilOverDecimal: {
            int x = inRegister(node(roundedOverDecimalArgument(e)));
            RoundedOverDecimal c = roundedOverDecimalConstants(e);
            end.code = tailOf_(*e) == RatTail::FloorOverDecimal ? FloatOpCode::FloorOverDecimal
                                                                : FloatOpCode::CeilOverDecimal;
            end.node = e;
            end.slot = int32_t(integers_.size());
            integers_.push_back(c.offset);
            integers_.push_back(int64_t(c.denominator));
            ++work_;
            for (const FloatOp& op : ops_)
                if (releases_ && (op.code == FloatOpCode::Call || op.code == FloatOpCode::Store))
                    failed_ = true;
            return x;
        }
        case RatTail::None:
            break;
        }
        failed_ = true;
        return 0;
    }

    const std::function<FloatLink(const Expr&)>& linkOf_;
    const std::function<RatTail(const Expr&)>& tailOf_;
    std::unordered_map<uint64_t, int> consts_;
    std::unordered_map<int, int> materialized_;
    std::unordered_map<int32_t, int> lets_, locals_, fields_;
    std::vector<double> constants_;
    std::vector<int64_t> integers_;
    std::vector<FloatOp> loads_, ops_;
    std::vector<Operands> loadOperands_, operands_;
    uint32_t temps_ = 0;
    int work_ = 0;
    bool failed_ = false;
    bool releases_ = false; // inside an inlined call whose variables are let go of
};

// The tree's own operators for what the program's fast path does not do:
// they raise (a zero divisor) or compute what the tree computes.
[[gnu::noinline]] double divideByZero(double a, double b) {
    Value x = Value::fromFloat(a), y = Value::fromFloat(b);
    Value r = divide(x, y);
    if (!r.isFloat())
        throwKindMismatch("a Float operation", x, y);
    return r.floatValue();
}
[[gnu::noinline]] double logOf(double d) {
    return log(Value::fromFloat(d)).floatValue();
}
[[gnu::noinline]] double sqrtOf(double d) {
    return sqrt(Value::fromFloat(d)).floatValue();
}
[[gnu::noinline]] double expOf(double d) {
    return exp(Value::fromFloat(d)).floatValue();
}

// The results of the operators before `upTo`: one that is not finite
// raises; if none is (their sum was too large), nothing happens.
[[gnu::noinline]] void raiseIfNotFinite(const FloatProgram& p, const FloatOp* upTo,
                                        const double* r) {
    for (const FloatOp* op = p.ops.data(); op != upTo; ++op)
        if (isFloatOperator(op->code) && !std::isfinite(r[op->dst]))
            detail::throwFloatOverflow();
}

// The tree instead of the program, by the node function the root had.
template <typename Result>
[[gnu::noinline]] Result fallBack(const FloatProgram& p, const Expr* e, EvalContext& ctx) {
    if constexpr (std::is_same_v<Result, Value>)
        return p.boxedTree(e, ctx);
    else
        return p.tree(e, ctx);
}

// Direct threading: each handler ends by jumping to the next operation's
// own handler (one indirect jump, no loop test, no bounds check), which
// keeps the dispatch to a few instructions per operation.
//
// A result of an operator that is not finite raises, as the tree's
// operators do; but rather than testing each result, `sum` adds them all
// up, and is tested before anything that could be seen: a call, a store, an
// error of another kind, the end. Once a result is infinite or NaN, the sum
// is too and stays so (adding finite numbers to an infinity gives it back,
// adding the other infinity NaN). Only when the sum is not finite are the
// results so far looked at one by one, since finite results may add up to
// too much. Between two such points only operations without effects run,
// so the first result that was not finite is still the first error.
template <typename Result> Result run(const Expr* e, EvalContext& ctx) {
    static const void* const kHandlers[] = {
        &&loadLocal, &&loadField, &&constant, &&add,   &&addRC,   &&addCR,   &&sub,
        &&subRC,     &&subCR,     &&mul,      &&mulRC, &&mulCR,   &&div,     &&divRC,
        &&divCR,     &&neg,       &&log,      &&sqrt,  &&exp,     &&floor,   &&ceil,
        &&draw,      &&call,      &&store,    &&ret,   &&ratTail, &&ratTail, &&hornerStep,
    };
    static_assert(std::size(kHandlers) == size_t(FloatOpCode::HornerStep) + 1);
    const FloatProgram& p = *e->floatProgram;
    double r[kMaxFloatRegisters];
    const double* c = p.constants.data();
    const int64_t* i = p.integers.data();
    const FloatOp* op = p.ops.data();
    double sum = 0.0;
    auto settle = [&] {
        if (!std::isfinite(sum)) [[unlikely]]
            raiseIfNotFinite(p, op, r);
    };
    auto check = [&](double x) {
        sum += x;
        return x;
    };
    // A zero divisor raises (or not) exactly as the chain's division does,
    // after the results before it have been settled.
    auto divide = [&](double a, double b) [[gnu::always_inline]] {
        if (b == 0.0) [[unlikely]] {
            settle();
            return divideByZero(a, b);
        }
        return check(a / b);
    };
#define ABSIM_NEXT_FLOAT_OP() goto* kHandlers[size_t((++op)->code)]
    goto* kHandlers[size_t(op->code)];
loadLocal : {
    const Value& v = ctx.locals[op->slot];
    if (!v.isFloat()) [[unlikely]]
        return fallBack<Result>(p, e, ctx);
    r[op->dst] = v.floatValue();
    ABSIM_NEXT_FLOAT_OP();
}
loadField : {
    const Value& v = ctx.self->fields[op->slot];
    if (!v.isFloat()) [[unlikely]]
        return fallBack<Result>(p, e, ctx);
    r[op->dst] = v.floatValue();
    ABSIM_NEXT_FLOAT_OP();
}
constant:
    r[op->dst] = c[op->a];
    ABSIM_NEXT_FLOAT_OP();
add:
    r[op->dst] = check(r[op->a] + r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
addRC:
    r[op->dst] = check(r[op->a] + c[op->b]);
    ABSIM_NEXT_FLOAT_OP();
addCR:
    r[op->dst] = check(c[op->a] + r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
sub:
    r[op->dst] = check(r[op->a] - r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
subRC:
    r[op->dst] = check(r[op->a] - c[op->b]);
    ABSIM_NEXT_FLOAT_OP();
subCR:
    r[op->dst] = check(c[op->a] - r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
mul:
    r[op->dst] = check(r[op->a] * r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
mulRC:
    r[op->dst] = check(r[op->a] * c[op->b]);
    ABSIM_NEXT_FLOAT_OP();
mulCR:
    r[op->dst] = check(c[op->a] * r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
div:
    r[op->dst] = divide(r[op->a], r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
divRC:
    r[op->dst] = check(r[op->a] / c[op->b]);
    ABSIM_NEXT_FLOAT_OP();
divCR:
    r[op->dst] = divide(c[op->a], r[op->b]);
    ABSIM_NEXT_FLOAT_OP();
neg:
    r[op->dst] = -r[op->a];
    ABSIM_NEXT_FLOAT_OP();
hornerStep : {
    double t1 = r[op->a] / c[op->slot >> 8];
    double t2 = t1 * r[op->b];
    r[op->dst] = check(c[op->slot & 0xFF] - t2);
    ABSIM_NEXT_FLOAT_OP();
}
log : {
    double d = r[op->a];
    if (!(d > 0.0)) [[unlikely]]
        settle();
    r[op->dst] = d > 0.0 ? std::log(d) : logOf(d);
    ABSIM_NEXT_FLOAT_OP();
}
sqrt : {
    double d = r[op->a];
    if (!(d >= 0.0)) [[unlikely]]
        settle();
    r[op->dst] = d >= 0.0 ? std::sqrt(d) : sqrtOf(d);
    ABSIM_NEXT_FLOAT_OP();
}
exp : {
    double d = r[op->a];
    double x = std::exp(d);
    if (!std::isfinite(x)) [[unlikely]]
        settle();
    r[op->dst] = std::isfinite(x) ? x : expOf(d);
    ABSIM_NEXT_FLOAT_OP();
}
floor:
    r[op->dst] = std::floor(r[op->a]) + 0.0;
    ABSIM_NEXT_FLOAT_OP();
ceil:
    r[op->dst] = std::ceil(r[op->a]) + 0.0;
    ABSIM_NEXT_FLOAT_OP();
draw : {
    settle();
    int64_t x = drawBelow(ctx.rt->rng(), i[op->slot]) + i[op->slot + 1];
    r[op->dst] = x == 0 ? 0.0 : double(x) / c[op->b];
    ABSIM_NEXT_FLOAT_OP();
}
call:
    settle();
    r[op->dst] = op->node->floatFn(op->node, ctx);
    ABSIM_NEXT_FLOAT_OP();
store:
    settle();
    ctx.locals[op->slot] = Value::fromFloat(r[op->a]);
    ABSIM_NEXT_FLOAT_OP();
ret:
    settle();
    if constexpr (std::is_same_v<Result, Value>)
        return Value::fromFloat(r[op->a]);
    else
        return r[op->a];
    // Only Rat programs end in this, and they are run for a Value.
ratTail:
    settle();
    if constexpr (std::is_same_v<Result, Value>) {
        RoundedOverDecimal k{i[op->slot], uint64_t(i[op->slot + 1])};
        return op->code == FloatOpCode::FloorOverDecimal
                   ? roundedOverDecimal<roundDown>(op->node, r[op->a], k)
                   : roundedOverDecimal<roundUp>(op->node, r[op->a], k);
    } else {
        __builtin_unreachable();
    }
#undef ABSIM_NEXT_FLOAT_OP
}

} // namespace

double runFloatProgram(const Expr* e, EvalContext& ctx) {
    return run<double>(e, ctx);
}

namespace {
Value boxFloatProgram(const Expr* e, EvalContext& ctx) {
    return run<Value>(e, ctx);
}
} // namespace

namespace {
// The next node of a Rat tail chain below `e`, if any.
const Expr* tailKid(const Expr* e, const std::function<RatTail(const Expr&)>& tailOf) {
    switch (tailOf(*e)) {
    case RatTail::Let:
        return e->kids[1];
    case RatTail::Scope:
    case RatTail::NumberScope:
        return e->kids[0];
    default:
        return nullptr;
    }
}
} // namespace

void compileFloatPrograms(std::deque<Expr>& exprs,
                          const std::function<FloatLink(const Expr&)>& linkOf,
                          const std::function<RatTail(const Expr&)>& tailOf) {
    // A root: a link that some node or instruction uses other than as a
    // part of a bigger program. Only links are looked at (most nodes have
    // no floatFn), which keeps this short for the standard library.
    std::unordered_set<const Expr*> part, elsewhere;
    // The nodes of Rat tail chains (only Div, Let and Scope nodes can be),
    // and those below another one of their chain.
    std::vector<Expr*> tailNodes;
    std::unordered_set<const Expr*> belowTail;
    for (Expr& e : exprs) {
        e.floatProgram = nullptr;
        const Expr* mine[2] = {nullptr, nullptr};
        if (e.floatFn) {
            FloatLink link = linkOf(e);
            size_t n = 0;
            if (isCompiled(link))
                forEachLinkKid(&e, link, [&](const Expr* k) {
                    mine[n++] = k;
                    part.insert(k);
                });
        }
        for (const Expr* k : e.kids)
            if (k->floatFn && k != mine[0] && k != mine[1])
                elsewhere.insert(k);
        for (const CaseBranchCode& b : e.branches)
            if (b.body->floatFn)
                elsewhere.insert(b.body);
        bool mayBeTail = e.op == ExprOp::Div || e.op == ExprOp::Let || e.op == ExprOp::Scope;
        if (!e.floatFn && mayBeTail && tailOf(e) != RatTail::None) {
            tailNodes.push_back(&e);
            if (const Expr* k = tailKid(&e, tailOf))
                belowTail.insert(k);
        }
    }
    // The Rat programs: each chain from its top, else from as high as it
    // compiles. The links inside keep their own programs, which the tree
    // (the fallback) runs.
    std::unordered_map<const Expr*, FloatProgram> tails;
    for (const Expr* e : tailNodes) {
        if (belowTail.count(e))
            continue;
        const Expr* end = e;
        while (const Expr* k = tailKid(end, tailOf))
            end = k;
        RatTail last = tailOf(*end);
        if (last != RatTail::FloorOverDecimal && last != RatTail::CeilOverDecimal)
            continue; // not a chain
        for (const Expr* t = e; t;) {
            FloatProgram p;
            if (Compiler(linkOf, tailOf).compile(t, p, true)) {
                tails.emplace(t, std::move(p));
                break;
            }
            t = tailKid(t, tailOf);
        }
    }
    for (Expr* e : tailNodes) {
        auto it = tails.find(e);
        if (it == tails.end())
            continue;
        it->second.boxedTree = e->fn;
        e->floatProgram = std::make_shared<const FloatProgram>(std::move(it->second));
        e->fn = boxFloatProgram;
    }
    for (Expr& e : exprs) {
        if (!e.floatFn || !isCompiled(linkOf(e)) || (part.count(&e) && !elsewhere.count(&e)))
            continue;
        FloatProgram p;
        if (!Compiler(linkOf, tailOf).compile(&e, p, false))
            continue;
        p.tree = e.floatFn;
        p.boxedTree = e.fn;
        e.floatProgram = std::make_shared<const FloatProgram>(std::move(p));
        e.floatFn = runFloatProgram;
        e.fn = boxFloatProgram;
    }
}

} // namespace absim::interp
