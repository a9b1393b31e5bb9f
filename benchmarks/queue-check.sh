#!/usr/bin/env bash
# The queueing formulas against a real queue: the embedded platform in queue mode (8 workers,
# 20 ms mean service), loaded by Gatling with Poisson arrivals at several utilisations, its
# measured p99 (the gate's exact one, from simulation.log) beside MultiServerQueue's prediction.
# The table in docs/STATISTICS.md, "Will p99 hold at the peak? Queueing".
# Each level: a real Gatling run, 10 s warm-up without the queue, then SECONDS (default 60) with it.
# Usage (from the repository root): benchmarks/queue-check.sh [SECONDS]   (~8 minutes)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
workers=8
service=20
./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
./mvnw -q -B -o -pl capacity-model test-compile >/dev/null || exit 1
predict_cp="capacity-model/target/test-classes:capacity-model/target/classes:$(cat capacity-model/target/test-classpath.txt)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "| service SCV | utilisation | offered /s | requests | predicted P(wait) | predicted p99 | measured p99 | error |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for level in "1 0.5" "1 0.7" "1 0.85" "1 0.9" "2 0.7" "2 0.85"; do
  read -r scv utilisation <<<"$level"
  rate=$(awk -v u="$utilisation" -v c="$workers" -v s="$service" 'BEGIN { printf "%.1f", u * c * 1000 / s }')
  ./mvnw -B -o -q -pl benchmarks gatling:test -DskipBenchmarks=false \
    -Dgatling.simulationClass=io.casinoperf.benchmarks.QueueCheckSimulation -Dgatling.noReports=true \
    -Dbench.workers="$workers" -Dbench.serviceMillis="$service" -Dbench.scv="$scv" \
    -Dbench.rate="$rate" -Dbench.seconds="$seconds" >"$work/run.txt" 2>&1
  run=$(ls -d benchmarks/target/gatling/queuechecksimulation-* | tail -1)
  bin/casinoperf gate "$run" --no-save --history "$work/history" --out "$work/report" >"$work/gate.txt" 2>/dev/null
  measured=$(awk '$1 == "measured" { print $(NF-2) }' "$work/gate.txt")
  requests=$(awk '$1 == "measured" { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/ && $(i+2) == "%") { print $i; exit } }' "$work/gate.txt")
  read -r _ wait _ predicted <<<"$(java -cp "$predict_cp" io.casinoperf.capacity.queueing.QueuePrediction \
    "$rate" "$service" "$scv" "$workers")"
  error=$(awk -v m="$measured" -v p="$predicted" 'BEGIN { if (m > 0) printf "%+.1f %%", 100 * (p / m - 1); else print "?" }')
  echo "| $scv | $utilisation | $rate | ${requests:-?} | $wait | $predicted ms | ${measured:-?} ms | $error |"
done
