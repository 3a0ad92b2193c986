#!/usr/bin/env bash
# Installs the Debian packages absim needs to build, run and test, if any is
# missing. Debian packages only; idempotent; quiet when nothing is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake make python3
  # parser generator (needs a JRE) and its runtime
  antlr4 default-jre-headless libantlr4-runtime-dev
  # exact arithmetic, formatting, unit tests
  libboost-dev libgmp-dev libfmt-dev doctest-dev
  # the HTTP model API
  libcpp-httplib-dev nlohmann-json3-dev
  # line editing for `absim repl`, and its terminal test
  libedit-dev tmux
  # the browser test of the HTML report (headless)
  chromium fonts-dejavu-core
)
if [[ "${1:-}" == "--print" ]]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "absim setup: installing ${missing[*]}" >&2
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "absim setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
