#!/usr/bin/env bash
# The loop closed on the embedded platform: the example's forecast (examples/capacity) writes its
# rehearsal profile for one staging node; the flash-peak simulation replays it against the
# platform in queue mode standing in for one node of the forecast's queueing model (its workers,
# service time and variation); the gate reads the run and puts its p99 at the peak beside the one
# the forecast predicted. The table in docs/STATISTICS.md, "The rehearsal against its prediction".
# Usage (from the repository root): benchmarks/rehearsal-check.sh [DURATION] [QUANTILE…]
#   DURATION: how long the profile's seven hours take (default 2m); QUANTILE: p50 p90 p99 (all three)
set -uo pipefail
cd "$(dirname "$0")/.."
duration=${1:-2m}
shift || true
quantiles=${*:-p50 p90 p99}
./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bin/casinoperf forecast examples/capacity/metrics.csv --plan examples/capacity/plan.yaml \
  --calendar examples/capacity/calendar.yaml --load-steps examples/capacity/load-steps.csv \
  --out "$work/forecast" --staging-nodes 1 >"$work/forecast.txt" 2>&1 || { cat "$work/forecast.txt"; exit 1; }
profile="$work/forecast/rehearsal.json"
flags=$(grep -o -- '-Dmode=queue [^(]*' "$work/forecast.txt")
[ -n "$flags" ] || { echo "the forecast gave no queueing model for the platform"; cat "$work/forecast.txt"; exit 1; }
echo "platform: $flags"
echo
echo "| quantile | duration | requests | p99 at the peak, measured | predicted | difference |"
echo "| --- | --- | --- | --- | --- | --- |"
for q in $quantiles; do
  # shellcheck disable=SC2086
  ./mvnw -B -o -q -pl simulations gatling:test \
    -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation -Dgatling.noReports=true \
    -Drehearsal="$profile" -Drehearsal.quantile="$q" -Drehearsal.duration="$duration" \
    -DcircuitBreaker=off $flags >"$work/run-$q.txt" 2>&1
  run=$(ls -td simulations/target/gatling/flashspinpeaksimulation-* | head -1)
  bin/casinoperf gate "$run" --no-save --history "$work/history" --out "$work/report-$q" >"$work/gate-$q.txt" 2>&1
  line=$(grep -o 'p99 at the peak [0-9]* ms, predicted [0-9]* ms[^)]*)' "$work/report-$q/summary.md" | head -1)
  requests=$(awk '$1 == "All" && $2 == "requests" { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+$/) { print $i; exit } }' "$work/gate-$q.txt")
  measured=$(sed -E 's/p99 at the peak ([0-9]+) ms.*/\1/' <<<"$line")
  predicted=$(sed -E 's/.*predicted ([0-9]+) ms.*/\1/' <<<"$line")
  difference=$(sed -E 's/.*\((.*)\)/\1/' <<<"$line")
  echo "| $q | $duration | ${requests:-?} | ${measured:-?} ms | ${predicted:-?} ms | ${difference:-?} |"
done
