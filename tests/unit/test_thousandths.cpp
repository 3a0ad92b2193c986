// The thousandths path of the inline operators (thousandths.h): its tables
// against gcds, and every sum, difference, Int multiple and Int quotient it
// takes against GMP on the same numbers, each path counted so the test shows
// it ran; operands it declines (other denominators, overflow) must give the
// same numbers through the general path.

#include "interpreter/compare.h"
#include "interpreter/numbers.h"
#include "interpreter/thousandths.h"

#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace absim::interp;

namespace {

// The number GMP makes, in the same form: the same words when it is inline.
void checkAgainst(const Value& got, const Rational& want) {
    Value expected = Value::fromRational(want);
    REQUIRE(got.isSmallExact() == expected.isSmallExact());
    if (got.isSmallExact()) {
        CHECK(got.smallExactEquals(expected));
    } else {
        CHECK(equals(got, expected));
    }
}

std::vector<int64_t> divisorsOf1000() {
    std::vector<int64_t> d;
    for (int64_t i = 1; i <= 1000; ++i) {
        if (1000 % i == 0) {
            d.push_back(i);
        }
    }
    return d;
}

} // namespace

TEST_SUITE_BEGIN("thousandths");

TEST_CASE("the thousandths tables agree with gcds") {
    using namespace thousandths;
    for (uint64_t d = 1; d < kLookupLimit; ++d) {
        CHECK(scaleOf(d) == (1000 % d == 0 ? 1000 / d : 0));
    }
    CHECK(scaleOf(0) == 0);
    CHECK(scaleOf(kLookupLimit) == 0);
    CHECK(scaleOf(uint64_t(1) << 55) == 0);
    for (int64_t t = -3000; t <= 3000; ++t) {
        Value v = fromThousandths(t);
        checkAgainst(v, Rational(t) / Rational(1000));
        int64_t g = std::gcd(t, int64_t(1000));
        CHECK(v.smallDenominator() == uint64_t(1000 / g));
    }
    for (int64_t t : {INT64_MIN, INT64_MIN + 1, INT64_MAX, INT64_MAX - 999, int64_t(-1000)}) {
        checkAgainst(fromThousandths(t), Rational(t) / Rational(1000));
    }
}

TEST_CASE("sums, products and quotients in thousandths agree with GMP") {
    std::mt19937_64 random(1000);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    const std::vector<int64_t> divisors = divisorsOf1000();
    // Other denominators, which the path must decline.
    const int64_t others[] = {3, 7, 16, 625, 1024, 2000, 3000, 1 << 20};
    auto numerator = [&]() -> int64_t {
        int64_t n;
        switch (pick(5)) {
        case 0:
            n = int64_t(pick(100000));
            break;
        case 1:
            n = int64_t(pick(uint64_t(1) << 40));
            break;
        case 2:
            n = INT64_MAX - int64_t(pick(2000));
            break;
        case 3:
            n = int64_t(random() >> 1) / 1000; // overflows only sometimes
            break;
        default:
            return INT64_MIN + int64_t(pick(2000));
        }
        return pick(2) ? -n : n;
    };
    auto denominator = [&] {
        return pick(8) == 0 ? others[pick(std::size(others))] : divisors[pick(divisors.size())];
    };
    int sums = 0, differences = 0, products = 0, quotients = 0, declined = 0, toInt = 0;
    for (int i = 0; i < 100000; ++i) {
        Rational x = Rational(numerator()) / Rational(denominator());
        // An Int on the right half of the time: products and quotients.
        Rational y =
            pick(2) ? Rational(numerator()) / Rational(denominator())
                    : Rational(pick(4) ? int64_t(divisors[pick(divisors.size())]) : numerator());
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        if (!a.isSmallExact() || !b.isSmallExact()) {
            continue;
        }
        std::string xs = x.str(), ys = y.str();
        CAPTURE(xs);
        CAPTURE(ys);
        int64_t t = 0;
        if (thousandths::sum<false>(a, b, t)) {
            ++sums;
            Value r = thousandths::fromThousandths(t);
            toInt += r.isSmallInt();
            checkAgainst(r, x + y);
        } else {
            ++declined;
        }
        if (thousandths::sum<true>(a, b, t)) {
            ++differences;
            checkAgainst(thousandths::fromThousandths(t), x - y);
        }
        for (bool swap : {false, true}) {
            const Value& l = swap ? b : a;
            const Value& r = swap ? a : b;
            if (thousandths::product(l, r, t)) {
                ++products;
                checkAgainst(thousandths::fromThousandths(t), x * y);
            }
        }
        if (thousandths::quotient(a, b, t)) {
            ++quotients;
            checkAgainst(thousandths::fromThousandths(t), x / y);
        }
        // The operators, whichever path they take, out of line and inline.
        checkAgainst(add(a, b), x + y);
        checkAgainst(subtract(a, b), x - y);
        checkAgainst(multiply(a, b), x * y);
        checkAgainst(inlined::add(a, b), x + y);
        checkAgainst(inlined::subtract(a, b), x - y);
        checkAgainst(inlined::multiply(a, b), x * y);
        if (y != 0) {
            checkAgainst(divide(a, b), x / y);
            checkAgainst(inlined::divide(a, b), x / y);
        }
        int want = x < y ? -1 : x > y ? 1 : 0;
        CHECK(compare(a, b) == want);
    }
    CHECK(sums > 20000);
    CHECK(differences > 20000);
    CHECK(products > 8000);
    CHECK(quotients > 3000);
    CHECK(declined > 20000);
    CHECK(toInt > 500);
}

TEST_CASE("the thousandths path declines what it cannot do exactly") {
    int64_t t = 0;
    Value ms = Value::fromSmallRat(1, 1000);
    Value two = Value::fromInt(2);
    // A product of two Rats, a negative or zero divisor, a Rat divisor, a
    // divisor that is not a divisor of 1000, a big denominator.
    CHECK_FALSE(thousandths::product(ms, ms, t));
    CHECK_FALSE(thousandths::quotient(two, Value::fromInt(-1000), t));
    CHECK_FALSE(thousandths::quotient(two, Value::fromInt(0), t));
    CHECK_FALSE(thousandths::quotient(two, ms, t));
    CHECK_FALSE(thousandths::quotient(two, Value::fromInt(3), t));
    CHECK_FALSE(thousandths::quotient(ms, Value::fromInt(2), t)); // 1/2000
    CHECK_FALSE(thousandths::sum<false>(Value::fromSmallRat(1, 1024), ms, t));
    CHECK_FALSE(thousandths::sum<false>(Value::fromFloat(1.0), ms, t));
    CHECK_FALSE(thousandths::sum<false>(Value::fromString("a"), ms, t));
    // Overflow of the scaled numerators or of the sum.
    CHECK_FALSE(thousandths::sum<false>(Value::fromInt(INT64_MAX / 1000 + 1), ms, t));
    CHECK_FALSE(thousandths::sum<false>(Value::fromSmallRat(INT64_MAX, 1000),
                                        Value::fromSmallRat(1, 1000), t));
    CHECK_FALSE(thousandths::product(Value::fromInt(INT64_MAX), two, t));
    // ... and the operators still give the exact numbers.
    checkAgainst(add(Value::fromSmallRat(INT64_MAX, 1000), ms),
                 Rational(INT64_MAX) / 1000 + Rational(1, 1000));
    checkAgainst(multiply(Value::fromInt(INT64_MAX), two), Rational(INT64_MAX) * 2);
    checkAgainst(divide(two, Value::fromInt(-1000)), Rational(-1, 500));
    checkAgainst(divide(ms, Value::fromInt(2)), Rational(1, 2000));
    // The boundary of the path: the last sums it takes.
    REQUIRE(thousandths::sum<true>(Value::fromSmallRat(INT64_MIN + 1, 1000), ms, t));
    checkAgainst(thousandths::fromThousandths(t), Rational(INT64_MIN) / 1000);
    CHECK_FALSE(thousandths::sum<true>(Value::fromSmallRat(INT64_MIN + 1, 1000),
                                       Value::fromSmallRat(3, 1000), t));
}

TEST_SUITE_END();
