# Sourced by telemetry-cost.sh and interceptor-cost.sh: builds runtime snapshots and the TelemetryCost harness.
# Needs ROOT and WORK set by the caller.

# Builds the runtime at a commit from a snapshot (git archive) into $WORK/<name> with `mvn -o test-compile`
# (nothing is installed) and prints its class path (classes, test classes, runtime dependencies).
build() { # name commit
    local dir="$WORK/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$ROOT" archive "$2" | tar -x -C "$dir"
    (cd "$dir" && mvn -o -q -pl runtime -am test-compile -DskipTests \
        && mvn -o -q -f runtime/pom.xml dependency:build-classpath -Dmdep.outputFile="$dir/deps.cp" \
            -Dmdep.includeScope=runtime) >&2
    echo "$dir/runtime/target/classes:$dir/runtime/target/test-classes:$(cat "$dir/deps.cp")"
}

# Runs TelemetryCost, which alternates the contenders round by round: rounds seconds warmup contender...
alternate() {
    mkdir -p "$WORK/harness"
    javac -d "$WORK/harness" "$ROOT/benchmarks/src/main/java/dev/apigwmcp/bench/TelemetryCost.java"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$WORK/harness" dev.apigwmcp.bench.TelemetryCost "$@"
}
