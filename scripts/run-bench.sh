#!/usr/bin/env bash
# Runs the benchmarks and writes a new results/runs/<machine>/<run>/ folder.
set -euo pipefail
usage="usage: scripts/run-bench.sh [quick|standard|thorough] [include-regex]   e.g. scripts/run-bench.sh quick 'designbench.threads'"
case "${1:-}" in -h|--help) echo "$usage"; exit 0 ;; esac
profile="${1:-standard}"
include="${2:-.*}"
cd "$(dirname "$0")/.."
exec mvn verify -P bench -Dbench.profile="$profile" -Dbench.include="$include"
