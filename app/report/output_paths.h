#pragma once
// Which file names each output accepts. The CLI checks them before the run
// starts (a typo in an extension should not cost a long simulation) and the
// writers check them again.

#include <optional>
#include <string>
#include <string_view>

namespace absim::report {

enum class DcLogFormat { Csv, Json };

// By extension, case-insensitively: ".csv" or ".json".
std::optional<DcLogFormat> dcLogFormatFor(std::string_view path);

// An error message if the path cannot name that output, else empty.
std::string dcLogPathError(std::string_view path);  // .csv or .json
std::string plotPathError(std::string_view path);   // .svg
std::string reportPathError(std::string_view path); // .html or .htm

// An error message if the folder the file would go into does not exist, is
// not a folder or cannot be written to (exit status 74), else empty.
// `option` names the command-line option in the message.
std::string outputFolderError(std::string_view option, std::string_view path);

} // namespace absim::report
