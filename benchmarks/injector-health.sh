#!/usr/bin/env bash
# Are the injector-health rules right on this machine? Default runs of each simulation, as the main
# job runs them, in three conditions, and what their run records say:
#   quiet   nothing else running: no run may be flagged
#   hog     HOG busy-loop processes (default 4) beside each run, stopping by themselves
#   small   the Gatling JVM on one processor with a small heap (-XX:ActiveProcessorCount=1 -Xmx160m)
# Then the sampler's own cost (SamplerCostBenchmark). One line per run: simulation, condition,
# status, and the figures the rules read. Run on an otherwise quiet machine.
# Usage (from the repository root): benchmarks/injector-health.sh [RUNS=10] [CONDITIONS="quiet hog small"]
#   env: SIMULATIONS (default the three of the main job), HOG (default 4)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
conditions=${2:-quiet hog small}
simulations=${SIMULATIONS:-FlashSpinPeakSimulation WalletTrafficSimulation WebSocketSessionsSimulation}
hog=${HOG:-4}
./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
out=$(mktemp)
printf '%-28s %-6s %3s %-10s %8s %8s %8s %6s %6s %5s %9s  %s\n' simulation cond run status \
  "lagP99" "lagMax" "gcMax" "cpu%" "mach%" "cont" "late p99" reasons
for condition in $conditions; do
  for simulation in $simulations; do
    for i in $(seq 1 "$runs"); do
      rm -rf simulations/target/gatling
      jvm=()
      hogs=()
      if [ "$condition" = hog ]; then
        for _ in $(seq 1 "$hog"); do timeout 120 sh -c 'while :; do :; done' & hogs+=($!); done
      elif [ "$condition" = small ]; then
        jvm=(-Dgatling.jvmArgs=-XX:ActiveProcessorCount=1,-Xmx160m)
      fi
      ./mvnw -B -o -q gatling:test -Dgatling.simulationClass="io.casinoperf.simulations.$simulation" \
        -Dgatling.failOnError=false "${jvm[@]}" >"$out" 2>&1
      for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done
      wait 2>/dev/null
      record=$(ls simulations/target/gatling/*/run.json 2>/dev/null | head -1)
      if [ -z "$record" ]; then
        printf '%-28s %-6s %3s %s\n' "$simulation" "$condition" "$i" "no run.json: $(grep -m1 -iE 'error|exception' "$out" | cut -c1-100)"
        continue
      fi
      python3 - "$record" "$simulation" "$condition" "$i" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); h = r["health"]; s = h["summary"]
print("%-28s %-6s %3s %-10s %8.1f %8.1f %8.0f %6.0f %6.0f %5d %9.0f  %s" % (sys.argv[2], sys.argv[3], sys.argv[4],
      h["status"], s["lagP99Millis"], s["lagMaxMillis"], s["longestGcPauseMillis"], s["processCpuPercent"],
      s["machineCpuPercent"], s["contendedSeconds"], s["arrivalLateP99Millis"], " | ".join(h["reasons"])[:160]))
PY
    done
  done
done
rm -f "$out"

# The build writes each module's test classpath (target/test-classpath.txt): no plugin to fetch.
java -cp "simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)" \
  io.casinoperf.simulations.health.bench.SamplerCostBenchmark 60
