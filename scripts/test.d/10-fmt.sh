#!/usr/bin/env bash
# Every .cxv file that is meant to be canonical (examples/ and stdlib/) must be
# in the layout of `cxv fmt` (docs/formatting.md). A file that is not fails the
# run with a unified diff; `cxv fmt -w FILE` fixes it. The golden cases under
# tests/golden/ are laid out oddly on purpose and are not checked here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cxv=${CXV_BIN:-build/cli/cxv}
if [[ ! -x "$cxv" ]]; then
  echo "fmt: $cxv not found; build first (bash scripts/build.sh) or set CXV_BIN" >&2
  exit 1
fi

mapfile -t files < <(git ls-files 'examples/*.cxv' 'stdlib/*.cxv')
if ((${#files[@]} == 0)); then
  echo "fmt: no .cxv files under examples/ or stdlib/" >&2
  exit 1
fi
if ! "$cxv" fmt --check "${files[@]}"; then
  echo "fmt: the files above are not formatted; run: $cxv fmt -w FILE" >&2
  exit 1
fi
echo "fmt: ${#files[@]} files in the canonical layout"
