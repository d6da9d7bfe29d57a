#!/usr/bin/env bash
# Editor support tests: the VS Code extension's TextMate grammar (scope
# assertions per construct in editors/vscode/test/*.test.cxv, snapshots of every
# examples/**/*.cxv) and its folding and snippet tests. Needs node and npm; the
# packages come from the npm registry, pinned by editors/vscode/package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../editors/vscode"
# test/real-server.test.js runs the extension against the real `cxv lsp` of the build (skipped when absent).
export CXV_BIN="${CXV_BIN:-$(cd ../.. && pwd)/build/cli/cxv}"

if ! command -v npm >/dev/null 2>&1; then
  echo "editor tests: npm is not installed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null
npm test --silent
