#pragma once
// The native resource state of one deployment component (runtime.md §6.1,
// §6.3, §6.6), reached from ABS through the `dc...` builtins of ABS.DC and
// from `[Cost:]`/`[DataSize:]` statements.
//
// Intervals are closed lazily: a component nobody is waiting on catches up
// with the clock only when it is next used, shut down, or the run ends, so
// idle components cost nothing per time advance, with or without a run
// observer (which hears of an idle stretch in one call). Runs of identical
// closed intervals share one history entry.

#include "interpreter/runtime/process_ref.h"
#include "interpreter/value.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace absim::interp {

struct DcState {
    enum Resource { Speed, Bandwidth, Memory, Count };

    // `count` consecutive closed intervals with the same consumption and
    // total (total null: unlimited, so nothing goes to totalhistory).
    struct HistoryRun {
        Value consumed;
        Value total;
        int64_t count = 0;
    };

    // A [Cost:]/[DataSize:] request that did not fit: what is still owed.
    struct Request {
        ProcessRef process;
        Value remaining;
    };

    uint32_t id = 0;          // creation order; the initial DC is 0
    bool initialised = false; // dcInit has run (the config is in)
    std::string name;
    // Per consumable resource: the totals (null = unlimited, else the
    // number), and what the open interval has consumed.
    Value total[Count];
    Value next[Count];
    Value consumed[Count];
    int64_t interval = 0;                   // the open interval: [interval, interval + 1)
    std::vector<HistoryRun> history[Count]; // oldest first
    std::deque<Request> queue[Count];       // strict FIFO per resource
    bool starved = false;                   // on Runtime's list of components with a queue
    // Billing (§6.5 getAccumulatedCost), only followed for a run observer.
    Value creationTime;
    int64_t paymentInterval = 1;
    Value costPerInterval;
    bool shutdown = false;
    bool billingEnded = false;

    bool hasQueue() const { return !queue[Speed].empty() || !queue[Bandwidth].empty(); }
};

} // namespace absim::interp
