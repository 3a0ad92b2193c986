#pragma once
// The live progress line of a long run on a terminal: simulated time
// against the clock limit, events (process steps) per second, live
// processes and machines (deployment components). It appears once the run
// has taken a wall-clock second, is redrawn at most four times a second
// and is erased at the end, so short runs and finished runs show nothing.
// The caller decides whether to use one at all (stderr a terminal, no
// --quiet).

#include "interpreter/run/run_observer.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace absim::observe {

class ProgressLine : public interp::RunObserver {
  public:
    using Clock = std::chrono::steady_clock;

    ProgressLine(std::FILE* terminal, std::optional<uint64_t> clockLimit,
                 Clock::time_point start = Clock::now())
        : terminal_(terminal), clockLimit_(clockLimit), start_(start), lastDraw_(start) {}

    void progress(const interp::Value& now, const interp::RunStats& stats) override;
    void finished(const interp::Value& now, const interp::RunStats& stats) override;

    // The text of the line (without terminal control), for tests.
    static std::string text(double now, std::optional<uint64_t> clockLimit, double eventsPerSecond,
                            const interp::RunStats& stats);
    // Draws at time `t` if a line is due then (public for tests).
    void progressAt(Clock::time_point t, const interp::Value& now, const interp::RunStats& stats);
    bool shown() const { return shown_; }

  private:
    std::FILE* terminal_;
    std::optional<uint64_t> clockLimit_;
    Clock::time_point start_;
    Clock::time_point lastDraw_;
    uint64_t stepsAtLastDraw_ = 0;
    bool shown_ = false;
};

} // namespace absim::observe
