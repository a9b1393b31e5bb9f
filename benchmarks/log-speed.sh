#!/usr/bin/env bash
# Reading speed of the gate on a 5,000,000-request simulation.log, against Gatling's own report
# generation (reports-only mode) on the same file, on this machine, in one session.
# 1. Writes the log with a real run (LogVolumeSimulation: 10 looping users, ~7 minutes) unless
#    one exists under benchmarks/target/gatling.
# 2. Times `casinoperf gate --no-save` on it 3 times (wall clock and peak RSS, heap capped at
#    -Xmx256m to show that the heap does not grow with the log), then Gatling's reports-only mode
#    through the Maven plugin 3 times.
# Usage (from the repository root): benchmarks/log-speed.sh
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null || exit 1

run=$(ls -d benchmarks/target/gatling/logvolumesimulation-* 2>/dev/null | tail -1)
if [ -z "$run" ]; then
  echo "writing the log (about 7 minutes)..."
  ./mvnw -B -o -q -pl benchmarks gatling:test -DskipBenchmarks=false \
    -Dgatling.simulationClass=io.casinoperf.benchmarks.LogVolumeSimulation -Dgatling.noReports=true >/dev/null 2>&1
  run=$(ls -d benchmarks/target/gatling/logvolumesimulation-* | tail -1)
fi
log="$run/simulation.log"
echo "log: $log ($(stat -c %s "$log") bytes)"

out=$(mktemp -d)
for i in 1 2 3; do
  /usr/bin/time -f "gate: %e s wall, %M KiB peak RSS" java -Xmx256m -jar reports/target/casinoperf.jar \
    gate "$log" --no-save --out "$out" --history "$out/history" >"$out/gate.txt" 2>"$out/gate.err"
  tail -1 "$out/gate.err"
done
grep -E "^All requests" "$out/gate.txt"

for i in 1 2 3; do
  start=$(date +%s.%N)
  ./mvnw -B -o -q -pl benchmarks gatling:test -DskipBenchmarks=false \
    -Dgatling.reportsOnly="$(basename "$run")" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "Gatling reports-only (plugin): $(echo "$end - $start" | bc) s wall"
done
