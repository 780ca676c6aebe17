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

# shellcheck source=runtime-builds.sh
source "$ROOT/benchmarks/runtime-builds.sh"

BASE_CP="$(build base "$BASE")"
HEAD_CP="$(build head HEAD)"
alternate "$ROUNDS" "$SECONDS_PER_ROUND" "$WARMUP" \
    "before=$BASE_CP" "after=$HEAD_CP" "after-otlp=$HEAD_CP;OTEL_EXPORTER_OTLP_ENDPOINT={upstream}"
