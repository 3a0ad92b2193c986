#include "app/commands.h"

#include <iostream>

namespace absim::cli {

namespace {

const char* kUsage = R"(absim — a fast interpreter for Real-Time ABS models

Usage: absim [GLOBAL OPTIONS] COMMAND [OPTIONS] FILE...

Commands:
  check FILE...      parse and check a model (one or more .abs files)
  run FILE...        simulate a model (its main block)
  repl [FILE...]     explore a model interactively: declarations,
                     statements, expressions, time, objects, DCs
  sweep FILE...      run a model for every combination of parameter
                     values and seeds, several runs at a time
  help [COMMAND]     show help for a command

Global options:
  -h, --help         show this help and exit
  -V, --version      print the version and exit
  -q, --quiet        no summaries or progress on stderr
  --color=WHEN       colour diagnostics: auto (default: on a terminal,
                     unless NO_COLOR is set), always, never

Environment:
  ABSIM_CACHE_DIR    where parsed files are kept between runs (default
                     $XDG_CACHE_HOME/absim or ~/.cache/absim); a file read
                     again unchanged by the same absim is not parsed again
  ABSIM_CACHE=off    parse every file every time
  ABSIM_PREFAULT=off map the heap page by page as it is first used, not
                     the start-up heap in one call (docs/performance.md)

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
  --dump-types             print the signature of every user declaration
                           and the inferred type of every local variable
  --parse-strategy=S       two-stage (default: fast SLL, full LL only when
                           needed) or ll (always full LL; for benchmarks);
                           either parses, never reading the parse cache
  -h, --help               show this help
)";

const char* kRunHelp = R"(Usage: absim run [OPTIONS] FILE...

Loads and checks the model, then runs the main block of the first module
that has one (or of the module given with --module). What the model prints
goes to stdout; run-time errors go to stderr with the ABS stack of the
failing process, its file and line, and the simulated time.

Options:
  -m, --module M           run the main block of module M
  --schedule fifo|random   fifo (default): deterministic, the first enabled
                           process in queue order runs; random: a seeded
                           random choice among the enabled processes
  --seed N                 seed of random() and of --schedule random
                           (default 0); same model, arguments and seed give
                           the same output, byte for byte
  -l, --clock-limit N      stop when the simulated clock would reach N
  -D NAME=VALUE            set model parameter NAME (a `[Param]` variable
                           of the main block) to VALUE, read as a literal of
                           its type: Int 42, Rat 3/2 or 1.5, Float 0.65,
                           Bool True/False, String as given; repeatable
  --params                 list the model's parameters, their types and
                           defaults, and exit without running
  -v, --verbose            start and end messages on stderr
  -q, --quiet              no progress line
  -h, --help               show this help

Outputs (written when the run ends, also at the clock limit or after a
run-time error; each file appears complete or not at all):
  --dc-log FILE.csv|.json  per-interval history of every deployment
                           component, and the model's metrics (ABS.Metrics)
  --plot FILE.svg          all charts of the run in one SVG file
  --report FILE.html       a self-contained HTML report with the charts
  --stats                  at the end, on stderr: wall time, simulated time,
                           processes created, method calls, steps, time
                           advances, peak live processes, deployment
                           components, peak memory

On a terminal, a run that takes longer than a second shows a progress line
on stderr (simulated time, events per second, live processes, machines);
it is erased at the end. See docs/report.md.

Model parameters: in the main block, `[Param] Int servers = 4;` declares a
parameter `servers` whose default is 4; `-D servers=8` runs with 8 instead
(docs/parameters.md).

Exit statuses: 0 normal end or clock limit; 64 bad command line (also a
wrong output extension, an unknown parameter or a value that is not of the
parameter's type); 65 the model does not check; 70 uncaught exception
or failed assert in the main block, or deadlock; 74 an output file cannot
be written (checked before the run as far as possible).
)";

const char* kReplHelp = R"(Usage: absim repl [FILE...]

Loads the files (if any), then reads declarations, statements, expressions
and :commands. Declarations join the REPL's own module, which sees every
name of the loaded modules; statements run in a persistent main block
(variables stay in scope) and the simulation runs until what they started
is quiet; expressions print their value and type. Type :help inside for
the commands (:type, :load, :reload, :run, :advance, :time, :objects, :dcs,
:reset, :quit).

On a terminal: line editing, history and tab completion; Ctrl-C stops a
running statement, Ctrl-D leaves. With input from a pipe or file there are
no prompts, so scripts can drive it. Everything, errors included, is
printed on stdout in order.

Options:
  -h, --help               show this help
)";

const char* kSweepHelp = R"(Usage: absim sweep [OPTIONS] FILE... -D NAME=VALUES...

Runs the model once for every combination of the values given for its
parameters (`[Param]` variables of the main block, see `absim run --help`)
and of the seeds, each run a separate `absim run`, several at a time. The
model is checked once first, every value against its parameter's type, so
a typo fails before any run starts. Each run's stdout and stderr go to
DIR/run-NNNN.out and .err (complete or absent: written under a temporary
name, renamed when the run ends); DIR/summary.csv lists every run with its
values, seed, exit status and collected results, in run order, also after
an interrupt.

Options:
  -D NAME=VALUES       the values of parameter NAME, separated by commas;
                       an item A..B of two integers stands for A to B
                       (-D servers=2..4,8 is 2, 3, 4 and 8); giving NAME
                       again adds values; repeatable for other parameters
  --seeds N|A..B       run each combination with the seeds 0 to N-1, or A
                       to B (default: seed 0 only)
  --collect NAME=RE    a column NAME of summary.csv, read from each run's
                       stdout: of the last line matching the regular
                       expression RE, its first group (or the whole match);
                       repeatable
  -j, --jobs N         runs at a time (default: one per processor)
  -o, --out DIR        where the files go (default: sweep; created if
                       missing; files of an earlier sweep are replaced)
  --list               print the `absim run` command of every run, one per
                       line, and exit: for GNU parallel or a batch system
  --task-index K       run only run K (from 1) of that list, in this process,
                       its output on stdout and stderr: one task of a job
                       array (--task-index $SLURM_ARRAY_TASK_ID)
  -m, --module M       passed to every run, as are:
  -l, --clock-limit N
  --schedule fifo|random
  -q, --quiet          no progress line and no summary line on stderr
  -h, --help           show this help

Runs are numbered with the first parameter varying slowest and the seed
fastest; the numbering is the same for --list, --task-index and the files.
Same model, values and seeds give the same files, byte for byte.

Exit statuses: 0 every run ended with status 0; 64 bad command line, an
unknown parameter or a value not of its type; 65 the model does not check;
66 a model file cannot be read; 70 some run ended with another status (see
summary.csv); 74 DIR or a file in it cannot be written; 130 interrupted.
)";

} // namespace

void printUsage() {
    std::cout << kUsage;
}

bool knownCommand(const std::string& command) {
    return command == "check" || command == "run" || command == "repl" || command == "sweep";
}

void printCommandHelp(const std::string& command) {
    if (command == "check")
        std::cout << kCheckHelp;
    else if (command == "run")
        std::cout << kRunHelp;
    else if (command == "repl")
        std::cout << kReplHelp;
    else if (command == "sweep")
        std::cout << kSweepHelp;
    else
        std::cout << kUsage;
}

} // namespace absim::cli
