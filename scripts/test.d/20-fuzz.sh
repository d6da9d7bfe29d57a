#!/usr/bin/env bash
# Fuzzes for a fixed time (default 60 s, shared between the targets) with
# libFuzzer under ASan+UBSan, seeded with every .cxv file in the tree:
#   fuzz_check  parse + check (the whole front end);
#   fuzz_fmt    cxv fmt: idempotent, tokens and comments kept, never E023 on a file that parses.
# Any crash, leak, sanitizer report or hang (> 10 s for one input) fails the
# run and prints the reproducer.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${CXV_JOBS:-2}
seconds=${CXV_FUZZ_SECONDS:-60}

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCXV_FUZZ=ON -DCXV_TESTS=OFF -DCXV_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_check fuzz_fmt

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
# Seeds: every .cxv the project has (examples, tests, stdlib, editor tests).
git ls-files '*.cxv' | while read -r f; do cp "$f" "$work/corpus/$(echo "$f" | tr '/' '_')"; done
python3 fuzz/make_dict.py "$work/cxv.dict"

echo "fuzz: $(ls "$work/corpus" | wc -l) seeds, ${seconds}s in all"
# fuzz TARGET SECONDS: one target on its own copy of the corpus (new inputs one
# target finds are not fed to the other, so each run is reproducible alone).
fuzz() {
  local target=$1 secs=$2
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  cp "$work/corpus/"* "$work/$target/corpus/"
  if ! ./build-fuzz/fuzz/"$target" "$work/$target/corpus" -dict="$work/cxv.dict" \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -artifact_prefix="$work/$target/artifacts/" -print_final_stats=1 2>"$work/$target/log"; then
    tail -60 "$work/$target/log"
    for a in "$work/$target"/artifacts/*; do
      [[ -e "$a" ]] || continue
      echo "reproducer $a (base64):"
      base64 "$a"
    done
    echo "fuzz: $target FAILED" >&2
    return 1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$work/$target/log" | tail -2
  echo "fuzz: $target, no failure in ${secs}s"
}

fmt_seconds=$((seconds / 3))
status=0
fuzz fuzz_check $((seconds - fmt_seconds)) || status=1
fuzz fuzz_fmt "$fmt_seconds" || status=1
exit "$status"
