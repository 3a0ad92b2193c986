#include "interpreter/lower/fold_constants.h"

#include "interpreter/eval/evaluator.h"
#include "interpreter/program/runtime_program.h"

namespace absim::interp {

namespace {

bool allConstant(const std::vector<const Expr*>& kids) {
    for (const Expr* k : kids)
        if (k->op != ExprOp::Const)
            return false;
    return true;
}

bool foldable(const Expr& e) {
    switch (e.op) {
    case ExprOp::Neg:
    case ExprOp::Not:
    case ExprOp::And:
    case ExprOp::Or:
    case ExprOp::Eq:
    case ExprOp::Ne:
    case ExprOp::Lt:
    case ExprOp::Le:
    case ExprOp::Gt:
    case ExprOp::Ge:
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Mod:
    case ExprOp::Construct:
        return allConstant(e.kids);
    case ExprOp::Call:
        // A parameterless ABS function with a constant body. Natives are
        // left alone: some read the simulation (now(), random()).
        return e.function->kind == FunctionInfo::Kind::Abs && e.function->arity == 0 &&
               e.function->funParamCount == 0 && e.function->body &&
               e.function->body->op == ExprOp::Const;
    default:
        return false;
    }
}

void becomeConstant(Expr& e, Value v) {
    e.op = ExprOp::Const;
    e.constant = std::move(v);
    e.kids.clear();
    e.function = nullptr;
    e.constructor = nullptr;
}

} // namespace

size_t foldConstants(RuntimeProgram& program) {
    size_t folded = 0;
    // Nodes are not stored children first, so sweep until nothing changes;
    // each sweep folds at least one more level.
    for (bool changed = true; changed;) {
        changed = false;
        for (Expr& e : program.exprs) {
            if (e.op == ExprOp::When && e.kids.size() == 3 && e.kids[0]->op == ExprOp::Const &&
                e.kids[0]->constant.isData()) {
                const Expr* chosen = e.kids[0]->constant.isTrue() ? e.kids[1] : e.kids[2];
                if (chosen->op == ExprOp::Const) {
                    becomeConstant(e, chosen->constant);
                    ++folded;
                    changed = true;
                }
                continue;
            }
            if (!foldable(e))
                continue;
            EvalContext none;
            try {
                Value v = evalNode(&e, none);
                becomeConstant(e, std::move(v));
            } catch (...) {
                continue; // raises at run time, where it is reported
            }
            ++folded;
            changed = true;
        }
    }
    return folded;
}

} // namespace absim::interp
