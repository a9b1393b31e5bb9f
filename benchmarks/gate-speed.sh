#!/usr/bin/env bash
# The whole `casinoperf gate` command against Gatling's own report generation (reports-only mode)
# on the same simulation.log, side by side in one run of this script, interleaved so that both
# see the same machine: docs/PERFORMANCE.md, "The gate against Gatling's report".
#
# Logs (written once, kept under benchmarks/target):
#   generated  5,000,000 requests, five request names, 1 % KO (VolumeLog, seeded; ~110 MB, ~10 s)
#   real       5,000,000 requests of a real Gatling run (LogVolumeSimulation; ~7 minutes)
#   small      5,000 requests of a real Gatling run (LogVolumeSimulation, 10 users x 500)
# Each round times, under /usr/bin/time (wall clock, peak RSS):
#   bin/casinoperf gate LOG --no-save          (the launcher: start-up archive, serial GC, C1)
#   java -jar casinoperf.jar gate LOG --no-save (the plain jar, for comparison)
#   Gatling 3.15.1 reports-only, run directly: java -cp <Gatling's classpath> io.gatling.app.Gatling
#     -ro FOLDER -rf RESULTS, with the JVM options its Maven plugin gives it
# and prints the medians, the ratios and the load average before and after.
# The timings stay in benchmarks/target/gate-speed/results (LABEL: "seconds KiB" per round).
# Usage (from the repository root): benchmarks/gate-speed.sh [ROUNDS]   (default 5; ~12 min)
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
work=benchmarks/target/gate-speed
mkdir -p "$work"

if [ ! -f reports/target/casinoperf.jar ] || [ ! -f benchmarks/target/test-classpath.txt ] \
    || [ ! -f release-gate/target/test-classes/io/casinoperf/gate/log/bench/VolumeLog.class ]; then
  ./mvnw -q -B -o install -DskipTests >/dev/null || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
fi

if [ ! -f "$work/generated/simulation.log" ]; then
  java -cp release-gate/target/test-classes:release-gate/target/classes \
    io.casinoperf.gate.log.bench.VolumeLog "$work/generated/simulation.log" 5000000 || exit 1
fi
volume_run() {  # REQUESTS_PER_USER: a LogVolumeSimulation run, its folder printed
  ./mvnw -B -o -q -pl benchmarks gatling:test -DskipBenchmarks=false \
    -Dgatling.simulationClass=io.casinoperf.benchmarks.LogVolumeSimulation \
    -Dbench.requestsPerUser="$1" -Dgatling.noReports=true >/dev/null 2>&1
  ls -d benchmarks/target/gatling/logvolumesimulation-* | tail -1
}
real=$(cat "$work/real.folder" 2>/dev/null)
if [ -z "$real" ] || [ ! -f "$real/simulation.log" ]; then
  echo "writing the real 5,000,000-request log (about 7 minutes)..."
  real=$(volume_run 500000) && echo "$real" >"$work/real.folder" || exit 1
fi
if [ ! -f "$work/small/simulation.log" ]; then
  small_run=$(volume_run 500) || exit 1
  mkdir -p "$work/small" && mv "$small_run/simulation.log" "$work/small/" && rm -rf "$small_run"
fi

gatling_cp="benchmarks/target/test-classes:$(cat benchmarks/target/test-classpath.txt)"
jar=reports/target/casinoperf.jar
out=$work/results
rm -rf "$out" && mkdir -p "$out"

timed() {  # LABEL CMD...: appends "seconds kib" to $out/LABEL, keeps the command's output
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/$label.out" 2>"$out/$label.err"
  # time notes a non-zero exit (a breached SLO is exit 1) on a line of its own.
  grep -E '^[0-9.]+ [0-9]+$' "$out/time" >>"$out/$label"
}
gate_launcher() { timed "$1" bin/casinoperf gate "$2" --no-save --out "$out/report" --history "$out/history"; }
gate_jar() { timed "$1" java -jar "$jar" gate "$2" --no-save --out "$out/report" --history "$out/history"; }
gatling() {  # LABEL RESULTS_FOLDER RUN_FOLDER_NAME
  timed "$1" java -Xmx1G -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 \
    -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$gatling_cp" \
    io.gatling.app.Gatling -ro "$3" -rf "$2"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1)"
echo "logs: generated $(stat -c %s "$work/generated/simulation.log") bytes," \
  "real $(stat -c %s "$real/simulation.log") bytes, small $(stat -c %s "$work/small/simulation.log") bytes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  gate_launcher gate-generated "$work/generated/simulation.log"
  gatling gatling-generated "$work" generated
  gate_jar jar-generated "$work/generated/simulation.log"
  gate_launcher gate-real "$real/simulation.log"
  gatling gatling-real "$(dirname "$real")" "$(basename "$real")"
  gate_launcher gate-small "$work/small/simulation.log"
  gate_jar jar-small "$work/small/simulation.log"
  echo "round $round of $rounds done (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
summary() {  # LABEL: median wall, range, peak RSS range
  local file=$out/$1
  printf "%-18s median %6.2f s  (%s .. %s s)  peak RSS %s .. %s MiB\n" "$1" \
    "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f1 "$file" | sort -n | head -1)" \
    "$(cut -d' ' -f1 "$file" | sort -n | tail -1)" \
    "$(( $(cut -d' ' -f2 "$file" | sort -n | head -1) / 1024 ))" \
    "$(( $(cut -d' ' -f2 "$file" | sort -n | tail -1) / 1024 ))"
}
for label in gate-generated jar-generated gatling-generated gate-real gatling-real gate-small jar-small; do
  summary "$label"
done
ratio() { awk -v a="$(cut -d' ' -f1 "$out/$1" | median)" -v b="$(cut -d' ' -f1 "$out/$2" | median)" \
  'BEGIN { printf "%.1f", a / b }'; }
echo "Gatling reports-only / gate, medians: generated $(ratio gatling-generated gate-generated)x," \
  "real $(ratio gatling-real gate-real)x"
# The same counts on both sides: the gate's "All requests" row and Gatling's request count.
for log in generated real; do
  echo "$log: gate $(grep -m1 -E '^All requests' "$out/gate-$log.out" | tr -s ' ' | cut -c1-60);" \
    "Gatling $(grep -m1 'request count' "$out/gatling-$log.out" | tr -s ' ')"
done
for label in gate-generated gate-real gate-small jar-generated jar-small; do
  grep -h "^casinoperf:" "$out/$label.err" | head -1 | sed "s/^/$label: /"
done
exit 0
