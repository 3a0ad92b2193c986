// `absim run FILE... [--module M] [--seed N] [--schedule fifo|random]
// [-l N]`: load, check and simulate a model. What the model prints goes to
// stdout; run-time errors go to stderr with the ABS stack and the time.

#include "app/commands.h"
#include "app/exit_status.h"
#include "frontend/model/model.h"
#include "frontend/sema/checker.h"
#include "interpreter/run/run_model.h"

#include <iostream>

namespace absim::cli {

int runCommand(CommandLine& args, const GlobalOptions& options) {
    interp::RunOptions run;
    std::vector<std::string> files;
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
        args.fail("unknown option '" + args.peek() + "' for 'absim run'");
    }
    if (args.failed()) {
        std::cerr << "absim run: " << args.error() << "\nTry 'absim run --help'.\n";
        return exit_status::kUsage;
    }
    if (files.empty()) {
        std::cerr << "absim run: no model files given\nTry 'absim run --help'.\n";
        return exit_status::kUsage;
    }

    ParsedModel model;
    DiagnosticEngine diags(model.sources);
    LoadStatus status = loadModel(files, model, diags);
    bool colour = stderrColour(options);
    if (status == LoadStatus::UnreadableFile) {
        diags.flush(std::cerr, colour);
        return exit_status::kNoInput;
    }
    // The same checks as `absim check`: a type error found before the run is
    // cheaper than one found an hour into it.
    sema::CheckResult checked;
    if (!diags.hasErrors())
        checked = sema::checkModel(model, diags);
    diags.flush(std::cerr, colour);
    if (diags.hasErrors()) {
        if (!options.quiet)
            diags.printSummary(std::cerr, colour);
        return exit_status::kModelInvalid;
    }
    return interp::runModel(model, *checked.program, run, diags, colour);
}

} // namespace absim::cli
