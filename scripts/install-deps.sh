#!/usr/bin/env bash
# Installs the Debian packages Akhbar builds with, if any is missing.
# Safe to run again: it does nothing when everything is there.
set -euo pipefail

packages=(g++ cmake make pkg-config libxapian-dev xapian-tools libicu-dev help2man dpkg-dev file
          libboost-program-options-dev catch2 nlohmann-json3-dev zlib1g-dev
          libdlib-dev libblas-dev liblapack-dev libfribidi-dev libreadline-dev)
[ "${AKHBAR_WITH_CLANG:-0}" = 1 ] && packages+=(clang libclang-rt-dev)
# The peers the benchmark smoke run compares against (bench/README.md).
[ "${AKHBAR_BENCH_PEERS:-0}" = 1 ] && packages+=(python3-xapian xapian-omega time)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
