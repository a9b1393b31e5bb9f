#!/usr/bin/env bash
# Real A/A pairs for the release gate: a baseline run and a candidate run of the same simulation on
# the embedded platform, then the gate on the candidate; repeated PAIRS times, each pair with a
# fresh history. Counts the verdicts: with nothing changed, every regression is a false alarm.
# With CANDIDATE_MODE=degraded the candidate runs on a degraded platform: every regression is a hit.
# With HISTORY_RUNS=N the pairs share one history instead, as a pipeline's does: N unchanged runs
# are gated and stored first (so the gate knows the run-to-run noise and pools its baseline), then
# each candidate is gated against it and stored; a candidate is then one run, not a pair.
# Usage (from the repository root): benchmarks/gate-aa.sh [PAIRS=10] [DURATION=60s]
#   env: SIMULATION (default FlashSpinPeakSimulation), CANDIDATE_MODE (default normal),
#        GATE_ARGS (more options for each gate call, e.g. "--min-samples 400"),
#        HISTORY_RUNS (default 0: a fresh history per pair), HOG (busy-loop processes beside
#        each candidate run, stopping by themselves; default 0),
#        EXPECT=pass|regression (exit 1 unless every pair ends so; for CI)
set -uo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-10}
duration=${2:-60s}
simulation=${SIMULATION:-FlashSpinPeakSimulation}
candidate_mode=${CANDIDATE_MODE:-normal}
history_runs=${HISTORY_RUNS:-0}
hog=${HOG:-0}
expect=${EXPECT:-}
work=$(mktemp -d)

[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null || { echo "build failed"; exit 1; }

run() { # mode label history [more gate options]
  ./mvnw -B -o -q gatling:test -Dgatling.simulationClass="io.casinoperf.simulations.$simulation" \
    -Dduration="$duration" -Dmode="$1" -Dgatling.failOnError=false >"$work/run.log" 2>&1
  java -jar reports/target/casinoperf.jar gate simulations/target/gatling --history "$3" \
    --label "$2" --out "$work/report" ${GATE_ARGS:-} "${@:4}" >"$work/gate.log" 2>&1
}

# The embedded platform's mode is part of what makes runs comparable (run.json), so a candidate on
# a degraded platform has no automatic baseline: it is compared with the last normal run by id.
forced_baseline() { # history -> "--baseline ID" of its newest normal run, when the candidate's mode differs
  if [ "$candidate_mode" != normal ]; then
    local newest
    newest=$(grep -l -E '"label" *: *"(seed|baseline)-' "$1"/*.json 2>/dev/null | sort | tail -1)
    [ -n "$newest" ] && echo "--baseline $(basename "${newest%.json}")"
  fi
}

with_hog() { # command...: runs it with $hog busy loops beside it (each stops after 15 min at most)
  local hogs=()
  for _ in $(seq 1 "$hog"); do timeout 900 sh -c 'while :; do :; done' & hogs+=($!); done
  "$@"; local code=$?
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done
  return $code
}

passes=0; regressions=0; inconclusive=0; invalid=0; other=0; unexpected=0
shared="$work/history-shared"
if [ "$history_runs" -gt 0 ]; then
  printf '%5s %-13s %s\n' seed verdict reason
  for i in $(seq 1 "$history_runs"); do
    run normal "seed-$i" "$shared"
    printf "%5s %-13s %s\n" "$i" "exit $?" "$(grep -m1 -E "^(PASS|REGRESSION|SLO BREACH|INCONCLUSIVE|IMPROVEMENT|INVALID|ABORTED|NO BASELINE): " "$work/gate.log" | cut -c1-150)"
  done
fi
printf '%5s %-13s %s\n' pair verdict reason
for i in $(seq 1 "$pairs"); do
  if [ "$history_runs" -gt 0 ]; then
    history="$shared"
  else
    history="$work/history-$i"
    run normal "baseline-$i" "$history"
    code=$?
    if [ "$code" -eq 4 ]; then
      # The gate refused a run its injector limited (a busy machine): no baseline, no pair.
      echo "baseline $i: invalid, pair skipped: $(grep -m1 '^INVALID' "$work/gate.log" | cut -c1-150)"
      invalid=$((invalid + 1)); continue
    elif [ "$code" -ne 0 ]; then
      echo "baseline $i: exit $code: $(grep -v '^read ' "$work/gate.log" | head -1)"
      unexpected=$((unexpected + 1)); continue
    fi
  fi
  # shellcheck disable=SC2046
  with_hog run "$candidate_mode" "candidate-$i" "$history" $(forced_baseline "$history")
  code=$?
  case $code in
    0) passes=$((passes + 1)); verdict=pass ;;
    1) regressions=$((regressions + 1)); verdict=regression ;;
    3) inconclusive=$((inconclusive + 1)); verdict=inconclusive ;;
    4) invalid=$((invalid + 1)); verdict=invalid ;;
    *) other=$((other + 1)); verdict="exit $code" ;;
  esac
  printf "%5s %-13s %s\n" "$i" "$verdict" "$(grep -m1 -E "^(PASS|REGRESSION|SLO BREACH|INCONCLUSIVE|IMPROVEMENT|INVALID|ABORTED|NO BASELINE): " "$work/gate.log" | cut -c1-150)"
  if [ -n "$expect" ] && [ "$verdict" != "$expect" ]; then
    # For CI: an A/A pair may be inconclusive, never a regression. Either kind of pair may be
    # invalid: the candidate's injector was saturated (a busy machine), so the gate judged nothing
    # and said so; that is not a pass of a degraded platform.
    if ! { [ "$verdict" = invalid ] || { [ "$expect" = pass ] && [ "$verdict" = inconclusive ]; }; }; then
      unexpected=$((unexpected + 1))
    fi
  fi
done
echo "$pairs pairs, candidate on a $candidate_mode platform: $passes pass, $regressions regression," \
  "$inconclusive inconclusive, $invalid invalid, $other other"
[ "$unexpected" -eq 0 ]
