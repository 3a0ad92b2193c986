#pragma once
// The runs of a parameter sweep (`absim sweep`): every combination of the
// values given for the model's parameters, each with every seed asked for.
// Pure data, so that the order of the runs, their numbers and the command
// lines that `--list` prints are the same wherever the sweep is planned
// (a laptop, or each task of a batch job array).

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace absim::cli {

// The values swept for one model parameter, in the order given.
struct SweepAxis {
    std::string name;
    std::vector<std::string> values;
};

// One run: a value for each axis (in axis order) and a seed.
struct SweepRun {
    std::vector<std::string> values;
    uint64_t seed = 0;
};

// The most runs a sweep may have: a typo in a range should not start a
// million processes.
inline constexpr size_t kMaxSweepRuns = 100000;

// Adds the values of `-D NAME=SPEC`: SPEC is a comma-separated list, where
// an item `A..B` of two integers A <= B stands for A, A+1, ..., B. Giving
// the same name again appends to its values. Returns "" or the problem.
std::string addSweepValues(std::vector<SweepAxis>& axes, const std::string& name,
                           const std::string& spec);

// `--seeds N` is the seeds 0..N-1; `--seeds A..B` is A..B. Nullopt when
// SPEC is neither (or empty).
std::optional<std::vector<uint64_t>> parseSeeds(const std::string& spec);

// Every combination: the first axis varies slowest, the seed fastest, so
// that the runs of one parameter setting are next to each other. Empty if
// there would be more than kMaxSweepRuns.
std::vector<SweepRun> sweepRuns(const std::vector<SweepAxis>& axes,
                                const std::vector<uint64_t>& seeds);

// The width of run numbers in file names (run-0001.out): four digits, or
// more for a larger sweep, so the files sort in run order.
int runNumberWidth(size_t runs);
// "run-0007" for run 7 of a sweep with `runs` runs.
std::string runName(size_t run, size_t runs);

// `--collect NAME=REGEX`: a column of the summary, read from each run's
// standard output.
struct SweepColumn {
    std::string name;
    std::string pattern;
    std::regex regex;
};

// Adds the column of `--collect SPEC`. Returns "" or the problem (no name,
// a name given twice, a pattern that is not a regular expression).
std::string addSweepColumn(std::vector<SweepColumn>& columns, const std::string& spec);

// What a column reads from a run's output, line by line: of the last line
// that matches, the first group of the match, or the whole match when the
// pattern has no group; "" when no line matches.
std::string collected(const SweepColumn& column, const std::string& output);

// A word as a POSIX shell reads it back: as it is when it holds only safe
// characters, else in single quotes.
std::string shellQuoted(const std::string& word);

// A field of a CSV row (RFC 4180): quoted when it holds a comma, a quote or
// a line break.
std::string csvField(const std::string& text);

} // namespace absim::cli
