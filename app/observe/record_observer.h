#pragma once
// Fills a report::RunRecord from the interpreter's observer hooks while the
// model runs: the DCs and their interval history, billing, the model's
// metrics, and at the end the final time and the run's counters. The
// record is then rendered by --dc-log, --plot and --report.

#include "app/report/run_record.h"
#include "interpreter/run/run_observer.h"

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace absim::observe {

class RecordObserver : public interp::RunObserver {
  public:
    explicit RecordObserver(report::RunRecord& record) : record_(record) {}

    void dcCreated(uint32_t dc, std::string_view name, const interp::Value& time,
                   bool fromCloudProvider) override;
    void dcIntervalsClosed(uint32_t dc, int resource, int64_t first, int64_t count,
                           const interp::Value* total, const interp::Value& consumed) override;
    void dcShutdown(uint32_t dc, const interp::Value& time) override;
    void dcCost(uint32_t dc, const interp::Value& time, const interp::Value& cost) override;
    void metricSample(std::string_view name, const interp::Value& time,
                      const interp::Value& value) override;
    void counterAdded(std::string_view name, const interp::Value& time,
                      const interp::Value& by) override;
    void finished(const interp::Value& now, const interp::RunStats& stats) override;

    // Per-interval DC history is the bulk of a record (DCs x resources x
    // intervals); `--stats` alone needs none of it.
    void keepHistory(bool keep) { keepHistory_ = keep; }

    // Whether the run got as far as its end (normal, clock limit or error).
    bool ran() const { return ran_; }
    const interp::RunStats& stats() const { return stats_; }

  private:
    report::DcRecord* dc(uint32_t id) { return id < dcs_.size() ? dcs_[id] : nullptr; }

    // The newest run of one DC's resource, still in interpreter numbers: a
    // busy machine closes its intervals one by one, and most say what the
    // one before said (a saturated server, a steady load), so they only
    // lengthen the run. It goes into the record, as report numbers, when a
    // different interval comes or the run ends.
    struct OpenRun {
        interp::Value total; // null: unlimited
        interp::Value consumed;
        int64_t count = 0;
    };
    void settle(uint32_t id, int resource);

    // Transparent hashing, so a counter is found by the model's string_view
    // without building a std::string per increment.
    struct NameHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    report::RunRecord& record_;
    bool keepHistory_ = true;
    std::vector<report::DcRecord*> dcs_;                               // by the runtime's DC id
    std::vector<std::array<OpenRun, report::kResources.size()>> open_; // by DC id
    std::vector<interp::Value> costs_;                                 // per DC id, exact
    interp::Value totalCost_;
    // Counters add exactly in interpreter numbers (cheap for the common
    // countUp) and go into the record, in first-use order, at the end.
    std::vector<std::pair<std::string, interp::Value>> counters_;
    std::unordered_map<std::string, size_t, NameHash, std::equal_to<>> counterIndex_;
    interp::RunStats stats_;
    bool ran_ = false;
};

} // namespace absim::observe
