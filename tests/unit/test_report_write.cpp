// Atomic output files: the target is replaced only by a complete file, and
// a failed write leaves neither a partial target nor a temporary file.

#include "report_helpers.h"

#include "app/report/atomic_write.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace absim::report;
using namespace absim::report::testing;
namespace fs = std::filesystem;

namespace {

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

TEST_SUITE_BEGIN("report");

TEST_CASE("atomic_write_creates_and_then_replaces_the_target") {
    ScratchDir dir;
    std::string target = dir.file("out.csv");
    REQUIRE(writeFileAtomically(target, "old\n").ok());
    CHECK(readFile(target) == "old\n");
    REQUIRE(writeFileAtomically(target, "new contents\n").ok());
    CHECK(readFile(target) == "new contents\n");
    CHECK(entries(dir.path()) == 1); // no temporary file left beside it
}

TEST_CASE("atomic_write_into_a_missing_folder_fails_and_creates_nothing") {
    ScratchDir dir;
    std::string target = (dir.path() / "missing" / "out.csv").string();
    WriteResult r = writeFileAtomically(target, "x");
    CHECK_FALSE(r.ok());
    CHECK(r.error == "cannot write '" + target + "': No such file or directory");
    CHECK_FALSE(fs::exists(target));
    CHECK(entries(dir.path()) == 0);
}

TEST_CASE("atomic_write_over_a_directory_fails_and_removes_its_temporary_file") {
    // The rename is the step that fails here, after the temporary file was
    // fully written: it must be cleaned up and the target left alone.
    ScratchDir dir;
    fs::create_directory(dir.path() / "report.html");
    std::ofstream(dir.path() / "report.html" / "keep.txt") << "kept";
    WriteResult r = writeFileAtomically(dir.file("report.html"), "<html></html>");
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("cannot write '" + dir.file("report.html") + "': ") == 0);
    CHECK(fs::is_directory(dir.path() / "report.html"));
    CHECK(readFile((dir.path() / "report.html" / "keep.txt").string()) == "kept");
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("a_failed_write_keeps_the_previous_good_file") {
    ScratchDir dir;
    std::string target = dir.file("log.json");
    REQUIRE(writeFileAtomically(target, "{\"good\": true}\n").ok());
    // A name the file system refuses (too long) fails before the target
    // is touched; the previous file stays as it was.
    std::string tooLong = dir.file("log.json") + std::string(300, 'x') + ".json";
    CHECK_FALSE(writeFileAtomically(tooLong, "partial").ok());
    CHECK(readFile(target) == "{\"good\": true}\n");
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("atomic_write_to_a_relative_name_works_in_the_current_folder") {
    ScratchDir dir;
    fs::path previous = fs::current_path();
    fs::current_path(dir.path());
    WriteResult r = writeFileAtomically("plain.svg", "<svg/>");
    fs::current_path(previous);
    CHECK(r.ok());
    CHECK(readFile(dir.file("plain.svg")) == "<svg/>");
}

TEST_SUITE_END();
