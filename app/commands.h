#pragma once
// The subcommands of the absim executable, one file each.

#include "app/command_line.h"

#include <string>

namespace absim::cli {

enum class ColourMode { Auto, Always, Never };

struct GlobalOptions {
    ColourMode colour = ColourMode::Auto;
    bool quiet = false;
};

// Whether diagnostics on stderr are coloured under these options.
bool stderrColour(const GlobalOptions& options);

int checkCommand(CommandLine& args, const GlobalOptions& options);
int runCommand(CommandLine& args, const GlobalOptions& options);
int replCommand(CommandLine& args, const GlobalOptions& options);
int sweepCommand(CommandLine& args, const GlobalOptions& options);

// Help texts (app/help.cpp).
void printUsage();
void printCommandHelp(const std::string& command);
bool knownCommand(const std::string& command);

} // namespace absim::cli
