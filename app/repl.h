#pragma once
// The REPL's state and what one input does to it (docs/repl.md). The REPL's
// own module is kept as ABS source text: its imports, its declarations and
// the history of accepted statements. Every input rebuilds that module,
// checks the whole program (stdlib, loaded files, the module) and, for a
// statement or an expression, replays the history from time 0 with its
// output suppressed before running the new input. The interpreter is
// deterministic, so the replay reproduces the state the user saw.

#include "frontend/model/model.h"

#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace absim::cli {

class Repl {
  public:
    // Output (model output, values, diagnostics, run-time errors) goes to
    // `out`, all in one stream so that it stays in order.
    Repl(std::ostream& out, bool colour);

    // Loads model files (replacing the loaded set); false after errors, in
    // which case the previous set stays loaded.
    bool load(const std::vector<std::string>& files);
    // Handles one complete input (a command, declarations, an expression
    // or statements). False when the REPL should end (`:quit`).
    bool handle(const std::string& input);

    // Names for tab completion: declarations of the loaded model and the
    // standard library, the REPL's declarations and variables, commands.
    std::vector<std::string> completions(const std::string& prefix) const;

    // True when `text` has an unclosed brace, parenthesis, bracket, string
    // or comment: the input continues on the next line.
    static bool incomplete(const std::string& text);

  private:
    struct Declaration {
        std::string name; // as declared
        std::string kind; // "class", "function", ...
        std::string text;
    };
    // What the synthetic module is built around.
    enum class InputKind { Declarations, Expression, Statement, None };
    struct Synthesis {
        std::string text;
        uint32_t inputLine = 0; // first line of the new input (0: none)
        uint32_t inputLines = 0;
    };

    bool command(const std::string& input);
    void declarations(const std::string& input);
    // Evaluates a pure expression; false if `input` does not parse as one.
    bool expression(const std::string& input, bool typeOnly);
    void statement(const std::string& input);
    // Runs the history (plus `input`, a statement, if not empty); prints the
    // new output; returns the run's status, or -1 if it did not check.
    int run(const std::string& input, bool showOutput, struct RunReport* report);

    Synthesis synthesise(InputKind kind, const std::string& input) const;
    // Parses and checks `synthesis` (with the input file `<repl>` holding
    // `input`); prints diagnostics unless `quiet`; false on errors.
    struct Checked;
    bool check(const Synthesis& synthesis, const std::string& input, Checked& result, bool quiet);
    void printStatus(int status);
    void reloadBase(const std::vector<std::string>& files, bool& ok);

    std::ostream& out_;
    bool colour_;
    std::vector<std::string> files_;
    ParsedModel base_; // stdlib and the loaded files, parsed once per load
    std::vector<std::string> userModules_;
    std::vector<std::string> userImports_; // import lines of the loaded modules
    std::string mainBody_;                 // the loaded main block, without braces
    std::vector<std::string> imports_;     // the REPL's own imports
    std::vector<Declaration> declarations_;
    std::vector<std::string> history_; // accepted statements
    std::set<std::string> names_;      // for completion
};

} // namespace absim::cli
