#!/usr/bin/env bash
# Heap after a full GC at the start and the end of a long run of one simulation (default: the
# wallet traffic for 10 minutes on the embedded platform), sampled every minute in between.
# The Gatling fork holds both Gatling and the platform mock, so this is their joint live heap.
# Usage (from the repository root): benchmarks/heap-over-run.sh [SimulationClass] [duration]
set -uo pipefail
cd "$(dirname "$0")/.."
simulation=${1:-WalletTrafficSimulation}
duration=${2:-10m}
log=$(mktemp)

./mvnw -q -B install -DskipTests >/dev/null || { echo "build failed"; exit 1; }
./mvnw -B -o gatling:test -Dgatling.simulationClass="io.casinoperf.simulations.$simulation" \
  -Dduration="$duration" >"$log" 2>&1 &
maven=$!

fork=""
for _ in $(seq 1 120); do
  fork=$(pgrep -f 'gatlingbooter.*io.gatling.app.Gatling' | head -1)
  [ -n "$fork" ] && break
  sleep 1
done
[ -n "$fork" ] || { echo "no Gatling fork found"; kill $maven; exit 1; }

live_heap() { # used heap in MiB right after a full GC of the fork
  jcmd "$1" GC.run >/dev/null 2>&1 || return 1
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {gsub(/K,?/,"",$(i+1)); printf "%.1f", $(i+1)/1024; exit}}'
}

printf '%8s %12s\n' minute live_heap_MiB
sleep 30
minute=0
while kill -0 "$fork" 2>/dev/null; do
  heap=$(live_heap "$fork") || break
  [ -n "$heap" ] && printf '%8s %12s\n' "$minute" "$heap"
  sleep 60
  minute=$((minute + 1))
done
wait $maven
rc=$?
grep -E ': (true|false)' "$log"
echo "gatling:test exit $rc; full log: $log"
