// Extension checks for the output options.

#include "app/report/output_paths.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

namespace absim::report {

namespace {

std::string lowerExtension(std::string_view path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

} // namespace

std::optional<DcLogFormat> dcLogFormatFor(std::string_view path) {
    std::string ext = lowerExtension(path);
    if (ext == ".csv")
        return DcLogFormat::Csv;
    if (ext == ".json")
        return DcLogFormat::Json;
    return std::nullopt;
}

std::string dcLogPathError(std::string_view path) {
    if (dcLogFormatFor(path))
        return {};
    return fmt::format("--dc-log '{}': the file name must end in .csv or .json "
                       "(the extension chooses the format)",
                       path);
}

std::string plotPathError(std::string_view path) {
    if (lowerExtension(path) == ".svg")
        return {};
    return fmt::format("--plot '{}': the file name must end in .svg", path);
}

std::string reportPathError(std::string_view path) {
    std::string ext = lowerExtension(path);
    if (ext == ".html" || ext == ".htm")
        return {};
    return fmt::format("--report '{}': the file name must end in .html", path);
}

} // namespace absim::report
