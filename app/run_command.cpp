// `absim run FILE... [--module M] [--seed N] [--schedule fifo|random]
// [-l N] [-D NAME=VALUE]... [--params]`: load, check and simulate a model.
// What the model prints goes to stdout; run-time errors go to stderr with
// the ABS stack and the time.

#include "app/commands.h"
#include "app/exit_status.h"
#include "frontend/model/model.h"
#include "frontend/model/params.h"
#include "frontend/sema/checker.h"
#include "interpreter/run/run_model.h"

#include <iostream>

namespace absim::cli {

int runCommand(CommandLine& args, const GlobalOptions& options) {
    interp::RunOptions run;
    std::vector<std::string> files;
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
        // `-D NAME=VALUE` or `-DNAME=VALUE`: a model parameter (params.h).
        std::optional<std::string> define = args.option("-D");
        if (!define && !args.done() && args.peek().size() > 2 && args.peek().rfind("-D", 0) == 0)
            define = args.positionalWithPrefix("-D");
        if (define) {
            auto eq = define->find('=');
            if (eq == std::string::npos || eq == 0)
                args.fail("-D takes NAME=VALUE, not '" + *define + "'");
            else
                overrides.push_back({define->substr(0, eq), define->substr(eq + 1)});
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
    sema::CheckResult checked;
    if (!diags.hasErrors())
        checked = sema::checkModel(model, diags);
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
    return interp::runModel(model, *checked.program, run, diags, colour);
}

} // namespace absim::cli
