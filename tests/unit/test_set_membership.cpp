// contains/2's index (interpreter/builtins/set_membership.h): every answer
// must be the one of the ABS definition (a walk comparing with `equals`),
// whatever the set, the needle and the order of the questions.

#include "value_helpers.h"

#include "interpreter/builtins/set_membership.h"

#include <doctest/doctest.h>

#include <random>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

// The definition of contains, recursively, as stdlib/abs_stdlib.abs has it.
bool reference(const Value& s, const Value& e) {
    if (!s.isData() || s.arity() != 2)
        return false;
    return equals(s.arg(0), e) || reference(s.arg(1), e);
}

} // namespace

TEST_SUITE_BEGIN("set membership");

TEST_CASE("a long set of small Ints asked about twice is answered from its index") {
    SetMembership m;
    // 10 elements; the first kShort (8) are always walked first
    Value s = ints({40, 2, 17, -5, 8, 23, 4, 15, 16, 42});
    CHECK(m.contains(s, I(17))); // found among the first 8
    CHECK(m.contains(s, I(42))); // past them: remembered
    CHECK_FALSE(m.answersFromIndex(s));
    CHECK_FALSE(m.contains(s, I(3))); // past them again: indexed
    CHECK(m.answersFromIndex(s));
    CHECK(m.contains(s, I(-5)));
    CHECK(m.contains(s, I(16)));
    CHECK_FALSE(m.contains(s, I(41)));
    CHECK_FALSE(m.contains(s, R(17, 2)));
    CHECK_FALSE(m.contains(s, S("17")));
    // a short set is walked and leaves the index alone
    Value t = ints({1, 2, 3});
    CHECK(m.contains(t, I(3)));
    CHECK_FALSE(m.contains(t, I(4)));
    CHECK_FALSE(m.answersFromIndex(t));
    CHECK(m.answersFromIndex(s));
    // another long set replaces it; the first is indexed again when it returns
    Value u = range(20);
    CHECK_FALSE(m.contains(u, I(20)));
    CHECK_FALSE(m.answersFromIndex(s));
    CHECK(m.contains(u, I(19)));
    CHECK(m.answersFromIndex(u));
    CHECK(m.contains(s, I(42)));
    CHECK(m.contains(s, I(16)));
    CHECK(m.answersFromIndex(s));
}

TEST_CASE("the index's free-slot marker may be an element of the set") {
    SetMembership m;
    REQUIRE(I(INT64_MIN).isSmallInt());
    Value s = list({I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), I(9), I(INT64_MIN)});
    Value t = list({I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), I(9), I(INT64_MAX)});
    for (int round = 0; round < 3; ++round) {
        CHECK(m.contains(s, I(INT64_MIN)));
        CHECK_FALSE(m.contains(s, I(INT64_MAX)));
        CHECK_FALSE(m.contains(s, I(0)));
    }
    CHECK(m.answersFromIndex(s));
    for (int round = 0; round < 3; ++round) {
        CHECK_FALSE(m.contains(t, I(INT64_MIN)));
        CHECK(m.contains(t, I(INT64_MAX)));
        CHECK(m.contains(t, I(9)));
    }
    CHECK(m.answersFromIndex(t));
}

TEST_CASE("sets with elements other than small Ints are walked") {
    SetMembership m;
    Value b = big("100000000000000000000000");
    Value s = list({I(1), I(2), I(3), I(4), I(5), I(6), I(7), I(8), b});
    for (int round = 0; round < 2; ++round) {
        CHECK(m.contains(s, b));
        CHECK(m.contains(s, I(8)));
        CHECK_FALSE(m.contains(s, I(9)));
        CHECK_FALSE(m.answersFromIndex(s));
    }
    Value r = list({R(1, 2), I(1), R(3, 2), I(2), R(5, 2), I(3), R(7, 2), I(4)});
    for (int round = 0; round < 2; ++round) {
        CHECK(m.contains(r, R(4, 2)));
        CHECK(m.contains(r, R(7, 2)));
        CHECK_FALSE(m.contains(r, I(5)));
        CHECK_FALSE(m.answersFromIndex(r));
    }
    Value empty = Value::nil();
    CHECK_FALSE(m.contains(empty, I(0)));
    CHECK_FALSE(m.contains(empty, I(0)));
}

TEST_CASE("random sets and questions agree with the definition") {
    std::mt19937_64 rng(20261127);
    SetMembership m;
    std::vector<Value> sets;
    for (int k = 0; k < 40; ++k) {
        std::vector<Value> elements;
        size_t n = rng() % 30;
        for (size_t i = 0; i < n; ++i) {
            int64_t x = int64_t(rng() % 64) - 32;
            switch (rng() % 16) {
            case 0:
                elements.push_back(R(2 * x + 1, 2));
                break;
            case 1:
                elements.push_back(x < 0 ? I(INT64_MIN) : I(INT64_MAX));
                break;
            default:
                elements.push_back(I(x));
            }
        }
        sets.push_back(list(std::move(elements)));
    }
    size_t fromIndex = 0;
    for (int q = 0; q < 20000; ++q) {
        // mostly the same set as before, sometimes another one
        const Value& s = sets[rng() % 8 == 0 ? rng() % sets.size() : size_t(q / 500)];
        int64_t x = int64_t(rng() % 80) - 40;
        Value e = rng() % 10 == 0   ? R(2 * x + 1, 2)
                  : rng() % 50 == 0 ? I(x < 0 ? INT64_MIN : INT64_MAX)
                                    : I(x);
        REQUIRE(m.contains(s, e) == reference(s, e));
        fromIndex += m.answersFromIndex(s);
    }
    CHECK(fromIndex > 3000); // 6,500 with this seed
}

TEST_SUITE_END();
