// `absim sweep FILE... -D NAME=V1,V2,... [--seeds N|A..B] [-j N] [-o DIR]
// [--list | --task-index K] [-m M] [-l N] [--schedule S]`: runs a model
// once per combination of parameter values and seeds, each run its own
// `absim run` process (so runs share nothing and use every core), and
// writes each run's output and a summary table to DIR.
//
// The model is loaded and checked once, before any run starts, with every
// value checked against its parameter's type: a typo fails at once, not
// after a hundred runs. A run's files appear complete or not at all (they
// are written under a temporary name and renamed when the run ends), and
// the summary is written last, also after an interrupt.
#include "app/build_identity.h"
#include "app/commands.h"
#include "app/exit_status.h"
#include "app/report/atomic_write.h"
#include "app/sweep_plan.h"
#include "frontend/model/model.h"
#include "frontend/model/params.h"
#include "frontend/sema/checker.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

extern char** environ;

namespace absim::cli {

namespace {

volatile sig_atomic_t interrupted = 0;

void onInterrupt(int) {
    interrupted = 1;
}

struct SweepOptions {
    std::vector<std::string> files;
    std::vector<SweepAxis> axes;
    std::vector<SweepColumn> columns;
    std::vector<uint64_t> seeds{0};
    unsigned jobs = 0; // 0: one per processor
    std::string outDir = "sweep";
    bool list = false;
    std::optional<size_t> taskIndex; // 1-based
    std::optional<std::string> module;
    std::optional<std::string> clockLimit;
    std::optional<std::string> schedule;
    bool quiet = false;
};

// The arguments of `absim run` for one run (without the program name).
std::vector<std::string> runArguments(const SweepOptions& o, const SweepRun& r) {
    std::vector<std::string> a{"run"};
    a.insert(a.end(), o.files.begin(), o.files.end());
    if (o.module)
        a.insert(a.end(), {"--module", *o.module});
    if (o.clockLimit)
        a.insert(a.end(), {"--clock-limit", *o.clockLimit});
    if (o.schedule)
        a.insert(a.end(), {"--schedule", *o.schedule});
    a.insert(a.end(), {"--seed", std::to_string(r.seed)});
    for (size_t i = 0; i < o.axes.size(); ++i)
        a.insert(a.end(), {"-D", o.axes[i].name + "=" + r.values[i]});
    return a;
}

std::vector<char*> argv(const std::string& program, std::vector<std::string>& args) {
    std::vector<char*> v{const_cast<char*>(program.c_str())};
    for (std::string& s : args)
        v.push_back(s.data());
    v.push_back(nullptr);
    return v;
}

// This program's own file, to start the runs with the same absim.
std::string selfExecutable() {
    std::string path(4096, '\0');
    ssize_t n = readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (n <= 0)
        return "absim"; // then found on PATH by posix_spawnp
    path.resize(size_t(n));
    return path;
}

// Loads and checks the model once, each swept value checked against its
// parameter. Returns an exit status: kOk when the sweep can start.
int checkSweepModel(const SweepOptions& o, const GlobalOptions& options) {
    ParsedModel model;
    DiagnosticEngine diags(model.sources);
    LoadOptions load;
    load.parseCache = parseCacheOfThisBuild();
    LoadStatus status = loadModel(o.files, model, diags, load);
    bool colour = stderrColour(options);
    if (status == LoadStatus::UnreadableFile) {
        diags.flush(std::cerr, colour);
        return exit_status::kNoInput;
    }
    if (status == LoadStatus::Ok) {
        std::vector<ModelParam> params = findModelParams(model, o.module.value_or(""));
        for (const SweepAxis& axis : o.axes) {
            for (const std::string& value : axis.values) {
                std::string problem = applyParamOverrides(params, {{axis.name, value}});
                if (!problem.empty()) {
                    std::cerr << "absim sweep: " << problem
                              << "\nTry 'absim run FILE... --params'.\n";
                    return exit_status::kUsage;
                }
            }
        }
    }
    if (!diags.hasErrors()) {
        sema::CheckOptions checkOptions;
        checkOptions.checkStdlibBodies = false;
        sema::checkModel(model, diags, checkOptions);
    }
    diags.flush(std::cerr, colour);
    if (diags.hasErrors()) {
        if (!options.quiet)
            diags.printSummary(std::cerr, colour);
        return exit_status::kModelInvalid;
    }
    return exit_status::kOk;
}

// What became of one run.
struct RunOutcome {
    enum class State { NotRun, Running, Ended } state = State::NotRun;
    int exitStatus = 0; // when Ended: the exit status, or 128 + signal
};

std::string statusText(const RunOutcome& r) {
    switch (r.state) {
    case RunOutcome::State::NotRun:
        return "not run";
    case RunOutcome::State::Running:
        return "interrupted";
    case RunOutcome::State::Ended:
        break;
    }
    return std::to_string(r.exitStatus);
}

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string summaryCsv(const SweepOptions& o, const std::vector<SweepRun>& runs,
                       const std::vector<RunOutcome>& outcomes) {
    std::string csv = "run";
    for (const SweepAxis& a : o.axes)
        csv += "," + csvField(a.name);
    csv += ",seed,status";
    for (const SweepColumn& c : o.columns)
        csv += "," + csvField(c.name);
    csv += ",output,errors\n";
    for (size_t i = 0; i < runs.size(); ++i) {
        std::string name = runName(i + 1, runs.size());
        bool ended = outcomes[i].state == RunOutcome::State::Ended;
        csv += std::to_string(i + 1);
        for (const std::string& v : runs[i].values)
            csv += "," + csvField(v);
        csv += "," + std::to_string(runs[i].seed) + "," + csvField(statusText(outcomes[i]));
        if (!o.columns.empty()) {
            std::string output = ended ? readWhole(o.outDir + "/" + name + ".out") : "";
            for (const SweepColumn& c : o.columns)
                csv += "," + csvField(collected(c, output));
        }
        csv += "," + (ended ? name + ".out" : "") + "," + (ended ? name + ".err" : "") + "\n";
    }
    return csv;
}

// Runs every run, `jobs` at a time, each with its stdout and stderr in DIR.
// Returns false (after saying why) when DIR or a run's files cannot be
// written; outcomes say what ran.
bool runAll(const SweepOptions& o, const std::vector<SweepRun>& runs,
            std::vector<RunOutcome>& outcomes, bool showProgress) {
    std::string program = selfExecutable();
    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::map<pid_t, size_t> running;
    size_t next = 0, done = 0, failed = 0;
    auto path = [&](size_t i, const char* ext, bool partial) {
        return o.outDir + "/" + runName(i + 1, runs.size()) + ext + (partial ? ".partial" : "");
    };
    auto progress = [&] {
        if (showProgress)
            std::cerr << "\rabsim sweep: " << done << "/" << runs.size() << " runs done, "
                      << running.size() << " running, " << failed << " failed\033[K" << std::flush;
    };
    bool ok = true;
    bool stopping = false;
    while ((next < runs.size() && !interrupted && ok) || !running.empty()) {
        while (next < runs.size() && running.size() < jobs && !interrupted && ok) {
            size_t i = next++;
            int out = open(path(i, ".out", true).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int err = open(path(i, ".err", true).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out < 0 || err < 0) {
                std::cerr << "absim sweep: cannot write in '" << o.outDir
                          << "': " << std::strerror(errno) << "\n";
                if (out >= 0)
                    close(out);
                if (err >= 0)
                    close(err);
                ok = false;
                break;
            }
            posix_spawn_file_actions_t actions;
            posix_spawn_file_actions_init(&actions);
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
            posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
            posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
            std::vector<std::string> args = runArguments(o, runs[i]);
            std::vector<char*> v = argv(program, args);
            pid_t pid = 0;
            int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, v.data(), environ);
            posix_spawn_file_actions_destroy(&actions);
            close(out);
            close(err);
            if (spawned != 0) {
                std::remove(path(i, ".out", true).c_str());
                std::remove(path(i, ".err", true).c_str());
                std::cerr << "absim sweep: cannot start a run: " << std::strerror(spawned) << "\n";
                ok = false;
                break;
            }
            running[pid] = i;
            outcomes[i].state = RunOutcome::State::Running;
            progress();
        }
        if (running.empty())
            break;
        if (interrupted && !stopping) {
            // The runs still going are stopped too (a Ctrl-C on a terminal
            // reaches them anyway; a signal sent to absim alone does not).
            for (auto& [child, run] : running)
                kill(child, SIGINT);
            stopping = true;
        }
        int status = 0;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        auto it = running.find(pid);
        if (it == running.end())
            continue;
        size_t i = it->second;
        running.erase(it);
        RunOutcome& r = outcomes[i];
        r.state = RunOutcome::State::Ended;
        r.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::rename(path(i, ".out", true).c_str(), path(i, ".out", false).c_str());
        std::rename(path(i, ".err", true).c_str(), path(i, ".err", false).c_str());
        ++done;
        if (r.exitStatus != 0)
            ++failed;
        progress();
    }
    if (showProgress)
        std::cerr << "\r\033[K" << std::flush;
    return ok;
}

} // namespace

int sweepCommand(CommandLine& args, const GlobalOptions& options) {
    SweepOptions o;
    o.quiet = options.quiet;
    while (!args.done()) {
        if (args.flag("--help", "-h")) {
            printCommandHelp("sweep");
            return exit_status::kOk;
        }
        if (std::string name, values; args.define(name, values, "VALUES")) {
            if (!args.failed()) {
                if (std::string problem = addSweepValues(o.axes, name, values); !problem.empty())
                    args.fail(problem);
            }
            continue;
        }
        if (auto column = args.option("--collect")) {
            if (std::string problem = addSweepColumn(o.columns, *column); !problem.empty())
                args.fail(problem);
            continue;
        }
        if (auto seeds = args.option("--seeds")) {
            if (auto parsed = parseSeeds(*seeds))
                o.seeds = *parsed;
            else
                args.fail("--seeds takes a count N (seeds 0 to N-1) or a range A..B, not '" +
                          *seeds + "'");
            continue;
        }
        if (auto jobs = args.option("--jobs", "-j")) {
            auto n = parseCount(*jobs);
            if (!n || *n == 0 || *n > 1024)
                args.fail("--jobs takes a number of runs at a time (1 to 1024), not '" + *jobs +
                          "'");
            else
                o.jobs = unsigned(*n);
            continue;
        }
        if (auto dir = args.option("--out", "-o")) {
            o.outDir = *dir;
            continue;
        }
        if (args.flag("--list")) {
            o.list = true;
            continue;
        }
        if (auto index = args.option("--task-index")) {
            auto n = parseCount(*index);
            if (!n || *n == 0)
                args.fail("--task-index takes a run number from 1, not '" + *index + "'");
            else
                o.taskIndex = size_t(*n);
            continue;
        }
        if (auto module = args.option("--module", "-m")) {
            o.module = *module;
            continue;
        }
        if (auto limit = args.option("--clock-limit", "-l")) {
            if (!parseCount(*limit))
                args.fail("--clock-limit takes a non-negative number, not '" + *limit + "'");
            o.clockLimit = *limit;
            continue;
        }
        if (auto schedule = args.option("--schedule")) {
            if (*schedule != "fifo" && *schedule != "random")
                args.fail("--schedule takes fifo or random, not '" + *schedule + "'");
            o.schedule = *schedule;
            continue;
        }
        if (args.flag("--quiet", "-q")) {
            o.quiet = true;
            continue;
        }
        if (auto file = args.positional()) {
            o.files.push_back(*file);
            continue;
        }
        if (args.failed())
            break;
        args.failUnknownOption("sweep");
    }
    if (!args.failed() && o.list && o.taskIndex)
        args.fail("--list and --task-index do not go together");
    if (!argumentsUsable("sweep", args, o.files))
        return exit_status::kUsage;
    std::vector<SweepRun> runs = sweepRuns(o.axes, o.seeds);
    if (runs.empty()) {
        std::cerr << "absim sweep: more than " << kMaxSweepRuns
                  << " runs; sweep fewer values or seeds\n";
        return exit_status::kUsage;
    }
    if (o.taskIndex && *o.taskIndex > runs.size()) {
        std::cerr << "absim sweep: --task-index " << *o.taskIndex << " is past the last run ("
                  << runs.size() << ")\n";
        return exit_status::kUsage;
    }
    if (int bad = checkSweepModel(o, options); bad != exit_status::kOk)
        return bad;

    if (o.list) {
        for (const SweepRun& r : runs) {
            std::string line = "absim";
            for (const std::string& a : runArguments(o, r))
                line += " " + shellQuoted(a);
            std::cout << line << "\n";
        }
        return exit_status::kOk;
    }
    if (o.taskIndex) {
        // One task of a batch job array: this process becomes that run, its
        // output where the batch system puts the task's output.
        std::string program = selfExecutable();
        std::vector<std::string> a = runArguments(o, runs[*o.taskIndex - 1]);
        std::vector<char*> v = argv(program, a);
        std::cout.flush();
        execvp(program.c_str(), v.data());
        std::cerr << "absim sweep: cannot start the run: " << std::strerror(errno) << "\n";
        return exit_status::kRuntimeFailure;
    }

    if (mkdir(o.outDir.c_str(), 0755) != 0 && errno != EEXIST) {
        std::cerr << "absim sweep: cannot create '" << o.outDir << "': " << std::strerror(errno)
                  << "\n";
        return exit_status::kCannotWrite;
    }
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    sigaction(SIGINT, &action, &previous);

    auto started = std::chrono::steady_clock::now();
    std::vector<RunOutcome> outcomes(runs.size());
    bool wrote = runAll(o, runs, outcomes, !o.quiet && isatty(STDERR_FILENO));
    sigaction(SIGINT, &previous, nullptr);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::string summaryPath = o.outDir + "/summary.csv";
    report::WriteResult written =
        report::writeFileAtomically(summaryPath, summaryCsv(o, runs, outcomes));
    if (!written.ok()) {
        std::cerr << "absim sweep: " << written.error << "\n";
        wrote = false;
    }
    size_t ended = 0, normal = 0;
    for (const RunOutcome& r : outcomes) {
        if (r.state == RunOutcome::State::Ended) {
            ++ended;
            if (r.exitStatus == 0)
                ++normal;
        }
    }
    if (!o.quiet) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", wall);
        std::cerr << "absim sweep: " << ended << " of " << runs.size() << " runs ended in "
                  << seconds << " s, " << normal << " normally, " << (ended - normal)
                  << " with an error" << (interrupted ? " (interrupted)" : "") << "; summary in "
                  << summaryPath << "\n";
    }
    if (interrupted)
        return 130;
    if (!wrote)
        return exit_status::kCannotWrite;
    return normal == runs.size() ? exit_status::kOk : exit_status::kRuntimeFailure;
}

} // namespace absim::cli
