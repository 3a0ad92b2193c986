#pragma once
// The native number functions of ABS.StdLib (stdlib.md §3), one C++
// function per builtin, named after it where C++ allows. Arguments are
// Values of the kinds the ABS signature promises; results are normalised.
// Domain errors raise AbsRuntimeError, division by zero
// DivisionByZeroException.

#include "interpreter/value.h"

namespace absim::interp {

// `Int truncate(Rat)`: towards zero, truncate(-7/2) == -3. Also takes a Float.
Value truncate(const Value& r);
// `Int floor(Float)` / `Int ceil(Float)`. Also take an Int or Rat.
Value floor(const Value& f);
Value ceil(const Value& f);
// `Float float(Rat)`: the nearest double (correctly rounded).
Value toFloat(const Value& r);
// `Rat rat(Float)`: the exact value of the shortest decimal that reads back
// as f, so rat(0.1) == 1/10 (not the binary fraction 3602879701896397/2^55).
Value toRat(const Value& f);
// `Int numerator(Rat)` / `Int denominator(Rat)` of the normalised form.
Value numerator(const Value& r);
Value denominator(const Value& r);
// `A abs<A>(A)` for Int, Rat and Float.
Value abs(const Value& x);
// `Rat pow(Rat b, Int n)`: exact; a negative n gives 1/b^-n.
Value pow(const Value& base, const Value& exponent);
// `Float sqrt/log/exp(Float)`.
Value sqrt(const Value& x);
Value log(const Value& x);
Value exp(const Value& x);

// Correctly rounded num/den (den > 0); ±infinity when out of range.
double exactToDouble(const BigInt& num, const BigInt& den);
// The Int whose value is the integral, finite double d.
Value intFromIntegralDouble(double d);

} // namespace absim::interp
