#!/usr/bin/env bash
# Waits for the gate of the sharded run started with `kubectl apply -k k8s/`, prints the gate's
# output, copies its reports (verdict.json, junit.xml, summary.md, gate.html) to OUT_DIR and
# exits with the gate's exit code: 0 pass, 1 regression, SLO breach or a shard stopped by its
# circuit breaker, 2 bad input or a failed shard, 3 inconclusive. Uses kubectl's current context and namespace; it waits as long as the
# gate does (LOGS_WAIT_SECONDS), so give the pipeline step a timeout for pods that never start.
# Usage: k8s/await-verdict.sh [OUT_DIR=gate-report]
set -uo pipefail
out=${1:-gate-report}
here=$(dirname "$0")

gate_pod() { kubectl get pods -l job-name=casinoperf-gate -o jsonpath="{.items[0].$1}" 2>/dev/null; }

until phase=$(gate_pod status.phase) && { [ "$phase" = Succeeded ] || [ "$phase" = Failed ]; }; do
  sleep 10
done
code=$(gate_pod 'status.containerStatuses[0].state.terminated.exitCode')
kubectl logs job/casinoperf-gate

# Finished pods cannot be copied from: a reader pod holds the volume for kubectl cp.
run_id=$(kubectl get configmap casinoperf-run -o jsonpath='{.data.RUN_ID}')
kubectl apply -f "$here/results-reader.yaml" >/dev/null
if kubectl wait --for=condition=Ready pod/casinoperf-results-reader --timeout=120s >/dev/null \
  && kubectl cp "casinoperf-results-reader:/results/$run_id/gate-report" "$out" >/dev/null; then
  echo "reports of $run_id in $out/"
else
  echo "casinoperf: could not copy /results/$run_id/gate-report" >&2
fi
kubectl delete pod casinoperf-results-reader --wait=false >/dev/null
exit "${code:-2}"
