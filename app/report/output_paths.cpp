// Extension checks for the output options.

#include "app/report/output_paths.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <system_error>
#include <unistd.h>

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

std::string outputFolderError(std::string_view option, std::string_view path) {
    namespace fs = std::filesystem;
    fs::path parent = fs::path(path).parent_path();
    if (parent.empty())
        parent = ".";
    std::error_code ec;
    auto status = fs::status(parent, ec);
    if (ec || !fs::exists(status))
        return fmt::format("{} '{}': the folder '{}' does not exist", option, path,
                           parent.string());
    if (!fs::is_directory(status))
        return fmt::format("{} '{}': '{}' is not a folder", option, path, parent.string());
    // The temporary file is created in that folder, so it must be writable.
    if (access(parent.c_str(), W_OK) != 0)
        return fmt::format("{} '{}': cannot write to the folder '{}'", option, path,
                           parent.string());
    if (fs::is_directory(fs::status(fs::path(path), ec)))
        return fmt::format("{} '{}': is a folder", option, path);
    return {};
}

} // namespace absim::report
