#include "interpreter/lower/select_opcodes.h"

#include "interpreter/program/runtime_program.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

namespace absim::interp {

namespace {

// Whether `x` reads the variable `dest` names.
bool readsDest(const Expr* x, const Dest& dest) {
    ExprOp var = dest.kind == Dest::Kind::Local ? ExprOp::Local : ExprOp::Field;
    return x->op == var && x->slot == dest.slot;
}

// `x + k`, `k + x` or `x - k` with x the variable `dest` names and k an Int
// that fits: the value added, in `imm`.
bool isCounterStep(const Expr* e, const Dest& dest, int64_t& imm) {
    if ((e->op != ExprOp::Add && e->op != ExprOp::Sub) || e->kids.size() != 2)
        return false;
    auto same = [&](const Expr* x) { return readsDest(x, dest); };
    auto smallInt = [](const Expr* x) {
        return x->op == ExprOp::Const && x->constant.isSmallInt();
    };
    const Expr* a = e->kids[0];
    const Expr* b = e->kids[1];
    if (same(a) && smallInt(b)) {
        int64_t k = b->constant.smallInt();
        if (e->op == ExprOp::Sub) {
            if (k == INT64_MIN)
                return false;
            k = -k;
        }
        imm = k;
        return true;
    }
    if (e->op == ExprOp::Add && smallInt(a) && same(b)) {
        imm = a->constant.smallInt();
        return true;
    }
    return false;
}

// The element of a one-element list expression `list[e]`, as built by
// lowering (Cons(e, Nil)) or folded into a constant; else nullptr.
const Expr* onlyElement(const Expr* l, std::deque<Expr>& exprs) {
    if (l->op == ExprOp::Construct && l->constructor->builtin == BuiltinConstructor::Cons &&
        l->kids.size() == 2 && l->kids[1]->op == ExprOp::Const &&
        l->kids[1]->constant.is(BuiltinConstructor::Nil))
        return l->kids[0];
    if (l->op == ExprOp::Const && l->constant.is(BuiltinConstructor::Cons) &&
        l->constant.arg(1).is(BuiltinConstructor::Nil)) {
        Expr& element = exprs.emplace_back();
        element.constant = l->constant.arg(0);
        element.line = l->line;
        return &element;
    }
    return nullptr;
}

// `x = appendright(x, e)` and `x = concatenate(x, list[e])` (the stdlib's,
// which absim implements natively), or `x = tail(x)` (the selector of
// List): updated in place when x alone holds its list (list_spine.h). In
// e2, the element.
bool selectListUpdate(Instr& in, std::deque<Expr>& exprs) {
    const Expr* e = in.e;
    if (e->op != ExprOp::Call || !e->function || e->kids.empty() || !readsDest(e->kids[0], in.dest))
        return false;
    const FunctionInfo* f = e->function;
    if (f->kind == FunctionInfo::Kind::Native && e->kids.size() == 2) {
        const Expr* element = nullptr;
        if (f->name == "ABS.StdLib.appendright")
            element = e->kids[1];
        else if (f->name == "ABS.StdLib.concatenate")
            element = onlyElement(e->kids[1], exprs);
        if (!element)
            return false;
        in.op = Opcode::ListAppend;
        in.e2 = element;
        return true;
    }
    if (f->kind == FunctionInfo::Kind::Selector && e->kids.size() == 1 && f->selects.size() == 1 &&
        f->selects[0].first->builtin == BuiltinConstructor::Cons && f->selects[0].second == 1) {
        in.op = Opcode::ListDropHead;
        return true;
    }
    return false;
}

// A piece of a concatenation that is a String whatever the model: a
// literal, a template, a toString(..).
bool isPlainlyString(const Expr* e) {
    return (e->op == ExprOp::Const && e->constant.isString()) || e->op == ExprOp::Template ||
           (e->op == ExprOp::Call && e->function && e->function->name == "ABS.StdLib.toString");
}

// `x = x + a + b ..` with some piece plainly a String: the text a model
// builds up in a loop (a report, a CSV line), appended to in the buffer x
// alone holds instead of copied at each step. In args, the pieces.
bool selectStringAppend(Instr& in) {
    std::vector<const Expr*> pieces;
    const Expr* e = in.e;
    for (; e->op == ExprOp::Add && e->kids.size() == 2; e = e->kids[0])
        pieces.push_back(e->kids[1]);
    if (pieces.empty() || !readsDest(e, in.dest) ||
        std::none_of(pieces.begin(), pieces.end(), isPlainlyString))
        return false;
    std::reverse(pieces.begin(), pieces.end());
    in.op = Opcode::StringAppend;
    in.args = std::move(pieces);
    return true;
}

// What the evaluator's front door reads inline (evaluator.h: eval).
bool isLeaf(const Expr* e) {
    return e->op == ExprOp::Const || e->op == ExprOp::Local || e->op == ExprOp::Field;
}

uint8_t relationMask(ExprOp op) {
    switch (op) {
    case ExprOp::Lt:
        return kHoldsIfLess;
    case ExprOp::Le:
        return kHoldsIfLess | kHoldsIfEqual;
    case ExprOp::Gt:
        return kHoldsIfGreater;
    case ExprOp::Ge:
        return kHoldsIfGreater | kHoldsIfEqual;
    case ExprOp::Eq:
        return kHoldsIfEqual;
    case ExprOp::Ne:
        return kHoldsIfLess | kHoldsIfGreater;
    default:
        return 0;
    }
}

// `k rel x` is `x rel' k` with less and greater exchanged.
uint8_t mirrored(uint8_t mask) {
    return uint8_t((mask & kHoldsIfEqual) | (mask & kHoldsIfLess ? kHoldsIfGreater : 0) |
                   (mask & kHoldsIfGreater ? kHoldsIfLess : 0));
}

// A condition comparing a local with a local or with an Int constant.
void selectBranch(Instr& in) {
    const Expr* e = in.e;
    uint8_t mask = relationMask(e->op);
    if (!mask || e->kids.size() != 2)
        return;
    const Expr* a = e->kids[0];
    const Expr* b = e->kids[1];
    auto smallInt = [](const Expr* x) {
        return x->op == ExprOp::Const && x->constant.isSmallInt();
    };
    if (a->op != ExprOp::Local) {
        if (b->op != ExprOp::Local || !smallInt(a))
            return;
        std::swap(a, b);
        mask = mirrored(mask);
    }
    if (b->op == ExprOp::Local) {
        in.op = Opcode::JumpUnlessLL;
        in.slot2 = b->slot;
    } else if (smallInt(b)) {
        in.op = Opcode::JumpUnlessLK;
        in.imm = b->constant.smallInt();
    } else {
        return;
    }
    in.slot = a->slot;
    in.relation = mask;
}

void selectIn(Code& code, std::deque<Expr>& exprs) {
    for (Instr& in : code.instrs) {
        switch (in.op) {
        case Opcode::Assign: {
            bool local = in.dest.kind == Dest::Kind::Local;
            if (in.dest.kind == Dest::Kind::None)
                break;
            if (selectListUpdate(in, exprs) || selectStringAppend(in))
                break;
            if (isCounterStep(in.e, in.dest, in.imm))
                in.op = local ? Opcode::AddLocal : Opcode::AddField;
            else if (isLeaf(in.e))
                in.op = local ? Opcode::AssignLocal : Opcode::AssignField;
            else
                in.op = local ? Opcode::ComputeLocal : Opcode::ComputeField;
            break;
        }
        case Opcode::JumpIfFalse:
            selectBranch(in);
            break;
        default:
            break;
        }
    }
}

} // namespace

void selectOpcodes(RuntimeProgram& program) {
    // Not the classes' init code: objects without an init block have their
    // field initialisers (Assign) run directly (Runtime::initialiseDirectly).
    for (ClassInfo& c : program.classes) {
        selectIn(c.recover, program.exprs);
        for (auto& m : c.ownedMethods)
            selectIn(m->code, program.exprs);
    }
    selectIn(program.main, program.exprs);
}

} // namespace absim::interp
