#pragma once
// What a run tells the outside world while it happens: deployment
// components and their per-interval history (runtime.md §6.6), billing
// (§7), the model's own metrics (the opt-in ABS.Metrics module), and
// periodic progress. The interpreter calls these hooks; the command line
// turns them into --dc-log, --plot, --report, --stats and the progress line.
//
// The hooks are rare events (a DC created, or used again after a while, a
// billing period), never per statement or per time advance, so a virtual
// call is fine here; a run without an observer pays one null check per
// event.

#include "interpreter/value.h"

#include <cstdint>
#include <string_view>

namespace absim::interp {

// Counters kept by every run (cheap increments on the hot path).
struct RunStats {
    uint64_t processesCreated = 0;
    uint64_t calls = 0;        // asynchronous and synchronous method calls
    uint64_t steps = 0;        // process activations (events)
    uint64_t timeAdvances = 0; // times the clock moved
    uint64_t liveProcesses = 0;
    uint64_t peakLiveProcesses = 0;
    uint64_t deploymentComponents = 0; // created so far, the initial DC included
    uint64_t liveDeploymentComponents = 0;
};

class RunObserver {
  public:
    virtual ~RunObserver() = default;

    // A deployment component exists from `time` on: the initial DC at time 0
    // (id 0), then every `new DeploymentComponent(...)` and every machine a
    // CloudProvider launches (`fromCloudProvider`). Ids count up from 0 in
    // creation order.
    virtual void dcCreated(uint32_t dc, std::string_view name, const Value& time,
                           bool fromCloudProvider) {
        (void)dc, (void)name, (void)time, (void)fromCloudProvider;
    }

    // Intervals `first` .. `first + count - 1` (interval k is simulated time
    // k up to k+1) of resource `resource` (0 Speed, 1 Bandwidth, 2 Memory,
    // as DcState::Resource) of `dc` have closed, each with capacity `total`
    // (null when unlimited) and consumption `consumed`. Components close
    // their intervals lazily (dc_state.h): a DC's intervals are told in
    // order, when it is next used, shut down, or at the end of the run, and
    // a stretch in which nothing happened to it comes as one call, however
    // long. Nothing is told of a DC's intervals after its shutdown. At the
    // end of the run, the interval in progress comes too (count 1), if it
    // has begun or seen consumption.
    virtual void dcIntervalsClosed(uint32_t dc, int resource, int64_t first, int64_t count,
                                   const Value* total, const Value& consumed) {
        (void)dc, (void)resource, (void)first, (void)count, (void)total, (void)consumed;
    }

    // `shutdown()` was first called on `dc` at `time`.
    virtual void dcShutdown(uint32_t dc, const Value& time) { (void)dc, (void)time; }

    // The accumulated cost billed for `dc` (getAccumulatedCost) changed to
    // `cost` at `time`.
    virtual void dcCost(uint32_t dc, const Value& time, const Value& cost) {
        (void)dc, (void)time, (void)cost;
    }

    // ABS.Metrics: a sample of series `name`, or a counter increment.
    virtual void metricSample(std::string_view name, const Value& time, const Value& value) {
        (void)name, (void)time, (void)value;
    }
    virtual void counterAdded(std::string_view name, const Value& time, const Value& by) {
        (void)name, (void)time, (void)by;
    }

    // Called every few thousand steps and after every time advance, so the
    // observer can draw a progress line when a wall-clock second has passed.
    virtual void progress(const Value& now, const RunStats& stats) { (void)now, (void)stats; }

    // The run is over (normally, by the clock limit, or by an error).
    virtual void finished(const Value& now, const RunStats& stats) { (void)now, (void)stats; }
};

} // namespace absim::interp
