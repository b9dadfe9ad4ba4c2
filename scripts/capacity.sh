#!/usr/bin/env bash
# The capacity arithmetic of results/README.md's capacity table, for any load and rate, without running a
# benchmark: the load per second on average and at its peak, and the instances of each measured rate it needs.
#   scripts/capacity.sh 15e9/month                  # the design note's example: 5 703/s average, 17 110/s peak
#   scripts/capacity.sh 15e9/month 12000 30000      # instances at 12 000 and at 30 000 requests/s each
#   scripts/capacity.sh 2e6/day 800 --peak 5        # another load, another peak factor
# Units: s, min, h, day, month (30.44 days), year. Build first: mvn -q -pl results -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classes="$root/results/target/classes"
if [[ ! -f "$classes/designbench/results/scale/CapacityMain.class" ]]; then
    echo "capacity: $classes is not built; build it with: mvn -q -pl results -am package -DskipTests" >&2
    exit 2
fi
source "$root/scripts/find-java.sh"
java=$(java21) || exit 2
exec "$java" -cp "$classes" designbench.results.scale.CapacityMain "$@"
