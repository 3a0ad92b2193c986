// The time-waiter heaps (interpreter/runtime/time_waiters.h) against a
// plain reference model of runtime.md §5.2: the clock advances to the
// earliest maximum bound of a live waiter, and every live waiter whose
// minimum is reached wakes, in the order of the waits. Times mix every form
// a time can take (Ints, inline Rats, heap Rats, big Ints) and are often
// equal, so ties between equal times in different forms of entry and keys
// that are equal for different times are both exercised.

#include "interpreter/compare.h"
#include "interpreter/format.h"
#include "interpreter/numbers.h"
#include "interpreter/runtime/time_waiters.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

using namespace absim::interp;

namespace {

Value ratio(int64_t num, int64_t den) {
    return divide(Value::fromInt(num), Value::fromInt(den));
}

// A duration of one of the forms a model can produce, often equal to one
// drawn before.
Value randomDuration(std::mt19937_64& rng) {
    // 2^70: its quotients by odd numbers are heap Rats.
    static const Value big =
        multiply(Value::fromInt(int64_t(1) << 35), Value::fromInt(int64_t(1) << 35));
    switch (rng() % 8) {
    case 0:
        return Value::fromInt(int64_t(rng() % 4)); // small Ints, many zeros
    case 1:
        return ratio(int64_t(rng() % 4000), 1000); // milliseconds
    case 2:
        return ratio(int64_t(rng() % 12), 3);
    case 3:
        return ratio(int64_t(rng() % 8), 8); // keys exact
    case 4: {
        // Distinct times whose keys are equal: 1/3, a heap Rat 2^-60
        // above it and an inline Rat about 2^-57 above it.
        const int64_t d = (int64_t(1) << 55) + 3;
        switch (rng() % 3) {
        case 0:
            return ratio(1, 3);
        case 1:
            return ratio((d + 1) / 3, d);
        default:
            return add(ratio(1, 3), ratio(1, int64_t(1) << 60));
        }
    }
    case 5:
        // A heap Rat, around 1 or beyond 2^60.
        return rng() % 2 ? divide(add(big, Value::fromInt(int64_t(rng() % 3))), big)
                         : divide(big, Value::fromInt(int64_t(3 + 2 * (rng() % 2))));
    case 6:
        return add(big, Value::fromInt(int64_t(rng() % 2))); // a big Int
    default:
        return ratio(int64_t(rng() % 2000), 997);
    }
}

struct Wait {
    Process* process;
    Value min, max;
    uint64_t order;
    bool live;
};

// The shape of a random run.
struct RunShape {
    int rounds = 60;
    int maxAdds = 12;        // waits added before an advance: 0 to maxAdds - 1
    uint64_t orderLimit = 0; // 0: the waiters' own; small: they renumber often
};

// One random run: waits are added at the clock plus random durations
// (some with a range, some killed before they wake), and every advance is
// checked against the reference.
void checkRun(uint64_t seed, RunShape shape = {}) {
    std::mt19937_64 rng(seed);
    std::vector<std::unique_ptr<Process>> processes;
    std::vector<Wait> waits;
    std::unique_ptr<TimeWaiters> owned = shape.orderLimit
                                             ? std::make_unique<TimeWaiters>(shape.orderLimit)
                                             : std::make_unique<TimeWaiters>();
    TimeWaiters& waiters = *owned;
    Value clock = Value::fromInt(0);
    uint64_t order = 0;
    size_t advances = 0;
    for (int round = 0; round < shape.rounds; ++round) {
        int adds = int(rng() % uint64_t(shape.maxAdds));
        for (int i = 0; i < adds; ++i) {
            // A process is waited for once at a time.
            Process* p = nullptr;
            for (auto& q : processes)
                if (q->timeToken == 0 && rng() % 3 == 0) {
                    p = q.get();
                    break;
                }
            if (!p) {
                processes.push_back(std::make_unique<Process>());
                p = processes.back().get();
                p->refs = 1; // the test's own: the waiters never free it
                p->id = processes.size();
            }
            Value lo = add(clock, randomDuration(rng));
            ++order;
            if (rng() % 3 == 0) {
                Value hi = add(clock, randomDuration(rng));
                waiters.add(p, lo, hi);
                // A maximum below the minimum is both bounds (runtime.md §5.3).
                waits.push_back(Wait{p, compare(hi, lo) < 0 ? hi : lo, hi, order, true});
            } else {
                waiters.add(p, lo);
                waits.push_back(Wait{p, lo, lo, order, true});
            }
            if (shape.orderLimit)
                CHECK(p->timeToken < shape.orderLimit); // renumbered in time
        }
        // Kill a waiter now and then: its entries go stale.
        if (rng() % 4 == 0) {
            for (Wait& w : waits)
                if (w.live && rng() % 5 == 0) {
                    w.live = false;
                    w.process->timeToken = 0;
                    break;
                }
        }
        // Whether every wait ends after a time (Runtime::advanceAlone):
        // exactly when no live wait is ranged and every live maximum has a
        // larger key; frontAfter, its quick test, never says no then.
        {
            Value probe = add(clock, randomDuration(rng));
            double key = TimeWaiters::keyOf(probe);
            bool expected = true;
            for (const Wait& w : waits)
                if (w.live && (compare(w.min, w.max) < 0 || !(TimeWaiters::keyOf(w.max) > key)))
                    expected = false;
            bool quick = waiters.frontAfter(key);
            CHECK(waiters.allAfter(key) == expected);
            CHECK((quick || !expected));
        }
        // One advance, as Runtime::advanceTime does it: half of them by the
        // one-pass path when it applies (no live ranged wait, an inline
        // earliest time), the others by the general one.
        const Wait* earliest = nullptr;
        bool ranged = false;
        for (const Wait& w : waits)
            if (w.live) {
                if (!earliest || compare(w.max, earliest->max) < 0)
                    earliest = &w;
                ranged = ranged || compare(w.min, w.max) < 0;
            }
        Value t;
        int64_t num;
        uint64_t den;
        bool inlinePath = rng() % 2 == 0;
        if (inlinePath) {
            inlinePath = waiters.earliestInline(num, den);
            if (inlinePath) {
                CHECK(!ranged);
                t = den == 1 ? Value::fromInt(num) : Value::fromSmallRat(num, den);
            } else {
                CHECK((!earliest || ranged || !earliest->max.isSmallExact()));
            }
        }
        bool any = inlinePath || waiters.earliest(t);
        REQUIRE(any == (earliest != nullptr));
        if (!any)
            continue;
        REQUIRE(compare(t, earliest->max) == 0);
        CHECK(compare(t, clock) >= 0);
        clock = t;
        std::vector<uint64_t> expected;
        for (Wait& w : waits)
            if (w.live && compare(w.min, clock) <= 0) {
                expected.push_back(w.order);
                w.live = false;
            }
        std::vector<uint64_t> woken;
        auto wake = [&](Process* p) {
            // Its wait is the live one it had (the token was cleared).
            CHECK(p->timeToken == 0);
            CHECK(p->refs >= 2);
            auto it = std::find_if(waits.begin(), waits.end(), [&](const Wait& w) {
                return w.process == p &&
                       std::find(expected.begin(), expected.end(), w.order) != expected.end();
            });
            REQUIRE(it != waits.end());
            woken.push_back(it->order);
        };
        if (inlinePath)
            waiters.wakeEarliest(clock, wake);
        else
            waiters.wakeDue(clock, wake);
        CHECK(!expected.empty());
        if (woken != expected)
            MESSAGE("seed " << seed << " at " << toString(clock));
        CHECK(woken == expected);
        ++advances;
    }
    CHECK(advances > size_t(shape.rounds / 3));
    if (shape.orderLimit)
        CHECK(waiters.renumbers() >= 2);
    waiters.clear();
    for (auto& p : processes)
        CHECK(p->refs == 1); // every reference the waiters took is back
}

} // namespace

TEST_CASE("time_waiters_test_times_with_equal_keys") {
    // The premise of randomDuration's case 4.
    const int64_t d = (int64_t(1) << 55) + 3;
    Value a = ratio(1, 3), b = ratio((d + 1) / 3, d),
          c = add(ratio(1, 3), ratio(1, int64_t(1) << 60));
    CHECK(b.isSmallRat());
    CHECK(c.isBigRat());
    CHECK(compare(a, c) < 0);
    CHECK(compare(c, b) < 0);
    CHECK(timeKeySlow(a) == timeKeySlow(b));
    CHECK(timeKeySlow(a) == timeKeySlow(c));
}

TEST_CASE("time_waiters_wake_in_time_then_wait_order") {
    for (uint64_t seed = 1; seed <= 300; ++seed)
        checkRun(seed);
}

TEST_CASE("time_waiters_many_waiters_at_equal_and_near_times") {
    // Hundreds of waits before each advance: heaps thousands deep, so every
    // level of a sift meets equal keys of equal times, of distinct times,
    // and the end of the heap.
    for (uint64_t seed = 1; seed <= 6; ++seed)
        checkRun(seed, RunShape{40, 600, 0});
}

TEST_CASE("time_waiters_renumber_waits_without_changing_their_order") {
    // Wait numbers run out every few dozen waits: renumbering keeps the
    // order of equal times, live and stale entries apart, and ranged waits'
    // two entries together.
    for (uint64_t seed = 1; seed <= 60; ++seed)
        checkRun(seed, RunShape{400, 4, 250});
}

TEST_CASE("time_waiters_order_equal_times_by_their_waits") {
    // Twenty waits at the same three times, added in a scrambled order of
    // times: each advance wakes one time's waiters in the order they waited.
    std::vector<std::unique_ptr<Process>> processes;
    TimeWaiters waiters;
    const Value times[] = {ratio(7, 1000), Value::fromInt(1), ratio(1, 3)};
    std::vector<std::vector<Process*>> at(3);
    for (int i = 0; i < 20; ++i) {
        processes.push_back(std::make_unique<Process>());
        Process* p = processes.back().get();
        p->refs = 1;
        int k = (i * 7) % 3;
        waiters.add(p, times[k]);
        at[k].push_back(p);
    }
    // 7/1000 < 1/3 < 1.
    for (int k : {0, 2, 1}) {
        Value t;
        REQUIRE(waiters.earliest(t));
        CHECK(compare(t, times[k]) == 0);
        std::vector<Process*> woken;
        waiters.wakeDue(t, [&](Process* p) { woken.push_back(p); });
        CHECK(woken == at[k]);
    }
    Value t;
    CHECK(!waiters.earliest(t));
    for (auto& p : processes)
        CHECK(p->refs == 1);
}

TEST_CASE("time_waiters_order_times_beyond_doubles") {
    // Times above the largest double all get an infinite key, as the
    // padding past a heap's end has: only the exact order may decide.
    Value huge = Value::fromInt(1);
    for (int i = 0; i < 19; ++i)
        huge = multiply(huge, Value::fromInt(int64_t(1) << 60)); // 2^1140
    REQUIRE(std::isinf(timeKeySlow(huge)));
    const int offsets[] = {3, 1, 2, 1, 0, 5, 4, 0, 2, 9, 7, 6, 8, 3};
    std::vector<std::unique_ptr<Process>> processes;
    std::vector<std::pair<int, Process*>> expected; // by time, then wait
    TimeWaiters waiters;
    for (int k : offsets) {
        processes.push_back(std::make_unique<Process>());
        Process* p = processes.back().get();
        p->refs = 1;
        waiters.add(p, add(huge, Value::fromInt(k)));
        expected.emplace_back(k, p);
    }
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Process*> woken;
    Value t;
    while (waiters.earliest(t)) {
        waiters.wakeDue(t, [&](Process* p) { woken.push_back(p); });
    }
    REQUIRE(woken.size() == expected.size());
    for (size_t i = 0; i < woken.size(); ++i)
        CHECK(woken[i] == expected[i].second);
    for (auto& p : processes)
        CHECK(p->refs == 1);
}
