#!/usr/bin/env bash
# A known fake secret goes in as the player password (CASINOPERF_PLAYER_PASSWORD, the way staging
# credentials are given) and must come out nowhere: not in the console, Gatling's simulation.log
# or HTML report, the run history, or the gate's verdict.json, junit.xml, summary.md and gate.html.
# A short FlashSpinPeakSimulation on the embedded platform (which is given the same password),
# then the gate; every file they wrote is searched. Exit 1 when the secret is found anywhere.
# Usage (from the repository root): benchmarks/secret-leak.sh
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
secret="fake-Secret-$(date +%s)-$$-not-a-real-password"
work=$(mktemp -d)
export CASINOPERF_PLAYER_PASSWORD="$secret"
./mvnw -B -o -q gatling:test -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation \
  -Dduration=5s -DflashSpinPeak.peakUsers=50 >"$work/run.log" 2>&1
run_code=$?
run=$(ls -d simulations/target/gatling/flashspinpeaksimulation-* | tail -1)
java -jar reports/target/casinoperf.jar gate "$run" --history "$work/history" --out "$work/report" \
  --label secret-check >"$work/gate.log" 2>&1
gate_code=$?
unset CASINOPERF_PLAYER_PASSWORD
echo "run exit $run_code, gate exit $gate_code; searching $(find "$run" "$work" -type f | wc -l) files"
if [ "$run_code" -ne 0 ]; then echo "the run failed:"; tail -20 "$work/run.log"; exit 1; fi
if grep -rlF -- "$secret" "$run" "$work"; then
  echo "the secret leaked into the files above"
  exit 1
fi
# The check must be able to fail: the secret really was used (players logged in with it).
grep -q "Login" "$work/gate.log" || { echo "no Login requests: the secret was never used"; exit 1; }
echo "the secret appears in no output"
