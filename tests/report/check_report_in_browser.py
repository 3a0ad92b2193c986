#!/usr/bin/env python3
"""Opens absim's HTML report in headless Chromium.

Checks that the page is self-contained (nothing to fetch), loads without a
single console message (our page has no scripts, so any message is an
error), that the browser's DOM holds every chart and section, and takes a
screenshot of the report and of the plot file for a person to look at.

usage: check_report_in_browser.py --sample PATH --out-dir DIR
                                  [--absim PATH --model FILE.abs] [--chromium PATH]

The sample program (absim_report_sample) writes the report of a hand-built
run record, which has every kind of chart. With --absim and --model, the
report and plot that `absim run` writes for a real model are checked too:
self-contained, no console messages, the metric charts the model records.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Flags for a quiet, offline, reproducible browser: no sandbox (tests may
# run as root in containers), no GPU, no background traffic or updates.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]

# The sections and chart kinds the sample's report must contain.
EXPECTED_SECTIONS = ["summary", "load", "fleet", "metrics"]
EXPECTED_CHART_KINDS = ["dc-Speed", "dc-Bandwidth", "machines", "billing", "metric"]

# A line of Chromium's log that reports something the page's console said
# (console.log/error, uncaught exceptions) or a resource that failed to load.
CONSOLE_LINE = re.compile(r"CONSOLE|Uncaught|Failed to load resource|net::ERR_")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def find_chromium(explicit):
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    fail("Chromium is not installed (scripts/setup.sh installs the Debian package 'chromium')")


def run_chromium(chromium, extra, url):
    """Runs one headless Chromium with a fresh profile; returns (stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="absim-chromium-") as profile:
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   "--enable-logging=stderr", "--v=0", *extra, url]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                  errors="replace")
        except subprocess.TimeoutExpired:
            fail(f"Chromium did not finish within 120 s: {' '.join(command)}")
    if done.returncode != 0:
        fail(f"Chromium exited with {done.returncode}:\n{done.stderr}")
    return done.stdout, done.stderr


def console_lines(stderr):
    return [line for line in stderr.splitlines() if CONSOLE_LINE.search(line)]


def check_self_contained(html):
    # Anything the page would fetch: external scripts, style sheets, images.
    fetches = re.findall(r"""(?:src|href)\s*=\s*["']?(?!#)([^"'\s>]+)""", html)
    fetches += re.findall(r"url\(\s*['\"]?(?!#|data:)([^)'\"]+)", html)
    external = [f for f in fetches if not f.startswith("data:")]
    if external:
        fail(f"the report refers to outside resources: {external}")
    if "<script" in html:
        fail("the report contains a script; it is meant to need none")


def page_height(path):
    """The plot's own height (the whole SVG in one picture); 2000 for the report."""
    if path.endswith(".svg"):
        with open(path, encoding="utf-8") as f:
            found = re.search(r'<svg[^>]* height="(\d+)"', f.read())
        if found:
            return int(found.group(1))
    return 2000


def check_png(path):
    with open(path, "rb") as f:
        head = f.read(8)
    if head != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    if os.path.getsize(path) < 20_000:
        fail(f"{path} is suspiciously small ({os.path.getsize(path)} bytes): blank page?")


def check_report(chromium, report, sections, chart_kinds):
    """The checks every report gets; returns the chart kinds the browser saw."""
    with open(report, encoding="utf-8") as f:
        html = f.read()
    check_self_contained(html)

    dom, log = run_chromium(chromium, ["--dump-dom"], "file://" + report)
    problems = console_lines(log)
    if problems:
        fail(f"{os.path.basename(report)} logged to the console:\n" + "\n".join(problems))
    for section in sections:
        if f'id="{section}"' not in dom:
            fail(f"the rendered page {os.path.basename(report)} has no section '{section}'")
    kinds = re.findall(r'<svg[^>]*data-chart="([^"]+)"', dom)
    for kind in chart_kinds:
        if kind not in kinds:
            fail(f"{os.path.basename(report)} has no '{kind}' chart "
                 f"(found: {sorted(set(kinds))})")
    if len(kinds) != html.count("<svg "):
        fail(f"the browser kept {len(kinds)} of {html.count('<svg ')} charts")
    return kinds


def screenshot(chromium, source, shot):
    if os.path.exists(shot):
        os.remove(shot)
    size = f"--window-size=1280,{page_height(source)}"
    _, log = run_chromium(chromium, [f"--screenshot={shot}", size], "file://" + source)
    problems = console_lines(log)
    if problems:
        fail(f"{os.path.basename(source)} logged to the console:\n" + "\n".join(problems))
    check_png(shot)
    return shot


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", required=True, help="absim_report_sample executable")
    parser.add_argument("--out-dir", required=True, help="where the report and screenshots go")
    parser.add_argument("--chromium", help="the browser binary (default: found on PATH)")
    parser.add_argument("--absim", help="the absim executable, to report on --model")
    parser.add_argument("--model", help="a small model for `absim run --report`")
    args = parser.parse_args()

    chromium = find_chromium(args.chromium)
    os.makedirs(args.out_dir, exist_ok=True)
    report = os.path.abspath(os.path.join(args.out_dir, "report.html"))
    plot = os.path.abspath(os.path.join(args.out_dir, "plot.svg"))
    for path in (report, plot):
        if os.path.exists(path):
            os.remove(path)
    subprocess.run([args.sample, "--report", report, "--plot", plot], check=True)

    kinds = check_report(chromium, report, EXPECTED_SECTIONS, EXPECTED_CHART_KINDS)
    shots = [screenshot(chromium, source, os.path.abspath(os.path.join(args.out_dir, name)))
             for source, name in ((report, "report.png"), (plot, "plot.png"))]

    if args.absim:
        # A report from a real run: the model records two series and counters.
        run_report = os.path.abspath(os.path.join(args.out_dir, "run_report.html"))
        run_plot = os.path.abspath(os.path.join(args.out_dir, "run_plot.svg"))
        for path in (run_report, run_plot):
            if os.path.exists(path):
                os.remove(path)
        done = subprocess.run([args.absim, "run", args.model, "-l", "20", "--report",
                               run_report, "--plot", run_plot], capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"absim run exited with {done.returncode}:\n{done.stderr}")
        run_kinds = check_report(chromium, run_report, ["summary", "metrics"], ["metric"])
        if run_kinds.count("metric") < 2:
            fail(f"the run's report has {run_kinds.count('metric')} metric charts, expected 2")
        with open(run_report, encoding="utf-8") as f:
            html = f.read()
        for name in ("queue length", "response time", "jobs served", "work done"):
            if name not in html:
                fail(f"the run's report does not mention the metric '{name}'")
        shots += [screenshot(chromium, source, os.path.abspath(os.path.join(args.out_dir, name)))
                  for source, name in ((run_report, "run_report.png"), (run_plot, "run_plot.png"))]
        kinds += run_kinds

    print(f"ok: {len(kinds)} charts rendered, no console messages; screenshots: {' '.join(shots)}")


if __name__ == "__main__":
    main()
