#pragma once
// Shared by the report tests: a small hand-built run record, a checker for
// well-formed XML, and a scratch directory.

#include "app/report/run_record.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace absim::report::testing {

// Two DCs: "Server, main" (a comma, to test CSV quoting) with Speed 10 and
// unlimited Bandwidth over intervals 0 and 1, and "cloud-1" from a cloud
// provider, created at 5/2 and shut down at 4, with one Speed interval.
RunRecord smallRecord();

// Empty if `xml` is well-formed as far as SVG output needs (balanced and
// properly nested tags, quoted attributes, no stray '<' or '&'); otherwise
// what is wrong and where.
std::string xmlProblem(std::string_view xml);

// A fresh directory under the system's temporary folder, removed at the end.
class ScratchDir {
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string file(const char* name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

std::string readFile(const std::string& path);

} // namespace absim::report::testing
