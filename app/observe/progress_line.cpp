#include "app/observe/progress_line.h"

#include "interpreter/number_builtins.h"

#include <fmt/format.h>
#include <unistd.h>

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
    uint64_t machines = stats.liveDeploymentComponents;
    line += fmt::format(" | {} events/s | {} processes | {} machine{}", compact(eventsPerSecond),
                        compact(double(stats.liveProcesses)), machines, machines == 1 ? "" : "s");
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
    std::string out = fmt::format("\r{}\x1b[K", text(time, clockLimit_, rate, stats));
    std::fputs(out.c_str(), terminal_);
    std::fflush(terminal_);
    shown_ = true;
}

void ProgressLine::finished(const interp::Value&, const interp::RunStats&) {
    erase();
}

void ProgressLine::erase() {
    if (!shown_)
        return;
    std::fputs("\r\x1b[K", terminal_);
    std::fflush(terminal_);
    shown_ = false;
}

namespace {

ssize_t writeAfterErasing(void* cookie, const char* data, size_t size) {
    auto* w = static_cast<EraseBeforeWrites::Wrapped*>(cookie);
    w->line->erase();
    size_t written = std::fwrite(data, 1, size, w->real);
    std::fflush(w->real);
    return written == 0 && size > 0 ? -1 : ssize_t(written);
}

std::FILE* wrap(EraseBeforeWrites::Wrapped& w) {
    cookie_io_functions_t io{};
    io.write = writeAfterErasing;
    std::FILE* f = fopencookie(&w, "w", io);
    if (f)
        std::setvbuf(f, nullptr, _IONBF, 0); // keep the order of out and err
    return f;
}

} // namespace

EraseBeforeWrites::EraseBeforeWrites(ProgressLine& line)
    : out_{&line, stdout}, err_{&line, stderr} {
    std::fflush(stdout);
    std::fflush(stderr);
    if (isatty(fileno(stdout)) && (wrappedOut_ = wrap(out_)))
        stdout = wrappedOut_;
    if ((wrappedErr_ = wrap(err_)))
        stderr = wrappedErr_;
}

EraseBeforeWrites::~EraseBeforeWrites() {
    if (wrappedOut_) {
        std::fflush(wrappedOut_);
        stdout = out_.real;
        std::fclose(wrappedOut_);
    }
    if (wrappedErr_) {
        std::fflush(wrappedErr_);
        stderr = err_.real;
        std::fclose(wrappedErr_);
    }
}

} // namespace absim::observe
