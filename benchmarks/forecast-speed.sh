#!/usr/bin/env bash
# Speed of the capacity forecast on one year of one-minute data: 525,600 points of traffic and
# three resources (PlatformMetrics: 365 days at a 60 s step), on this machine.
# 1. Writes the input under benchmarks/target/forecast-year unless it is there.
# 2. ForecastBenchmark in one JVM: read + clean, fit + forecast without the backtest, the backtest
#    alone and the whole forecast, each timed after one warm-up (median and minimum of N runs).
# 3. Times the real command with JVM start, 3 times each, interleaved (wall clock, peak RSS):
#    through bin/casinoperf and as `java -jar`, on the year, on four weeks at 30 minutes (1,344
#    points, written under benchmarks/target/forecast-4w unless there) and on the README's example.
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

weeks=benchmarks/target/forecast-4w
if [ ! -f "$weeks/metrics.csv" ]; then
  java -cp "capacity-model/target/test-classes:capacity-model/target/classes:reports/target/casinoperf.jar" \
    io.casinoperf.capacity.testing.PlatformMetrics "$weeks" 28 1800 3 || exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # NAME FOLDER COMMAND…
  name=$1 folder=$2
  shift 2
  /usr/bin/time -f "$name: %e s wall, %M KiB peak RSS" "$@" forecast "$folder/metrics.csv" \
    --plan "$folder/plan.yaml" --calendar "$folder/calendar.yaml" --load-steps "$folder/load-steps.csv" \
    --out "$out/$name" >"$out/forecast.txt" 2>"$out/forecast.err"
  tail -1 "$out/forecast.err"
}
for i in 1 2 3; do
  run "year, bin/casinoperf" "$data" bin/casinoperf
  run "year, java -jar" "$data" java -jar reports/target/casinoperf.jar
  run "four weeks, bin/casinoperf" "$weeks" bin/casinoperf
  run "four weeks, java -jar" "$weeks" java -jar reports/target/casinoperf.jar
  run "example, bin/casinoperf" examples/capacity bin/casinoperf
done
cmp -s "$out/year, bin/casinoperf/forecast.json" "$out/year, java -jar/forecast.json" \
  && echo "the year's forecast.json: identical through the launcher and the plain jar" \
  || { echo "the year's forecast.json differs between the launcher and the plain jar"; exit 1; }
