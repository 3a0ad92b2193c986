// Equality and the total order against language.md §4.2 and §4.3.

#include "value_helpers.h"

#include "interpreter/heap_entity.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <climits>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

class SeqEntity : public HeapEntity {
public:
    using HeapEntity::HeapEntity;
    std::string describe() const override { return std::to_string(seq()); }
};

ConstructorInfo namedConstructor(const char* module, const char* name, uint32_t arity) {
    ConstructorInfo info;
    info.name = name;
    info.qualifiedName = std::string(module) + "." + name;
    info.arity = arity;
    return info;
}

Value left(Value v) {
    return Value::make(ctor(BuiltinConstructor::Left), std::move(v));
}
Value right(Value v) {
    return Value::make(ctor(BuiltinConstructor::Right), std::move(v));
}

} // namespace

TEST_SUITE_BEGIN("compare");

TEST_CASE("numbers are equal and ordered by value across Int and Rat") {
    CHECK(equals(R(2, 2), I(1)));
    CHECK(equals(R(1, 2), R(2, 4)));
    CHECK_FALSE(equals(R(1, 2), I(0)));
    CHECK(compare(R(1, 2), I(1)) < 0);
    CHECK(compare(I(1), R(1, 2)) > 0);
    CHECK(compare(I(-3), I(2)) < 0);
    CHECK(compare(I(INT64_MAX), add(I(INT64_MAX), I(1))) < 0);
    CHECK(equals(subtract(add(I(INT64_MAX), I(5)), I(5)), I(INT64_MAX)));
    CHECK(equals(big("100000000000000000000"), multiply(I(10000000000), I(10000000000))));
    CHECK(equals(F(0.0), F(-0.0)));
    CHECK(compare(F(0.0), F(-0.0)) == 0);
    CHECK(compare(F(-1.5), F(0.25)) < 0);
    CHECK_FALSE(equals(F(0.1), F(0.2)));
}

TEST_CASE("strings by code point") {
    CHECK(equals(S("abc"), S("abc")));
    CHECK(equals(S("a string on the heap"), S("a string on the heap")));
    CHECK_FALSE(equals(S("abc"), S("abd")));
    CHECK(compare(S("a"), S("b")) < 0);
    CHECK(compare(S("Z"), S("a")) < 0);
    CHECK(compare(S("ab"), S("abc")) < 0);
    CHECK(compare(S(""), S("a")) < 0);
    CHECK(compare(S("\xC3\xA9"), S("z")) > 0);                    // é (U+E9) after z
    CHECK(compare(S("\xEF\xBF\xBF"), S("\xF0\x9F\x98\x80")) < 0); // U+FFFF < U+1F600
}

TEST_CASE("Bool and constructors order by name") {
    CHECK(compare(B(false), B(true)) < 0);
    CHECK(equals(B(true), B(true)));
    CHECK_FALSE(equals(B(true), B(false)));
    CHECK(compare(just(I(100)), nothing()) < 0);
    CHECK(compare(nothing(), just(I(-100))) > 0);
    CHECK(compare(left(I(9)), right(I(0))) < 0);
    CHECK(compare(just(I(1)), just(I(2))) < 0);
    CHECK(compare(pair(I(1), I(9)), pair(I(2), I(0))) < 0);
    CHECK(compare(pair(I(1), I(2)), pair(I(1), I(3))) < 0);
    CHECK(equals(pair(I(1), S("a")), pair(I(1), S("a"))));
    CHECK_FALSE(equals(pair(I(1), S("a")), pair(I(1), S("b"))));
    CHECK(equals(Value::unit(), Value::unit()));
}

TEST_CASE("lists: Cons < Nil, so a longer list is smaller than its prefix") {
    CHECK(compare(ints({1, 2}), ints({1})) < 0); // list[1,2] < list[1]
    CHECK(compare(ints({1, 5}), ints({2})) < 0); // list[1,5] < list[2]
    CHECK(compare(ints({1}), ints({})) < 0);
    CHECK(compare(ints({}), ints({})) == 0);
    CHECK(compare(ints({2}), ints({1, 5})) > 0);
    CHECK(equals(ints({1, 2, 3}), ints({1, 2, 3})));
    CHECK_FALSE(equals(ints({1, 2, 3}), ints({1, 2})));
    CHECK(equals(list({R(4, 2), S("x")}), list({I(2), S("x")})));
}

TEST_CASE("sets are canonical, maps are not") {
    CHECK(equals(makeSet({I(1), I(2)}), makeSet({I(2), I(1)})));
    CHECK(equals(makeSet({I(1), I(1)}), makeSet({I(1)})));
    CHECK_FALSE(equals(makeMap({pair(I(1), S("a")), pair(I(2), S("b"))}),
                       makeMap({pair(I(2), S("b")), pair(I(1), S("a"))})));
    CHECK(equals(makeMap({pair(I(1), S("a"))}), makeMap({pair(I(1), S("a"))})));
}

TEST_CASE("objects and futures by creation number, null below them all") {
    Value a = Value::object(new SeqEntity(1));
    Value b = Value::object(new SeqEntity(2));
    Value f = Value::future(new SeqEntity(3));
    Value g = Value::future(new SeqEntity(4));
    Value null;
    CHECK(compare(a, b) < 0);
    CHECK(compare(b, a) > 0);
    CHECK(compare(f, g) < 0);
    CHECK(compare(null, a) < 0);
    CHECK(compare(f, null) > 0);
    CHECK(equals(null, Value::null()));
    CHECK(compare(null, Value::null()) == 0);
    CHECK_FALSE(equals(null, a));
    Value a2 = a;
    CHECK(equals(a, a2));
    CHECK_FALSE(equals(a, b));
    CHECK(compare(just(a), just(b)) < 0);
}

TEST_CASE("same-named constructors of different modules stay distinct") {
    ConstructorInfo x = namedConstructor("A", "Same", 0);
    ConstructorInfo y = namedConstructor("B", "Same", 0);
    ConstructorInfo z = namedConstructor("A", "Other", 0);
    CHECK_FALSE(equals(Value::constant(&x), Value::constant(&y)));
    CHECK(compare(Value::constant(&x), Value::constant(&y)) < 0);
    CHECK(compare(Value::constant(&z), Value::constant(&y)) < 0); // name decides first
}

TEST_CASE("the order sorts and agrees with equality") {
    std::vector<Value> values = {nothing(), just(I(2)), just(I(1)), just(R(1, 2))};
    std::sort(values.begin(), values.end(), lessThan);
    CHECK(str(list(values)) == "list[Just(1/2),Just(1),Just(2),Nothing]");
    for (const Value& x : values) {
        for (const Value& y : values) {
            CHECK((compare(x, y) == 0) == equals(x, y));
            CHECK(compare(x, y) == -compare(y, x));
        }
    }
}

TEST_CASE("max returns a on ties, min returns b") {
    Value a = R(2, 2), b = I(1);
    CHECK(&maxOf(a, b) == &a);
    CHECK(&minOf(a, b) == &b);
    CHECK(maxOf(I(1), I(2)).smallInt() == 2);
    CHECK(minOf(I(1), I(2)).smallInt() == 1);
}

TEST_CASE("million-element lists compare without recursion") {
    Value a = range(1'000'000);
    Value b = range(1'000'000); // equal, but no shared cells
    CHECK(equals(a, b));
    CHECK(compare(a, b) == 0);
    std::vector<Value> elements = spineElements(b);
    elements.back() = I(1'000'000);
    Value c = makeList(std::move(elements));
    CHECK_FALSE(equals(a, c));
    CHECK(compare(a, c) < 0);
    CHECK(compare(c, a) > 0);
    Value shorter = range(999'999);
    CHECK(compare(a, shorter) < 0); // the longer list is smaller
}

TEST_CASE("deep terms compare without recursion") {
    Value a = nothing(), b = nothing();
    for (int i = 0; i < 1'000'000; ++i) {
        a = just(std::move(a));
        b = just(std::move(b));
    }
    CHECK(equals(a, b));
    CHECK(compare(a, b) == 0);
    Value c = just(std::move(a));
    CHECK(compare(c, b) < 0); // Just(...) < Nothing at the innermost level
}

TEST_SUITE_END();
