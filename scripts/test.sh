#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite:
#   1. the unit and golden tests (ctest) on the optimised build in build/;
#   2. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/;
#   3. every scripts/test.d/*.sh, in name order (the fuzz run, the editor tests, ...).
# Any failure stops the run with a non-zero exit status.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${CXV_JOBS:-2}
section() { printf '\n==> %s\n' "$*"; }

section "setup"
bash scripts/setup.sh

section "build (build/)"
bash scripts/build.sh

section "tests (build/)"
ctest --test-dir build --output-on-failure -j"$jobs"

section "build with ASan+UBSan (build-asan/)"
# No benchmarks here: their timings under the sanitizers mean nothing, and they cost build time.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCXV_SANITIZE=ON -DCXV_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"

section "tests under ASan+UBSan (build-asan/)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

# Hook point: other suites add a file to scripts/test.d/ instead of editing this one.
# Each runs from the repository root and may use build/ and build-asan/.
for t in scripts/test.d/*.sh; do
  [[ -e "$t" ]] || continue
  section "$t"
  bash "$t"
done

section "all tests passed"
