#!/usr/bin/env bash
# The CPU per tool call of two runtime builds side by side (BENCHMARKS.md, "Telemetry cost"): BASE (a commit
# without the change under test) and HEAD, each built from a snapshot (git archive) into benchmarks/work/telemetry/
# with `mvn -o test-compile` (nothing is installed), then TelemetryCost alternates them round by round, and a third
# contender, HEAD with an OTLP exporter configured (sent to a local sink), shows what exporting costs.
#
#   benchmarks/telemetry-cost.sh BASE [ROUNDS] [SECONDS] [WARMUP_SECONDS]     (defaults 10 8 45)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work/telemetry"
BASE="${1:?usage: telemetry-cost.sh BASE [ROUNDS] [SECONDS] [WARMUP_SECONDS]}"
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
    "before=$BASE_CP" "after=$HEAD_CP" "after-otlp=$HEAD_CP;OTEL_EXPORTER_OTLP_ENDPOINT={upstream}"
