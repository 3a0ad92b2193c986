#pragma once
// The pieces of the HTML report, one function per part of the page.

#include "app/report/run_record.h"

#include <string>

namespace absim::report {

// The page's inline style sheet.
const char* reportStyleSheet();

// The header's list of facts (model, arguments, seed, times).
std::string factsHtml(const RunFacts& facts);

// Per DC and shown resource: capacity, average and peak load, lifetime, cost.
std::string dcSummaryTableHtml(const RunRecord& record);

// The model's counters, in order of first use.
std::string countersTableHtml(const ModelMetrics& metrics);

} // namespace absim::report
