// `absim run FILE... [--module M] [--seed N] [--schedule fifo|random]
// [-l N] [-D NAME=VALUE]... [--params] [--dc-log FILE] [--plot FILE]
// [--report FILE] [--stats] [-q]`: load, check and simulate a model. What
// the model prints goes to stdout; run-time errors go to stderr with the ABS
// stack and the time. The output files are written after the run, also when
// it stopped at the clock limit or failed, since that is when one most wants
// to look at them.

#include "app/build_identity.h"
#include "app/commands.h"
#include "app/exit_status.h"
#include "app/observe/observer_tee.h"
#include "app/observe/progress_line.h"
#include "app/observe/record_observer.h"
#include "app/observe/stats_text.h"
#include "app/report/report.h"
#include "frontend/model/model.h"
#include "frontend/model/params.h"
#include "frontend/sema/checker.h"
#include "interpreter/run/run_model.h"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

namespace absim::cli {

namespace {

// The files asked for, and whether to print --stats.
struct Outputs {
    std::optional<std::string> dcLog;
    std::optional<std::string> plot;
    std::optional<std::string> report;
    bool stats = false;

    bool needRecord() const { return dcLog || plot || report; }
};

// Checks every output path before the run: a wrong extension is a usage
// error (64), a folder that cannot take the file an output error (74).
int checkOutputPaths(const Outputs& o) {
    struct Item {
        const char* option;
        const std::optional<std::string>& path;
        std::string (*extensionError)(std::string_view);
    };
    const Item items[] = {{"--dc-log", o.dcLog, report::dcLogPathError},
                          {"--plot", o.plot, report::plotPathError},
                          {"--report", o.report, report::reportPathError}};
    for (const Item& i : items) {
        if (!i.path)
            continue;
        if (std::string e = i.extensionError(*i.path); !e.empty()) {
            std::cerr << "absim run: " << e << "\nTry 'absim run --help'.\n";
            return exit_status::kUsage;
        }
    }
    for (const Item& i : items) {
        if (!i.path)
            continue;
        if (std::string e = report::outputFolderError(i.option, *i.path); !e.empty()) {
            std::cerr << "absim run: " << e << "\n";
            return exit_status::kCannotWrite;
        }
    }
    return exit_status::kOk;
}

// Writes every requested file; false (after saying why) if one failed.
bool writeOutputs(const Outputs& o, const report::RunRecord& record) {
    bool ok = true;
    auto check = [&](const report::WriteResult& r) {
        if (!r.ok()) {
            std::cerr << "absim run: " << r.error << "\n";
            ok = false;
        }
    };
    if (o.dcLog)
        check(report::writeDcLog(record, *o.dcLog));
    if (o.plot)
        check(report::writeSvg(record, *o.plot));
    if (o.report)
        check(report::writeHtmlReport(record, *o.report));
    return ok;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

int runCommand(CommandLine& args, const GlobalOptions& options) {
    interp::RunOptions run;
    std::vector<std::string> files;
    Outputs outputs;
    bool seedGiven = false;
    bool quiet = options.quiet;
    std::vector<ParamOverride> overrides;
    bool listParams = false;
    while (!args.done()) {
        if (args.flag("--help", "-h")) {
            printCommandHelp("run");
            return exit_status::kOk;
        }
        if (auto module = args.option("--module", "-m")) {
            run.module = *module;
            continue;
        }
        if (auto seed = args.option("--seed")) {
            auto n = parseCount(*seed);
            if (!n)
                args.fail("--seed takes a non-negative number, not '" + *seed + "'");
            else
                run.seed = *n;
            seedGiven = true;
            continue;
        }
        if (auto schedule = args.option("--schedule")) {
            if (*schedule == "fifo")
                run.randomSchedule = false;
            else if (*schedule == "random")
                run.randomSchedule = true;
            else
                args.fail("--schedule takes fifo or random, not '" + *schedule + "'");
            continue;
        }
        if (auto limit = args.option("--clock-limit", "-l")) {
            auto n = parseCount(*limit);
            if (!n)
                args.fail("--clock-limit takes a non-negative number, not '" + *limit + "'");
            else
                run.clockLimit = *n;
            continue;
        }
        if (auto file = args.option("--dc-log")) {
            outputs.dcLog = *file;
            continue;
        }
        if (auto file = args.option("--plot")) {
            outputs.plot = *file;
            continue;
        }
        if (auto file = args.option("--report")) {
            outputs.report = *file;
            continue;
        }
        if (args.flag("--stats")) {
            outputs.stats = true;
            continue;
        }
        if (args.flag("--quiet", "-q")) {
            quiet = true;
            continue;
        }
        // `-D NAME=VALUE` or `-DNAME=VALUE`: a model parameter (params.h).
        if (std::string name, value; args.define(name, value)) {
            if (!args.failed())
                overrides.push_back({name, value});
            continue;
        }
        if (args.flag("--params")) {
            listParams = true;
            continue;
        }
        if (args.flag("--verbose", "-v")) {
            run.verbose = true;
            continue;
        }
        if (auto file = args.positional()) {
            files.push_back(*file);
            continue;
        }
        if (args.failed())
            break;
        args.failUnknownOption("run");
    }
    if (!argumentsUsable("run", args, files))
        return exit_status::kUsage;
    // Before loading: a typo in an output name should not cost a long run.
    if (int bad = checkOutputPaths(outputs); bad != exit_status::kOk)
        return bad;

    ParsedModel model;
    DiagnosticEngine diags(model.sources);
    LoadOptions load;
    load.parseCache = parseCacheOfThisBuild();
    LoadStatus status = loadModel(files, model, diags, load);
    bool colour = stderrColour(options);
    if (status == LoadStatus::UnreadableFile) {
        diags.flush(std::cerr, colour);
        return exit_status::kNoInput;
    }
    // Command-line values replace the defaults before the check, so the
    // model that is checked and run is the one with the given values.
    std::vector<ModelParam> params;
    if (status == LoadStatus::Ok) {
        params = findModelParams(model, run.module);
        std::string problem = applyParamOverrides(params, overrides);
        if (!problem.empty()) {
            std::cerr << "absim run: " << problem << "\nTry 'absim run FILE... --params'.\n";
            return exit_status::kUsage;
        }
    }
    // The same checks as `absim check`: a type error found before the run is
    // cheaper than one found an hour into it.
    // The standard library's bodies are checked by `absim check` and the
    // test suite; a run checks the model against the library's signatures.
    sema::CheckResult checked;
    if (!diags.hasErrors()) {
        sema::CheckOptions checkOptions;
        checkOptions.checkStdlibBodies = false;
        checked = sema::checkModel(model, diags, checkOptions);
    }
    diags.flush(std::cerr, colour);
    if (diags.hasErrors()) {
        if (!options.quiet)
            diags.printSummary(std::cerr, colour);
        return exit_status::kModelInvalid;
    }
    if (listParams) {
        std::cout << formatParamTable(params);
        return exit_status::kOk;
    }

    // Observers only when something wants them: a plain run pays nothing.
    report::RunRecord record;
    record.facts.model = joined(files);
    record.facts.arguments.push_back("absim");
    for (const std::string& a : args.all())
        record.facts.arguments.push_back(a);
    if (seedGiven)
        record.facts.seed = run.seed;
    if (run.clockLimit)
        record.facts.clockLimit = report::Number::integer((long long)*run.clockLimit);
    observe::RecordObserver recorder(record);
    recorder.keepHistory(outputs.needRecord());
    std::unique_ptr<observe::ProgressLine> progress;
    observe::ObserverTee tee;
    if (outputs.needRecord() || outputs.stats)
        tee.add(&recorder);
    if (!quiet && isatty(STDERR_FILENO)) {
        progress = std::make_unique<observe::ProgressLine>(stderr, run.clockLimit);
        tee.add(progress.get());
    }
    if (!tee.empty())
        run.observer = &tee;

    auto started = std::chrono::steady_clock::now();
    int result;
    {
        std::optional<observe::EraseBeforeWrites> keepLineClear;
        if (progress)
            keepLineClear.emplace(*progress);
        result = interp::runModel(model, *checked.program, run, diags, colour);
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!recorder.ran())
        return result; // the model did not start (e.g. no main block)
    record.facts.wallSeconds = wall;

    if (outputs.stats) {
        observe::RunCosts costs{wall, record.facts.finalTime.exact, observe::peakMemoryKiB()};
        std::cerr << observe::statsText(costs, recorder.stats());
    }
    if (!writeOutputs(outputs, record) && result == exit_status::kOk)
        return exit_status::kCannotWrite;
    return result;
}

} // namespace absim::cli
