#!/usr/bin/env bash
# Speed and memory of `casinoperf merge-logs` on a two-injector run of 1,000,000 requests each
# (generated with the project's log writer: ShardLogs in release-gate's test sources), then
# Gatling's own report of the merged log in reports-only mode, whose request count must be the sum.
# 1. Writes benchmarks/target/merge-speed/shard-{1,2}.log unless they exist (~1 s).
# 2. Times the whole command (JVM start included) 3 times with the heap capped at 64 MiB, then
#    once at 16 MiB: the merge streams, so the heap does not grow with the logs.
# 3. The gate over the two logs (its exact counts and p99), then Gatling reports-only on the merged
#    log through the Maven plugin, once.
# 4. If a real LogVolumeSimulation log exists (benchmarks/gate-speed.sh writes one), merges it with
#    a copy of itself, 3 times.
# Usage (from the repository root): benchmarks/merge-speed.sh
set -uo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl release-gate,reports -am install -DskipTests >/dev/null \
  || ./mvnw -q -B -pl release-gate,reports -am install -DskipTests >/dev/null || exit 1

work=benchmarks/target/merge-speed
if [ ! -f "$work/shard-2.log" ]; then
  java -cp release-gate/target/test-classes:release-gate/target/classes \
    io.casinoperf.gate.log.bench.ShardLogs "$work" 2 1000000 || exit 1
fi
ls -l "$work"/shard-*.log

merge() {  # HEAP OUT LOG...
  local heap=$1 out=$2; shift 2
  /usr/bin/time -f "merge-logs -Xmx$heap: %e s wall, %M KiB peak RSS" \
    java -Xmx"$heap" -jar reports/target/casinoperf.jar merge-logs "$@" --out "$out" --force \
    >"$work/merge.out" 2>"$work/merge.err"
  tail -1 "$work/merge.err"
}
for i in 1 2 3; do merge 64m "$work/merged" "$work/shard-1.log" "$work/shard-2.log"; done
merge 16m "$work/merged" "$work/shard-1.log" "$work/shard-2.log"
head -1 "$work/merge.out"

java -jar reports/target/casinoperf.jar gate "$work/shard-1.log" "$work/shard-2.log" --no-save \
  --out "$work/gate" --history "$work/history" 2>/dev/null | grep -E "^All requests" \
  | sed 's/^/the gate over both logs: /'

start=$(date +%s.%N)
./mvnw -B -o -q gatling:test -Dgatling.reportsOnly="$PWD/$work/merged" >"$work/gatling.out" 2>&1
end=$(date +%s.%N)
echo "Gatling reports-only on the merged log (plugin): $(echo "$end - $start" | bc) s wall"
grep -E "^> request count|^> response time 99th" "$work/gatling.out"
echo "All Requests in its index.html: $(grep -A14 '<tr id="ROOT"' "$work/merged/index.html" \
  | grep -o 'col-2">[0-9]*' | cut -d'>' -f2)"

real=$(ls -d benchmarks/target/gatling/logvolumesimulation-*/simulation.log 2>/dev/null | tail -1)
if [ -n "$real" ]; then
  cp "$real" "$work/real-copy.log"
  echo "real log: $real ($(stat -c %s "$real") bytes), merged with a copy of itself"
  for i in 1 2 3; do merge 64m "$work/real-merged" "$real" "$work/real-copy.log"; done
  head -1 "$work/merge.out"
  rm "$work/real-copy.log"
fi
