#!/usr/bin/env bash
# Installs wrk from Debian's packages, for the proxy suite's generator check (designbench load vs wrk).
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
    { wrk --version 2>&1 || true; } | head -1  # wrk --version exits 1
    exit 0
fi
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
$sudo_cmd apt-get update -q
$sudo_cmd apt-get install -y -q wrk
{ wrk --version 2>&1 || true; } | head -1
