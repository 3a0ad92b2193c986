#pragma once
// The last step of lowering: generic instructions whose operands have one of
// the commonest shapes become specialised ones (program/code.h), chosen once
// here so that the instruction loop does not rediscover the shape at every
// step. Runs after inlining, constant folding and the evaluator's own
// specialisation, when every expression has its final form.

namespace absim::interp {

struct RuntimeProgram;

void selectOpcodes(RuntimeProgram& program);

} // namespace absim::interp
