#include "app/command_line.h"

#include "frontend/sema/suggest.h"

#include <algorithm>
#include <cstring>
#include <iostream>

namespace absim::cli {

void CommandLine::asked(const char* name) {
    if (std::find(asked_.begin(), asked_.end(), name) == asked_.end())
        asked_.emplace_back(name);
}

void CommandLine::failUnknownOption(const char* command) {
    std::string given = done() ? std::string() : peek();
    std::string name = given.substr(0, given.find('='));
    fail("unknown option '" + given + "' for 'absim " + command + "'" +
         sema::didYouMean(name, asked_));
}

bool CommandLine::flag(const char* name, const char* alias) {
    asked(name);
    if (done() || afterDashDash_)
        return false;
    const std::string& a = args_[pos_];
    if (a == name || (alias && a == alias)) {
        ++pos_;
        return true;
    }
    return false;
}

std::optional<std::string> CommandLine::option(const char* name, const char* alias) {
    asked(name);
    if (done() || afterDashDash_)
        return std::nullopt;
    const std::string& a = args_[pos_];
    size_t n = std::strlen(name);
    if (a.size() > n && a.compare(0, n, name) == 0 && a[n] == '=') {
        ++pos_;
        return a.substr(n + 1);
    }
    if (a == name || (alias && a == alias)) {
        if (pos_ + 1 >= args_.size()) {
            fail(std::string("option ") + a + " needs a value");
            ++pos_;
            return std::nullopt;
        }
        pos_ += 2;
        return args_[pos_ - 1];
    }
    return std::nullopt;
}

std::optional<std::string> CommandLine::positional() {
    if (done())
        return std::nullopt;
    const std::string& a = args_[pos_];
    if (!afterDashDash_ && a == "--") {
        afterDashDash_ = true;
        ++pos_;
        return positional();
    }
    if (afterDashDash_ || a.empty() || a[0] != '-' || a == "-") {
        ++pos_;
        return a;
    }
    return std::nullopt;
}

std::optional<std::string> CommandLine::positionalWithPrefix(const char* prefix) {
    if (done() || afterDashDash_)
        return std::nullopt;
    const std::string& a = args_[pos_];
    size_t n = std::strlen(prefix);
    if (a.size() <= n || a.compare(0, n, prefix) != 0)
        return std::nullopt;
    ++pos_;
    return a.substr(n);
}

bool CommandLine::define(std::string& name, std::string& value, const char* valueWord) {
    std::optional<std::string> d = option("-D");
    if (!d && !done() && peek().size() > 2 && peek().rfind("-D", 0) == 0)
        d = positionalWithPrefix("-D");
    if (!d)
        return false;
    size_t eq = d->find('=');
    if (eq == std::string::npos || eq == 0) {
        fail(std::string("-D takes NAME=") + valueWord + ", not '" + *d + "'");
        return true;
    }
    name = d->substr(0, eq);
    value = d->substr(eq + 1);
    return true;
}

std::optional<unsigned long long> parseCount(const std::string& text) {
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    unsigned long long v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    return v;
}

bool argumentsUsable(const char* command, const CommandLine& args,
                     const std::vector<std::string>& files) {
    std::string problem = args.failed()   ? args.error()
                          : files.empty() ? "no model files given"
                                          : "";
    if (problem.empty())
        return true;
    std::cerr << "absim " << command << ": " << problem << "\nTry 'absim " << command
              << " --help'.\n";
    return false;
}

} // namespace absim::cli
