#!/usr/bin/env bash
# Speed of the HTML reports, JVM start excluded: capacity.html for a year of one-minute data
# (PlatformMetrics, 365 days at 60 s; the forecast is computed first and not timed), gate.html for
# a 50-request run against its baseline, trend.html for a history of 100 runs. Each report in
# its own JVM, so its first (cold) render pays for AWT and fonts as the command line does; then
# the median and minimum of N warm renders.
# Usage (from the repository root): benchmarks/report-speed.sh [REPETITIONS]   (default 5)
set -uo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
mkdir -p benchmarks/target
# The build writes each module's test classpath (target/test-classpath.txt): no plugin to fetch.
classpath="reports/target/test-classes:reports/target/classes:$(cat reports/target/test-classpath.txt)"
first=1
for report in capacity gate trend; do
  java -cp "$classpath" io.casinoperf.report.bench.ReportBenchmark benchmarks/target "${1:-5}" "$report" \
    | { if [ $first = 1 ]; then cat; else tail -n +2; fi; }
  first=0
done
