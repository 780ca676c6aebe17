#!/usr/bin/env bash
# The tool search's quality and speed on GitHub's catalog, as BENCHMARKS.md ("Tool search") reports them:
#
#   benchmarks/search-eval.sh                 words and meaning (with apigw-mcp-search-embeddings) and baselines
#   WORDS_ONLY=1 benchmarks/search-eval.sh    without the embedding module (what a gateway without it ranks by)
#   SHOW=1 benchmarks/search-eval.sh          also each tuning query's rank and top 5 (the held-out's are not shown)
#   GRID=1 benchmarks/search-eval.sh          also the tuning sets' figures for other shares of the words in the fusion
#   TUNING_ONLY=1 benchmarks/search-eval.sh   the tuning sets alone (while trying changes: no held-out figure seen)
#
# Generates GitHub's catalog in memory (@octokit/openapi, the version run.sh pins, installed into
# benchmarks/work/npm like run.sh does), indexes it as the gateway does and runs the labelled queries in
# benchmarks/src/main/resources/dev/apigwmcp/bench/search/: the tuning sets (github-tuning*.tsv, each and together)
# and the held-out sets (github-held-out*.tsv, totals only). Builds the
# modules it needs with `mvn package` (nothing is installed). Environment: MVN_FLAGS (e.g. -o).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/benchmarks/work"
OCTOKIT_VERSION=23.0.2
SPEC="$WORK/npm/node_modules/@octokit/openapi/generated/api.github.com.json"
MVN_FLAGS="${MVN_FLAGS:-}"

if [ "$(node -p "require('$WORK/npm/node_modules/@octokit/openapi/package.json').version" 2>/dev/null || true)" \
        != "$OCTOKIT_VERSION" ]; then
    npm install --prefix "$WORK/npm" --no-audit --no-fund --silent "@octokit/openapi@$OCTOKIT_VERSION" >&2
fi
cd "$ROOT"
mvn -q $MVN_FLAGS -pl benchmarks,search-embeddings -am package -DskipTests -Dinvoker.skip=true -Dcorpus.skip=true >&2
mvn -q $MVN_FLAGS -pl benchmarks,search-embeddings -am dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    >&2
CP="benchmarks/target/classes:generator-core/target/classes:runtime/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ "${WORDS_ONLY:-}" != 1 ]; then
    CP="$CP:search-embeddings/target/classes:$(cat search-embeddings/target/classpath.txt)"
fi
QUERIES="$ROOT/benchmarks/src/main/resources/dev/apigwmcp/bench"
# The first pair, then any later ones (github-tuning-b.tsv, ...), by other authors.
TUNING=(search/github-tuning.tsv)
HELD_OUT=()
for file in "$QUERIES"/search/github-tuning-*.tsv; do
    [ -e "$file" ] && TUNING+=("search/$(basename "$file")")
done
if [ "${TUNING_ONLY:-}" != 1 ]; then
    HELD_OUT=(search/github-held-out.tsv)
    for file in "$QUERIES"/search/github-held-out-*.tsv; do
        [ -e "$file" ] && HELD_OUT+=("search/$(basename "$file")")
    done
fi
exec java -Dapigw-mcp.embeddings.cache="$WORK/embeddings-cache" -cp "$CP" dev.apigwmcp.bench.SearchEvaluation \
    "$SPEC" github "${TUNING[@]}" --held-out ${HELD_OUT[@]+"${HELD_OUT[@]}"} ${SHOW:+--show} ${GRID:+--grid}
