#pragma once
// --dc-log FILE: the per-interval history of every deployment component and
// resource, as CSV or JSON (chosen by the extension). Columns and fields
// are described in docs/report.md.

#include "app/report/atomic_write.h"
#include "app/report/run_record.h"

#include <string>

namespace absim::report {

// One row per DC, resource and closed interval.
std::string renderDcLogCsv(const RunRecord& record);
// The run's facts (without the wall time, so that the file is the same for
// the same model, arguments and seed) and every DC with its intervals.
std::string renderDcLogJson(const RunRecord& record);

// The same texts piece by piece: a long run's log has millions of rows
// (one per interval, however few runs of equal intervals the record holds),
// more than is worth holding in memory at once.
void streamDcLogCsv(const RunRecord& record, const Emit& emit);
void streamDcLogJson(const RunRecord& record, const Emit& emit);

// Renders by extension and writes atomically; an unknown extension is an
// error too (see output_paths.h).
WriteResult writeDcLog(const RunRecord& record, const std::string& path);

} // namespace absim::report
