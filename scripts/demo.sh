#!/usr/bin/env bash
# The main job: install what is missing, build, and run the New Year's Eve
# tutorial model (balanced stage) with its charts: a self-contained HTML
# report, the charts as SVG, and the per-interval DC log, all under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
mkdir -p out
model=examples/new-years-eve/balanced.abs
echo "== absim run $model -l 300"
build/release/app/absim run "$model" -l 300 --stats \
  --report out/new-years-eve.html --plot out/new-years-eve.svg --dc-log out/new-years-eve.csv \
  | tail -n 8
echo
echo "Charts: out/new-years-eve.html (open it in a browser), out/new-years-eve.svg"
echo "Per-interval capacity and load of every machine: out/new-years-eve.csv"
