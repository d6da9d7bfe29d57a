#!/usr/bin/env bash
# The scorecard benchmark (issue 3, "Done when"), in one run:
#   1. builds `cxv` and the table generator optimised in build-bench/;
#   2. generates customer tables of 1M and 10M rows (gen_customers.cpp:
#      deterministic; segment text, money with cents, an optional score with
#      missing cells, a bool, a count) under build-bench/scorecard/;
#   3. times, on each table, `cxv run` of scorecard.cxv (11 KPIs: count, sum,
#      mean, median, percentile, share, with and without `where`) and the
#      same aggregations in DuckDB (npm @duckdb/node-api, installed into
#      build-bench/scorecard/duckdb/), pandas (Debian's python3-pandas, run
#      with /usr/bin/python3) and SQLite (the sqlite3 command-line tool,
#      importing the CSV): the whole process, best of N runs;
#   4. checks that every peer's figures agree with cxv's (compare.py; a
#      disagreement fails the benchmark) and prints a table: seconds (wall
#      clock and CPU), the ratio to DuckDB, peak RSS and peak / CSV size,
#      plus cxv's own phase times (`cxv run --timings`).
#
#   bash bench/scorecard/run.sh
#
# Environment: CXV_BENCH_ROWS ("1000000 10000000"), CXV_BENCH_RUNS (3, for
# cxv and DuckDB), CXV_BENCH_SLOW_RUNS (1, for pandas and sqlite3, which take
# seconds to minutes), CXV_JOBS (2), CXV_BENCH_BUILD (build-bench),
# CXV_BENCH_DIR (build-bench/scorecard: data and node_modules, never committed),
# CXV_BIN (a cxv binary to time instead of building one).
#
# Times come from /usr/bin/time -v (10 ms resolution). On a shared machine the
# wall clock includes waiting for a core; CPU time (user + system) is the
# steadier figure and is printed beside it. MB = 10^6 bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
jobs=${CXV_JOBS:-2}
runs=${CXV_BENCH_RUNS:-3}
slow_runs=${CXV_BENCH_SLOW_RUNS:-1}
build=${CXV_BENCH_BUILD:-build-bench}
dir=${CXV_BENCH_DIR:-build-bench/scorecard}
read -r -a row_counts <<<"${CXV_BENCH_ROWS:-1000000 10000000}"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCXV_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target bench_scorecard_gen $([[ -z ${CXV_BIN:-} ]] && echo cxv) >/dev/null
cxv=${CXV_BIN:-$root/$build/cli/cxv}
gen=$root/$build/bench/scorecard/bench_scorecard_gen

# --- the peers that are there -------------------------------------------------
have_duckdb=0 have_pandas=0 have_sqlite=0
if [[ -d $dir/duckdb/node_modules/@duckdb/node-api ]] ||
   (mkdir -p "$dir/duckdb" && cd "$dir/duckdb" &&
    npm install --no-audit --no-fund --loglevel=error @duckdb/node-api >"$dir/duckdb/npm.log" 2>&1); then
  cp bench/scorecard/duckdb_peer.mjs "$dir/duckdb/"
  have_duckdb=1
else
  echo "bench-scorecard: DuckDB blocked: \`npm install @duckdb/node-api\` failed:" >&2
  tail -5 "$dir/duckdb/npm.log" >&2
fi
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  have_pandas=1
else
  echo "bench-scorecard: skipping pandas (install it with: apt-get install python3-pandas)" >&2
fi
if command -v sqlite3 >/dev/null; then
  have_sqlite=1
else
  echo "bench-scorecard: skipping sqlite3 (install it with: apt-get install sqlite3)" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME RUNS OUT CMD...: runs CMD RUNS times, stdout to OUT; sets
# best_wall, best_cpu (seconds) and peak_kb (the largest RSS seen). CMD must
# succeed: a benchmark of a failed run would measure nothing.
measure() {
  local name=$1 n=$2 out=$3
  shift 3
  best_wall="" best_cpu="" peak_kb=0
  for ((r = 0; r < n; r++)); do
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$out" 2>"$work/err.txt"; then
      echo "bench-scorecard: $name failed:" >&2
      head -20 "$work/err.txt" "$out" >&2
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

echo "bench/scorecard: cxv run vs DuckDB, pandas, sqlite3 on the same CSV, whole process"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $runs runs" \
     "(pandas, sqlite3: best of $slow_runs)"
echo "versions: $("$cxv" --version 2>/dev/null | head -1)," \
     "DuckDB $([[ $have_duckdb == 1 ]] && (cd "$dir/duckdb" && node -p "require('@duckdb/node-api/package.json').version") || echo -)," \
     "pandas $([[ $have_pandas == 1 ]] && /usr/bin/python3 -c 'import pandas; print(pandas.__version__)' || echo -)," \
     "sqlite3 $([[ $have_sqlite == 1 ]] && sqlite3 --version | cut -d' ' -f1 || echo -)"

status=0
declare -A cxv_wall_at
for rows in "${row_counts[@]}"; do
  data="$dir/rows_$rows"
  mkdir -p "$data"
  csv="$data/customers.csv"
  "$gen" "$rows" "$csv"
  bytes=$(stat -c %s "$csv")
  printf '\n%s rows, %s (%.1f MB)\n' "$rows" "$csv" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
  printf '%-8s %10s %10s %12s %10s %10s\n' "tool" "wall s" "cpu s" "vs DuckDB" "peak MB" "peak/CSV"
  declare -A wall=() cpu=() kb=()
  outputs=()

  measure cxv "$runs" "$work/cxv.json" "$cxv" run --format json --data "$data" bench/scorecard/scorecard.cxv
  wall[cxv]=$best_wall cpu[cxv]=$best_cpu kb[cxv]=$peak_kb
  cxv_wall_at[$rows]=$best_wall
  if [[ $have_duckdb == 1 ]]; then
    measure DuckDB "$runs" "$work/duckdb.out" bash -c 'cd "$1" && node duckdb_peer.mjs "$2"' _ "$dir/duckdb" "$csv"
    wall[DuckDB]=$best_wall cpu[DuckDB]=$best_cpu kb[DuckDB]=$peak_kb
    outputs+=("DuckDB=$work/duckdb.out")
  fi
  if [[ $have_pandas == 1 ]]; then
    measure pandas "$slow_runs" "$work/pandas.out" /usr/bin/python3 bench/scorecard/pandas_peer.py "$csv"
    wall[pandas]=$best_wall cpu[pandas]=$best_cpu kb[pandas]=$peak_kb
    outputs+=("pandas=$work/pandas.out")
  fi
  if [[ $have_sqlite == 1 ]]; then
    { echo "CREATE TABLE customers(customer_id TEXT, segment TEXT, monthly_revenue REAL, nps TEXT, churned TEXT, support_calls INTEGER);"
      echo ".import --csv --skip 1 '$csv' customers"
      cat bench/scorecard/sqlite_peer.sql; } >"$work/sqlite.sql"
    measure sqlite3 "$slow_runs" "$work/sqlite.out" bash -c 'sqlite3 :memory: <"$1"' _ "$work/sqlite.sql"
    wall[sqlite3]=$best_wall cpu[sqlite3]=$best_cpu kb[sqlite3]=$peak_kb
    outputs+=("sqlite3=$work/sqlite.out")
  fi

  for tool in cxv DuckDB pandas sqlite3; do
    [[ -n ${wall[$tool]:-} ]] || continue
    ratio=-
    [[ -n ${wall[DuckDB]:-} ]] && ratio=$(awk -v a="${wall[$tool]}" -v b="${wall[DuckDB]}" 'BEGIN { printf "%.2fx", a / b }')
    printf '%-8s %10.2f %10.2f %12s %10.1f %9.2fx\n' "$tool" "${wall[$tool]}" "${cpu[$tool]}" "$ratio" \
      "$(awk -v k="${kb[$tool]}" 'BEGIN { print k * 1024 / 1e6 }')" \
      "$(awk -v k="${kb[$tool]}" -v b="$bytes" 'BEGIN { print k * 1024 / b }')"
  done

  # Where cxv's time goes: one more run with phase times on stderr.
  "$cxv" run --timings --format json --data "$data" bench/scorecard/scorecard.cxv 2>"$work/timings.txt" >/dev/null
  echo "cxv phases (one run, --timings): $(grep -v '^$' "$work/timings.txt" | tr '\n' ' ')"

  if python3 bench/scorecard/compare.py "$work/cxv.json" "${outputs[@]}"; then
    echo "figures: every peer agrees with cxv (counts and money sums exactly, means/shares/percentiles to the digits compared)"
  else
    echo "FAILED: a peer disagrees with cxv (above)"
    status=1
  fi
  if [[ -n ${wall[DuckDB]:-} ]]; then
    verdict() { awk "BEGIN { exit !($1) }" && echo met || echo MISSED; }
    echo "targets: time <= 0.5x DuckDB: $(verdict "${wall[cxv]} <= 0.5 * ${wall[DuckDB]}")" \
         "(cpu: $(verdict "${cpu[cxv]} <= 0.5 * ${cpu[DuckDB]}"));" \
         "peak <= 2x CSV: $(verdict "${kb[cxv]} * 1024 <= 2 * $bytes")"
  fi
done

if ((${#row_counts[@]} >= 2)); then
  first=${row_counts[0]} last=${row_counts[-1]}
  awk -v a="${cxv_wall_at[$first]}" -v b="${cxv_wall_at[$last]}" -v ra="$first" -v rb="$last" 'BEGIN {
    printf "\nlinearity: cxv %.2f s at %d rows, %.2f s at %d rows: %.1fx the time for %.0fx the rows\n", a, ra, b, rb, b / a, rb / ra }'
fi
exit $status
