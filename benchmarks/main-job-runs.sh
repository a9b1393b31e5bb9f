#!/usr/bin/env bash
# The main job as a newcomer runs it (./mvnw gatling:test: the three workload simulations against
# the embedded platform, SLOs asserted), RUNS times in a row; prints each run's exit code, the load
# average and every asserted p99, then how many runs passed and the largest p99 seen.
# With HOG=N, N busy-loop processes run beside each run (and stop by themselves with it): the
# "other work on the machine" case.
# Usage (from the repository root): benchmarks/main-job-runs.sh [RUNS=10]
#   env: HOG (default 0), MAVEN_ARGS (extra arguments for each run, e.g. -Dscale=2)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
hog=${HOG:-0}
work=$(mktemp -d)
./mvnw -q -B install -DskipTests >/dev/null || { echo "build failed"; exit 1; }

passed=0; worst=0
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $hog busy process(es) beside each run"
for i in $(seq 1 "$runs"); do
  hogs=()
  for _ in $(seq 1 "$hog"); do
    timeout 300 sh -c 'while :; do :; done' &
    hogs+=($!)
  done
  # shellcheck disable=SC2086
  ./mvnw -B -o -ntp gatling:test ${MAVEN_ARGS:-} >"$work/run-$i.log" 2>&1
  code=$?
  load=$(cut -d' ' -f1 /proc/loadavg)
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  # "Login: 99th percentile … : true (actual : 45.0)" -> "Login=45"
  p99s=$(sed -nE 's/^(.*): 99th percentile of response time is less than or equal to [0-9.]+ : (true|false) \(actual : ([0-9]+)(\.[0-9]+)?\)$/\1=\3/p' \
    "$work/run-$i.log" | tr '\n' ' ')
  for value in $(echo "$p99s" | grep -oE '=[0-9]+' | tr -d '='); do
    [ "$value" -gt "$worst" ] && worst=$value
  done
  [ "$code" -eq 0 ] && passed=$((passed + 1))
  printf 'run %2d  exit %d  load %5s  p99 ms: %s\n' "$i" "$code" "$load" "$p99s"
done
echo "$passed of $runs runs passed; largest p99 $worst ms (logs in $work)"
