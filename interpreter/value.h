#pragma once
// Value: what every ABS expression evaluates to. 16 bytes, copied and moved
// by value; the interpreter's hot paths (Int arithmetic, Bool tests, pattern
// matching on constructors) touch no heap and make no virtual call.
//
//   kind     stored as
//   Int      an inline int64, or a heap big integer when it does not fit
//            (never both for one number: big ints that fit are demoted)
//   Rat      an exact rational, never integral: an integral result is an
//            Int (language.md §4.1: `4/2` is 2), so Int == Rat never holds.
//            Inline (an int64 numerator, a denominator below 2^56) when it
//            fits, else a heap GMP rational (never both for one number, as
//            for Int: heap rationals that fit are demoted)
//   Float    an inline double
//   String   immutable UTF-8; up to 14 bytes inline, else a shared heap cell
//   Data     a constructor: inline ConstructorInfo* when it has no arguments
//            (True, Nil, Nothing, Unit never allocate), else a shared node
//   Object,  a pointer to an interpreter entity (heap_entity.h)
//   Future
//   Null     the null reference (also the default-constructed Value)
//
// Heap parts are reference counted intrusively (no atomics, see
// heap_entity.h) and freed when the last Value goes; freeing is iterative, so
// dropping a million-element list does not recurse.

#include "interpreter/constructor_info.h"
#include "interpreter/heap_entity.h"
#include "interpreter/pool.h"

#include <boost/multiprecision/gmp.hpp>

#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <string_view>
#include <utility>

namespace absim::interp {

using BigInt = boost::multiprecision::mpz_int;
using Rational = boost::multiprecision::mpq_rational;

class Value;

namespace detail {

struct BigIntCell : RefCounted {
    BigInt value;
};

struct RatCell : RefCounted {
    Rational value;
};

// Bytes follow the header in the same allocation.
struct StringCell : RefCounted {
    size_t size = 0;
    size_t capacity = 0;
    // Code points, counted on first use (strlen, substr); -1 = not yet.
    mutable int64_t codePoints = -1;
    char* bytes() { return reinterpret_cast<char*>(this + 1); }
    const char* bytes() const { return reinterpret_cast<const char*>(this + 1); }
};

// Arguments follow the header in the same allocation.
struct DataCell : RefCounted {
    uint32_t arity = 0;
    const ConstructorInfo* constructor = nullptr;
    inline Value* args();
    inline const Value* args() const;
};

StringCell* newStringCell(size_t size, size_t capacity);
DataCell* newDataCell(const ConstructorInfo* constructor, uint32_t arity);
BigIntCell* newBigIntCell(BigInt&& value);
RatCell* newRatCell(Rational&& value);

} // namespace detail

// Heap cells (big ints, rats, long strings, data nodes) the value layer has
// allocated on this thread and not yet freed. For leak checks and memory
// statistics; objects and futures are the interpreter's and not counted.
size_t liveValueCells() noexcept;

class Value {
public:
    enum class Kind : uint8_t { Null, Int, Rat, Float, String, Data, Object, Future };
    static constexpr size_t kInlineStringBytes = 14;

    // --- construction ------------------------------------------------------

    Value() noexcept { setNull(); }
    Value(const Value& other) noexcept : repr_(other.repr_) { retain(); }
    Value(Value&& other) noexcept : repr_(other.repr_) { other.setNull(); }
    // Slot arrays (frames, object fields) come and go with every call:
    // they are recycled by size (interpreter/pool.h).
    static void* operator new[](size_t bytes) { return poolAllocate(bytes); }
    static void operator delete[](void* p, size_t bytes) noexcept { poolFree(p, bytes); }
    Value& operator=(const Value& other) noexcept {
        // Take the new reference before dropping the old one: `other` may
        // live inside what *this keeps alive.
        Repr incoming = other.repr_;
        if (isHeap(Tag(uint8_t(incoming.head)))) {
            ++incoming.cell->refs;
        }
        release();
        repr_ = incoming;
        return *this;
    }
    Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            Repr incoming = other.repr_;
            other.setNull();
            release();
            repr_ = incoming;
        }
        return *this;
    }
    ~Value() { release(); }

    static Value null() noexcept { return Value(); }
    static Value fromInt(int64_t i) noexcept {
        Value v;
        v.repr_.head = kIntHead;
        v.repr_.i = i;
        return v;
    }
    // Demoted to the inline form when it fits in an int64.
    static Value fromBigInt(BigInt i);
    // Normalised by GMP already; becomes an Int when the denominator is 1,
    // an inline Rat when it fits.
    static Value fromRational(Rational r);
    // The largest denominator of an inline Rat: it has the 56 bits of
    // `head` above the tag.
    static constexpr uint64_t kMaxSmallRatDenominator = (uint64_t(1) << 56) - 1;
    // An inline Rat num/den that is normalised already: gcd(num, den) == 1
    // and 1 < den <= kMaxSmallRatDenominator.
    static Value fromSmallRat(int64_t num, uint64_t den) noexcept {
        assert(den > 1 && den <= kMaxSmallRatDenominator);
        Value v;
        v.repr_.head = (den << 8) | uint64_t(Tag::SmallRat);
        v.repr_.i = num;
        return v;
    }
    // The head word of an Int (den == 1) or of an inline Rat over den
    // (1 < den <= kMaxSmallRatDenominator), for tables of results
    // (thousandths.h).
    static constexpr uint64_t smallExactHead(uint64_t den) noexcept {
        return den == 1 ? kIntHead : (den << 8) | uint64_t(Tag::SmallRat);
    }
    // num over the denominator in `head` (smallExactHead), normalised
    // already: an Int, or an inline Rat with gcd(num, den) == 1.
    static Value fromSmallExact(uint64_t head, int64_t num) noexcept {
        assert(head == kIntHead || (Tag(uint8_t(head)) == Tag::SmallRat && (head >> 8) > 1));
        Value v;
        v.repr_.head = head;
        v.repr_.i = num;
        return v;
    }
    // An Int literal: decimal digits, arbitrary length.
    static Value parseInt(std::string_view digits);
    static Value fromFloat(double f) noexcept {
        Value v;
        v.repr_.head = uint64_t(Tag::Float);
        v.repr_.f = f;
        return v;
    }
    static Value fromString(std::string_view utf8);
    static Value fromBool(bool b) noexcept {
        return constant(
            builtinConstructor(b ? BuiltinConstructor::True : BuiltinConstructor::False));
    }
    static Value unit() noexcept { return constant(builtinConstructor(BuiltinConstructor::Unit)); }

    // A constructor without arguments (`Nil`, `Red`, `DivisionByZeroException`).
    static Value constant(const ConstructorInfo* c) noexcept {
        assert(c->arity == 0);
        Value v;
        v.repr_.head = uint64_t(Tag::Constant);
        v.repr_.constructor = c;
        return v;
    }
    // A constructor applied to arguments, which are moved out of `args`.
    static Value data(const ConstructorInfo* c, std::span<Value> args);
    // The same with the arguments spelled out: make(pair, a, b). Values only.
    template <typename... Args> static Value make(const ConstructorInfo* c, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) {
            return constant(c);
        } else {
            assert(c->arity == sizeof...(Args));
            detail::DataCell* cell = detail::newDataCell(c, sizeof...(Args));
            Value* out = cell->args();
            ((new (out++) Value(std::forward<Args>(args))), ...);
            return adopt(Tag::Data, cell);
        }
    }
    static Value cons(Value head, Value tail) {
        return make(builtinConstructor(BuiltinConstructor::Cons), std::move(head), std::move(tail));
    }
    static Value nil() noexcept { return constant(builtinConstructor(BuiltinConstructor::Nil)); }

    // Adds a reference to `e` (see HeapEntity).
    static Value object(HeapEntity* e) noexcept { return entityValue(Tag::Object, e); }
    static Value future(HeapEntity* e) noexcept { return entityValue(Tag::Future, e); }

    // --- inspection ---------------------------------------------------------

    Kind kind() const noexcept {
        constexpr Kind kinds[] = {Kind::Null,   Kind::Int,  Kind::Float,  Kind::Data,
                                  Kind::String, Kind::Rat,  Kind::Int,    Kind::Rat,
                                  Kind::String, Kind::Data, Kind::Object, Kind::Future};
        return kinds[size_t(tag())];
    }
    bool isNull() const noexcept { return tag() == Tag::Null; }
    // Refers to a counted cell (big number, long string, data, object,
    // future): copying and dropping it are not plain word copies.
    bool holdsCell() const noexcept { return isHeap(tag()); }
    bool isInt() const noexcept { return tag() == Tag::Int || tag() == Tag::BigInt; }
    bool isSmallInt() const noexcept { return tag() == Tag::Int; }
    bool isBigInt() const noexcept { return tag() == Tag::BigInt; }
    bool isRat() const noexcept { return tag() == Tag::SmallRat || tag() == Tag::BigRat; }
    bool isSmallRat() const noexcept { return tag() == Tag::SmallRat; }
    bool isBigRat() const noexcept { return tag() == Tag::BigRat; }
    // An inline Int or Rat: exact arithmetic on it needs neither the heap
    // nor GMP unless the result does not fit.
    bool isSmallExact() const noexcept { return tag() == Tag::Int || tag() == Tag::SmallRat; }
    // Int or Rat: the numbers that mix.
    bool isExactNumber() const noexcept { return isInt() || isRat(); }
    bool isFloat() const noexcept { return tag() == Tag::Float; }
    bool isString() const noexcept { return tag() == Tag::ShortString || tag() == Tag::String; }
    bool isData() const noexcept { return tag() == Tag::Constant || tag() == Tag::Data; }
    // A constructor without arguments: equal to another value exactly when
    // that value holds the same ConstructorInfo*.
    bool isConstant() const noexcept { return tag() == Tag::Constant; }
    bool isObject() const noexcept { return tag() == Tag::Object; }
    bool isFuture() const noexcept { return tag() == Tag::Future; }
    bool isTrue() const noexcept { return is(BuiltinConstructor::True); }
    bool isFalse() const noexcept { return is(BuiltinConstructor::False); }
    bool isUnit() const noexcept { return is(BuiltinConstructor::Unit); }
    // Built with this builtin constructor (a pointer compare for constants).
    bool is(BuiltinConstructor b) const noexcept {
        const ConstructorInfo* c = builtinConstructor(b);
        if (tag() == Tag::Constant) {
            return repr_.constructor == c;
        }
        return tag() == Tag::Data && dataCell()->constructor == c;
    }

    int64_t smallInt() const noexcept {
        assert(isSmallInt());
        return repr_.i;
    }
    const BigInt& bigInt() const noexcept {
        assert(isBigInt());
        return static_cast<const detail::BigIntCell*>(repr_.cell)->value;
    }
    // num/den of a small exact number (den 1 for an Int).
    int64_t smallNumerator() const noexcept {
        assert(isSmallExact());
        return repr_.i;
    }
    uint64_t smallDenominator() const noexcept {
        assert(isSmallExact());
        // An Int keeps its denominator 1 above its tag, like an inline Rat.
        return repr_.head >> 8;
    }
    // Two small exact numbers are equal exactly when their words are: both
    // are normalised, and an Int never equals a Rat.
    bool smallExactEquals(const Value& other) const noexcept {
        assert(isSmallExact() && other.isSmallExact());
        return repr_.head == other.repr_.head && repr_.i == other.repr_.i;
    }
    // A heap Rat (numbers that do not fit inline); toRational() takes both.
    const Rational& bigRat() const noexcept {
        assert(isBigRat());
        return static_cast<const detail::RatCell*>(repr_.cell)->value;
    }
    // Any Int as a big integer, any Int or Rat as a rational (copies).
    BigInt toBigInt() const;
    Rational toRational() const;
    double floatValue() const noexcept {
        assert(isFloat());
        return repr_.f;
    }

    std::string_view stringView() const noexcept {
        assert(isString());
        if (tag() == Tag::ShortString) {
            return {inlineBytes(), inlineSize()};
        }
        const auto* cell = static_cast<const detail::StringCell*>(repr_.cell);
        return {cell->bytes(), cell->size};
    }
    // Number of Unicode code points (cached for heap strings).
    size_t stringCodePoints() const noexcept;

    const ConstructorInfo* constructor() const noexcept {
        assert(isData());
        return tag() == Tag::Constant ? repr_.constructor : dataCell()->constructor;
    }
    uint32_t arity() const noexcept {
        assert(isData());
        return tag() == Tag::Constant ? 0 : dataCell()->arity;
    }
    const Value& arg(size_t i) const noexcept {
        assert(tag() == Tag::Data && i < dataCell()->arity);
        return dataCell()->args()[i];
    }
    std::span<const Value> args() const noexcept {
        if (tag() != Tag::Data) {
            return {};
        }
        return {dataCell()->args(), dataCell()->arity};
    }

    HeapEntity* entity() const noexcept {
        assert(isObject() || isFuture());
        return static_cast<HeapEntity*>(repr_.cell);
    }
    // The interpreter's own type: value.entityAs<Object>().
    template <typename T> T* entityAs() const noexcept { return static_cast<T*>(entity()); }

    // Both share one heap part (so are equal without looking further).
    bool sharesCellWith(const Value& other) const noexcept {
        return isHeap(tag()) && tag() == other.tag() && repr_.cell == other.repr_.cell;
    }
    // Only owner of its heap part: in-place updates are invisible to others.
    bool isUniquelyOwned() const noexcept { return isHeap(tag()) && repr_.cell->refs == 1; }

    void swap(Value& other) noexcept { std::swap(repr_, other.repr_); }

private:
    // Inline tags first; every tag from BigInt on owns a reference to a cell.
    enum class Tag : uint8_t {
        Null,
        Int, // the int64 in the payload, 1 (its denominator) in head >> 8
        Float,
        Constant,
        ShortString,
        SmallRat, // numerator in the payload, denominator in head >> 8
        BigInt,
        BigRat,
        String,
        Data,
        Object,
        Future,
    };
    static constexpr bool isHeap(Tag t) noexcept { return t >= Tag::BigInt; }
    // An Int's head: the tag, and above it the denominator 1, so that Ints
    // and inline Rats read their denominators alike (smallDenominator()).
    static constexpr uint64_t kIntHead = (uint64_t(1) << 8) | uint64_t(Tag::Int);

    // Two 8-byte words, each always written whole (a byte-sized tag store
    // followed by a word-sized load when the value is copied would defeat
    // the CPU's store forwarding). The low byte of `head` is the tag. An
    // inline string keeps its size in the next byte and its bytes in the
    // remaining 14 (little-endian: bytes 2..15 of the value).
    struct Repr {
        uint64_t head;
        union {
            int64_t i;
            double f;
            const ConstructorInfo* constructor;
            RefCounted* cell;
            uint64_t bits;
        };
    };
    static_assert(sizeof(Repr) == 16);
    static_assert(std::endian::native == std::endian::little, "inline strings assume it");

    Tag tag() const noexcept { return Tag(uint8_t(repr_.head)); }
    const char* inlineBytes() const noexcept { return reinterpret_cast<const char*>(&repr_) + 2; }
    size_t inlineSize() const noexcept { return uint8_t(repr_.head >> 8); }
    void setNull() noexcept {
        repr_.head = uint64_t(Tag::Null);
        repr_.bits = 0;
    }
    void retain() const noexcept {
        if (isHeap(tag())) {
            ++repr_.cell->refs;
        }
    }
    void release() noexcept {
        if (isHeap(tag()) && --repr_.cell->refs == 0) {
            destroy(tag(), repr_.cell);
        }
    }
    // Frees a cell whose count reached zero. Never recurses: cells freed
    // while freeing another are queued and freed by the outermost call.
    static void destroy(Tag tag, RefCounted* cell) noexcept;
    static void destroyNow(Tag tag, RefCounted* cell) noexcept;

    // Takes over a fresh cell (its count is set to 1).
    static Value adopt(Tag tag, RefCounted* cell) noexcept {
        Value v;
        cell->refs = 1;
        v.repr_.head = uint64_t(tag);
        v.repr_.cell = cell;
        return v;
    }
    static Value entityValue(Tag tag, HeapEntity* e) noexcept {
        Value v;
        ++e->refs;
        v.repr_.head = uint64_t(tag);
        v.repr_.cell = e;
        return v;
    }
    const detail::DataCell* dataCell() const noexcept {
        return static_cast<const detail::DataCell*>(repr_.cell);
    }

    friend class ValueAccess;

    Repr repr_;
};

static_assert(sizeof(Value) == 16, "values are two machine words");

inline Value* detail::DataCell::args() {
    return reinterpret_cast<Value*>(this + 1);
}
inline const Value* detail::DataCell::args() const {
    return reinterpret_cast<const Value*>(this + 1);
}

inline void swap(Value& a, Value& b) noexcept {
    a.swap(b);
}

} // namespace absim::interp
