#!/usr/bin/env bash
# Cold start of the PetStore sample gateway as an MCP client starts it over stdio (issue 21; BENCHMARKS.md, "Cold
# start: the start script and its class archive"): process start to the initialize answer, alternating
#   ours-java-jar       java -jar samples/petstore/target/petstore-gateway.jar (a default JVM, no archive)
#   ours-start-script   samples/petstore/target/petstore-gateway (the package goal's script: the same jar with the
#                       AppCDS archive made at package time)
#   peer                @ivotoby/openapi-mcp-server 1.16.1 on the same export
# each with the gateway's real settings (SigV4 and API-key targets, placeholder credentials; nothing is called), and
# the sample's --demo mode (its backend in process) for ours. Prints the table and the ratios to the peer.
#
#   benchmarks/cold-start.sh [ROUNDS]          (default 8)
#
# The archive is bound to the jar's path: the jar is run where the build wrote it, so do not rebuild meanwhile.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work"
ROUNDS="${1:-8}"
TARGET="$ROOT/samples/petstore/target"
PEER_SERVER="$WORK/npm/node_modules/@ivotoby/openapi-mcp-server/bin/mcp-server.js"
if [ ! -f "$PEER_SERVER" ]; then
    npm install --prefix "$WORK/npm" --no-audit --no-fund --silent "@ivotoby/openapi-mcp-server@1.16.1" >&2
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
    (cd "$ROOT" && mvn -o -q -pl samples/petstore,benchmarks -am package -DskipTests -Dinvoker.skip=true >&2)
fi
HARNESS="$WORK/cold-start-harness"
rm -rf "$HARNESS" && cp -r "$ROOT/benchmarks/target/classes" "$HARNESS"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 BENCH_API_KEY=bench-key AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN
ARGS="--target.petstore.base-url http://127.0.0.1:9/prod --target.petstore.api-key-env BENCH_API_KEY --target.petstore-browse.base-url http://127.0.0.1:9/prod --target.petstore-browse.api-key-env BENCH_API_KEY"
CONTENDERS="$WORK/cold-start-contenders.txt"
cat > "$CONTENDERS" <<END
ours-java-jar|java -jar $TARGET/petstore-gateway.jar $ARGS
ours-start-script|$TARGET/petstore-gateway $ARGS
peer|node $PEER_SERVER --api-base-url http://127.0.0.1:9/prod --openapi-spec $ROOT/samples/petstore/src/main/apigw-mcp/petstore.export.json --transport stdio --verbose false
ours-java-jar-demo|java -jar $TARGET/petstore-gateway.jar --demo
ours-start-script-demo|$TARGET/petstore-gateway --demo
END
mkdir -p "$ROOT/benchmarks/results/raw"
{
    echo "## Cold start over stdio (benchmarks/cold-start.sh)"
    echo
    echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Commit: $(git -C "$ROOT" rev-parse --short HEAD). Load average at start $(cut -d' ' -f1-3 /proc/loadavg). ROUNDS=$ROUNDS."
    echo
    echo "| contender | cold start ms | first tools/list ms | warm tools/list ms | warm tools/list, first byte ms | tools | RSS MB after lists | RSS MB 5 s later |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    rm -f "$ROOT/benchmarks/results/raw/cold-start.jsonl"
    java -Dreference=peer -cp "$HARNESS" dev.apigwmcp.bench.StdioProbe "$ROUNDS" 5 \
        "$ROOT/benchmarks/results/raw/cold-start.jsonl" "$CONTENDERS" 2> /dev/null
} | tee "$ROOT/benchmarks/results/cold-start.md"
