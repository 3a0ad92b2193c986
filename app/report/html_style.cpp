// The report's style sheet, inline so the page needs nothing else. Charts
// scale with the window: each inline SVG has a viewBox and takes the width
// of its grid cell.

#include "app/report/html_parts.h"

namespace absim::report {

const char* reportStyleSheet() {
    return R"css(
:root { color-scheme: light; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #111827; background: #f9fafb; line-height: 1.4; }
header { background: #ffffff; border-bottom: 1px solid #e5e7eb; padding: 16px 24px; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 24px 0 10px; }
main { padding: 0 24px 24px; max-width: 1400px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px;
           margin: 0; font-size: 14px; }
dl.facts dt { color: #4b5563; }
dl.facts dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace;
              overflow-wrap: anywhere; }
table { border-collapse: collapse; background: #ffffff; font-size: 14px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
svg.chart { width: 100%; height: auto; display: block; }
p.note { color: #4b5563; font-size: 14px; }
footer { color: #6b7280; font-size: 12px; padding: 12px 24px 24px; }
)css";
}

} // namespace absim::report
