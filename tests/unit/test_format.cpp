// toString against the tables of language.md §5.

#include "value_helpers.h"

#include "interpreter/heap_entity.h"

#include <doctest/doctest.h>

#include <cfloat>
#include <climits>
#include <limits>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

ConstructorInfo programConstructor(const char* name, uint32_t arity) {
    ConstructorInfo info;
    info.name = name;
    info.qualifiedName = std::string("Main.") + name;
    info.datatype = "Main.T";
    info.arity = arity;
    info.id = kFirstProgramConstructorId;
    return info;
}

class NamedEntity : public HeapEntity {
public:
    NamedEntity(uint64_t seq, std::string text) : HeapEntity(seq), text_(std::move(text)) {}
    std::string describe() const override { return text_; }

private:
    std::string text_;
};

} // namespace

TEST_SUITE_BEGIN("format");

TEST_CASE("Ints and Rats") {
    CHECK(str(I(42)) == "42");
    CHECK(str(I(-7)) == "-7");
    CHECK(str(I(0)) == "0");
    CHECK(str(I(INT64_MIN)) == "-9223372036854775808");
    CHECK(str(big("-123456789012345678901234567890")) == "-123456789012345678901234567890");
    CHECK(str(R(1, 3)) == "1/3");
    CHECK(str(R(-1, 3)) == "-1/3");
    CHECK(str(R(4, 2)) == "2");
    CHECK(str(divide(I(1), big("100000000000000000000"))) == "1/100000000000000000000");
}

TEST_CASE("Floats: every example of §5") {
    CHECK(formatFloat(1.0) == "1.0");
    CHECK(formatFloat(0.1) == "0.1");
    CHECK(formatFloat(-2.5) == "-2.5");
    CHECK(formatFloat(1e20) == "1.0e+20");
    CHECK(formatFloat(100000.0) == "100000.0");
    CHECK(formatFloat(1000000.0) == "1.0e+6");
    CHECK(formatFloat(0.000001) == "0.000001");
    CHECK(formatFloat(0.0000001) == "1.0e-7");
    CHECK(formatFloat(1.5e-7) == "1.5e-7");
    CHECK(formatFloat(1.2345e21) == "1.2345e+21");
    CHECK(formatFloat(0.0) == "0.0");
    CHECK(formatFloat(-0.0) == "0.0");
}

TEST_CASE("Floats: each branch of the layout rule") {
    CHECK(formatFloat(12.0) == "12.0");           // p == n
    CHECK(formatFloat(1234.5678) == "1234.5678"); // 0 < p < n
    CHECK(formatFloat(120000.0) == "120000.0");   // n < p < n+6
    CHECK(formatFloat(123456789012345680000.0) == "123456789012345680000.0");
    CHECK(formatFloat(1200000.0) == "1200000.0"); // p < n+6: the bound moves with n
    CHECK(formatFloat(12000000.0) == "1.2e+7");   // p == n+6
    CHECK(formatFloat(0.5) == "0.5");             // p == 0
    CHECK(formatFloat(0.05) == "0.05");           // -6 < p < 0
    CHECK(formatFloat(0.0000015) == "0.0000015");
    CHECK(formatFloat(1e-10) == "1.0e-10");
    CHECK(formatFloat(-1.5e-7) == "-1.5e-7");
    CHECK(formatFloat(0.3) == "0.3"); // shortest, not 0.299999...
    CHECK(formatFloat(2.0 / 3.0) == "0.6666666666666666");
    CHECK(formatFloat(DBL_MAX) == "1.7976931348623157e+308");
    CHECK(formatFloat(std::numeric_limits<double>::denorm_min()) == "5.0e-324");
    CHECK(str(F(-2.5)) == "-2.5");
}

TEST_CASE("Bool, Unit, constructors, exceptions, null") {
    CHECK(str(B(true)) == "True");
    CHECK(str(B(false)) == "False");
    CHECK(str(Value::unit()) == "Unit");
    CHECK(str(nothing()) == "Nothing");
    CHECK(str(pair(I(1), S("x"))) == "Pair(1,\"x\")");
    CHECK(str(just(ints({1}))) == "Just(list[1])");
    CHECK(str(Value::make(ctor(BuiltinConstructor::Triple), I(1), R(2, 3), B(true))) ==
          "Triple(1,2/3,True)");
    CHECK(str(Value::constant(ctor(BuiltinConstructor::DivisionByZeroException))) ==
          "DivisionByZeroException");
    ConstructorInfo myErr = programConstructor("MyErr", 1);
    CHECK(str(Value::make(&myErr, S("x"))) == "MyErr(\"x\")");
    ConstructorInfo red = programConstructor("Red", 0);
    CHECK(str(Value::constant(&red)) == "Red");
    CHECK(str(Value::null()) == "null");
    CHECK(str(just(Value::null())) == "Just(null)");
}

TEST_CASE("strings are raw at top level and quoted inside") {
    CHECK(str(S("a\"b")) == "a\"b");
    CHECK(str(S("")) == "");
    CHECK(str(list({S("a"), S("b\"c")})) == "list[\"a\",\"b\\\"c\"]");
    // Only the quote is escaped: backslashes and newlines stay as they are.
    CHECK(str(just(S("a\\b\nc"))) == "Just(\"a\\b\nc\")");
    CHECK(str(pair(S(""), S("long enough to be on the heap"))) ==
          "Pair(\"\",\"long enough to be on the heap\")");
    std::string out = "x=";
    appendToString(out, S("raw"));
    appendToString(out, list({S("q")}));
    CHECK(out == "x=rawlist[\"q\"]");
}

TEST_CASE("lists, sets and maps") {
    CHECK(str(ints({1, 2, 3})) == "list[1,2,3]");
    CHECK(str(Value::nil()) == "list[]");
    CHECK(str(list({ints({1}), ints({}), ints({2, 3})})) == "list[list[1],list[],list[2,3]]");
    CHECK(str(makeSet({I(3), I(1), I(2), I(1)})) == "set[1,2,3]");
    CHECK(str(makeSet({})) == "EmptySet");
    CHECK(str(makeSet({S("b"), S("a")})) == "set[\"a\",\"b\"]");
    CHECK(str(makeMap({pair(I(1), S("a")), pair(I(2), S("b"))})) ==
          "map[Pair(1,\"a\"),Pair(2,\"b\")]");
    CHECK(str(makeMap({pair(I(2), S("b")), pair(I(1), S("a"))})) ==
          "map[Pair(2,\"b\"),Pair(1,\"a\")]"); // internal order, not sorted
    CHECK(str(makeMap({})) == "EmptyMap");
    CHECK(str(makeMap({pair(S("k"), makeSet({R(1, 2), I(0)}))})) == "map[Pair(\"k\",set[0,1/2])]");
    CHECK(str(list({F(1.0), F(0.1)})) == "list[1.0,0.1]");
}

TEST_CASE("objects and futures print their description") {
    Value o = Value::object(new NamedEntity(1, "Main.Account:1-3"));
    Value f = Value::future(new NamedEntity(2, "fut2:empty"));
    CHECK(str(o) == "Main.Account:1-3");
    CHECK(str(list({o, f, Value::null()})) == "list[Main.Account:1-3,fut2:empty,null]");
}

TEST_CASE("a million-element list prints without recursion") {
    Value l = range(1'000'000);
    std::string text = str(l);
    CHECK(text.starts_with("list[0,1,2,3,"));
    CHECK(text.ends_with(",999998,999999]"));
    // "list[" + "]" + 999,999 commas + the digits of 0..999999
    size_t digits = 10 * 1 + 90 * 2 + 900 * 3 + 9000 * 4 + 90000 * 5 + 900000 * 6;
    CHECK(text.size() == 6 + 999'999 + digits);
}

TEST_CASE("a million-deep term prints without recursion") {
    Value v = nothing();
    for (int i = 0; i < 1'000'000; ++i) {
        v = just(std::move(v));
    }
    std::string text = str(v);
    CHECK(text.size() == 1'000'000 * 6 + 7);
    CHECK(text.starts_with("Just(Just("));
    CHECK(text.compare(5'000'000, 8, "Nothing)") == 0);
    CHECK(text.ends_with(")))"));
}

TEST_SUITE_END();
