#!/usr/bin/env bash
# What the circuit breaker costs the injector.
# 1. CircuitBreakerBenchmark: nanoseconds per recorded request, from 1 and 2 threads.
# 2. The flash peak at 900 players in 5 s (where this machine's injector is the bottleneck), with
#    the breaker on and off, alternating, 3 times each: Gatling's own p95/p99 and request count.
# Usage (from the repository root): benchmarks/breaker-overhead.sh [pairs]
set -uo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-3}
./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
# The build writes each module's test classpath (target/test-classpath.txt): no plugin to fetch.
java -cp "scenarios/target/test-classes:scenarios/target/classes:$(cat scenarios/target/test-classpath.txt)" \
  io.casinoperf.scenarios.breaker.bench.CircuitBreakerBenchmark 5000000 5

out=$(mktemp)
for i in $(seq 1 "$pairs"); do
  for breaker in on off; do
    ./mvnw -B -o -q gatling:test -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation \
      -DflashSpinPeak.peakUsers=900 -DcircuitBreaker=$breaker >"$out" 2>&1
    count=$(grep -E "^> request count" "$out" | tail -1 | awk -F'|' '{gsub(/ /,"",$2); print $2}')
    p95=$(grep -E "^> response time 95th percentile" "$out" | tail -1 | awk -F'|' '{gsub(/ /,"",$2); print $2}')
    p99=$(grep -E "^> response time 99th percentile" "$out" | tail -1 | awk -F'|' '{gsub(/ /,"",$2); print $2}')
    echo "breaker $breaker, run $i: $count requests, p95 $p95 ms, p99 $p99 ms"
  done
done
rm -f "$out"
