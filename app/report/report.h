#pragma once
// The output side of a run, in one include for the CLI: the data model the
// interpreter fills, and the three writers. Each writer renders from the
// record alone and writes atomically; a failed write returns a message for
// exit status 74.

#include "app/report/dc_log.h"       // writeDcLog (--dc-log FILE.csv|.json)
#include "app/report/html_report.h"  // writeHtmlReport (--report FILE.html)
#include "app/report/output_paths.h" // checking the file names before the run
#include "app/report/plot_svg.h"     // writeSvg (--plot FILE.svg)
#include "app/report/run_record.h"
