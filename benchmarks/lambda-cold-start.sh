#!/usr/bin/env bash
# AWS Lambda cold start, measured the only way this machine allows: one new JVM per event through the handler's
# local entry point (java -cp <gateway>.jar dev.apigwmcp.runtime.lambda.LambdaHandler --event FILE), which prints
# its init time (what Lambda's REPORT line calls Init Duration, less the JVM's own start) and the event's time.
# With and without the priming pass (--lambda.prime), alternating; the first event of an environment is an
# initialize, or a tools/call (getPet, SigV4-signed, to the PetStore demo backend) in a session sealed earlier.
#
#   mvn -o -q -pl samples/petstore -am package -DskipTests -Dinvoker.skip=true
#   ROUNDS=5 benchmarks/lambda-cold-start.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work/lambda"
ROUNDS="${ROUNDS:-5}"
JAR="$ROOT/samples/petstore/target/petstore-gateway.jar"
EVENTS="$ROOT/runtime/src/test/resources/lambda-events"
mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

# The demo backend (started by the sample's demo launcher, whose MCP side is not used).
java -jar "$JAR" --demo --transport http --port 0 2> "$WORK/demo.log" & PIDS+=($!)
for i in $(seq 1 300); do grep -q 'demo backend' "$WORK/demo.log" && break; sleep 0.1; done
BACKEND="$(grep -o 'http://127.0.0.1:[0-9]*/prod' "$WORK/demo.log" | head -1)"
head -c 32 /dev/urandom | base64 > "$WORK/session.key"
export AWS_ACCESS_KEY_ID=AKIAAPIGWMCPDEMO0001 AWS_SECRET_ACCESS_KEY=demo-only-secret-not-for-real-use-0000000
export DEMO_API_KEY=demo-only-api-key-0123456789abcdef
SETTINGS=(--session.key-file "$WORK/session.key")
for target in petstore petstore-browse; do
    SETTINGS+=(--target.$target.base-url "$BACKEND" --target.$target.aws-region us-east-1 --target.$target.api-key-env DEMO_API_KEY)
done
handler() { java -cp "$JAR" dev.apigwmcp.runtime.lambda.LambdaHandler "$@" "${SETTINGS[@]}"; }

cp "$EVENTS/function-url-initialize.json" "$WORK/initialize.json"
SESSION="$(handler --event "$WORK/initialize.json" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["headers"]["mcp-session-id"])')"
python3 - "$WORK/initialize.json" "$SESSION" "$WORK/call.json" <<'PY'
import json, sys
event = json.load(open(sys.argv[1]))
event["headers"].update({"mcp-session-id": sys.argv[2], "mcp-protocol-version": "2025-06-18"})
event["body"] = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                            "params": {"name": "petstore___getPet", "arguments": {"petId": "1"}}})
json.dump(event, open(sys.argv[3], "w"))
PY

: > "$WORK/runs.txt"
for round in $(seq 1 "$ROUNDS"); do
    for prime in true false; do
        for event in initialize call; do
            start=$(date +%s%N)
            handler --event "$WORK/$event.json" --lambda.prime "$prime" > "$WORK/out.json" 2> "$WORK/err.log"
            end=$(date +%s%N)
            grep -q '"statusCode":200' "$WORK/out.json" || { echo "not answered 200: $(cat "$WORK/out.json")" >&2; exit 1; }
            times=$(grep -o 'init [0-9]* ms, event [0-9]* ms' "$WORK/err.log")
            echo "$prime $event $(( (end - start) / 1000000 )) $times" | tee -a "$WORK/runs.txt" >&2
        done
    done
done
python3 - "$WORK/runs.txt" <<'PY' | tee "$ROOT/benchmarks/results/lambda-cold-start.md"
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
print("| priming | first event | process wall ms | init ms | event ms |")
print("| --- | --- | ---: | ---: | ---: |")
for prime in ("true", "false"):
    for event in ("initialize", "call"):
        picked = [r for r in rows if r[0] == prime and r[1] == event]
        med = lambda i: statistics.median(int(r[i]) for r in picked)
        print(f"| {'on' if prime == 'true' else 'off'} | {'initialize' if event == 'initialize' else 'tools/call (getPet upstream)'} "
              f"| {med(2):.0f} | {med(4):.0f} | {med(7):.0f} |")
PY
