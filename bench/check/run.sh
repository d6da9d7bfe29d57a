#!/usr/bin/env bash
# The `cxv check` throughput benchmark (issue 2, "Done when"), in one run:
#   1. builds `cxv` and the JSON peer optimised (RelWithDebInfo: -O2 -g) in build-bench/;
#   2. generates the framework of 10,000 KPIs and 10,000 initiatives (~9 MB)
#      and one five times larger (~50 MB, to see that time grows linearly);
#   3. times `cxv check` on each (the whole process: read, parse, check, lint,
#      render the warnings) and PEGTL's own JSON grammar on a JSON file of the
#      same size, best of CXV_BENCH_RUNS runs (default 5);
#   4. prints MB/s, peak RSS as a multiple of the file size, the ratio to the
#      peer, and whether the targets (>= 50 MB/s, <= 10x) are met.
#
#   bash bench/check/run.sh            # CXV_JOBS=2 CXV_BENCH_RUNS=5 by default
#
# Times come from /usr/bin/time -v (wall clock and user+system CPU, 10 ms
# resolution; "Maximum resident set size" for memory). On a shared machine
# the wall clock includes waiting for a core: the CPU time is the steadier
# figure, and MB/s is given for both. MB = 10^6 bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${CXV_JOBS:-2}
runs=${CXV_BENCH_RUNS:-5}
build=${CXV_BENCH_BUILD:-build-bench}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCXV_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target cxv bench_check_json_peer >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME CMD...: runs CMD $runs times; sets best_wall, best_cpu (seconds)
# and peak_kb (the largest RSS seen). CMD must succeed: a benchmark of a
# failed run would measure nothing.
measure() {
  local name=$1
  shift
  best_wall="" best_cpu="" peak_kb=0
  for ((r = 0; r < runs; r++)); do
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
      echo "bench-check: $name failed:" >&2
      head -20 "$work/err.txt" "$work/out.txt" >&2
      exit 1
    fi
    read -r wall cpu kb < <(awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { m = $2 }
      END { printf "%.2f %.2f %d\n", w, u + s, m }' "$work/time.txt")
    if [[ -z $best_wall ]] || awk "BEGIN { exit !($wall < $best_wall) }"; then best_wall=$wall; fi
    if [[ -z $best_cpu ]] || awk "BEGIN { exit !($cpu < $best_cpu) }"; then best_cpu=$cpu; fi
    if ((kb > peak_kb)); then peak_kb=$kb; fi
  done
}

# rate BYTES SECONDS: MB/s, or "> X" when the run was below the clock's resolution.
rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (s < 0.01) printf "> %.0f", b / 0.01 / 1e6; else printf "%.1f", b / s / 1e6 }'; }

echo "bench/check: cxv check vs PEGTL's JSON grammar, optimised -O2, best of $runs runs"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-34s %9s %12s %12s %9s %10s\n' "input" "size MB" "MB/s (wall)" "MB/s (cpu)" "peak MB" "peak/size"

status=0
for kpis in 10000 54000; do
  cxv_file="$work/framework_$kpis.cxv"
  python3 bench/check/gen_framework.py --kpis "$kpis" --out "$cxv_file"
  bytes=$(stat -c %s "$cxv_file")
  python3 bench/check/gen_json.py --bytes "$bytes" --out "$work/peer_$kpis.json"
  json_bytes=$(stat -c %s "$work/peer_$kpis.json")

  measure "cxv check" "$build/cli/cxv" check "$cxv_file"
  cxv_wall=$best_wall cxv_cpu=$best_cpu cxv_kb=$peak_kb
  measure "json peer" "$build/bench/check/bench_check_json_peer" "$work/peer_$kpis.json"
  json_wall=$best_wall json_cpu=$best_cpu json_kb=$peak_kb

  cxv_rate=$(rate "$bytes" "$cxv_cpu")
  json_rate=$(rate "$json_bytes" "$json_cpu")
  multiple=$(awk -v k="$cxv_kb" -v b="$bytes" 'BEGIN { printf "%.1f", k * 1024 / b }')
  printf '%-34s %9.1f %12s %12s %9.1f %9sx\n' "cxv check, $kpis KPIs+initiatives" \
    "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$(rate "$bytes" "$cxv_wall")" "$cxv_rate" \
    "$(awk -v k="$cxv_kb" 'BEGIN { print k / 1024 }')" "$multiple"
  printf '%-34s %9.1f %12s %12s %9.1f %9sx\n' "PEGTL json grammar, same size" \
    "$(awk -v b="$json_bytes" 'BEGIN { print b / 1e6 }')" "$(rate "$json_bytes" "$json_wall")" "$json_rate" \
    "$(awk -v k="$json_kb" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$json_kb" -v b="$json_bytes" 'BEGIN { printf "%.1f", k * 1024 / b }')"
  ratio=$(awk -v c="$cxv_cpu" -v j="$json_cpu" -v cb="$bytes" -v jb="$json_bytes" \
    'BEGIN { if (c < 0.01 || j < 0.01) print "n/a"; else printf "%.2f", (cb / c) / (jb / j) }')
  speed_ok=$(awk -v b="$bytes" -v c="$cxv_cpu" 'BEGIN { print (c > 0 && b / c / 1e6 >= 50) ? "met" : "MISSED" }')
  mem_ok=$(awk -v m="$multiple" 'BEGIN { print (m <= 10) ? "met" : "MISSED" }')
  echo "  cxv / json throughput (cpu): $ratio;  target >= 50 MB/s: $speed_ok;  target peak <= 10x: $mem_ok"
  [[ $speed_ok == met && $mem_ok == met ]] || status=1
done

echo
if ((status == 0)); then echo "bench-check: both targets met"; else echo "bench-check: a target was missed"; fi
