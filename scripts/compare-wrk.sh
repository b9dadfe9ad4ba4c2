#!/usr/bin/env bash
# Maximum rate of bench-proxy's load generator against wrk's, on the same origin, same connections, same time:
# is the generator the bottleneck? Closed loop for both; runs alternate, ROUNDS times each.
# Needs wrk (Debian: apt-get install wrk) and bench-proxy/target/bench-proxy.jar.
# usage: scripts/compare-wrk.sh [CONNECTIONS] [SECONDS] [ROUNDS]
set -euo pipefail
connections="${1:-32}"
seconds="${2:-10}"
rounds="${3:-2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v wrk >/dev/null || { echo "compare-wrk: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$root/scripts/bench-proxy.sh" origin --listen "127.0.0.1:$port" --size 1024 >"$log" 2>&1 &
origin=$!
trap 'kill "$origin" 2>/dev/null; wait "$origin" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
grep -q "listening on" "$log" || { echo "compare-wrk: the origin did not start:" >&2; cat "$log" >&2; exit 1; }
echo "origin 127.0.0.1:$port (1 event-loop thread, 1 KiB bodies); $connections connections, 1 client thread, ${seconds}s per run"
printf '%-6s %-22s %s\n' round generator "req/s"
for round in $(seq "$rounds"); do
    w=$(wrk -t1 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port/k/1" | awk '/Requests\/sec/ {print $2}')
    printf '%-6s %-22s %s\n' "$round" "wrk $(wrk --version 2>&1 | awk 'NR==1 {print $2}')" "$w"
    b=$("$root/scripts/bench-proxy.sh" load --target "127.0.0.1:$port" --connections "$connections" \
        --warmup 2s --duration "${seconds}s" 2>/dev/null | awk '/^achieved/ {print $2}')
    printf '%-6s %-22s %s\n' "$round" "bench-proxy load" "$b"
done
