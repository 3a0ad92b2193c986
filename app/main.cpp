// absim — a fast, faithful interpreter for Real-Time ABS.
// The entry point reads global options and hands over to a subcommand.

#include "app/commands.h"
#include "app/exit_status.h"
#include "app/startup_heap.h"
#include "frontend/diag/diagnostics.h"
#include "frontend/sema/suggest.h"

#include <iostream>
#include <unistd.h>

namespace absim::cli {

bool stderrColour(const GlobalOptions& options) {
    switch (options.colour) {
    case ColourMode::Always:
        return true;
    case ColourMode::Never:
        return false;
    case ColourMode::Auto:
        break;
    }
    return wantColour(STDERR_FILENO);
}

} // namespace absim::cli

int main(int argc, char** argv) {
    using namespace absim;
    using namespace absim::cli;
    prepareStartupHeap();
    std::ios::sync_with_stdio(false);

    CommandLine args(std::vector<std::string>(argv + 1, argv + argc));
    GlobalOptions options;
    // Global options may come before the subcommand.
    while (!args.done()) {
        if (args.flag("--help", "-h")) {
            printUsage();
            return exit_status::kOk;
        }
        if (args.flag("--version", "-V")) {
            std::cout << "absim " << ABSIM_VERSION << "\n";
            return exit_status::kOk;
        }
        if (args.flag("--quiet", "-q")) {
            options.quiet = true;
            continue;
        }
        if (auto colour = args.option("--color")) {
            if (*colour == "auto")
                options.colour = ColourMode::Auto;
            else if (*colour == "always")
                options.colour = ColourMode::Always;
            else if (*colour == "never")
                options.colour = ColourMode::Never;
            else
                args.fail("--color takes auto, always or never, not '" + *colour + "'");
            continue;
        }
        break;
    }
    if (args.failed()) {
        std::cerr << "absim: " << args.error() << "\nTry 'absim --help'.\n";
        return exit_status::kUsage;
    }
    auto command = args.positional();
    if (!command) {
        if (args.done()) {
            printUsage();
            return exit_status::kUsage;
        }
        std::cerr << "absim: unknown option '" << args.peek() << "'\nTry 'absim --help'.\n";
        return exit_status::kUsage;
    }
    if (*command == "help") {
        if (auto topic = args.positional())
            printCommandHelp(*topic);
        else
            printUsage();
        return exit_status::kOk;
    }
    if (*command == "check")
        return checkCommand(args, options);
    if (*command == "run")
        return runCommand(args, options);
    if (*command == "repl")
        return replCommand(args, options);
    if (*command == "sweep")
        return sweepCommand(args, options);
    std::cerr << "absim: unknown command '" << *command << "'"
              << sema::didYouMean(*command, {"check", "run", "repl", "sweep", "help"})
              << "\nTry 'absim --help'.\n";
    return exit_status::kUsage;
}
