#!/usr/bin/env bash
# The CPU per tool call with and without interceptors (BENCHMARKS.md, "Interceptor cost"): BASE (a commit before
# interceptors) and HEAD with none registered, each built from a snapshot (git archive) into
# benchmarks/work/interceptors/ with `mvn -o test-compile` (nothing is installed), alternated round by round by
# TelemetryCost; a third contender, HEAD with one pass-through interceptor (the pets test target's
# PETS_TEST_INTERCEPTORS=pass-through), shows what an interceptor that changes nothing costs.
#
#   benchmarks/interceptor-cost.sh BASE [ROUNDS] [SECONDS] [WARMUP_SECONDS]     (defaults 10 8 45)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work/interceptors"
BASE="${1:?usage: interceptor-cost.sh BASE [ROUNDS] [SECONDS] [WARMUP_SECONDS]}"
ROUNDS="${2:-10}"
SECONDS_PER_ROUND="${3:-8}"
WARMUP="${4:-45}"

build() { # name commit
    local dir="$WORK/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$ROOT" archive "$2" | tar -x -C "$dir"
    (cd "$dir" && mvn -o -q -pl runtime -am test-compile -DskipTests \
        && mvn -o -q -f runtime/pom.xml dependency:build-classpath -Dmdep.outputFile="$dir/deps.cp" \
            -Dmdep.includeScope=runtime) >&2
    echo "$dir/runtime/target/classes:$dir/runtime/target/test-classes:$(cat "$dir/deps.cp")"
}

BASE_CP="$(build base "$BASE")"
HEAD_CP="$(build head HEAD)"
mkdir -p "$WORK/harness"
javac -d "$WORK/harness" "$ROOT/benchmarks/src/main/java/dev/apigwmcp/bench/TelemetryCost.java"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$WORK/harness" dev.apigwmcp.bench.TelemetryCost "$ROUNDS" "$SECONDS_PER_ROUND" "$WARMUP" \
    "before=$BASE_CP" "none=$HEAD_CP" "pass-through=$HEAD_CP;PETS_TEST_INTERCEPTORS=pass-through"
