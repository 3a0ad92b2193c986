// Value representation: kinds, normalisation, sharing, freeing, strings,
// builtin constructors, exceptions.

#include "value_helpers.h"

#include "interpreter/errors.h"
#include "interpreter/heap_entity.h"
#include "interpreter/strings.h"

#include <doctest/doctest.h>

#include <climits>
#include <stdexcept>

using namespace absim::interp;
using namespace absim::interp::testing;

namespace {

// Stands in for the interpreter's objects and futures.
class TestEntity : public HeapEntity {
public:
    TestEntity(uint64_t seq, int* destroyed) : HeapEntity(seq), destroyed_(destroyed) {}
    ~TestEntity() override { ++*destroyed_; }
    std::string describe() const override { return "Test:" + std::to_string(seq()); }
    Value next; // lets tests chain entities

private:
    int* destroyed_;
};

} // namespace

TEST_SUITE_BEGIN("values");

TEST_CASE("a value is two machine words and defaults to null") {
    CHECK(sizeof(Value) == 16);
    Value v;
    CHECK(v.isNull());
    CHECK(v.kind() == Value::Kind::Null);
}

TEST_CASE("ints, bools, units and constant constructors allocate nothing") {
    size_t before = liveValueCells();
    Value i = I(42);
    Value t = B(true), f = B(false), u = Value::unit(), nil = Value::nil(), no = nothing();
    Value copy = t;
    CHECK(liveValueCells() == before);
    CHECK(i.isSmallInt());
    CHECK(i.smallInt() == 42);
    CHECK(t.isTrue());
    CHECK_FALSE(t.isFalse());
    CHECK(f.isFalse());
    CHECK(u.isUnit());
    CHECK(copy.isTrue());
    CHECK(nil.isConstant());
    CHECK(nil.arity() == 0);
    CHECK(no.constructor() == ctor(BuiltinConstructor::Nothing));
    CHECK(t.kind() == Value::Kind::Data);
}

TEST_CASE("int overflow promotes to a big integer and results that fit are demoted") {
    Value max = I(INT64_MAX);
    Value over = add(max, I(1));
    CHECK(over.isBigInt());
    CHECK(str(over) == "9223372036854775808");
    Value back = subtract(over, I(1));
    CHECK(back.isSmallInt());
    CHECK(back.smallInt() == INT64_MAX);

    Value under = subtract(I(INT64_MIN), I(1));
    CHECK(under.isBigInt());
    CHECK(str(under) == "-9223372036854775809");
    CHECK(add(under, I(1)).isSmallInt());

    Value twice = multiply(max, I(2));
    CHECK(twice.isBigInt());
    CHECK(str(twice) == "18446744073709551614");
    Value halved = divide(twice, I(2));
    CHECK(halved.isSmallInt());
    CHECK(halved.smallInt() == INT64_MAX);

    Value negMin = negate(I(INT64_MIN));
    CHECK(negMin.isBigInt());
    CHECK(str(negMin) == "9223372036854775808");
    CHECK(negate(negMin).isSmallInt());
}

TEST_CASE("Int literals of any length") {
    CHECK(Value::parseInt("0").smallInt() == 0);
    CHECK(Value::parseInt("123456789012345678").smallInt() == 123456789012345678);
    CHECK(Value::parseInt("9223372036854775807").smallInt() == INT64_MAX);
    Value huge = Value::parseInt("123456789012345678901234567890");
    CHECK(huge.isBigInt());
    CHECK(str(huge) == "123456789012345678901234567890");
    CHECK_THROWS_AS(Value::parseInt("12a"), std::invalid_argument);
}

TEST_CASE("integral rationals are Ints, others are normalised Rats") {
    Value two = R(4, 2);
    CHECK(two.isSmallInt());
    CHECK(two.smallInt() == 2);
    Value half = R(2, 4);
    CHECK(half.isRat());
    CHECK(half.kind() == Value::Kind::Rat);
    CHECK(str(half) == "1/2");
    CHECK(str(R(3, -6)) == "-1/2");
    Rational r(6, 3);
    CHECK(Value::fromRational(r).isSmallInt());
}

TEST_CASE("data values hold their constructor and arguments") {
    Value p = pair(I(1), S("x"));
    CHECK(p.isData());
    CHECK_FALSE(p.isConstant());
    CHECK(p.constructor() == ctor(BuiltinConstructor::Pair));
    CHECK(p.is(BuiltinConstructor::Pair));
    CHECK(p.arity() == 2);
    CHECK(p.arg(0).smallInt() == 1);
    CHECK(p.arg(1).stringView() == "x");
    CHECK(p.args().size() == 2);

    std::vector<Value> args{I(1), I(2), I(3)};
    Value t = Value::data(ctor(BuiltinConstructor::Triple), args);
    CHECK(str(t) == "Triple(1,2,3)");
    CHECK(args[0].isNull()); // moved from
}

TEST_CASE("copies share one cell, moves transfer it") {
    size_t before = liveValueCells();
    {
        Value a = pair(I(1), I(2));
        CHECK(liveValueCells() == before + 1);
        CHECK(a.isUniquelyOwned());
        Value b = a;
        CHECK(b.sharesCellWith(a));
        CHECK_FALSE(a.isUniquelyOwned());
        Value c = std::move(b);
        CHECK(b.isNull());
        CHECK(c.sharesCellWith(a));
        a = c; // self-sharing assignment keeps the cell alive
        a = a;
        CHECK(a.arg(1).smallInt() == 2);
        CHECK(liveValueCells() == before + 1);
        // Assigning a part of a value to that value must not free the part first.
        Value l = ints({1, 2, 3});
        l = l.arg(1);
        CHECK(str(l) == "list[2,3]");
    }
    CHECK(liveValueCells() == before);
}

TEST_CASE("a million-element list is built and freed without recursion") {
    size_t before = liveValueCells();
    {
        Value l = range(1'000'000);
        CHECK(liveValueCells() == before + 1'000'000);
        CHECK(spineLength(l) == 1'000'000);
    }
    CHECK(liveValueCells() == before);
}

TEST_CASE("a million-deep chain of Justs is freed without recursion") {
    size_t before = liveValueCells();
    {
        Value v = nothing();
        for (int i = 0; i < 1'000'000; ++i) {
            v = just(std::move(v));
        }
        CHECK(liveValueCells() == before + 1'000'000);
    }
    CHECK(liveValueCells() == before);
}

TEST_CASE("objects live while a value refers to them") {
    int destroyed = 0;
    {
        Value o = Value::object(new TestEntity(7, &destroyed));
        CHECK(o.isObject());
        CHECK(o.kind() == Value::Kind::Object);
        CHECK(o.entity()->seq() == 7);
        CHECK(o.entityAs<TestEntity>()->describe() == "Test:7");
        Value copy = o;
        o = Value();
        CHECK(destroyed == 0);
        Value f = Value::future(new TestEntity(8, &destroyed));
        CHECK(f.isFuture());
        CHECK(str(f) == "Test:8");
    }
    CHECK(destroyed == 2);
}

TEST_CASE("a long chain of objects is freed without recursion") {
    int destroyed = 0;
    {
        Value head;
        for (uint64_t i = 0; i < 200'000; ++i) {
            auto* e = new TestEntity(i, &destroyed);
            e->next = Value::cons(std::move(head), Value::nil()); // objects inside data
            head = Value::object(e);
        }
    }
    CHECK(destroyed == 200'000);
}

TEST_CASE("short strings are inline, long ones shared") {
    size_t before = liveValueCells();
    Value empty = S("");
    Value shortText = S("fourteen bytes");
    CHECK(shortText.stringView().size() == Value::kInlineStringBytes);
    CHECK(liveValueCells() == before);
    Value longText = S("fifteen bytes!!");
    CHECK(liveValueCells() == before + 1);
    CHECK(empty.isString());
    CHECK(empty.stringView().empty());
    CHECK(shortText.stringView() == "fourteen bytes");
    CHECK(longText.stringView() == "fifteen bytes!!");
    CHECK(longText.kind() == Value::Kind::String);
}

TEST_CASE("strlen and substr count code points") {
    CHECK(strlen(S("")).smallInt() == 0);
    CHECK(strlen(S("abcde")).smallInt() == 5);
    CHECK(strlen(S("h\xC3\xA9llo")).smallInt() == 5);                                // héllo
    CHECK(strlen(S("\xE2\x82\xAC and \xF0\x9F\x98\x80 and more")).smallInt() == 16); // € 😀
    CHECK(substr(S("abcde"), I(1), I(3)).stringView() == "bcd");
    CHECK(substr(S("abcde"), I(0), I(5)).stringView() == "abcde");
    CHECK(substr(S("abcde"), I(5), I(0)).stringView() == "");
    Value accents = S("d\xC3\xA9j\xC3\xA0 vu, d\xC3\xA9j\xC3\xA0 vu"); // déjà vu, déjà vu
    CHECK(substr(accents, I(1), I(3)).stringView() == "\xC3\xA9j\xC3\xA0");
    CHECK(substr(accents, I(9), I(7)).stringView() == "d\xC3\xA9j\xC3\xA0 vu");
}

TEST_CASE("substr outside the string is a runtime error") {
    CHECK_THROWS_AS(substr(S("abc"), I(-1), I(1)), AbsRuntimeError);
    CHECK_THROWS_AS(substr(S("abc"), I(0), I(-1)), AbsRuntimeError);
    CHECK_THROWS_AS(substr(S("abc"), I(2), I(2)), AbsRuntimeError);
    CHECK_THROWS_AS(substr(S("abc"), I(4), I(0)), AbsRuntimeError);
    CHECK_THROWS_AS(substr(S("abc"), I(1), I(INT64_MAX)), AbsRuntimeError);
    CHECK_THROWS_AS(substr(S("abc"), big("99999999999999999999"), I(0)), AbsRuntimeError);
}

TEST_CASE("concatenation") {
    CHECK(concat(S("ab"), S("cd")).stringView() == "abcd");
    CHECK(concat(S(""), S("x")).stringView() == "x");
    CHECK(add(S("Hello, "), S("world! How are you?")).stringView() == "Hello, world! How are you?");
    CHECK(strlen(concat(S("h\xC3\xA9"), S("llo, this is long"))).smallInt() == 19);
}

TEST_CASE("concatenation into a moved accumulator grows in place, never behind a sharer") {
    Value acc = S("a string longer than inline");
    Value sharer = acc;
    acc = concat(std::move(acc), S("!"));
    CHECK(sharer.stringView() == "a string longer than inline");
    CHECK(acc.stringView() == "a string longer than inline!");
    std::string expected(acc.stringView());
    for (int i = 0; i < 1000; ++i) {
        acc = concat(std::move(acc), S("xy"));
        expected += "xy";
    }
    CHECK(acc.stringView() == expected);
    CHECK(strlen(acc).smallInt() == int64_t(expected.size()));
    acc = concat(std::move(acc), acc); // appending itself
    CHECK(acc.stringView() == expected + expected);
}

TEST_CASE("builtin constructors have fixed ids in enum order") {
    for (uint32_t i = 0; i < kBuiltinConstructorCount; ++i) {
        const ConstructorInfo* info = builtinConstructor(BuiltinConstructor(i));
        CHECK(info->id == i);
        CHECK(info->builtin == BuiltinConstructor(i));
        CHECK(info->qualifiedName.ends_with("." + info->name));
    }
    CHECK(ctor(BuiltinConstructor::Cons)->name == "Cons");
    CHECK(ctor(BuiltinConstructor::Cons)->arity == 2);
    CHECK(ctor(BuiltinConstructor::StackOverflowEcxeption)->name == "StackOverflowEcxeption");
    CHECK(ctor(BuiltinConstructor::Fin)->qualifiedName == "ABS.DC.Fin");
    CHECK(ctor(BuiltinConstructor::Insert)->datatype == "ABS.StdLib.Set");
}

TEST_CASE("the interpreter binds stdlib constructors by qualified name") {
    CHECK(bindBuiltinConstructor("ABS.StdLib.Cons", 2) == ctor(BuiltinConstructor::Cons));
    CHECK(bindBuiltinConstructor("ABS.StdLib.True", 0) == ctor(BuiltinConstructor::True));
    CHECK(bindBuiltinConstructor("ABS.StdLib.Exceptions.DivisionByZeroException", 0) ==
          ctor(BuiltinConstructor::DivisionByZeroException));
    // Anywhere under ABS.* by simple name:
    CHECK(bindBuiltinConstructor("ABS.StdLib.DivisionByZeroException", 0) ==
          ctor(BuiltinConstructor::DivisionByZeroException));
    CHECK(bindBuiltinConstructor("ABS.DC.Fin", 1) == ctor(BuiltinConstructor::Fin));
    // Not ours:
    CHECK(bindBuiltinConstructor("Main.Cons", 2) == nullptr);
    CHECK(bindBuiltinConstructor("ABS.DC.Speed", 0) == nullptr);
    CHECK_THROWS_AS(bindBuiltinConstructor("ABS.StdLib.Just", 2), std::logic_error);
}

TEST_CASE("ABS exceptions carry their value") {
    try {
        divide(I(1), I(0));
        FAIL("no exception");
    } catch (const AbsException& e) {
        CHECK(e.exception().is(BuiltinConstructor::DivisionByZeroException));
        CHECK(std::string(e.what()) == "DivisionByZeroException");
    }
    try {
        throwBuiltinException(BuiltinConstructor::PatternMatchFailException);
    } catch (const AbsError& e) { // one handler sees every kind
        CHECK(std::string(e.what()) == "PatternMatchFailException");
    }
}

TEST_CASE("operations on values of the wrong kind are interpreter bugs") {
    CHECK_THROWS_AS(add(I(1), F(1.0)), std::logic_error);
    CHECK_THROWS_AS(add(I(1), S("1")), std::logic_error);
    CHECK_THROWS_AS(multiply(S("a"), S("b")), std::logic_error);
    CHECK_THROWS_AS(strlen(I(3)), std::logic_error);
}

TEST_SUITE_END();
