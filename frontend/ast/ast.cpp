#include "frontend/ast/ast.h"

namespace absim::ast {

const char* spelling(BinaryOp op) {
    switch (op) {
    case BinaryOp::Or:
        return "||";
    case BinaryOp::And:
        return "&&";
    case BinaryOp::Eq:
        return "==";
    case BinaryOp::Ne:
        return "!=";
    case BinaryOp::Lt:
        return "<";
    case BinaryOp::Le:
        return "<=";
    case BinaryOp::Gt:
        return ">";
    case BinaryOp::Ge:
        return ">=";
    case BinaryOp::Add:
        return "+";
    case BinaryOp::Sub:
        return "-";
    case BinaryOp::Mul:
        return "*";
    case BinaryOp::Div:
        return "/";
    case BinaryOp::Mod:
        return "%";
    }
    return "?";
}

} // namespace absim::ast
