#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the release build
# first, then the whole suite again under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
for preset in release asan; do
  echo "== build ($preset)"
  scripts/build.sh "$preset"
  echo "== test ($preset)"
  ctest --preset "$preset" -j "$jobs"
done
