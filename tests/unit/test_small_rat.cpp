// Inline Rats (value.h, small_rat.h): the boundaries of the inline form, the
// move to GMP and back, and agreement of every operation with plain GMP
// arithmetic on the same numbers.

#include "value_helpers.h"

#include "interpreter/number_builtins.h"
#include "interpreter/small_rat.h"

#include <doctest/doctest.h>

#include <gmp.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

constexpr int64_t kTwo28 = int64_t(1) << 28;
constexpr int64_t kMaxDen = int64_t(Value::kMaxSmallRatDenominator); // 2^56 - 1

// 2^56 as a big Int operand, so the quotient is made by GMP.
Value twoTo56() {
    return big("72057594037927936");
}

// The operations again, on GMP rationals: the oracle.
Rational gmpRemainder(const Rational& x, const Rational& y) {
    Rational q = x / y;
    BigInt t;
    mpz_tdiv_q(t.backend().data(), mpq_numref(q.backend().data()), mpq_denref(q.backend().data()));
    return x - y * Rational(t);
}

// Same number, same form (inline exactly when it fits), same text.
void checkSame(const Value& got, const Rational& want) {
    Value expected = Value::fromRational(want);
    CHECK(equals(got, expected));
    CHECK(compare(got, expected) == 0);
    CHECK(str(got) == str(expected));
    CHECK(got.isSmallInt() == expected.isSmallInt());
    CHECK(got.isSmallRat() == expected.isSmallRat());
    CHECK(got.isBigInt() == expected.isBigInt());
    CHECK(got.isBigRat() == expected.isBigRat());
}

// Every operation on the inline forms of x and y against GMP on x and y.
void checkOperations(const Rational& x, const Rational& y) {
    Value a = Value::fromRational(x), b = Value::fromRational(y);
    CAPTURE(str(a));
    CAPTURE(str(b));
    checkSame(add(a, b), x + y);
    checkSame(subtract(a, b), x - y);
    checkSame(multiply(a, b), x * y);
    checkSame(negate(a), -x);
    if (!isZero(b)) {
        checkSame(divide(a, b), x / y);
        checkSame(remainder(a, b), gmpRemainder(x, y));
    }
    int want = x < y ? -1 : x > y ? 1 : 0;
    CHECK(compare(a, b) == want);
    CHECK(compareNumbers(a, b) == want);
    CHECK(equals(a, b) == (want == 0));
    Rational fx = x;
    BigInt fl;
    mpz_fdiv_q(fl.backend().data(), mpq_numref(fx.backend().data()),
               mpq_denref(fx.backend().data()));
    checkSame(floor(a), Rational(fl));
}

// A random numerator for the property tests below, either sign: small
// (below `smallBelow`), mid-sized, near either int64 limit, any, or one of
// the caller's own kind (`shaped`).
template <typename Shaped>
int64_t randomNumerator(std::mt19937_64& random, uint64_t smallBelow, Shaped shaped) {
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    int64_t n;
    switch (pick(6)) {
    case 0:
        n = int64_t(pick(smallBelow));
        break;
    case 1:
        n = int64_t(pick(100000000));
        break;
    case 2:
        n = INT64_MAX - int64_t(pick(100));
        break;
    case 3:
        n = shaped();
        break;
    case 4:
        n = int64_t(random() >> 1);
        break;
    default:
        return INT64_MIN + int64_t(pick(100));
    }
    return pick(2) ? -n : n;
}

} // namespace

TEST_SUITE_BEGIN("small rationals");

TEST_CASE("a Rat that fits is inline and allocates nothing") {
    size_t cells = liveValueCells();
    Value half = R(1, 2);
    CHECK(half.isSmallRat());
    CHECK(half.isRat());
    CHECK(half.kind() == Value::Kind::Rat);
    Value sum = add(multiply(half, R(3, 1000)), subtract(R(12345, 1000), I(7)));
    CHECK(sum.isSmallRat());
    CHECK(str(sum) == "10693/2000"); // 3/2000 + 5345/1000
    CHECK(compare(sum, half) > 0);
    CHECK(liveValueCells() == cells);
}

TEST_CASE("GMP rationals that fit are demoted to the inline form") {
    Value demoted = Value::fromRational(Rational(3, 4));
    CHECK(demoted.isSmallRat());
    CHECK(str(demoted) == "3/4");
    // Computed by GMP (a big operand), the result fits: inline.
    Value viaGmp = divide(big("300000000000000000000"), big("400000000000000000000"));
    CHECK(viaGmp.isSmallRat());
    CHECK(viaGmp.smallExactEquals(demoted));
    CHECK(equals(viaGmp, R(3, 4)));
    CHECK(equals(viaGmp, demoted));
}

TEST_CASE("the denominator is inline up to 2^56 - 1") {
    Value justFits = R(1, kMaxDen);
    CHECK(justFits.isSmallRat());
    CHECK(str(justFits) == "1/72057594037927935");
    Value tooBig = divide(I(1), twoTo56());
    CHECK(tooBig.isBigRat());
    CHECK(str(tooBig) == "1/72057594037927936");
    // 2^56 - 1 = (2^28 - 1)(2^28 + 1): a product that just fits ...
    Value product = multiply(R(1, kTwo28 - 1), R(1, kTwo28 + 1));
    CHECK(product.isSmallRat());
    CHECK(equals(product, justFits));
    // ... and one that just does not (2^56 + 2^29 + 1).
    Value over = multiply(R(1, kTwo28 + 1), R(-1, kTwo28 + 1));
    CHECK(over.isBigRat());
    CHECK(str(over) == "-1/72057594574798849");
    // Back from the heap: 1/2^56 * 2 = 1/2^55.
    Value back = multiply(tooBig, I(2));
    CHECK(back.isSmallRat());
    CHECK(str(back) == "1/36028797018963968");
    CHECK(denominator(justFits).smallInt() == kMaxDen);
    CHECK(str(denominator(tooBig)) == "72057594037927936");
}

TEST_CASE("numerators use all 64 bits, and overflow to GMP and back") {
    Value maxHalf = R(INT64_MAX, 2);
    CHECK(maxHalf.isSmallRat());
    CHECK(str(maxHalf) == "9223372036854775807/2");
    // (2^63 - 1)/2 + 2/3 = (3 * 2^63 + 1)/6
    Value over = add(maxHalf, R(2, 3));
    CHECK(over.isBigRat());
    CHECK(str(over) == "27670116110564327425/6");
    Value back = subtract(over, R(2, 3));
    CHECK(back.isSmallRat());
    CHECK(equals(back, maxHalf));
    CHECK(add(maxHalf, R(1, 2)).smallInt() == int64_t(1) << 62);

    Value minThird = R(INT64_MIN, 3);
    CHECK(minThird.isSmallRat());
    CHECK(str(minThird) == "-9223372036854775808/3");
    Value negated = negate(minThird); // 2^63/3 does not fit
    CHECK(negated.isBigRat());
    CHECK(str(negated) == "9223372036854775808/3");
    CHECK(negate(negated).isSmallRat());
    CHECK(equals(negate(negated), minThird));
    CHECK(numerator(minThird).smallInt() == INT64_MIN);
    CHECK(denominator(minThird).smallInt() == 3);
}

TEST_CASE("Int and Rat mixes at the edges of int64") {
    Value over = add(I(INT64_MAX), R(1, 2));
    CHECK(over.isBigRat());
    CHECK(str(over) == "18446744073709551615/2");
    CHECK(subtract(over, R(1, 2)).smallInt() == INT64_MAX);
    CHECK(str(add(I(INT64_MAX), I(1))) == "9223372036854775808");
    CHECK(add(I(INT64_MAX), I(1)).isBigInt());
    CHECK(str(subtract(I(INT64_MIN), I(1))) == "-9223372036854775809");
    CHECK(str(multiply(I(INT64_MIN), I(INT64_MIN))) == "85070591730234615865843651857942052864");
    CHECK(str(multiply(R(INT64_MIN, 3), I(3))) == "-9223372036854775808");
    CHECK(multiply(R(INT64_MIN, 3), I(3)).isSmallInt());
    CHECK(str(divide(I(INT64_MIN), I(-3))) == "9223372036854775808/3");
    CHECK(str(divide(I(-3), I(INT64_MIN))) == "3/9223372036854775808");
    CHECK(str(divide(R(1, 3), I(INT64_MIN))) == "-1/27670116110564327424");
}

TEST_CASE("remainder of inline Rats truncates towards zero") {
    // -7/2 / 3/4 = -14/3, truncated -4: -7/2 + 3 = -1/2
    CHECK(str(remainder(R(-7, 2), R(3, 4))) == "-1/2");
    // 7/2 / -3/4 = -14/3, truncated -4: 7/2 - 3 = 1/2
    CHECK(str(remainder(R(7, 2), R(-3, 4))) == "1/2");
    // -7 / 2/3 = -21/2, truncated -10: -7 + 20/3 = -1/3
    CHECK(str(remainder(I(-7), R(2, 3))) == "-1/3");
    CHECK(remainder(R(9, 4), R(3, 4)).smallInt() == 0);
    CHECK(str(remainder(R(INT64_MIN, 3), R(1, kMaxDen))) ==
          str(Value::fromRational(gmpRemainder(Rational(INT64_MIN) / 3, Rational(1) / kMaxDen))));
}

TEST_CASE("floor, ceil and truncate of inline Rats, negative ones too") {
    CHECK(floor(R(-1, 3)).smallInt() == -1);
    CHECK(ceil(R(-1, 3)).smallInt() == 0);
    CHECK(truncate(R(-1, 3)).smallInt() == 0);
    CHECK(floor(R(1, 3)).smallInt() == 0);
    CHECK(ceil(R(1, 3)).smallInt() == 1);
    CHECK(floor(R(-12345, 1000)).smallInt() == -13);
    CHECK(ceil(R(-12345, 1000)).smallInt() == -12);
    CHECK(floor(R(INT64_MIN, 3)).smallInt() == -3074457345618258603);
    CHECK(ceil(R(INT64_MIN, 3)).smallInt() == -3074457345618258602);
    CHECK(floor(R(INT64_MIN + 1, 2)).smallInt() == INT64_MIN / 2);
    CHECK(ceil(R(INT64_MAX, 2)).smallInt() == (int64_t(1) << 62));
    CHECK(floor(R(INT64_MAX, 2)).smallInt() == (int64_t(1) << 62) - 1);
    CHECK(floor(divide(I(-1), twoTo56())).smallInt() == -1);
    CHECK(ceil(divide(I(-1), twoTo56())).smallInt() == 0);
}

TEST_CASE("float of an inline Rat is correctly rounded") {
    CHECK(toFloat(R(1, 3)).floatValue() == 1.0 / 3.0);
    CHECK(toFloat(R(-12345, 1000)).floatValue() == -12.345);
    for (Value r : {R(1, kMaxDen), R(INT64_MAX, 3), R(INT64_MIN, kMaxDen), R(9007199254740993, 2),
                    R(-9007199254740993, 9007199254740992)}) {
        REQUIRE(r.isSmallRat());
        CHECK(toFloat(r).floatValue() ==
              exactToDouble(numerator(r).toBigInt(), denominator(r).toBigInt()));
    }
}

TEST_CASE("inline Rat, heap Rat, Int and big Int in one order") {
    // Ascending.
    std::vector<Value> numbers = {
        big("-100000000000000000000"),
        divide(big("-100000000000000000001"), I(10)), // heap
        I(INT64_MIN),
        R(INT64_MIN + 1, 2),
        R(-1, 3),
        divide(I(-1), twoTo56()), // heap
        I(0),
        divide(I(1), twoTo56()), // heap
        R(1, kMaxDen),
        R(1, 2),
        I(1),
        R(INT64_MAX, 2),
        I(INT64_MAX),
        add(I(INT64_MAX), R(1, 2)), // heap
        big("100000000000000000000"),
    };
    for (size_t i = 0; i < numbers.size(); ++i) {
        for (size_t j = 0; j < numbers.size(); ++j) {
            int want = (i > j) - (i < j);
            CAPTURE(i);
            CAPTURE(j);
            CHECK(compare(numbers[i], numbers[j]) == want);
            CHECK(compareNumbers(numbers[i], numbers[j]) == want);
            CHECK(equals(numbers[i], numbers[j]) == (i == j));
        }
    }
}

TEST_CASE("the same number by different routes is equal") {
    std::vector<Value> halves = {
        R(1, 2),
        R(-3, -6),
        Value::fromRational(Rational(1, 2)),
        subtract(add(R(1, 2), divide(I(1), twoTo56())), divide(I(1), twoTo56())),
        divide(big("50000000000000000000"), big("100000000000000000000")),
        multiply(R(1, 4), I(2)),
        remainder(R(5, 2), I(2)),
    };
    for (const Value& a : halves) {
        CHECK(a.isSmallRat());
        CHECK(str(a) == "1/2");
        for (const Value& b : halves) {
            CHECK(equals(a, b));
            CHECK(compare(a, b) == 0);
        }
        CHECK_FALSE(equals(a, I(0)));
        CHECK_FALSE(equals(a, R(1, 3)));
        CHECK(equals(just(a), just(R(2, 4))));
    }
}

TEST_CASE("an Int made any way has the denominator 1 and the same words") {
    // smallDenominator() reads an Int's denominator from above its tag, and
    // equality of inline numbers compares words: every route must agree.
    std::vector<Value> fives = {
        I(5),
        Value::fromBigInt(BigInt(5)),
        Value::parseInt("5"),
        Value::fromRational(Rational(10, 2)),
        divide(I(10), I(2)),
        divide(R(15, 2), R(3, 2)),
        add(R(9, 4), R(11, 4)),
        subtract(R(11, 2), R(1, 2)),
        multiply(R(5, 3), I(3)),
        floor(R(11, 2)),
        ceil(R(9, 2)),
        numerator(R(5, 7)),
        denominator(R(2, 5)),
        subtract(big("100000000000000000005"), big("100000000000000000000")),
    };
    for (const Value& v : fives) {
        CAPTURE(str(v));
        REQUIRE(v.isSmallInt());
        CHECK(v.smallDenominator() == 1);
        CHECK(v.smallExactEquals(I(5)));
        CHECK(equals(v, I(5)));
        CHECK(compare(v, R(9, 2)) > 0);
        CHECK(compare(v, R(11, 2)) < 0);
    }
}

TEST_CASE("word-sized gcd") {
    CHECK(smallrat::gcd(0, 0) == 0);
    CHECK(smallrat::gcd(0, 12) == 12);
    CHECK(smallrat::gcd(12, 0) == 12);
    CHECK(smallrat::gcd(12, 18) == 6);
    CHECK(smallrat::gcd(uint64_t(1) << 63, uint64_t(3) << 40) == uint64_t(1) << 40);
    CHECK(smallrat::gcd(UINT64_MAX, UINT64_MAX - 1) == 1);
    CHECK(smallrat::gcd(1, 1) == 1);
    CHECK(smallrat::gcd(1000, 1000) == 1000);
    CHECK(smallrat::gcd(1000, 125) == 125);
    CHECK(smallrat::gcd(999999, 1000000) == 1);
    CHECK(smallrat::gcd(uint64_t(1) << 63, uint64_t(1) << 63) == uint64_t(1) << 63);
    CHECK(smallrat::gcd(UINT64_MAX, 3) == 3);
    CHECK(smallrat::gcd(uint64_t(3) * 5 * 7 * 1024, uint64_t(5) * 7 * 11 * 64) == 35 * 64);
    // The same with one division first, either operand the larger.
    using smallrat::detail::gcdDividingFirst;
    CHECK(gcdDividingFirst(0, 0) == 0);
    CHECK(gcdDividingFirst(0, 12) == 12);
    CHECK(gcdDividingFirst(12, 0) == 12);
    CHECK(gcdDividingFirst(123457, 1000) == 1);
    CHECK(gcdDividingFirst(1000, 123500) == 500);
    CHECK(gcdDividingFirst(125000, 1000) == 1000);
    CHECK(gcdDividingFirst(UINT64_MAX, 1) == 1);
    CHECK(gcdDividingFirst(uint64_t(1) << 63, uint64_t(1) << 63) == uint64_t(1) << 63);
    CHECK(gcdDividingFirst(uint64_t(1) << 63, 96) == 32);
}

// Every operation on random inline numbers agrees with GMP, result form
// included. Operands cluster where the edges are: tiny, milliseconds, and
// near the limits of the numerator and the denominator.
TEST_CASE("inline arithmetic agrees with GMP") {
    std::mt19937_64 random(20261127);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    auto numeratorOf = [&]() -> int64_t {
        switch (pick(5)) {
        case 0:
            return int64_t(pick(21)) - 10;
        case 1:
            return int64_t(pick(2000001)) - 1000000;
        case 2:
            return INT64_MAX - int64_t(pick(1000));
        case 3:
            return INT64_MIN + int64_t(pick(1000));
        default:
            return int64_t(random());
        }
    };
    auto denominatorOf = [&]() -> int64_t {
        switch (pick(5)) {
        case 0:
            return 1;
        case 1:
            return int64_t(1 + pick(10));
        case 2:
            return int64_t(pick(2) ? 1000 : 500);
        case 3:
            return kMaxDen - int64_t(pick(1000));
        default:
            return int64_t(1 + pick(uint64_t(kMaxDen)));
        }
    };
    auto numberOf = [&]() {
        Rational r(numeratorOf());
        r /= Rational(denominatorOf());
        return r;
    };
    for (int i = 0; i < 20000; ++i) {
        Rational x = numberOf(), y = numberOf();
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        if (!a.isSmallExact() || !b.isSmallExact()) {
            continue; // reduced out of the inline range
        }
        checkOperations(x, y);
    }
}

// The word-sized fast paths (small_rat.h) on operands chosen to take each:
// an Int operand, equal denominators, denominators sharing factors (the
// divisors of 1000 that model times have), Int / Int, and numerators near
// the int64 limits so that products and sums overflow into the 128-bit
// versions and to GMP. Negative operands in every case.
TEST_CASE("the fast paths of inline arithmetic agree with GMP") {
    std::mt19937_64 random(1127);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    const std::vector<int64_t> denominators = {1,
                                               2,
                                               3,
                                               4,
                                               5,
                                               8,
                                               125,
                                               200,
                                               250,
                                               500,
                                               1000,
                                               1000000,
                                               (int64_t(1) << 55),
                                               kTwo28 - 1,
                                               kTwo28 + 1,
                                               kMaxDen,
                                               kMaxDen - 1,
                                               3 * 5 * 7 * 11 * 13 * 17 * 19 * 23};
    auto numeratorOf = [&] {
        return randomNumerator(random, 10, [&] { return int64_t(pick(uint64_t(1) << 40)); });
    };
    auto denominatorOf = [&]() { return denominators[pick(denominators.size())]; };
    int sameDenominator = 0, intOperand = 0, general = 0, overflowed = 0;
    for (int i = 0; i < 40000; ++i) {
        Rational x(numeratorOf()), y(numeratorOf());
        switch (pick(3)) {
        case 0: { // the same denominator (unless either reduces)
            int64_t d = denominatorOf();
            x /= Rational(d);
            y /= Rational(d);
            break;
        }
        case 1: // one operand an Int, on either side
            (pick(2) ? x : y) /= Rational(denominatorOf());
            break;
        default:
            x /= Rational(denominatorOf());
            y /= Rational(denominatorOf());
            break;
        }
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        if (!a.isSmallExact() || !b.isSmallExact()) {
            continue;
        }
        if (a.smallDenominator() == b.smallDenominator()) {
            ++sameDenominator;
        } else if (a.isSmallInt() || b.isSmallInt()) {
            ++intOperand;
        } else {
            ++general;
        }
        overflowed += !add(a, b).isSmallExact() || !multiply(a, b).isSmallExact();
        checkOperations(x, y);
    }
    // Each path was taken often enough to mean something.
    CHECK(sameDenominator > 5000);
    CHECK(intOperand > 5000);
    CHECK(general > 5000);
    CHECK(overflowed > 1000);
}

// Decimal denominators (2^a * 5^b, small_rat.h) are recognised exactly,
// against trial division.
TEST_CASE("decimal factors of a number") {
    using smallrat::detail::DecimalFactors;
    using smallrat::detail::decimalFactors;
    auto reference = [](uint64_t n, int* twos, int* fives) {
        *twos = *fives = 0;
        for (; n % 2 == 0; n /= 2)
            ++*twos;
        for (; n % 5 == 0; n /= 5)
            ++*fives;
        return n == 1;
    };
    auto check = [&](uint64_t n) {
        CAPTURE(n);
        int twos, fives;
        bool want = reference(n, &twos, &fives);
        DecimalFactors f = decimalFactors(n);
        REQUIRE(f.decimal == want);
        if (want) {
            CHECK(f.twos == twos);
            CHECK(f.fives == fives);
        }
    };
    // Every 2^a * 5^b below 2^64, and its neighbours.
    int decimals = 0;
    for (unsigned __int128 p5 = 1; p5 <= UINT64_MAX; p5 *= 5) {
        for (unsigned __int128 n = p5; n <= UINT64_MAX; n *= 2) {
            check(uint64_t(n));
            check(uint64_t(n) + 1);
            check(uint64_t(n) - 1 == 0 ? 3 : uint64_t(n) - 1);
            check(uint64_t(n) * 3 == 0 ? 7 : uint64_t(n * 3));
            ++decimals;
        }
    }
    CHECK(decimals > 600);
    std::mt19937_64 random(5);
    for (int i = 0; i < 20000; ++i) {
        check(1 + random() % 2000000);
        check(random() | 1);
    }
}

// cancelDecimal divides both by their gcd, for every decimal d below 2^56
// and numerators rich in twos and fives, 0 and 2^63 included.
TEST_CASE("cancelling a decimal denominator agrees with a gcd") {
    using smallrat::detail::DecimalFactors;
    std::vector<uint64_t> decimals;
    for (uint64_t p5 = 1; p5 <= kMaxDen; p5 *= 5) {
        for (uint64_t n = p5; n <= kMaxDen; n *= 2) {
            decimals.push_back(n);
        }
    }
    std::mt19937_64 random(1000);
    auto numeratorOf = [&]() -> uint64_t {
        switch (random() % 5) {
        case 0:
            return random() % 3 == 0 ? 0 : uint64_t(1) << 63;
        case 1:
            return random() % 100000;
        case 2: {
            // k * 2^i * 5^j, so that part of d cancels.
            unsigned __int128 n = 1 + random() % 1000;
            for (int j = int(random() % 30); j > 0 && n * 5 <= (uint64_t(1) << 63); --j)
                n *= 5;
            for (int i = int(random() % 64); i > 0 && n * 2 <= (uint64_t(1) << 63); --i)
                n *= 2;
            return uint64_t(n);
        }
        default:
            return random() >> 1;
        }
    };
    for (int i = 0; i < 100000; ++i) {
        uint64_t m = numeratorOf(), d = decimals[random() % decimals.size()];
        CAPTURE(m);
        CAPTURE(d);
        DecimalFactors f = smallrat::detail::decimalFactors(d);
        REQUIRE(f.decimal);
        uint64_t g = std::gcd(m, d), cm = m, cd = d;
        smallrat::detail::cancelDecimal(cm, cd, f);
        CHECK(cm == m / g);
        CHECK(cd == d / g);
    }
}

// Arithmetic with decimal denominators (the word-sized decimal paths) agrees
// with GMP: denominators dividing 10^k up to near 2^56, mixed with other
// denominators on either side, numerators that cancel against them, zero,
// and numerators near the int64 limits so that the sums, products and
// denominators overflow into the 128-bit versions and to GMP.
TEST_CASE("inline arithmetic on decimal denominators agrees with GMP") {
    std::mt19937_64 random(86400);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    std::vector<int64_t> decimals;
    for (int64_t p5 = 1; p5 <= kMaxDen; p5 *= 5) {
        for (int64_t n = p5; n <= kMaxDen; n *= 2) {
            decimals.push_back(n);
        }
    }
    const std::vector<int64_t> others = {3,        6,   7,    60,      3000,
                                         7 * 1000, 999, 1001, kMaxDen, (int64_t(3) << 54)};
    auto denominatorOf = [&]() -> int64_t {
        switch (pick(4)) {
        case 0:
            return std::vector<int64_t>{1000, 500, 250, 125, 200, 100, 50, 25, 1000000}[pick(9)];
        case 1:
            return others[pick(others.size())];
        default:
            return decimals[pick(decimals.size())];
        }
    };
    // Numerators that cancel against decimal denominators, besides the rest.
    auto numeratorOf = [&] {
        return randomNumerator(random, 3, [&] {
            return int64_t(decimals[pick(decimals.size())] * int64_t(1 + pick(64)));
        });
    };
    int bothDecimal = 0, oneDecimal = 0, overflowed = 0;
    for (int i = 0; i < 40000; ++i) {
        Rational x(numeratorOf()), y(numeratorOf());
        int64_t d = denominatorOf();
        x /= Rational(d);
        y /= Rational(pick(3) == 0 ? d : denominatorOf());
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        if (!a.isSmallExact() || !b.isSmallExact()) {
            continue;
        }
        int decimal = smallrat::detail::decimalFactors(a.smallDenominator()).decimal +
                      smallrat::detail::decimalFactors(b.smallDenominator()).decimal;
        bothDecimal += decimal == 2 && !a.isSmallInt() && !b.isSmallInt();
        oneDecimal += decimal == 1;
        overflowed += !add(a, b).isSmallExact() || !multiply(a, b).isSmallExact();
        checkOperations(x, y);
    }
    CHECK(bothDecimal > 10000);
    CHECK(oneDecimal > 5000);
    CHECK(overflowed > 1000);
}

// Sums and differences over one denominator (small_rat.h's first path):
// decimal denominators whose sum cancels part of them (1/4 + 1/4), sums
// that cancel to an Int or to 0, other denominators, and numerators near
// the int64 limits whose sum overflows into the 128-bit version and GMP.
TEST_CASE("sums over one denominator agree with GMP") {
    std::mt19937_64 random(1000);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    std::vector<int64_t> denominators = {2, 4, 5, 8, 125, 200, 250, 500, 1000, 3, 6, 7, 999, 3000};
    for (int64_t p5 = 1; p5 <= kMaxDen; p5 *= 5) {
        for (int64_t n = p5; n <= kMaxDen; n *= 2) {
            if (n > 1) {
                denominators.push_back(n);
            }
        }
    }
    denominators.push_back(kMaxDen);
    int cancelled = 0, toInt = 0, toZero = 0, overflowed = 0, kept = 0;
    for (int i = 0; i < 60000; ++i) {
        int64_t d = denominators[pick(denominators.size())];
        // n1 coprime to d; n2 mostly chosen so that n1 + n2 (or n1 - n2)
        // is a multiple of part of d.
        auto coprime = [&](int64_t n) {
            while (std::gcd(smallrat::magnitude(n), uint64_t(d)) != 1) {
                n += n > 0 ? -1 : 1; // towards 0: never past the int64 limits
            }
            return n;
        };
        int64_t n1 = coprime(randomNumerator(random, 1000, [&] { return int64_t(pick(d)); }));
        int64_t n2;
        switch (pick(4)) {
        case 0: { // n1 + n2 = k * (a divisor of d)
            int64_t part = std::max<int64_t>(1, d / int64_t(1 + pick(4)));
            n2 = coprime(int64_t(pick(7)) * part - n1 % part);
            break;
        }
        case 1: // n2 = ±n1: a sum or a difference is 0
            n2 = pick(2) ? n1 : (n1 == INT64_MIN ? n1 + d : -n1);
            break;
        default:
            n2 = coprime(randomNumerator(random, 1000, [&] { return int64_t(pick(d)); }));
            break;
        }
        if (std::gcd(smallrat::magnitude(n2), uint64_t(d)) != 1) {
            continue;
        }
        Rational x = Rational(n1) / Rational(d), y = Rational(n2) / Rational(d);
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        REQUIRE(a.isSmallRat());
        REQUIRE(b.isSmallRat());
        REQUIRE(a.smallDenominator() == b.smallDenominator());
        for (Value r : {add(a, b), subtract(a, b)}) {
            if (!r.isSmallExact()) {
                ++overflowed;
            } else if (r.isSmallInt()) {
                ++(r.smallInt() == 0 ? toZero : toInt);
            } else {
                ++(r.smallDenominator() == uint64_t(d) ? kept : cancelled);
            }
        }
        checkOperations(x, y);
    }
    CHECK(cancelled > 30000);
    CHECK(toInt > 3000);
    CHECK(toZero > 8000);
    CHECK(overflowed > 500);
    CHECK(kept > 1000);
}

// The small-decimal tables (small_rat.h): every number below 1024 has an
// index exactly when it is 2^a * 5^b, and every pair of them the cofactors
// and the exponents of their gcd, against std::gcd and trial division.
TEST_CASE("the small decimal tables agree with gcds") {
    using namespace smallrat::detail;
    std::vector<uint64_t> smallDecimals;
    for (uint64_t d = 1; d < kSmallDecimalLimit; ++d) {
        CAPTURE(d);
        unsigned i = kSmallDecimalTables.index[d];
        DecimalFactors f = decimalFactors(d);
        REQUIRE((i < kSmallDecimalIndices) == f.decimal);
        if (f.decimal) {
            DecimalFactors g = smallDecimalFactors(i);
            CHECK(g.decimal);
            CHECK(g.twos == f.twos);
            CHECK(g.fives == f.fives);
            smallDecimals.push_back(d);
        }
    }
    CHECK(kSmallDecimalTables.index[0] >= kSmallDecimalIndices);
    REQUIRE(smallDecimals.size() == kSmallDecimals);
    for (uint64_t d1 : smallDecimals) {
        for (uint64_t d2 : smallDecimals) {
            CAPTURE(d1);
            CAPTURE(d2);
            SmallDecimalPair p =
                kSmallDecimalTables
                    .pair[kSmallDecimalTables.index[d1]][kSmallDecimalTables.index[d2]];
            uint64_t g = std::gcd(d1, d2);
            CHECK(p.e1 == d1 / g);
            CHECK(p.e2 == d2 / g);
            uint64_t power = uint64_t(1) << p.twos;
            for (int k = 0; k < p.fives; ++k) {
                power *= 5;
            }
            CHECK(power == g);
        }
    }
}

// Arithmetic on two small decimal denominators (the tables' paths of add,
// subtract, multiply and divide) agrees with GMP: every pair of them, Ints
// (denominator 1) among them, numerators that cancel against them, zero,
// and numerators near the int64 limits so that sums and products overflow
// into the 128-bit versions and GMP.
TEST_CASE("inline arithmetic on small decimal denominators agrees with GMP") {
    using namespace smallrat::detail;
    std::mt19937_64 random(1024);
    auto pick = [&](uint64_t n) { return uint64_t(random() % n); };
    std::vector<int64_t> smallDecimals;
    for (int64_t d = 1; d < int64_t(kSmallDecimalLimit); ++d) {
        if (decimalFactors(uint64_t(d)).decimal) {
            smallDecimals.push_back(d);
        }
    }
    auto numeratorOf = [&] {
        return randomNumerator(random, 2000, [&] {
            return smallDecimals[pick(smallDecimals.size())] * int64_t(1 + pick(1000));
        });
    };
    int pairs = 0, cancelled = 0, overflowed = 0, toInt = 0;
    for (int i = 0; i < 60000; ++i) {
        int64_t d1 = smallDecimals[pick(smallDecimals.size())];
        int64_t d2 = pick(4) == 0 ? d1 : smallDecimals[pick(smallDecimals.size())];
        Rational x = Rational(numeratorOf()) / Rational(d1);
        Rational y = Rational(numeratorOf()) / Rational(d2);
        Value a = Value::fromRational(x), b = Value::fromRational(y);
        if (!a.isSmallExact() || !b.isSmallExact()) {
            continue;
        }
        REQUIRE(a.smallDenominator() < kSmallDecimalLimit);
        REQUIRE(b.smallDenominator() < kSmallDecimalLimit);
        ++pairs;
        uint64_t lcm = std::lcm(a.smallDenominator(), b.smallDenominator());
        for (Value r : {add(a, b), subtract(a, b)}) {
            if (!r.isSmallExact()) {
                ++overflowed;
            } else if (r.isSmallInt()) {
                toInt += lcm != 1;
            } else {
                cancelled += r.smallDenominator() != lcm;
            }
        }
        overflowed += !multiply(a, b).isSmallExact();
        checkOperations(x, y);
    }
    CHECK(pairs > 50000);
    CHECK(cancelled > 10000);
    CHECK(toInt > 1000);
    CHECK(overflowed > 3000);
}

TEST_SUITE_END();
