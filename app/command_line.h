#pragma once
// A small GNU-style command-line reader shared by the subcommands:
// long options with `=` or a separate value, short aliases, `--` ends options.

#include <optional>
#include <string>
#include <vector>

namespace absim::cli {

class CommandLine {
  public:
    explicit CommandLine(std::vector<std::string> args) : args_(std::move(args)) {}

    // Next argument, or nullopt at the end.
    bool done() const { return pos_ >= args_.size(); }
    const std::string& peek() const { return args_[pos_]; }

    // If the next argument is the flag `name` (or `alias`), consumes it.
    bool flag(const char* name, const char* alias = nullptr);
    // If the next argument is `name VALUE`, `name=VALUE` (or the alias),
    // consumes it and returns the value; reports a missing value in `error`.
    std::optional<std::string> option(const char* name, const char* alias = nullptr);
    // Consumes a positional argument (anything not starting with '-', or
    // anything after `--`).
    std::optional<std::string> positional();
    // If the next argument starts with `prefix` (`-DNAME=VALUE`), consumes
    // it and returns the rest.
    std::optional<std::string> positionalWithPrefix(const char* prefix);
    // If the next argument is `-D NAME=VALUE` or `-DNAME=VALUE`, consumes it
    // and returns true, with `name` and `value` set; one without a name or
    // `=` fails ("-D takes NAME=<valueWord>, not ...") and also returns true.
    bool define(std::string& name, std::string& value, const char* valueWord = "VALUE");

    // Every argument, as given (for records that say how a run was started).
    const std::vector<std::string>& all() const { return args_; }

    // Fails with "unknown option 'X' for 'absim COMMAND'", and the closest
    // option asked for so far (flag, option) when it looks like a typo.
    void failUnknownOption(const char* command);

    const std::string& error() const { return error_; }
    bool failed() const { return !error_.empty(); }
    void fail(std::string message) {
        if (error_.empty())
            error_ = std::move(message);
    }

  private:
    void asked(const char* name);

    std::vector<std::string> args_;
    std::vector<std::string> asked_; // the options looked for, for "did you mean"
    size_t pos_ = 0;
    bool afterDashDash_ = false;
    std::string error_;
};

// After the options of `absim COMMAND` are read: false, with the reason and
// a hint on stderr, if one was bad or no model file was given.
bool argumentsUsable(const char* command, const CommandLine& args,
                     const std::vector<std::string>& files);

// Parses a whole non-negative decimal number; nullopt if it is not one.
std::optional<unsigned long long> parseCount(const std::string& text);

} // namespace absim::cli
