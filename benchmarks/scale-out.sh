#!/usr/bin/env bash
# Scale-out figure of BENCHMARKS.md: calls/s of one vs two gateway replicas behind a round-robin proxy (no session
# affinity; the replicas share a session key), at 64 legacy sessions, and the gateways' CPU per call.
#
#   mvn -o -q -pl samples/petstore,benchmarks -am package -DskipTests -Dinvoker.skip=true
#   benchmarks/scale-out.sh
#
# Everything on 127.0.0.1 of this machine: the upstream (benchmarks' PetUpstream, one fixed pet), the replicas
# (samples/petstore's gateway jar, getPet signed with SigV4 from dummy keys the upstream does not check), the proxy
# (the runtime's test RoundRobinProxy) and the load (benchmarks' LoadGen: closed loop, one connection per session).
# All share the machine's cores, so two replicas cannot double a figure bound by the cores. Tunables: ROUNDS (3),
# SESSIONS (64), LOAD_SECONDS (10), SERVER_WARMUP (30). Writes benchmarks/results/scale-out.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work/scale-out"
RESULT="$ROOT/benchmarks/results/scale-out.md"
ROUNDS="${ROUNDS:-3}"
SESSIONS="${SESSIONS:-64}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
SERVER_WARMUP="${SERVER_WARMUP:-30}"
JAR="$ROOT/samples/petstore/target/petstore-gateway.jar"
CP="$ROOT/benchmarks/target/classes:$ROOT/runtime/target/test-classes"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
mkdir -p "$WORK"
[ -f "$JAR" ] || { echo "build first: mvn -o -q -pl samples/petstore,benchmarks -am package -DskipTests -Dinvoker.skip=true" >&2; exit 1; }

wait_for() { local i; for i in $(seq 1 300); do [ -s "$1" ] && return 0; sleep 0.1; done; echo "timed out: $1" >&2; exit 1; }
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
TICKS="$(getconf CLK_TCK)"

rm -f "$WORK"/*.port
java -cp "$CP" dev.apigwmcp.bench.PetUpstream "$WORK/upstream.port" & PIDS+=($!)
wait_for "$WORK/upstream.port"
UPSTREAM="http://127.0.0.1:$(cat "$WORK/upstream.port")/prod"
head -c 32 /dev/urandom | base64 > "$WORK/session.key"

start_replica() { # name -> pid in REPLICA_PID, endpoint in REPLICA_URL
    local log="$WORK/$1.log"
    : > "$log"
    BENCH_API_KEY=benchmark-only AWS_ACCESS_KEY_ID=AKIDBENCHMARK0000000 AWS_SECRET_ACCESS_KEY=benchmark-only-not-a-real-secret-000000 \
        java -jar "$JAR" --transport http --port 0 --session.key-file "$WORK/session.key" --log-level warn \
        --max-sessions-per-client 1000 --max-calls-per-client 1000 --calls.max-concurrent-per-tool 128 \
        --target.petstore.base-url "$UPSTREAM" --target.petstore.aws-region us-east-1 --target.petstore.api-key-env BENCH_API_KEY \
        --target.petstore-browse.base-url "$UPSTREAM" --target.petstore-browse.aws-region us-east-1 \
        --target.petstore-browse.api-key-env BENCH_API_KEY 2> "$log" & REPLICA_PID=$!
    PIDS+=("$REPLICA_PID")
    local i; for i in $(seq 1 300); do grep -q 'serving MCP on' "$log" && break; sleep 0.1; done
    REPLICA_URL="$(grep -o 'http://[^ ]*/mcp' "$log" | head -1)"
}

start_replica a; A_PID=$REPLICA_PID; A_URL=$REPLICA_URL
start_replica b; B_PID=$REPLICA_PID; B_URL=$REPLICA_URL
java -cp "$CP" dev.apigwmcp.runtime.testing.RoundRobinProxy "$WORK/one.port" "$A_URL" & PIDS+=($!)
java -cp "$CP" dev.apigwmcp.runtime.testing.RoundRobinProxy "$WORK/two.port" "$A_URL" "$B_URL" & PIDS+=($!)
wait_for "$WORK/one.port"; wait_for "$WORK/two.port"
ONE="http://127.0.0.1:$(cat "$WORK/one.port")/mcp"
TWO="http://127.0.0.1:$(cat "$WORK/two.port")/mcp"
LOAD="java -cp $CP dev.apigwmcp.bench.LoadGen --mode mcp --tool petstore___getPet --arguments {\"petId\":\"7\"}"

echo "warming both replicas through the two-replica proxy ($SERVER_WARMUP s)" >&2
$LOAD --url "$TWO" --sessions 16 --warmup 0 --seconds "$SERVER_WARMUP" --label warm > /dev/null

: > "$WORK/runs.jsonl"
measure() { # label url replica-pids...
    local label=$1 url=$2; shift 2
    local before machine_before line after machine_after calls
    before=$(cpu_ticks "$@"); machine_before=$(machine_ticks)
    line=$($LOAD --url "$url" --sessions "$SESSIONS" --warmup 0 --seconds "$LOAD_SECONDS" --label "$label")
    after=$(cpu_ticks "$@"); machine_after=$(machine_ticks)
    calls=$(echo "$line" | sed 's/.*"calls":\([0-9]*\).*/\1/')
    echo "$line" | sed "s/}\$/,\"gatewayCpuMsPerCall\":$(awk "BEGIN{printf \"%.3f\", ($after-$before)*1000/$TICKS/$calls}"),\"machineCpuMsPerCall\":$(awk "BEGIN{printf \"%.3f\", ($machine_after-$machine_before)*1000/$TICKS/$calls}")}/" | tee -a "$WORK/runs.jsonl" >&2
}
for round in $(seq 1 "$ROUNDS"); do
    measure one-replica "$ONE" "$A_PID" "$B_PID"
    measure two-replicas "$TWO" "$A_PID" "$B_PID"
done

python3 - "$WORK/runs.jsonl" "$SESSIONS" "$LOAD_SECONDS" "$ROUNDS" > "$RESULT" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
print(f"### Scale-out: getPet at {sys.argv[2]} legacy sessions through a round-robin proxy ({sys.argv[3]} s per run, median of {sys.argv[4]})")
print()
print("| replicas | calls/s | p50 ms | p99 ms | errors | gateway CPU ms/call | machine CPU ms/call |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for label, name in (("one-replica", "1"), ("two-replicas", "2")):
    rows = [r for r in runs if r["label"] == label]
    med = lambda key: statistics.median(r[key] for r in rows)
    print(f"| {name} | {med('callsPerSecond'):.0f} | {med('p50Ms'):.2f} | {med('p99Ms'):.2f} | {sum(r['errors'] for r in rows)} "
          f"| {med('gatewayCpuMsPerCall'):.3f} | {med('machineCpuMsPerCall'):.3f} |")
PY
cat "$RESULT"
