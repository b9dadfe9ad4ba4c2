#!/usr/bin/env bash
# Compares run B against run A, row by row (Mann-Whitney U per row, benchstat's ~), without running anything, and
# writes results/comparisons/<A>__vs__<B>/comparison.md, comparison.csv and comparison.png/.svg.
set -euo pipefail
usage="usage: scripts/compare-runs.sh RUN_A RUN_B   (a run folder, MACHINE/RUN_ID, or a RUN_ID only one machine has)"
case "${1:-}" in -h|--help) echo "$usage"; exit 0 ;; esac
[[ $# -eq 2 ]] || { echo "$usage" >&2; exit 2; }
cd "$(dirname "$0")/.."
exec mvn -q verify -P bench -Dbench.compare="$1,$2"
