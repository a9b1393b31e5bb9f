#!/usr/bin/env bash
# The release gate as a pipeline step, shared by the GitHub Actions, GitLab CI and Jenkins recipes
# beside it (each only adds checkout, the stored history and publishing): build, run one
# simulation against the target, judge it against the stored baseline, keep the run in the
# history. Exit code: the gate's — 0 pass, 1 regression, SLO breach or a run its circuit breaker
# stopped (or no baseline with REQUIRE_BASELINE=1), 2 bad input, 3 inconclusive (INCONCLUSIVE=pass|fail turns it into 0 or 1), 4 invalid
# (the injector, not the platform, limited the run: rerun on a quieter or bigger injector).
# What ran, with which parameters and SLOs, comes from the run's record (run.json).
#
# Environment (all optional):
#   SIMULATION       simulation class name (default FlashSpinPeakSimulation)
#   TARGET           staging base URL; empty loads the embedded platform
#   ALLOWED_TARGETS  hosts TARGET may name (required for a non-loopback TARGET)
#   DURATION         steady phase, e.g. 3m (default 120s: every request of each simulation then
#                    reaches the gate's 1,000 responses; shorter runs are inconclusive on the
#                    rarer requests)
#   LABEL            the version under test (default: the commit, from git)
#   HISTORY          run history folder, kept between pipeline runs (default casinoperf-history)
#   OUT              where verdict.json, junit.xml, summary.md and gate.html go (default gate-report)
#   INCONCLUSIVE     exit3 (default), pass or fail
#   REQUIRE_BASELINE 1: fail (exit 1, verdict "no baseline") when the history holds no comparable
#                    passing run — set it once the history has its first run, so a cache that
#                    failed to restore fails the step instead of passing on SLOs alone
#   CASINOPERF_PLAYER_PASSWORD  the staging accounts' password, from the CI secret store
# Usage (from the repository root): docs/pipelines/perf-gate.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
simulation=${SIMULATION:-FlashSpinPeakSimulation}
duration=${DURATION:-120s}
label=${LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo unlabelled)}
history=${HISTORY:-casinoperf-history}
out=${OUT:-gate-report}

./mvnw -B -ntp -q install -DskipTests || { echo "casinoperf: build failed" >&2; exit 2; }

target_args=()
if [ -n "${TARGET:-}" ]; then
  target_args=(-Dtarget="$TARGET" -DallowedTargets="${ALLOWED_TARGETS:-}")
fi
# The gate judges the SLOs (and the baseline), so a breach must not stop the step here.
./mvnw -B -ntp -q gatling:test -Dgatling.simulationClass="io.casinoperf.simulations.$simulation" \
  -Dduration="$duration" -Dgatling.failOnError=false "${target_args[@]}"
run_code=$?
if [ "$run_code" -ne 0 ]; then
  echo "casinoperf: the load run failed to run (exit $run_code)" >&2
  exit 2
fi

baseline_args=()
if [ "${REQUIRE_BASELINE:-0}" = 1 ]; then
  baseline_args=(--require-baseline)
fi
bin/casinoperf gate simulations/target/gatling \
  --history "$history" --label "$label" \
  --inconclusive "${INCONCLUSIVE:-exit3}" --out "$out" "${baseline_args[@]}"
