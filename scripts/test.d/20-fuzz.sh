#!/usr/bin/env bash
# Fuzzes parse + check for a fixed time (default 60 s) with libFuzzer under
# ASan+UBSan, seeded with every .cxv file in the tree. Any crash, leak, sanitizer
# report or hang (> 10 s for one input) fails the run and prints the reproducer.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${CXV_JOBS:-2}
seconds=${CXV_FUZZ_SECONDS:-60}

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCXV_FUZZ=ON -DCXV_TESTS=OFF -DCXV_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_check

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
# Seeds: every .cxv the project has (examples, tests, stdlib, editor tests).
git ls-files '*.cxv' | while read -r f; do cp "$f" "$work/corpus/$(echo "$f" | tr '/' '_')"; done
python3 fuzz/make_dict.py "$work/cxv.dict"

echo "fuzz: $(ls "$work/corpus" | wc -l) seeds, ${seconds}s"
if ! ./build-fuzz/fuzz/fuzz_check "$work/corpus" -dict="$work/cxv.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>"$work/log"; then
  tail -60 "$work/log"
  for a in "$work"/artifacts/*; do
    [[ -e "$a" ]] || continue
    echo "reproducer $a (base64):"
    base64 "$a"
  done
  echo "fuzz: FAILED" >&2
  exit 1
fi
grep -E "stat::number_of_executed_units|cov:" "$work/log" | tail -2
echo "fuzz: no crash in ${seconds}s"
