#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite:
#   1. the unit and golden tests (ctest) on the optimised build in build/;
#   2. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/;
#   3. every scripts/test.d/*.sh, in name order (the fuzz run, the editor tests, ...).
# A failed build stops the run at once; a failed test suite is recorded and the
# others still run, so one CI run shows everything that is wrong. The exit
# status is non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=${CXV_JOBS:-2}
failed=()
section() { printf '\n==> %s\n' "$*"; }
suite() {  # suite NAME COMMAND...: run a test suite, remember it if it fails
  local name=$1
  shift
  section "$name"
  if ! "$@"; then
    failed+=("$name")
    echo "FAILED: $name"
  fi
}

section "setup"
bash scripts/setup.sh

section "build (build/)"
bash scripts/build.sh

suite "tests (build/)" ctest --test-dir build --output-on-failure -j"$jobs"

section "build with ASan+UBSan (build-asan/)"
# No benchmarks here: their timings under the sanitizers mean nothing, and they cost build time.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCXV_SANITIZE=ON -DCXV_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
suite "tests under ASan+UBSan (build-asan/)" ctest --test-dir build-asan --output-on-failure -j"$jobs"
unset ASAN_OPTIONS UBSAN_OPTIONS

# Hook point: other suites add a file to scripts/test.d/ instead of editing this one.
# Each runs from the repository root and may use build/ and build-asan/.
for t in scripts/test.d/*.sh; do
  [[ -e "$t" ]] || continue
  suite "$t" bash "$t"
done

if ((${#failed[@]} > 0)); then
  section "FAILED: ${failed[*]}"
  exit 1
fi
section "all tests passed"
