// Choosing the DC log's format and writing it.

#include "app/report/dc_log.h"

#include "app/report/output_paths.h"

namespace absim::report {

WriteResult writeDcLog(const RunRecord& record, const std::string& path) {
    auto format = dcLogFormatFor(path);
    if (!format)
        return WriteResult::failure(dcLogPathError(path));
    if (*format == DcLogFormat::Csv)
        return writeFileAtomically(path, [&](const Emit& emit) { streamDcLogCsv(record, emit); });
    return writeFileAtomically(path, [&](const Emit& emit) { streamDcLogJson(record, emit); });
}

std::string renderDcLogCsv(const RunRecord& record) {
    return collect([&](const Emit& emit) { streamDcLogCsv(record, emit); });
}

std::string renderDcLogJson(const RunRecord& record) {
    return collect([&](const Emit& emit) { streamDcLogJson(record, emit); });
}

} // namespace absim::report
