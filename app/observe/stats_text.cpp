#include "app/observe/stats_text.h"

#include <fmt/format.h>
#include <sys/resource.h>

namespace absim::observe {

std::string statsText(const RunCosts& costs, const interp::RunStats& stats) {
    std::string out;
    auto line = [&](std::string_view name, const std::string& value) {
        out += fmt::format("{:<24}{}\n", fmt::format("{}:", name), value);
    };
    line("wall time", fmt::format("{:.3f} s", costs.wallSeconds));
    line("simulated time", costs.simulatedTime);
    line("processes created", std::to_string(stats.processesCreated));
    line("method calls", std::to_string(stats.calls));
    line("steps", std::to_string(stats.steps));
    line("time advances", std::to_string(stats.timeAdvances));
    line("peak live processes", std::to_string(stats.peakLiveProcesses));
    line("deployment components", std::to_string(stats.deploymentComponents));
    line("peak memory", costs.peakMemoryKiB > 0
                            ? fmt::format("{:.1f} MiB", double(costs.peakMemoryKiB) / 1024)
                            : std::string("unknown"));
    return out;
}

long long peakMemoryKiB() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return usage.ru_maxrss; // KiB on Linux
}

} // namespace absim::observe
