#!/usr/bin/env bash
# Compares run B against run A, row by row (Mann-Whitney U per row, benchstat's ~), without running anything, and
# writes results/comparisons/<A>__vs__<B>/comparison.md, comparison.csv and comparison.png/.svg.
# --noise F: the smallest change called a difference, as a fraction (default 0.02); README.md gives the false-positive
# rate of two back-to-back runs on the 2-core test machine at several thresholds.
set -euo pipefail
usage="usage: scripts/compare-runs.sh [--noise FRACTION] RUN_A RUN_B   (a run folder, MACHINE/RUN_ID, or a RUN_ID only one machine has)"
noise=0.02
case "${1:-}" in
    -h|--help) echo "$usage"; exit 0 ;;
    --noise) [[ $# -ge 2 ]] || { echo "$usage" >&2; exit 2; }; noise="$2"; shift 2 ;;
esac
[[ $# -eq 2 ]] || { echo "$usage" >&2; exit 2; }
cd "$(dirname "$0")/.."
exec mvn -q verify -P bench -Dbench.compare="$1,$2" -Dbench.compareNoise="$noise"
