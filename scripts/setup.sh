#!/usr/bin/env bash
# Installs what building and testing cxv needs, from Debian 12's own packages.
# Idempotent and quiet: when everything is there it prints one line and touches
# nothing; apt-get runs (with `update` first) only for what is missing.
set -euo pipefail

packages=(
  build-essential cmake g++ pkg-config
  tao-pegtl-dev libboost-dev libfmt-dev doctest-dev libcli11-dev nlohmann-json3-dev
  coinor-libcbc-dev
  python3
  clang-14 libclang-rt-14-dev   # the libFuzzer target and sanitizer runtimes
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# Node.js and npm (for the editor extension's tests): any install will do, e.g.
# NodeSource's nodejs, which bundles npm and conflicts with Debian's npm package.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} == 0)); then
  echo "setup: all build and test dependencies are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
