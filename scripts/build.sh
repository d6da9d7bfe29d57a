#!/usr/bin/env bash
# Configures and builds cxv into build/ (optimised, with debug info). Extra
# arguments go to `cmake --build`, e.g. `bash scripts/build.sh --target cxv`.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${CXV_JOBS:-2}   # the project's machines have two cores
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" "$@"
