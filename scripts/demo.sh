#!/usr/bin/env bash
# The main job: install what is missing, build, and run the tutorial model.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
echo "== absim check examples/hello/hello.abs"
build/release/app/absim check examples/hello/hello.abs && echo "the model is well-formed"
