#include "interpreter/value.h"

#include "interpreter/list_spine.h"
#include "interpreter/utf8.h"

#include <gmp.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace absim::interp {

static_assert(sizeof(long) == sizeof(int64_t), "GMP's si functions carry our int64 values");

HeapEntity::~HeapEntity() = default;

// --- cells ----------------------------------------------------------------

namespace {
thread_local size_t liveCells = 0;
}

size_t liveValueCells() noexcept {
    return liveCells;
}

detail::StringCell* detail::newStringCell(size_t size, size_t capacity) {
    void* memory = ::operator new(sizeof(StringCell) + capacity);
    auto* cell = new (memory) StringCell;
    cell->size = size;
    cell->capacity = capacity;
    ++liveCells;
    return cell;
}

detail::DataCell* detail::newDataCell(const ConstructorInfo* constructor, uint32_t arity) {
    // Data nodes (list cells, pairs, Just) come and go by the million in
    // the functional layer: recycled by size like frames.
    void* memory = poolAllocate(sizeof(DataCell) + arity * sizeof(Value));
    auto* cell = new (memory) DataCell;
    cell->arity = arity;
    cell->constructor = constructor;
    ++liveCells;
    return cell;
}

detail::BigIntCell* detail::newBigIntCell(BigInt&& value) {
    auto* cell = new BigIntCell;
    cell->value = std::move(value);
    ++liveCells;
    return cell;
}

detail::RatCell* detail::newRatCell(Rational&& value) {
    auto* cell = new RatCell;
    cell->value = std::move(value);
    ++liveCells;
    return cell;
}

// --- construction ---------------------------------------------------------

Value Value::fromBigInt(BigInt i) {
    mpz_srcptr z = i.backend().data();
    if (mpz_fits_slong_p(z)) {
        return fromInt(mpz_get_si(z));
    }
    return adopt(Tag::BigInt, detail::newBigIntCell(std::move(i)));
}

Value Value::fromRational(Rational r) {
    mpq_ptr q = r.backend().data();
    if (mpz_cmp_ui(mpq_denref(q), 1) == 0) {
        BigInt numerator;
        mpz_swap(numerator.backend().data(), mpq_numref(q));
        return fromBigInt(std::move(numerator));
    }
    if (mpz_fits_slong_p(mpq_numref(q)) && mpz_sizeinbase(mpq_denref(q), 2) <= 56) {
        return fromSmallRat(mpz_get_si(mpq_numref(q)), mpz_get_ui(mpq_denref(q)));
    }
    return adopt(Tag::BigRat, detail::newRatCell(std::move(r)));
}

Value Value::parseInt(std::string_view digits) {
    // 18 decimal digits always fit in an int64: the common case skips GMP.
    if (!digits.empty() && digits.size() <= 18) {
        int64_t n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') {
                throw std::invalid_argument("not an Int literal: " + std::string(digits));
            }
            n = n * 10 + (c - '0');
        }
        return fromInt(n);
    }
    BigInt n;
    if (digits.empty() || mpz_set_str(n.backend().data(), std::string(digits).c_str(), 10) != 0) {
        throw std::invalid_argument("not an Int literal: " + std::string(digits));
    }
    return fromBigInt(std::move(n));
}

Value Value::fromString(std::string_view utf8) {
    if (utf8.size() <= kInlineStringBytes) {
        unsigned char bytes[16] = {uint8_t(Tag::ShortString), uint8_t(utf8.size())};
        if (!utf8.empty()) {
            std::memcpy(bytes + 2, utf8.data(), utf8.size());
        }
        Value v;
        std::memcpy(&v.repr_.head, bytes, 8);
        std::memcpy(&v.repr_.bits, bytes + 8, 8);
        return v;
    }
    detail::StringCell* cell = detail::newStringCell(utf8.size(), utf8.size());
    std::memcpy(cell->bytes(), utf8.data(), utf8.size());
    return adopt(Tag::String, cell);
}

Value Value::data(const ConstructorInfo* c, std::span<Value> args) {
    assert(c->arity == args.size());
    if (args.empty()) {
        return constant(c);
    }
    detail::DataCell* cell = detail::newDataCell(c, uint32_t(args.size()));
    Value* out = cell->args();
    for (Value& a : args) {
        new (out++) Value(std::move(a));
    }
    return adopt(Tag::Data, cell);
}

// --- inspection -----------------------------------------------------------

BigInt Value::toBigInt() const {
    if (isSmallInt()) {
        return BigInt(smallInt());
    }
    return bigInt();
}

Rational Value::toRational() const {
    switch (tag()) {
    case Tag::Int:
        return Rational(smallInt());
    case Tag::BigInt:
        return Rational(bigInt());
    case Tag::SmallRat: {
        Rational r;
        mpq_ptr q = r.backend().data();
        mpz_set_si(mpq_numref(q), smallNumerator());
        mpz_set_ui(mpq_denref(q), smallDenominator()); // normalised already
        return r;
    }
    case Tag::BigRat:
        return bigRat();
    default:
        throw std::logic_error("toRational of a value that is not an Int or Rat");
    }
}

size_t Value::stringCodePoints() const noexcept {
    if (tag() == Tag::ShortString) {
        return utf8::countCodePoints(stringView());
    }
    const auto* cell = static_cast<const detail::StringCell*>(repr_.cell);
    if (cell->codePoints < 0) {
        cell->codePoints = int64_t(utf8::countCodePoints(stringView()));
    }
    return size_t(cell->codePoints);
}

// --- destruction ----------------------------------------------------------

namespace {

// Cells whose count reached zero while another cell was being freed. Plain
// data (no constructor), so the thread_local costs no guard on access.
struct PendingCell {
    uint8_t tag;
    RefCounted* cell;
};
struct PendingCells {
    PendingCell* items;
    size_t size;
    size_t capacity;
    bool draining;
    // The interpreter runs on its own thread: free the queue when that
    // thread ends (LeakSanitizer reports it otherwise).
    ~PendingCells() { std::free(items); }
};
thread_local PendingCells pending;

void pushPending(uint8_t tag, RefCounted* cell) noexcept {
    if (pending.size == pending.capacity) {
        size_t capacity = pending.capacity ? pending.capacity * 2 : 64;
        void* grown = std::realloc(pending.items, capacity * sizeof(PendingCell));
        if (!grown) {
            std::abort(); // out of memory while freeing: nothing sane is left
        }
        pending.items = static_cast<PendingCell*>(grown);
        pending.capacity = capacity;
    }
    pending.items[pending.size++] = PendingCell{tag, cell};
}

} // namespace

void Value::destroy(Tag tag, RefCounted* cell) noexcept {
    // Leaves hold no values: free at once.
    if (tag == Tag::BigInt || tag == Tag::BigRat || tag == Tag::String) {
        destroyNow(tag, cell);
        return;
    }
    // Freeing a node drops its arguments, which may free further nodes: a
    // long list would recurse once per element. Queue them instead, and let
    // the outermost call work through the queue.
    if (pending.draining) {
        pushPending(uint8_t(tag), cell);
        return;
    }
    pending.draining = true;
    destroyNow(tag, cell);
    while (pending.size > 0) {
        PendingCell next = pending.items[--pending.size];
        destroyNow(Tag(next.tag), next.cell);
    }
    pending.draining = false;
}

void Value::destroyNow(Tag tag, RefCounted* cell) noexcept {
    if (tag != Tag::Object && tag != Tag::Future) {
        --liveCells;
    }
    switch (tag) {
    case Tag::BigInt:
        delete static_cast<detail::BigIntCell*>(cell);
        break;
    case Tag::BigRat:
        delete static_cast<detail::RatCell*>(cell);
        break;
    case Tag::String: {
        auto* s = static_cast<detail::StringCell*>(cell);
        s->~StringCell();
        ::operator delete(s);
        break;
    }
    case Tag::Data: {
        auto* d = static_cast<detail::DataCell*>(cell);
        forgetSpineCell(d);
        Value* args = d->args();
        uint32_t arity = d->arity;
        for (uint32_t i = 0; i < arity; ++i) {
            args[i].~Value();
        }
        d->~DataCell();
        poolFree(d, sizeof(detail::DataCell) + arity * sizeof(Value));
        break;
    }
    case Tag::Object:
    case Tag::Future:
        delete static_cast<HeapEntity*>(cell);
        break;
    default:
        assert(false && "destroy of an inline value");
    }
}

} // namespace absim::interp
