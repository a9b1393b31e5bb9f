#!/usr/bin/env bash
# The staging password is used and leaks nowhere. A known fake secret (with a quote and a
# backslash, as real passwords have) is the only password the embedded platform accepts
# (CASINOPERF_PLATFORM_PASSWORD) and is given to the players the way staging credentials are
# (CASINOPERF_PLAYER_PASSWORD), through the real `./mvnw gatling:test`:
#   1. with it, a short FlashSpinPeakSimulation passes, so every login used it;
#   2. with a wrong player password the same run fails its logins, so the check can fail;
#   3. the secret is in no file the run and the gate wrote: the console, Gatling's simulation.log
#      and HTML report, the run history, verdict.json, junit.xml, summary.md and gate.html.
# Exit 1 on any failure. Usage (from the repository root): benchmarks/secret-leak.sh
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null || exit 1
secret="fake\"Secret\\-$(date +%s)-$$-not-a-real-password"
work=$(mktemp -d)
results="$work/gatling"

run() { # player-password name: the run's console goes to $work/<name>.log, its folder to $results/<name>/
  local marker="$work/$2.started" code
  touch "$marker"
  CASINOPERF_PLATFORM_PASSWORD="$secret" CASINOPERF_PLAYER_PASSWORD="$1" \
    ./mvnw -B -o -q gatling:test -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation \
    -Dduration=5s -DflashSpinPeak.peakUsers=50 >"$work/$2.log" 2>&1
  code=$?
  mkdir -p "$results/$2"
  # Gatling's results folder is fixed by the plugin: take this run's folder (newer than the marker).
  find simulations/target/gatling -mindepth 1 -maxdepth 1 -type d -newer "$marker" \
    -exec mv {} "$results/$2/" \;
  return $code
}

run "$secret" used; used_code=$?
run "wrong-$secret" refused; refused_code=$?
used_run=$(ls -d "$results"/used/flashspinpeaksimulation-* 2>/dev/null | tail -1)
java -jar reports/target/casinoperf.jar gate "$used_run" --history "$work/history" --out "$work/report" \
  --label secret-check >"$work/gate.log" 2>&1
gate_code=$?
echo "run with the secret: exit $used_code; with a wrong password: exit $refused_code; gate exit $gate_code"
echo "searching $(find "$work" -type f | wc -l) files"

failed=0
# Every login of the run with the secret succeeded (Gatling's last console table: Login's KO is
# 0). Its exit code may still be 1 on a busy machine, where a 5-second peak can breach its p99 SLO.
used_logins=$(grep -E '^> Login +\|' "$work/used.log" | tail -1)
if [ -z "$used_run" ] || ! [[ "$used_logins" =~ ^\>\ Login\ +\|\ +[1-9][0-9,]*\ \|\ +[0-9,]+\ \|\ +0$ ]] \
    || { [ "$used_code" -ne 0 ] && ! grep -q 'Gatling simulation assertions failed' "$work/used.log"; }; then
  echo "the run with the secret failed (exit $used_code; logins: ${used_logins:-none})"
  tail -20 "$work/used.log"; failed=1
fi
if [ "$refused_code" -eq 0 ] || ! grep -qE '^> Login +\| +[0-9,]+ \| +0 \|' "$work/refused.log"; then
  echo "the run with a wrong password did not fail its logins: the password is not what decides"
  tail -20 "$work/refused.log"; failed=1
fi
# The verdict is not the point here (a 5-second run may be too short to judge, an SLO breached or
# the injector saturated on a busy machine), only that one was given.
if [ "$gate_code" -ne 0 ] && [ "$gate_code" -ne 1 ] && [ "$gate_code" -ne 3 ] && [ "$gate_code" -ne 4 ]; then echo "the gate gave no verdict:"; cat "$work/gate.log"; failed=1; fi
if grep -rlF -- "$secret" "$work"; then
  echo "the secret leaked into the files above"; failed=1
fi
[ "$failed" -eq 0 ] && echo "the secret was used by every login and appears in no output"
exit "$failed"
