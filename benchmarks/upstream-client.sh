#!/usr/bin/env bash
# CPU per upstream exchange: the JDK HttpClient exchange the gateway had (until the switch to Jetty's client) and
# the runtime's Jetty-based UpstreamClient, in one JVM, alternating round by round against PetUpstream (another
# process). Usage: benchmarks/upstream-client.sh [ROUNDS] [CALLS_PER_ROUND] [IN_FLIGHT] [WARMUP_CALLS]
# Needs a compiled runtime (mvn -o -q -pl runtime -am compile) and its dependencies in the local Maven repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/benchmarks/work/upstream-client"
rm -rf "$WORK" && mkdir -p "$WORK/classes"
(cd "$ROOT" && mvn -o -q -pl runtime dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/runtime/target/classes:$(cat "$WORK/cp.txt")"
javac -nowarn -d "$WORK/classes" -cp "$CP" "$ROOT"/benchmarks/upstream-client/dev/apigwmcp/bench/client/*.java \
    "$ROOT/benchmarks/src/main/java/dev/apigwmcp/bench/PetUpstream.java"
java -cp "$WORK/classes" dev.apigwmcp.bench.PetUpstream "$WORK/port" &
UPSTREAM=$!
trap 'kill $UPSTREAM 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
java -Xmx256m -cp "$WORK/classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    dev.apigwmcp.bench.client.UpstreamClientCpu "$(cat "$WORK/port")" "${1:-10}" "${2:-20000}" "${3:-8}" "${4:-20000}"
