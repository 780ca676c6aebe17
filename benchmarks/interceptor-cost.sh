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

# shellcheck source=runtime-builds.sh
source "$ROOT/benchmarks/runtime-builds.sh"

BASE_CP="$(build base "$BASE")"
HEAD_CP="$(build head HEAD)"
alternate "$ROUNDS" "$SECONDS_PER_ROUND" "$WARMUP" \
    "before=$BASE_CP" "none=$HEAD_CP" "pass-through=$HEAD_CP;PETS_TEST_INTERCEPTORS=pass-through"
