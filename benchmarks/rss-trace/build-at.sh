#!/usr/bin/env bash
# Builds GitHub's gateway (1,223 tools) as it was at one commit, for tracing resident memory across history.
#
#   benchmarks/rss-trace/build-at.sh COMMIT        prints the gateway's class path (also in $WORK/<commit>/cp)
#
# A snapshot of the commit (git archive) is built offline in $WORK/<commit>/src (generator-core and runtime only,
# no tests), the generator's CLI turns GitHub's description into the gateway, javac compiles it and the result is
# packed into a jar, as benchmarks/run.sh builds its gateway-github. Needs GitHub's description from the npm package
# @octokit/openapi 23.0.2 (benchmarks/run.sh installs it into benchmarks/work/npm; SPEC= names another copy).
# WORK defaults to benchmarks/work/rss-trace; a commit already built is not built again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$ROOT/benchmarks/work/rss-trace}"
SPEC="${SPEC:-$ROOT/benchmarks/work/npm/node_modules/@octokit/openapi/generated/api.github.com.json}"
VERSION=0.1.0-SNAPSHOT
C="$(git -C "$ROOT" rev-parse --short=7 "$1")"
D="$WORK/$C"
if [ -f "$D/cp" ]; then cat "$D/cp"; exit 0; fi
rm -rf "$D" && mkdir -p "$D/src" "$D/gw/classes"
git -C "$ROOT" archive "$C" | tar -x -C "$D/src"
(cd "$D/src" && mvn -o -q package -DskipTests -Dinvoker.skip=true -Dcorpus.skip=true -Dspotless.check.skip=true \
    -pl generator-core,runtime -am && mvn -o -q -pl runtime dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$D/runtime.cp") > "$D/mvn.log" 2>&1 || { tail -30 "$D/mvn.log" >&2; exit 1; }
CLI="$D/src/generator-core/target/apigw-mcp-generator-core-$VERSION-cli.jar"
RUNTIME_CP="$D/src/runtime/target/apigw-mcp-runtime-$VERSION.jar:$(cat "$D/runtime.cp")"
printf 'targets:\n  - name: github\n    exportFile: %s\n    auth: NONE\n' "$SPEC" > "$D/gw/targets.yaml"
java -jar "$CLI" generate --config "$D/gw/targets.yaml" --out "$D/gw/out" > "$D/gw/generate.log" 2>&1
find "$D/gw/out/java" -name '*.java' > "$D/gw/sources.txt"
javac -J-Xmx1g -nowarn -d "$D/gw/classes" -cp "$RUNTIME_CP" @"$D/gw/sources.txt"
cp -r "$D/gw/out/resources/." "$D/gw/classes/"
jar cf "$D/gateway.jar" -C "$D/gw/classes" .
rm -rf "$D/gw/out/java" "$D/gw/classes"
echo "$D/gateway.jar:$RUNTIME_CP" > "$D/cp"
cat "$D/cp"
