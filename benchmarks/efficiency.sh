#!/usr/bin/env bash
# Server CPU per tools/call and p50 overhead over the direct call, side by side (issue 21; BENCHMARKS.md, "CPU per
# call side by side"): the PetStore sample gateway (samples/petstore/target/petstore-gateway.jar, default JVM)
# against @ivotoby/openapi-mcp-server 1.16.1 on the same export and the same upstream (PetUpstream), over stdio and
# over Streamable HTTP, at 1 and 16 calls in flight, on a SigV4 tool (getPet; the peer cannot sign, so its call of
# the same operation is unsigned) and an API-key tool (ListPetPhotos). Prints the table and writes it to
# benchmarks/results/efficiency.md.
#
#   benchmarks/efficiency.sh                        # ~6 min with the defaults below
#   ROUNDS=5 SECONDS_PER_RUN=6 benchmarks/efficiency.sh
#   EXTRA_JARS="base=/tmp/old-gateway.jar" benchmarks/efficiency.sh   # another build of the gateway side by side
#
# Tunables: ROUNDS (2), SECONDS_PER_RUN (3: the measured window), SETTLE (1: calls before each window, excluded),
# WARMUP (40: seconds of traffic per server before anything is measured, split over the tools; less leaves the
# JVM's compiler running in the measured windows), IN_FLIGHT ("1 16"),
# TRANSPORTS ("stdio http"), TOOLS ("sigv4 apikey"), GATEWAY_JAR, SKIP_BUILD=1 (use the jars as they are),
# JAVA_OPTS (flags for our gateway's JVM; default none), WITH_PEER=0 (our gateway alone, e.g. under a profiler),
# REFERENCE (the contender the ratios divide by: peer, or ours without the peer; an EXTRA_JARS label for before/after).
# Builds with `mvn -o package` of samples/petstore and benchmarks only (nothing is installed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
WORK="$BENCH/work"
RESULTS="$BENCH/results"
ROUNDS="${ROUNDS:-2}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-3}"
SETTLE="${SETTLE:-1}"
WARMUP="${WARMUP:-40}"
IN_FLIGHT="${IN_FLIGHT:-1 16}"
TRANSPORTS="${TRANSPORTS:-stdio http}"
TOOLS="${TOOLS:-sigv4 apikey}"
GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/samples/petstore/target/petstore-gateway.jar}"
JAVA_OPTS="${JAVA_OPTS:-}"
PEER_SERVER_VERSION=1.16.1
NPM="$WORK/npm/node_modules"
PEER_SERVER="$NPM/@ivotoby/openapi-mcp-server/bin/mcp-server.js"
SPEC="$ROOT/samples/petstore/src/main/apigw-mcp/petstore.export.json"

mkdir -p "$WORK" "$RESULTS/raw"
if [ ! -f "$PEER_SERVER" ]; then
    npm install --prefix "$WORK/npm" --no-audit --no-fund --silent "@ivotoby/openapi-mcp-server@$PEER_SERVER_VERSION" >&2
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
    (cd "$ROOT" && mvn -o -q -pl samples/petstore,benchmarks -am package -DskipTests -Dinvoker.skip=true >&2)
fi
HARNESS="$WORK/efficiency-harness"
# Copies, so that a rebuild while the servers run cannot change them under the JVMs.
rm -rf "$HARNESS" && cp -r "$ROOT/benchmarks/target/classes" "$HARNESS"
cp "$GATEWAY_JAR" "$WORK/efficiency-gateway.jar"

PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

rm -f "$WORK/efficiency-upstream.port"
java -cp "$HARNESS" dev.apigwmcp.bench.PetUpstream "$WORK/efficiency-upstream.port" & PIDS+=($!)
for _ in $(seq 1 100); do [ -s "$WORK/efficiency-upstream.port" ] && break; sleep 0.1; done
UPSTREAM="http://127.0.0.1:$(cat "$WORK/efficiency-upstream.port")"

# Demo-only fixed credentials: the upstream checks nothing, the gateway signs every SigV4 call with them.
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 BENCH_API_KEY=bench-key
unset AWS_PROFILE AWS_SESSION_TOKEN
ours() { # jar
    echo "java $JAVA_OPTS -jar $1 --target.petstore.base-url $UPSTREAM/prod --target.petstore.api-key-env BENCH_API_KEY --target.petstore-browse.base-url $UPSTREAM/prod --target.petstore-browse.api-key-env BENCH_API_KEY"
}
PEER="node $PEER_SERVER --api-base-url $UPSTREAM/prod --openapi-spec $SPEC --verbose false --headers x-api-key:bench-key"
CONTENDERS="$WORK/efficiency-contenders.txt"
{
    echo "# label|http mode|SigV4 tool|API-key tool|stdio command|HTTP command"
    for extra in ${EXTRA_JARS:-}; do
        echo "${extra%%=*}|mcp|petstore___getPet|petstore-browse___ListPetPhotos|$(ours "${extra#*=}") --transport stdio|$(ours "${extra#*=}") --transport http --port {port}"
    done
    echo "ours|mcp|petstore___getPet|petstore-browse___ListPetPhotos|$(ours "$WORK/efficiency-gateway.jar") --transport stdio|$(ours "$WORK/efficiency-gateway.jar") --transport http --port {port}"
    [ "${WITH_PEER:-1}" = 0 ] || echo "peer|mcp-get-stream|get-pet|lst-pet-photos|$PEER --transport stdio|$PEER --transport http --host 127.0.0.1 --port {port}"
} > "$CONTENDERS"

# Before the table is written: the results file is tracked, and writing it would count as a change.
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo ' (with uncommitted changes)')"
{
    echo "## CPU per tools/call side by side (benchmarks/efficiency.sh)"
    echo
    echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Commit: $COMMIT (the gateway jar as built then; SKIP_BUILD=1 keeps an older one)."
    echo "Machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg). $(java -version 2>&1 | head -1); Node $(node --version)."
    echo "ROUNDS=$ROUNDS SECONDS_PER_RUN=$SECONDS_PER_RUN SETTLE=$SETTLE WARMUP=$WARMUP IN_FLIGHT=\"$IN_FLIGHT\" JAVA_OPTS=\"$JAVA_OPTS\"."
    echo
    java -Drounds="$ROUNDS" -Dseconds="$SECONDS_PER_RUN" -Dsettle="$SETTLE" -Dwarmup="$WARMUP" \
        -DinFlight="$IN_FLIGHT" -Dtransports="$TRANSPORTS" -Dtools="$TOOLS" -Dreference="${REFERENCE:-$([ "${WITH_PEER:-1}" = 0 ] && echo ours || echo peer)}" -DapiKey=bench-key \
        -cp "$HARNESS" dev.apigwmcp.bench.CallEfficiency "$CONTENDERS" "$UPSTREAM" "$RESULTS/raw/efficiency.jsonl"
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). CPU = the server process's user + system time"
    echo "(/proc/<pid>/stat, all threads: JIT and GC included) over the window ÷ calls answered in it. The peer's"
    echo "\"sigv4\" call is the same GET unsigned (it cannot sign). p50 − direct: the contender's p50 minus the direct"
    echo "GET's p50 at the same concurrency in the same round."
} | tee "$RESULTS/efficiency.md"
