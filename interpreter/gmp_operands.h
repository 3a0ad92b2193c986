#pragma once
// Read-only GMP views of Int and Rat values for the out-of-line arithmetic:
// a value already on the heap is used in place, an inline int is widened
// into a temporary. Not copyable (the view may point into itself).

#include "interpreter/value.h"

#include <optional>

namespace absim::interp::detail {

class BigIntOperand {
public:
    explicit BigIntOperand(const Value& v) {
        if (v.isBigInt()) {
            ref_ = &v.bigInt();
        } else {
            temp_ = v.smallInt();
            ref_ = &temp_;
        }
    }
    BigIntOperand(const BigIntOperand&) = delete;
    BigIntOperand& operator=(const BigIntOperand&) = delete;

    const BigInt& get() const { return *ref_; }
    mpz_srcptr raw() const { return ref_->backend().data(); }

private:
    BigInt temp_;
    const BigInt* ref_;
};

class RationalOperand {
public:
    // The temporary is made only for an inline number: constructing a GMP
    // rational allocates, and a heap Rat operand needs none.
    explicit RationalOperand(const Value& v) {
        if (v.isBigRat()) {
            ref_ = &v.bigRat();
        } else {
            ref_ = &temp_.emplace(v.toRational());
        }
    }
    RationalOperand(const RationalOperand&) = delete;
    RationalOperand& operator=(const RationalOperand&) = delete;

    const Rational& get() const { return *ref_; }
    mpq_srcptr raw() const { return ref_->backend().data(); }

private:
    std::optional<Rational> temp_;
    const Rational* ref_;
};

} // namespace absim::interp::detail
