// Arithmetic and number builtins against language.md §4.1 and stdlib.md §3.

#include "value_helpers.h"

#include "interpreter/errors.h"
#include "interpreter/number_builtins.h"

#include <doctest/doctest.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <random>
#include <string>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

bool isDivisionByZero(const std::function<void()>& f) {
    try {
        f();
    } catch (const AbsException& e) {
        return e.exception().is(BuiltinConstructor::DivisionByZeroException);
    }
    return false;
}

} // namespace

TEST_SUITE_BEGIN("numbers");

TEST_CASE("Int division is exact and gives a Rat") {
    Value q = divide(I(7), I(2));
    CHECK(q.isRat());
    CHECK(str(q) == "7/2");
    CHECK(str(divide(I(-7), I(2))) == "-7/2");
    CHECK(str(divide(I(7), I(-2))) == "-7/2");
    CHECK(str(divide(I(-7), I(-2))) == "7/2");
    Value two = divide(I(4), I(2));
    CHECK(two.isSmallInt());
    CHECK(str(two) == "2");
    CHECK(str(divide(I(INT64_MIN), I(-1))) == "9223372036854775808");
    CHECK(str(divide(R(1, 3), R(2, 3))) == "1/2");
    CHECK(str(divide(big("100000000000000000000"), big("300000000000000000000"))) == "1/3");
}

TEST_CASE("Int remainder truncates: the sign of the dividend") {
    CHECK(remainder(I(7), I(3)).smallInt() == 1);
    CHECK(remainder(I(-7), I(3)).smallInt() == -1);
    CHECK(remainder(I(7), I(-3)).smallInt() == 1);
    CHECK(remainder(I(-7), I(-3)).smallInt() == -1);
    CHECK(remainder(I(INT64_MIN), I(-1)).smallInt() == 0);
    CHECK(str(remainder(big("-100000000000000000007"), I(10))) == "-7");
    CHECK(str(remainder(big("100000000000000000007"), big("-100000000000000000000"))) == "7");
}

TEST_CASE("Rat remainder is a - b*truncate(a/b)") {
    CHECK(str(remainder(R(5, 3), R(1, 2))) == "1/6");   // 5/3 - 1/2*3
    CHECK(str(remainder(R(-5, 3), R(1, 2))) == "-1/6"); // -5/3 - 1/2*(-3)
    CHECK(str(remainder(R(5, 3), R(-1, 2))) == "1/6");
    CHECK(remainder(I(7), R(3, 2)).smallInt() == 1); // 7 - 3/2*4
    CHECK(remainder(R(3, 2), R(1, 2)).smallInt() == 0);
    CHECK(str(remainder(R(7, 2), I(2))) == "3/2");
}

TEST_CASE("Float arithmetic") {
    CHECK(add(F(0.5), F(0.25)).floatValue() == 0.75);
    CHECK(subtract(F(1.0), F(2.5)).floatValue() == -1.5);
    CHECK(multiply(F(1.5), F(-2.0)).floatValue() == -3.0);
    CHECK(divide(F(1.0), F(4.0)).floatValue() == 0.25);
    CHECK(remainder(F(7.5), F(2.0)).floatValue() == 1.5);
    CHECK(remainder(F(-7.5), F(2.0)).floatValue() == -1.5);
    CHECK(negate(F(2.5)).floatValue() == -2.5);
}

TEST_CASE("Float results that are not finite are runtime errors") {
    CHECK_THROWS_AS(multiply(F(1e308), F(10.0)), AbsRuntimeError);
    CHECK_THROWS_AS(add(F(DBL_MAX), F(DBL_MAX)), AbsRuntimeError);
    CHECK_THROWS_AS(divide(F(1e308), F(1e-10)), AbsRuntimeError);
}

TEST_CASE("mixed Int and Rat arithmetic") {
    CHECK(str(add(I(1), R(1, 2))) == "3/2");
    CHECK(add(R(1, 2), R(1, 2)).isSmallInt());
    CHECK(str(subtract(R(1, 3), I(1))) == "-2/3");
    CHECK(multiply(R(2, 3), I(3)).smallInt() == 2);
    CHECK(str(multiply(R(2, 3), big("100000000000000000000"))) == "200000000000000000000/3");
    CHECK(str(negate(R(1, 3))) == "-1/3");
}

TEST_CASE("division and remainder by zero raise DivisionByZeroException") {
    CHECK(isDivisionByZero([] { divide(I(1), I(0)); }));
    CHECK(isDivisionByZero([] { remainder(I(1), I(0)); }));
    CHECK(isDivisionByZero([] { divide(R(1, 2), I(0)); }));
    CHECK(isDivisionByZero([] { remainder(R(1, 2), I(0)); }));
    CHECK(isDivisionByZero([] { divide(big("100000000000000000000"), I(0)); }));
    CHECK(isDivisionByZero([] { remainder(big("100000000000000000000"), I(0)); }));
    CHECK(isDivisionByZero([] { divide(F(1.0), F(0.0)); }));
    CHECK(isDivisionByZero([] { divide(F(1.0), F(-0.0)); }));
    CHECK(isDivisionByZero([] { remainder(F(1.0), F(0.0)); }));
    CHECK_FALSE(isDivisionByZero([] { divide(I(0), I(1)); }));
}

TEST_CASE("truncate, floor and ceil") {
    CHECK(truncate(R(-7, 2)).smallInt() == -3);
    CHECK(truncate(R(7, 2)).smallInt() == 3);
    CHECK(truncate(I(5)).smallInt() == 5);
    CHECK(truncate(F(-2.7)).smallInt() == -2);
    CHECK(floor(F(-2.5)).smallInt() == -3);
    CHECK(floor(F(2.5)).smallInt() == 2);
    CHECK(ceil(F(-2.5)).smallInt() == -2);
    CHECK(ceil(F(2.5)).smallInt() == 3);
    CHECK(floor(R(-7, 2)).smallInt() == -4);
    CHECK(ceil(R(7, 2)).smallInt() == 4);
    CHECK(str(floor(F(1e20))) == "100000000000000000000");
    CHECK(str(ceil(F(-1e20))) == "-100000000000000000000");
    CHECK(floor(F(-9223372036854775808.0)).smallInt() == INT64_MIN);
    CHECK(floor(F(9223372036854775808.0)).isBigInt());
}

TEST_CASE("rat(f) is the shortest decimal's exact value") {
    CHECK(str(toRat(F(0.1))) == "1/10");
    CHECK(str(toRat(F(2.5))) == "5/2");
    CHECK(str(toRat(F(-0.75))) == "-3/4");
    CHECK(str(toRat(F(0.3))) == "3/10");
    CHECK(str(toRat(F(1e20))) == "100000000000000000000");
    CHECK(str(toRat(F(1e-7))) == "1/10000000");
    CHECK(str(toRat(F(123.456))) == "15432/125");
    CHECK(toRat(F(0.0)).smallInt() == 0);
    CHECK(toRat(F(-0.0)).smallInt() == 0);
    CHECK(toRat(F(3.0)).isSmallInt());
    CHECK(str(toRat(R(1, 3))) == "1/3");
}

TEST_CASE("float(r) is the nearest double") {
    CHECK(toFloat(R(1, 10)).floatValue() == 0.1);
    CHECK(toFloat(R(1, 3)).floatValue() == 1.0 / 3.0);
    CHECK(toFloat(R(-2, 3)).floatValue() == -2.0 / 3.0);
    CHECK(toFloat(I(7)).floatValue() == 7.0);
    CHECK(toFloat(big("1267650600228229401496703205376")).floatValue() == std::ldexp(1.0, 100));
    // 2^53 + 1 ties to even (2^53); 2^53 + 3 ties up to 2^53 + 4.
    CHECK(toFloat(big("9007199254740993")).floatValue() == 9007199254740992.0);
    CHECK(toFloat(big("9007199254740995")).floatValue() == 9007199254740996.0);
    CHECK(toFloat(big("90071992547409930")).floatValue() == 90071992547409936.0);
    // Just above a tie rounds up even when the tie would round down.
    CHECK(toFloat(divide(big("90071992547409930001"), I(10000))).floatValue() ==
          9007199254740994.0);
    CHECK_THROWS_AS(toFloat(multiply(big("1" + std::string(400, '0')), R(1, 3))), AbsRuntimeError);
    // The largest double survives a trip through Int; just past it does not.
    CHECK(toFloat(floor(F(DBL_MAX))).floatValue() == DBL_MAX);
    BigInt two1024 = BigInt(1) << 1024;
    CHECK(std::isinf(exactToDouble(two1024, BigInt(1))));
    CHECK(std::isinf(exactToDouble(two1024 - (BigInt(1) << 970), BigInt(1)))); // tie, to even
    CHECK(exactToDouble(two1024 - (BigInt(1) << 970) - 1, BigInt(1)) == DBL_MAX);
}

TEST_CASE("exact quotients round like strtod on decimal fractions") {
    std::mt19937_64 rng(12345);
    for (int trial = 0; trial < 2000; ++trial) {
        std::string digits = std::to_string(rng() % 9 + 1);
        int length = int(rng() % 25);
        for (int i = 0; i < length; ++i) {
            digits += char('0' + rng() % 10);
        }
        int scale = int(rng() % 60);
        BigInt num(digits), den = boost::multiprecision::pow(BigInt(10), unsigned(scale));
        double expected = std::strtod((digits + "e-" + std::to_string(scale)).c_str(), nullptr);
        REQUIRE_MESSAGE(exactToDouble(num, den) == expected, digits << "e-" << scale);
        REQUIRE(exactToDouble(-num, den) == -expected);
    }
}

TEST_CASE("exact quotients round correctly into the subnormal range") {
    BigInt one(1);
    CHECK(exactToDouble(one, one << 1074) == std::numeric_limits<double>::denorm_min());
    // 1.5 × min ties to even: 2 × min; 0.5 × min ties to even: 0.
    CHECK(exactToDouble(BigInt(3), one << 1075) == 2 * std::numeric_limits<double>::denorm_min());
    CHECK(exactToDouble(one, one << 1075) == 0.0);
    CHECK(exactToDouble((one << 20) + 1, one << 1095) == std::numeric_limits<double>::denorm_min());
    CHECK(exactToDouble(one, one << 1022) == DBL_MIN);
    CHECK(exactToDouble(one, one << 2000) == 0.0);
}

TEST_CASE("numerator and denominator of the normalised form") {
    CHECK(numerator(R(-2, 4)).smallInt() == -1);
    CHECK(denominator(R(-2, 4)).smallInt() == 2);
    CHECK(numerator(I(3)).smallInt() == 3);
    CHECK(denominator(I(3)).smallInt() == 1);
    CHECK(str(denominator(divide(I(1), big("100000000000000000000")))) == "100000000000000000000");
}

TEST_CASE("abs") {
    CHECK(abs(I(-5)).smallInt() == 5);
    CHECK(abs(I(5)).smallInt() == 5);
    CHECK(str(abs(R(-7, 2))) == "7/2");
    CHECK(str(abs(I(INT64_MIN))) == "9223372036854775808");
    CHECK(abs(F(-2.5)).floatValue() == 2.5);
}

TEST_CASE("pow is exact") {
    CHECK(pow(I(2), I(10)).smallInt() == 1024);
    CHECK(str(pow(I(2), I(-2))) == "1/4");
    CHECK(str(pow(R(2, 3), I(2))) == "4/9");
    CHECK(str(pow(R(-2, 3), I(-3))) == "-27/8");
    CHECK(str(pow(I(2), I(100))) == "1267650600228229401496703205376");
    CHECK(pow(I(7), I(0)).smallInt() == 1);
    CHECK(pow(I(0), I(0)).smallInt() == 1);
    CHECK(pow(I(0), I(5)).smallInt() == 0);
    CHECK(pow(I(-1), big("100000000000000000001")).smallInt() == -1);
    CHECK(isDivisionByZero([] { pow(I(0), I(-1)); }));
    CHECK_THROWS_AS(pow(I(2), big("100000000000000000000")), AbsRuntimeError);
}

TEST_CASE("sqrt, log and exp, with domain errors") {
    CHECK(sqrt(F(4.0)).floatValue() == 2.0);
    CHECK(sqrt(F(0.0)).floatValue() == 0.0);
    CHECK(log(F(1.0)).floatValue() == 0.0);
    CHECK(exp(F(0.0)).floatValue() == 1.0);
    CHECK(exp(F(1.0)).floatValue() == std::exp(1.0));
    CHECK_THROWS_AS(sqrt(F(-1.0)), AbsRuntimeError);
    CHECK_THROWS_AS(log(F(0.0)), AbsRuntimeError);
    CHECK_THROWS_AS(log(F(-1.0)), AbsRuntimeError);
    CHECK_THROWS_AS(exp(F(1000.0)), AbsRuntimeError);
}

TEST_CASE("numbers compare by value across Int and Rat") {
    CHECK(compareNumbers(R(1, 2), I(1)) < 0);
    CHECK(compareNumbers(I(1), R(1, 2)) > 0);
    CHECK(compareNumbers(R(2, 2), I(1)) == 0);
    CHECK(compareNumbers(big("100000000000000000000"), I(INT64_MAX)) > 0);
    CHECK(compareNumbers(big("-100000000000000000000"), I(INT64_MIN)) < 0);
    CHECK(compareNumbers(R(1, 3), big("100000000000000000000")) < 0);
    CHECK(compareNumbers(divide(big("100000000000000000001"), I(2)), big("50000000000000000000")) >
          0);
    CHECK(compareNumbers(F(-0.0), F(0.0)) == 0);
    CHECK(compareNumbers(F(1.5), F(2.5)) < 0);
}

TEST_SUITE_END();
