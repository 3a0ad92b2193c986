#pragma once
// What a run leaves behind for its outputs (--dc-log, --plot, --report):
// plain data that the interpreter fills during or at the end of a run.
// Nothing here knows about files, the interpreter or the command line, so
// the outputs can be tested on hand-built records and the interpreter can
// fill a record without knowing which outputs were asked for.

#include <array>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace absim::report {

// A rational from the interpreter. `value` is for drawing and statistics;
// `exact` is the text files carry, because a user comparing "5/2" with
// 2.4999999 should not have to wonder which one the simulator meant.
struct Number {
    double value = 0;
    std::string exact = "0"; // as ABS's toString prints a Rat: "4", "5/2", "-1/3"

    static Number integer(long long v);
    // p/q in lowest terms (q != 0), e.g. ratio(10, 4) is 5/2.
    static Number ratio(long long p, long long q);
    // From the exact text alone ("7", "-5/2"); nullopt if it is not one.
    static std::optional<Number> parse(std::string_view exact);
};

// The exact sum (the double sum if the texts do not parse).
Number add(const Number& a, const Number& b);

// The consumable resources of a deployment component (runtime spec §6.1),
// in the order the runtime refreshes them.
enum class Resource { Speed, Bandwidth, Memory };
inline constexpr std::array<Resource, 3> kResources = {Resource::Speed, Resource::Bandwidth,
                                                       Resource::Memory};
const char* resourceName(Resource r);

// One closed interval k (simulated time k up to k+1) of one resource.
struct IntervalUsage {
    std::optional<Number> total; // the capacity in that interval; nullopt: infinite (InfRat)
    Number consumed;
};

// `count` consecutive closed intervals with the same capacity and
// consumption. A day of an idle or steadily loaded machine is one entry, so
// a record grows with what changed, not with the length of the run.
struct IntervalRun {
    IntervalUsage usage;
    long long count = 1;
};

// One deployment component and its history (runtime spec §6.6).
struct DcRecord {
    std::string name; // its description, e.g. "Initial DC", "cloud-sms-3"
    Number created;
    std::optional<Number> shutdown; // when shutdown() was first called
    bool fromCloudProvider = false;
    // The interval that history[r][0] covers: floor(created), because the
    // runtime closes every DC's intervals from the one it was created in,
    // so a DC created at 5/2 first closes interval 2.
    long long firstInterval = 0;
    // getAccumulatedCost() at the end of the run (frozen by the provider
    // once shut down, §7); 0 for a DC that is not billed.
    Number cost;
    // Per resource (indexed by Resource), oldest interval first, in runs.
    std::array<std::vector<IntervalRun>, kResources.size()> history;

    std::vector<IntervalRun>& intervals(Resource r) { return history[static_cast<std::size_t>(r)]; }
    const std::vector<IntervalRun>& intervals(Resource r) const {
        return history[static_cast<std::size_t>(r)];
    }
    // How many intervals of `r` have closed (the runs' counts summed).
    long long intervalCount(Resource r) const;
    // Appends `count` intervals that just closed (what §6.3 step 1 pushes),
    // extending the last run when they say the same.
    void closeInterval(Resource r, std::optional<Number> total, Number consumed,
                       long long count = 1);
};

struct TimedValue {
    Number time;
    Number value;
};

struct MetricSeries {
    std::string name;
    std::vector<TimedValue> samples; // in recording order, i.e. time order
};

struct Counter {
    std::string name;
    Number value;
};

// The model's own measurements, recorded through the opt-in metrics module
// of the standard library. Series and counters appear in the order of their
// first use, which a deterministic run makes deterministic too.
class ModelMetrics {
  public:
    // Appends (time, value) to series `name`, creating it on first use.
    void recordSample(std::string_view name, Number time, Number value);
    // Adds `by` to counter `name`, which starts at 0 on first use.
    void incrementCounter(std::string_view name, const Number& by);

    const std::vector<MetricSeries>& series() const { return series_; }
    const std::vector<Counter>& counters() const { return counters_; }
    bool empty() const { return series_.empty() && counters_.empty(); }

  private:
    std::vector<MetricSeries> series_;
    std::vector<Counter> counters_;
    std::unordered_map<std::string, std::size_t> seriesIndex_;
    std::unordered_map<std::string, std::size_t> counterIndex_;
};

// Facts about the run, printed in the report's header and the JSON log so a
// result file says how to reproduce it.
struct RunFacts {
    std::string model;                  // the model file(s) as given
    std::vector<std::string> arguments; // the command line that ran it
    std::optional<unsigned long long> seed;
    std::optional<Number> clockLimit;
    Number finalTime;
    double wallSeconds = 0;
};

struct RunRecord {
    RunFacts facts;
    // In creation order, "Initial DC" first. A deque, so that the interpreter
    // can keep a pointer to each DC's record while it adds more.
    std::deque<DcRecord> dcs;
    // Accumulated billing cost of all cloud providers: from each point's time
    // on, the cost is its value. Points in time order; the interpreter adds
    // one whenever the sum changes (a DC completes a billing period, which
    // happens at creation time + n, not necessarily at integer times).
    std::vector<TimedValue> billing;
    ModelMetrics metrics;

    // A new DC with firstInterval = floor(created); the reference stays valid.
    DcRecord& addDc(std::string name, Number created, bool fromCloudProvider = false);
};

} // namespace absim::report
