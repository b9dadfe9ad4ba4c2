# Sourced by the scripts that run designbench's jars: java21 prints a java binary of a JDK 21 or newer, found as
# the build finds one (the java on PATH if new enough, else JAVA_HOME, else the standard JDK folders), or says
# what to install and returns 2.
major() {  # the feature release of a java binary, or 0
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' \
        | head -1 | grep . || echo 0
}

java21() {
    local candidates=() home java
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
    for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
        [[ -x "$home/bin/java" ]] && candidates+=("$home/bin/java")
    done
    for java in "${candidates[@]}"; do
        if [[ -x "$java" ]] && (( $(major "$java") >= 21 )); then
            echo "$java"
            return 0
        fi
    done
    echo "no JDK 21 or newer found (looked at PATH, JAVA_HOME, /usr/lib/jvm, macOS and SDKMAN folders);" \
         "install one, e.g. a Temurin or OpenJDK 21+ package" >&2
    return 2
}
