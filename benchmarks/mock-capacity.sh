#!/usr/bin/env bash
# Capacity sweep of the embedded platform against a bare Jetty endpoint, in one run on this machine.
# For each endpoint, offers rising request rates (open model, 15 s per level after a 10 s warm-up,
# Gatling and server in one JVM) and reports p50/p99 and failures of the measured level; the
# sustainable rate is the highest level with p99 < 50 ms and no failed request.
# Usage (from the repository root): benchmarks/mock-capacity.sh [rates...]   (default 2000 3000 ... 32000)
set -uo pipefail
cd "$(dirname "$0")/.."
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(2000 3000 4000 5000 6000 8000 12000 16000 20000 24000 28000 32000)
seconds=${BENCH_SECONDS:-15}
limit_ms=${BENCH_P99_LIMIT_MS:-50}

./mvnw -q -B install -DskipTests >/dev/null || { echo "build failed"; exit 1; }
printf '%-6s %8s %10s %8s %8s %8s\n' endpoint offered requests p50_ms p99_ms ko_pct
for endpoint in bare stub spin; do
  best=0
  for rate in "${rates[@]}"; do
    log=$(mktemp)
    ./mvnw -B -o -q -pl benchmarks gatling:test -DskipBenchmarks=false \
      -Dbench.endpoint="$endpoint" -Dbench.rate="$rate" -Dbench.seconds="$seconds" >"$log" 2>&1
    count=$(grep -E '^> measured ' "$log" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
    p50=$(grep -E '^measured: 50th percentile' "$log" | sed -E 's/.*actual : ([0-9.]+)\)/\1/')
    p99=$(grep -E '^measured: 99th percentile' "$log" | sed -E 's/.*actual : ([0-9.]+)\)/\1/')
    ko=$(grep -E '^measured: percentage of failed' "$log" | sed -E 's/.*actual : ([0-9.]+)\)/\1/')
    rm -f "$log"
    printf '%-6s %8s %10s %8s %8s %8s\n' "$endpoint" "$rate" "${count:-?}" "${p50:-?}" "${p99:-?}" "${ko:-?}"
    if [ -n "$p99" ] && awk -v p="$p99" -v k="${ko:-1}" -v l="$limit_ms" 'BEGIN{exit !(p < l && k == 0)}'; then
      best=$rate
    else
      break
    fi
  done
  echo "$endpoint: sustainable at p99 < ${limit_ms} ms: ${best} requests/s"
done
