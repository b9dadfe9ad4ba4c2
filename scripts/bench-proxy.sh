#!/usr/bin/env bash
# Runs bench-proxy/target/bench-proxy.jar (subcommands: proxy, origin) on a JDK 21 or newer, found as the build
# finds one: the java on PATH if new enough, else JAVA_HOME, else the standard JDK folders.
# Build the jar first: mvn -q -pl bench-proxy -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bench-proxy/target/bench-proxy.jar"
if [[ ! -f "$jar" ]]; then
    echo "bench-proxy: $jar is missing; build it with: mvn -q -pl bench-proxy -am package -DskipTests" >&2
    exit 2
fi
source "$root/scripts/find-java.sh"
java=$(java21) || exit 2
# The servers' JVM option, as the proxy suite starts them (Spawned.SERVER_JVM_OPTIONS): what outlives one young
# collection is promoted at once, so young pauses do not copy start-up's objects again and again.
exec "$java" -XX:MaxTenuringThreshold=1 -jar "$jar" "$@"
