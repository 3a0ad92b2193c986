#include "interpreter/lower/select_opcodes.h"

#include "interpreter/program/runtime_program.h"

namespace absim::interp {

namespace {

// `x + k`, `k + x` or `x - k` with x the variable `dest` names and k an Int
// that fits: the value added, in `imm`.
bool isCounterStep(const Expr* e, const Dest& dest, int64_t& imm) {
    if ((e->op != ExprOp::Add && e->op != ExprOp::Sub) || e->kids.size() != 2)
        return false;
    ExprOp var = dest.kind == Dest::Kind::Local ? ExprOp::Local : ExprOp::Field;
    auto same = [&](const Expr* x) { return x->op == var && x->slot == dest.slot; };
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

void selectIn(Code& code) {
    for (size_t i = 0; i < code.instrs.size(); ++i) {
        Instr& in = code.instrs[i];
        switch (in.op) {
        case Opcode::Assign: {
            bool local = in.dest.kind == Dest::Kind::Local;
            if (in.dest.kind == Dest::Kind::None)
                break;
            if (isCounterStep(in.e, in.dest, in.imm))
                in.op = local ? Opcode::AddLocal : Opcode::AddField;
            else
                in.op = local ? Opcode::AssignLocal : Opcode::AssignField;
            break;
        }
        case Opcode::Jump:
            if (in.target <= i)
                in.op = Opcode::JumpBack;
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
        selectIn(c.recover);
        for (auto& m : c.ownedMethods)
            selectIn(m->code);
    }
    selectIn(program.main);
}

} // namespace absim::interp
