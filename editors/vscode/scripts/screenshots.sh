#!/usr/bin/env bash
# Makes the highlighting screenshots of docs/editors.md headless: each example
# rendered to HTML with the extension's grammar (scripts/highlight-html.js),
# then photographed by Debian's chromium in headless mode. Not part of CI (the
# PNGs are committed); re-run after changing the grammar or the examples:
#   bash editors/vscode/scripts/screenshots.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/docs/images"
chrome="$(command -v chromium || true)"
if [ -z "$chrome" ]; then
  echo "screenshots.sh: chromium is not installed (sudo apt-get install chromium)" >&2
  exit 1
fi
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shoot() {  # FILE LINES NAME HEIGHT
  node "$here/scripts/highlight-html.js" "$repo/$1" --lines "$2" > "$work/$3.html"
  "$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size=1000,"$4" --screenshot="$out/$3.png" "file://$work/$3.html" 2> "$work/chrome.log" ||
    { cat "$work/chrome.log" >&2; exit 1; }
  echo "wrote docs/images/$3.png"
}

shoot examples/telecom/telecom.cxv 62 highlighting-telecom 1000
shoot examples/public_service/public_service.cxv 45 highlighting-public-service 760
