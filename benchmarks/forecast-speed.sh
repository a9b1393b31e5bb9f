#!/usr/bin/env bash
# Speed of the capacity forecast on one year of one-minute data: 525,600 points of traffic and
# three resources (PlatformMetrics: 365 days at a 60 s step), on this machine.
# 1. Writes the input under benchmarks/target/forecast-year unless it is there.
# 2. ForecastBenchmark in one JVM: read + clean, fit + forecast without the backtest, the backtest
#    alone and the whole forecast, each timed after one warm-up (median and minimum of N runs).
# 3. Times the real command, `casinoperf forecast` with JVM start, 3 times (wall clock, peak RSS).
# Usage (from the repository root): benchmarks/forecast-speed.sh [REPETITIONS]   (default 5)
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
./mvnw -q -o -pl capacity-model test-compile >/dev/null || exit 1

data=benchmarks/target/forecast-year
mkdir -p benchmarks/target
# The command's own jar carries the model and every library it needs; the benchmark's classes
# come from the module's test output. No plugin to download: this runs offline once the build has.
java -cp "capacity-model/target/test-classes:capacity-model/target/classes:reports/target/casinoperf.jar" \
  io.casinoperf.capacity.bench.ForecastBenchmark "$data" "${1:-5}" || exit 1

out=$(mktemp -d)
for i in 1 2 3; do
  /usr/bin/time -f "forecast command: %e s wall, %M KiB peak RSS" java -jar reports/target/casinoperf.jar \
    forecast "$data/metrics.csv" --plan "$data/plan.yaml" --calendar "$data/calendar.yaml" \
    --load-steps "$data/load-steps.csv" --out "$out" >"$out/forecast.txt" 2>"$out/forecast.err"
  tail -1 "$out/forecast.err"
done
grep -E "^Demand model|^Backtest" "$out/forecast.txt"
