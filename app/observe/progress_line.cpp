#include "app/observe/progress_line.h"

#include "interpreter/number_builtins.h"

#include <fmt/format.h>

namespace absim::observe {

namespace {

constexpr auto kFirstAfter = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

// 1234567 -> "1.23M": the line has to stay short and readable at a glance.
std::string compact(double v) {
    if (v >= 1e9)
        return fmt::format("{:.2f}G", v / 1e9);
    if (v >= 1e6)
        return fmt::format("{:.2f}M", v / 1e6);
    if (v >= 1e4)
        return fmt::format("{:.1f}k", v / 1e3);
    return fmt::format("{:.0f}", v);
}

double seconds(ProgressLine::Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

std::string ProgressLine::text(double now, std::optional<uint64_t> clockLimit,
                               double eventsPerSecond, const interp::RunStats& stats) {
    std::string line = fmt::format("time {:g}", now);
    if (clockLimit && *clockLimit > 0)
        line += fmt::format(" / {} ({:.0f}%)", *clockLimit, 100.0 * now / double(*clockLimit));
    line += fmt::format(" | {} events/s | {} processes | {} machines", compact(eventsPerSecond),
                        compact(double(stats.liveProcesses)), stats.liveDeploymentComponents);
    return line;
}

void ProgressLine::progress(const interp::Value& now, const interp::RunStats& stats) {
    progressAt(Clock::now(), now, stats);
}

void ProgressLine::progressAt(Clock::time_point t, const interp::Value& now,
                              const interp::RunStats& stats) {
    if (t - start_ < kFirstAfter || (shown_ && t - lastDraw_ < kRedrawEvery))
        return;
    double elapsed = seconds(t - lastDraw_);
    double rate = elapsed > 0 ? double(stats.steps - stepsAtLastDraw_) / elapsed : 0;
    lastDraw_ = t;
    stepsAtLastDraw_ = stats.steps;
    double time = now.isFloat() ? now.floatValue() : interp::toFloat(now).floatValue();
    // Carriage return, the line, erase to the end of the row: redraws in place.
    std::string out = "\r" + text(time, clockLimit_, rate, stats) + "\x1b[K";
    std::fputs(out.c_str(), terminal_);
    std::fflush(terminal_);
    shown_ = true;
}

void ProgressLine::finished(const interp::Value&, const interp::RunStats&) {
    if (!shown_)
        return;
    std::fputs("\r\x1b[K", terminal_);
    std::fflush(terminal_);
    shown_ = false;
}

} // namespace absim::observe
