#include "interpreter/compare.h"

#include "interpreter/inline_stack.h"
#include "interpreter/numbers.h"
#include "interpreter/small_rat.h"

namespace absim::interp {

namespace {

int signOf(int c) {
    return (c > 0) - (c < 0);
}

template <typename T> int threeWay(T x, T y) {
    return (x > y) - (x < y);
}

struct Pending {
    const Value* a;
    const Value* b;
};
using Work = InlineStack<Pending, 32>;

bool sameEntityKind(const Value& a, const Value& b) {
    return (a.isObject() && b.isObject()) || (a.isFuture() && b.isFuture());
}

// Any two values that are not both data values.
int compareLeaves(const Value& a, const Value& b) {
    if ((a.isExactNumber() && b.isExactNumber()) || (a.isFloat() && b.isFloat())) {
        return compareNumbers(a, b);
    }
    if (a.isString() && b.isString()) {
        // char_traits<char> compares as unsigned char: UTF-8 byte order,
        // which is code point order.
        return signOf(a.stringView().compare(b.stringView()));
    }
    if (sameEntityKind(a, b)) {
        return threeWay(a.entity()->seq(), b.entity()->seq());
    }
    // Null against an object or future (null is smallest), or kinds a
    // well-typed program never compares: order by kind to stay total.
    return threeWay(int(a.kind()), int(b.kind()));
}

bool equalLeaves(const Value& a, const Value& b) {
    if (a.isExactNumber() && b.isExactNumber()) {
        // Int vs Rat is never equal (Rats are never integral), but the
        // comparison says so just as well. Both inline: normalised words.
        if (a.isSmallExact() && b.isSmallExact()) {
            return a.smallExactEquals(b);
        }
        return compareNumbers(a, b) == 0;
    }
    if (a.isFloat() && b.isFloat()) {
        return a.floatValue() == b.floatValue();
    }
    if (a.isString() && b.isString()) {
        return a.stringView() == b.stringView();
    }
    if (sameEntityKind(a, b)) {
        return a.entity() == b.entity();
    }
    return a.isNull() && b.isNull();
}

// Constructors order by unqualified name (language.md §4.3); same-named
// constructors of different modules fall back to the qualified name.
int compareConstructors(const ConstructorInfo* x, const ConstructorInfo* y) {
    if (x == y) {
        return 0;
    }
    if (int c = x->name.compare(y->name)) {
        return signOf(c);
    }
    return signOf(x->qualifiedName.compare(y->qualifiedName));
}

// Pairs still to compare wait on the stack; the first argument pair is
// taken at once and the later ones pushed, so walking a list keeps at most
// one entry (its tail) waiting.
[[gnu::noinline]] int compareStructured(const Value& a, const Value& b) {
    Work work;
    const Value* x = &a;
    const Value* y = &b;
    for (;;) {
        if (x->isData() && y->isData()) {
            if (!x->sharesCellWith(*y)) {
                if (int c = compareConstructors(x->constructor(), y->constructor())) {
                    return c;
                }
                if (uint32_t n = x->arity()) {
                    for (uint32_t i = n - 1; i > 0; --i) {
                        work.push({&x->arg(i), &y->arg(i)});
                    }
                    const Value* nx = &x->arg(0);
                    y = &y->arg(0);
                    x = nx;
                    continue;
                }
            }
        } else if (int c = compareLeaves(*x, *y)) {
            return c;
        }
        if (work.empty()) {
            return 0;
        }
        Pending next = work.pop();
        x = next.a;
        y = next.b;
    }
}

} // namespace

// Times (the clock, wake-up times) are often inline Rats. Kept out of
// compare() itself: inlined there it costs every caller code size. The walk
// over data values is a function of its own, so this path saves no
// registers and sets up no stack.
int detail::compareSlow(const Value& a, const Value& b) {
    if (a.isSmallExact() && b.isSmallExact()) [[likely]] {
        return smallrat::compare(a, b);
    }
    return compareStructured(a, b);
}

bool detail::equalsSlow(const Value& a, const Value& b) {
    if (a.isSmallExact() && b.isSmallExact()) {
        return a.smallExactEquals(b);
    }
    Work work;
    const Value* x = &a;
    const Value* y = &b;
    for (;;) {
        if (x->isData() && y->isData()) {
            if (!x->sharesCellWith(*y)) {
                if (x->constructor() != y->constructor()) {
                    return false;
                }
                if (uint32_t n = x->arity()) {
                    for (uint32_t i = n - 1; i > 0; --i) {
                        work.push({&x->arg(i), &y->arg(i)});
                    }
                    const Value* nx = &x->arg(0);
                    y = &y->arg(0);
                    x = nx;
                    continue;
                }
            }
        } else if (!equalLeaves(*x, *y)) {
            return false;
        }
        if (work.empty()) {
            return true;
        }
        Pending next = work.pop();
        x = next.a;
        y = next.b;
    }
}

} // namespace absim::interp
