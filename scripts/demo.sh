#!/usr/bin/env bash
# Sets up, builds and runs the flagship example: a telecom's CX value framework.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh --target cxv

example=examples/telecom/telecom.cxv
echo
echo "\$ cxv check $example"
build/cli/cxv check "$example"
echo
echo "\$ cxv run $example"
build/cli/cxv run "$example"
