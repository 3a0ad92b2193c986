// Choosing the DC log's format and writing it.

#include "app/report/dc_log.h"

#include "app/report/output_paths.h"

namespace absim::report {

WriteResult writeDcLog(const RunRecord& record, const std::string& path) {
    auto format = dcLogFormatFor(path);
    if (!format)
        return WriteResult::failure(dcLogPathError(path));
    return writeFileAtomically(path, *format == DcLogFormat::Csv ? renderDcLogCsv(record)
                                                                 : renderDcLogJson(record));
}

} // namespace absim::report
