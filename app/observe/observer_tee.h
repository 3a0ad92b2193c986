#pragma once
// One observer for the interpreter that tells several: the record for the
// output files and the progress line are independent of each other.

#include "interpreter/run/run_observer.h"

#include <vector>

namespace absim::observe {

class ObserverTee : public interp::RunObserver {
  public:
    void add(interp::RunObserver* o) { to_.push_back(o); }
    bool empty() const { return to_.empty(); }

    void dcCreated(uint32_t dc, std::string_view name, const interp::Value& time,
                   bool fromCloudProvider) override {
        for (auto* o : to_)
            o->dcCreated(dc, name, time, fromCloudProvider);
    }
    void dcIntervalsClosed(uint32_t dc, int resource, int64_t first, int64_t count,
                           const interp::Value* total, const interp::Value& consumed) override {
        for (auto* o : to_)
            o->dcIntervalsClosed(dc, resource, first, count, total, consumed);
    }
    void dcShutdown(uint32_t dc, const interp::Value& time) override {
        for (auto* o : to_)
            o->dcShutdown(dc, time);
    }
    void dcCost(uint32_t dc, const interp::Value& time, const interp::Value& cost) override {
        for (auto* o : to_)
            o->dcCost(dc, time, cost);
    }
    void metricSample(std::string_view name, const interp::Value& time,
                      const interp::Value& value) override {
        for (auto* o : to_)
            o->metricSample(name, time, value);
    }
    void counterAdded(std::string_view name, const interp::Value& time,
                      const interp::Value& by) override {
        for (auto* o : to_)
            o->counterAdded(name, time, by);
    }
    void progress(const interp::Value& now, const interp::RunStats& stats) override {
        for (auto* o : to_)
            o->progress(now, stats);
    }
    void finished(const interp::Value& now, const interp::RunStats& stats) override {
        for (auto* o : to_)
            o->finished(now, stats);
    }

  private:
    std::vector<interp::RunObserver*> to_;
};

} // namespace absim::observe
