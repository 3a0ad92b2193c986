// `absim check FILE...`: parse and type-check a model spread over one or
// more files, reporting every error found.

#include "app/build_identity.h"
#include "app/commands.h"
#include "app/exit_status.h"
#include "frontend/ast/ast_dump.h"
#include "frontend/model/model.h"
#include "frontend/sema/checker.h"

#include <iostream>

namespace absim::cli {

int checkCommand(CommandLine& args, const GlobalOptions& options) {
    bool parseOnly = false;
    bool dumpAst = false;
    bool dumpTypes = false;
    LoadOptions load;
    load.parseCache = parseCacheOfThisBuild();
    std::vector<std::string> files;
    while (!args.done()) {
        if (args.flag("--help", "-h")) {
            printCommandHelp("check");
            return exit_status::kOk;
        }
        if (args.flag("--parse-only")) {
            parseOnly = true;
            continue;
        }
        if (args.flag("--dump-ast")) {
            dumpAst = true;
            continue;
        }
        if (args.flag("--dump-types")) {
            dumpTypes = true;
            continue;
        }
        if (auto strategy = args.option("--parse-strategy")) {
            if (*strategy == "two-stage")
                load.twoStageParsing = true;
            else if (*strategy == "ll")
                load.twoStageParsing = false;
            else
                args.fail("--parse-strategy takes two-stage or ll, not '" + *strategy + "'");
            // The strategy is what is being asked about: parse, do not read
            // a tree an earlier run stored.
            load.parseCache = ParseCache();
            continue;
        }
        if (auto file = args.positional()) {
            files.push_back(*file);
            continue;
        }
        if (args.failed())
            break;
        args.failUnknownOption("check");
    }
    if (!argumentsUsable("check", args, files))
        return exit_status::kUsage;

    // The standard library is only needed once names are resolved.
    load.includeStdlib = !parseOnly;
    ParsedModel model;
    DiagnosticEngine diags(model.sources);
    LoadStatus status = loadModel(files, model, diags, load);
    bool colour = stderrColour(options);
    diags.flush(std::cerr, colour);
    if (status == LoadStatus::UnreadableFile)
        return exit_status::kNoInput;
    if (dumpAst) {
        for (size_t i = model.firstUserUnit; i < model.units.size(); ++i)
            std::cout << ast::dumpAst(model.units[i], model.sources);
        std::cout.flush();
    }
    if (!parseOnly && !diags.hasErrors()) {
        sema::CheckResult checked = sema::checkModel(model, diags);
        diags.flush(std::cerr, colour);
        if (dumpTypes && checked.checked)
            std::cout << sema::dumpTypes(model, *checked.checked) << std::flush;
    }
    if (diags.hasErrors()) {
        if (!options.quiet)
            diags.printSummary(std::cerr, colour);
        return exit_status::kModelInvalid;
    }
    return exit_status::kOk;
}

} // namespace absim::cli
