#include "app/commands.h"

#include <iostream>

namespace absim::cli {

namespace {

const char* kUsage = R"(absim — a fast interpreter for Real-Time ABS models

Usage: absim [GLOBAL OPTIONS] COMMAND [OPTIONS] FILE...

Commands:
  check FILE...      parse and check a model (one or more .abs files)
  help [COMMAND]     show help for a command

Global options:
  -h, --help         show this help and exit
  -V, --version      print the version and exit
  -q, --quiet        no summaries or progress on stderr
  --color=WHEN       colour diagnostics: auto (default: on a terminal,
                     unless NO_COLOR is set), always, never

Exit statuses:
  0   success (for `run`: normal end or clock limit reached)
  64  bad command line
  65  the model does not parse or type-check
  66  an input file cannot be read
  70  the model failed at run time (uncaught exception or failed
      assert in the main block, deadlock)
  74  an output file cannot be written

Run 'absim help COMMAND' for the options of one command.
)";

const char* kCheckHelp = R"(Usage: absim check [OPTIONS] FILE...

Parses all files together (a model may span several files and modules) and
reports every error with its file, line and column.

Options:
  --parse-only             stop after parsing (no name or type checking)
  --dump-ast               print the syntax tree of the user files
  --parse-strategy=S       two-stage (default: fast SLL, full LL only when
                           needed) or ll (always full LL; for benchmarks)
  -h, --help               show this help
)";

} // namespace

void printUsage() { std::cout << kUsage; }

bool knownCommand(const std::string& command) { return command == "check"; }

void printCommandHelp(const std::string& command) {
    if (command == "check")
        std::cout << kCheckHelp;
    else
        std::cout << kUsage;
}

} // namespace absim::cli
