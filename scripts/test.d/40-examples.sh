#!/usr/bin/env bash
# Every example under examples/*/ must stay whole: its generator reproduces the
# committed data (gen_data.py --check), the framework passes `cxv check --strict`
# with no warning, `cxv run` succeeds in every output format, and, where the
# binary has them, `cxv test` (every expect block holds) and `cxv fmt --check`.
# Each example's failures are reported and the run goes on to the next, so one
# run shows everything that is wrong; the exit status is 1 if anything failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cxv=${CXV_BIN:-build/cli/cxv}
if [[ ! -x "$cxv" ]]; then
  echo "examples: $cxv not found; build first (bash scripts/build.sh) or set CXV_BIN" >&2
  exit 1
fi

# Subcommands that may not exist in every build yet: run them only when present.
has_test=0; "$cxv" test --help >/dev/null 2>&1 && has_test=1
has_fmt=0; "$cxv" fmt --help >/dev/null 2>&1 && has_fmt=1

failures=()
step() {  # step EXAMPLE WHAT COMMAND...: run one check quietly, show its output on failure
  local example=$1 what=$2 out
  shift 2
  if ! out=$("$@" 2>&1); then
    failures+=("$example: $what")
    printf 'FAILED %s: %s\n%s\n' "$example" "$what" "$out"
  fi
}

count=0
for dir in examples/*/; do
  example=$(basename "$dir")
  mapfile -t frameworks < <(find "$dir" -maxdepth 1 -name '*.cxv' | sort)
  if ((${#frameworks[@]} == 0)); then
    failures+=("$example: no .cxv framework")
    continue
  fi
  count=$((count + 1))
  if [[ -f "$dir/gen_data.py" ]]; then
    step "$example" "gen_data.py --check" python3 "$dir/gen_data.py" --check
  else
    failures+=("$example: no gen_data.py")
  fi
  for framework in "${frameworks[@]}"; do
    step "$example" "cxv check --strict $framework" "$cxv" check --strict "$framework"
    for format in table json csv markdown; do
      step "$example" "cxv run --format $format $framework" "$cxv" run --format "$format" "$framework"
    done
    ((has_test)) && step "$example" "cxv test $framework" "$cxv" test "$framework"
    ((has_fmt)) && step "$example" "cxv fmt --check $framework" "$cxv" fmt --check "$framework"
  done
done

if ((${#failures[@]} > 0)); then
  printf 'examples: %d failed:\n' "${#failures[@]}" >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "examples: $count examples pass (data, check --strict, run in 4 formats$( ((has_test)) && echo ", test")$( ((has_fmt)) && echo ", fmt --check"))"
