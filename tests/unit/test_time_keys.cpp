// The time heaps order waiters by a double key and fall back to the exact
// comparison only on equal keys (interpreter/runtime/time_waiters.h). So
// the key must never reverse the exact order, for every form a time can
// take: inline Int, inline Rat, heap Rat, big Int.

#include "interpreter/compare.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/time_waiters.h"

#include <doctest/doctest.h>

#include <gmp.h>

#include <bit>
#include <cmath>
#include <random>
#include <vector>

using namespace absim::interp;

namespace {

std::string toDebugString(const Value& v) {
    return toString(v);
}

Value ratio(int64_t num, int64_t den) {
    return divide(Value::fromInt(num), Value::fromInt(den));
}

} // namespace

TEST_CASE("time_keys_never_reverse_the_exact_order") {
    std::mt19937_64 rng(7);
    std::vector<Value> times;
    // Around the edges of exact doubles (2^53) and of int64, with
    // denominators small and large, plus values just apart.
    const int64_t two53 = int64_t(1) << 53;
    for (int64_t base : {int64_t(0), int64_t(1), two53 - 2, two53, two53 + 3, INT64_MAX / 3,
                         INT64_MAX - 1, -two53 - 1, INT64_MIN + 2}) {
        times.push_back(Value::fromInt(base));
        for (int64_t den : {int64_t(3), int64_t(1000), int64_t(999983), (int64_t(1) << 55) - 1})
            times.push_back(ratio(base, den));
    }
    for (int i = 0; i < 1500; ++i) {
        int64_t num = int64_t(rng());
        int64_t den = int64_t(rng() % ((uint64_t(1) << 60) - 1)) + 1;
        if (i % 3 == 0)
            num %= two53 * 4; // around the exact range
        times.push_back(ratio(num, den));
        times.push_back(add(ratio(num, den), ratio(1, den * 2 + 1)));
    }
    // Beyond inline range: heap Rats and big Ints.
    Value big = multiply(Value::fromInt(INT64_MAX), Value::fromInt(4));
    times.push_back(big);
    times.push_back(add(big, ratio(1, 3)));
    times.push_back(divide(big, Value::fromInt(3)));
    times.push_back(add(divide(big, Value::fromInt(3)), ratio(1, 7)));
    std::vector<double> keys;
    for (const Value& t : times)
        keys.push_back(timeKeySlow(t));
    size_t checked = 0, reversed = 0;
    for (size_t i = 0; i < times.size(); ++i) {
        for (size_t j = 0; j < times.size(); ++j) {
            if (compare(times[i], times[j]) < 0) {
                ++checked;
                if (keys[i] > keys[j]) {
                    ++reversed;
                    if (reversed < 5)
                        MESSAGE(toDebugString(times[i]) << " < " << toDebugString(times[j]));
                }
            }
        }
    }
    CHECK(checked > 1000000);
    CHECK(reversed == 0);
}

TEST_CASE("time_keys_are_the_nearest_doubles") {
    // A key is the double nearest the time, ties to even, whatever form the
    // time takes: checked exactly against its two neighbours.
    std::mt19937_64 rng(11);
    std::vector<Value> times;
    const int64_t two53 = int64_t(1) << 53;
    for (int i = 0; i < 3000; ++i) {
        int64_t num = int64_t(rng() >> (rng() % 64));
        int64_t den = int64_t(rng() >> (1 + rng() % 63)) + 1;
        if (i % 4 == 0)
            den = 1000; // milliseconds
        times.push_back(ratio(i % 2 ? num : -num, den));
    }
    // Midpoints of two doubles beyond 2^53, inline and on the heap: ties.
    for (int64_t odd : {two53 + 1, two53 + 3, 4 * two53 + 4, 4 * two53 + 12})
        times.push_back(Value::fromInt(odd));
    Value big = multiply(Value::fromInt(two53 + 1), Value::fromInt(int64_t(1) << 20));
    times.push_back(big);
    times.push_back(add(big, Value::fromInt(int64_t(1) << 20)));
    times.push_back(divide(big, Value::fromInt(3)));
    times.push_back(add(divide(big, Value::fromInt(7)), ratio(1, 3)));
    mpq_t q, k, gap;
    mpq_inits(q, k, gap, nullptr);
    size_t ties = 0;
    for (const Value& t : times) {
        mpq_set(q, t.toRational().backend().data());
        double key = timeKeySlow(t);
        REQUIRE(std::isfinite(key));
        mpq_set_d(k, key);
        mpq_sub(gap, q, k);
        mpq_abs(gap, gap);
        for (double next : {std::nextafter(key, HUGE_VAL), std::nextafter(key, -HUGE_VAL)}) {
            mpq_t n, other;
            mpq_inits(n, other, nullptr);
            mpq_set_d(n, next);
            mpq_sub(other, q, n);
            mpq_abs(other, other);
            int c = mpq_cmp(gap, other);
            if (c > 0)
                MESSAGE(toDebugString(t) << " key " << key);
            CHECK(c <= 0); // no double nearer
            if (c == 0) {
                ++ties;
                CHECK((std::bit_cast<uint64_t>(key) & 1) == 0); // the even one
            }
            mpq_clears(n, other, nullptr);
        }
        if (t.isSmallExact())
            CHECK(timeKey(t) == key); // the inline path agrees
    }
    mpq_clears(q, k, gap, nullptr);
    CHECK(ties >= 5);
}
