#!/usr/bin/env bash
# The queueing formulas of capacity-model (MultiServerQueue: Erlang C, Allen-Cunneen, the
# response-time tail) against a simulated first-come-first-served queue of the same parameters:
# the table in docs/STATISTICS.md, "Will p99 hold at the peak? Queueing".
# Usage (from the repository root): benchmarks/queue-accuracy.sh [CUSTOMERS]   (default 2,000,000; ~2 min)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f capacity-model/target/test-classpath.txt ] || ./mvnw -q -B -o -pl capacity-model test-compile
./mvnw -q -B -o -pl capacity-model test-compile
java -cp "capacity-model/target/test-classes:capacity-model/target/classes:$(cat capacity-model/target/test-classpath.txt)" \
  io.casinoperf.capacity.queueing.QueueAccuracy "${1:-2000000}"
