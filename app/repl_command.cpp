// `absim repl [FILE...]`: load a model and explore it interactively
// (docs/repl.md). On a terminal, lines are read with libedit (editing,
// history, tab completion); otherwise plain lines from stdin, with no
// prompts, so that scripts and tests can drive it.

#include "app/commands.h"
#include "app/exit_status.h"
#include "app/repl.h"
#include "interpreter/run/run_model.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <unistd.h>

#include <editline/readline.h>

namespace absim::cli {

namespace {

Repl* completing = nullptr;

// Ctrl-C stops the running statement (the scheduler polls the flag); at
// the prompt it only abandons the line being typed.
void onInterrupt(int) {
    interp::runInterrupted.store(true);
}

char* completionGenerator(const char* text, int state) {
    static std::vector<std::string> matches;
    static size_t next = 0;
    if (state == 0) {
        matches = completing ? completing->completions(text) : std::vector<std::string>{};
        next = 0;
    }
    if (next >= matches.size())
        return nullptr;
    return strdup(matches[next++].c_str());
}

char** complete(const char* text, int, int) {
    rl_attempted_completion_over = 1; // no file-name completion
    return rl_completion_matches(text, completionGenerator);
}

// One line of input; false at end of input.
bool readLine(bool terminal, const char* prompt, std::string& line) {
    if (!terminal)
        return static_cast<bool>(std::getline(std::cin, line));
    for (;;) {
        interp::runInterrupted.store(false);
        char* got = readline(prompt);
        if (!got && !interp::runInterrupted.load())
            return false;
        line = got ? got : "";
        std::free(got);
        if (!interp::runInterrupted.load())
            return true;
        // Ctrl-C while typing: start over on a fresh line.
        std::cout << "\n" << std::flush;
    }
}

} // namespace

int replCommand(CommandLine& args, const GlobalOptions& options) {
    std::vector<std::string> files;
    while (!args.done()) {
        if (args.flag("--help", "-h")) {
            printCommandHelp("repl");
            return exit_status::kOk;
        }
        if (auto file = args.positional()) {
            files.push_back(*file);
            continue;
        }
        if (args.failed())
            break;
        args.failUnknownOption("repl");
    }
    if (args.failed()) {
        std::cerr << "absim repl: " << args.error() << "\nTry 'absim repl --help'.\n";
        return exit_status::kUsage;
    }

    bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    bool colour = terminal && options.colour != ColourMode::Never && wantColour(STDOUT_FILENO);
    if (options.colour == ColourMode::Always)
        colour = true;
    Repl repl(std::cout, colour);
    if (!files.empty() && !repl.load(files))
        std::cout << "(the files were not loaded)\n";

    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);

    if (terminal) {
        // Our SIGINT handler, not libedit's (which passes the signal on to
        // the whole process group): Ctrl-C at the prompt abandons the line.
        rl_catch_signals = 0;
        completing = &repl;
        rl_attempted_completion_function = complete;
        if (!options.quiet)
            std::cout << "absim " << ABSIM_VERSION << " REPL; :help for help, :quit to leave\n"
                      << std::flush;
    }
    std::string input, line;
    while (readLine(terminal, input.empty() ? "absim> " : "  ...> ", line)) {
        input += input.empty() ? line : "\n" + line;
        if (Repl::incomplete(input))
            continue;
        if (terminal && !input.empty())
            add_history(input.c_str());
        bool more = repl.handle(input);
        std::cout << std::flush;
        input.clear();
        if (!more)
            return exit_status::kOk;
    }
    if (!input.empty())
        repl.handle(input);
    if (terminal)
        std::cout << "\n";
    std::cout << std::flush;
    return exit_status::kOk;
}

} // namespace absim::cli
