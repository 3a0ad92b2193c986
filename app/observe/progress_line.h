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
    // Erases the line if it is shown (before something else is written to
    // the terminal); it comes back at the next redraw.
    void erase();

  private:
    std::FILE* terminal_;
    std::optional<uint64_t> clockLimit_;
    Clock::time_point start_;
    Clock::time_point lastDraw_;
    uint64_t stepsAtLastDraw_ = 0;
    bool shown_ = false;
};

// While it lives, what the run writes to stdout (if a terminal) and stderr
// goes through wrappers that erase the progress line first, so a model's
// output or an error message never lands in the middle of the line. The
// interpreter writes through `stdout`/`stderr` (in large blocks), so the
// wrappers replace those two streams and put them back at the end.
class EraseBeforeWrites {
  public:
    explicit EraseBeforeWrites(ProgressLine& line);
    ~EraseBeforeWrites();
    EraseBeforeWrites(const EraseBeforeWrites&) = delete;
    EraseBeforeWrites& operator=(const EraseBeforeWrites&) = delete;

    struct Wrapped {
        ProgressLine* line;
        std::FILE* real;
    };

  private:
    Wrapped out_;
    Wrapped err_;
    std::FILE* wrappedOut_ = nullptr;
    std::FILE* wrappedErr_ = nullptr;
};

} // namespace absim::observe
