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

major() {  # the feature release of a java binary, or 0
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' \
        | head -1 | grep . || echo 0
}

candidates=()
command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -x "$home/bin/java" ]] && candidates+=("$home/bin/java")
done
for java in "${candidates[@]}"; do
    if [[ -x "$java" ]] && (( $(major "$java") >= 21 )); then
        exec "$java" -jar "$jar" "$@"
    fi
done
echo "bench-proxy: no JDK 21 or newer found (looked at PATH, JAVA_HOME, /usr/lib/jvm, macOS and SDKMAN folders);" \
     "install one, e.g. a Temurin or OpenJDK 21+ package" >&2
exit 2
