#!/usr/bin/env bash
# The forecast's accuracy beside R's forecast package and Prophet, on real public series
# (capacity-model/src/test/resources/data/SOURCES.md, and R's own `taylor`), rolling origin.
#
# For each case (a series at one horizon):
# 1. `casinoperf forecast backtest` at the case's origins and training window writes the project's
#    and the seasonal-naive forecasts (forecasts.csv) and each origin's training window and MASE
#    scale (scores.csv);
# 2. benchmarks/forecast-accuracy/peers.R fits R's snaive, ets, stlf, auto.arima, dynamic harmonic
#    regression, tbats and Prophet on exactly those windows and forecasts the same timestamps
#    (peers.csv, timings.csv); kept between runs, as they do not depend on the project's model
#    (--peers again to redo them);
# 3. AccuracyTable scores every forecaster with the project's own scoring code on the same points
#    and writes benchmarks/target/forecast-accuracy/accuracy.md (the table in docs/STATISTICS.md).
#
# Installs r-base-core, r-cran-forecast and r-cran-prophet from Debian when missing (as root).
# Not part of .ci/run: the peers take about two hours on 2 cores the first time.
#
# Usage (from anywhere): benchmarks/forecast-accuracy.sh [--peers] [CASE...]
#   CASE: a case name below (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
# One thread for R's linear algebra: the peers are timed per fit, and two cores are shared.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
root=$PWD
data=capacity-model/src/test/resources/data
work=benchmarks/target/forecast-accuracy
redo_peers=0
if [ "${1:-}" = "--peers" ]; then
  redo_peers=1
  shift
fi

# name | file | series column | horizon | origins | every | training window | R methods
# auto.arima is left out at a 5-minute step: with a 288-step season one fit ran past 120 s and
# took 7.3 GB of memory; ets allows seasons of at most 24 steps and says n/a there.
five_minutes=snaive,ets,stlf,dhr,tbats,prophet
all=snaive,ets,stlf,arima,dhr,tbats,prophet
cases=(
  "amzn-1d|$data/nab/Twitter_volume_AMZN.csv|value|1d|4|1d|28d|$five_minutes"
  "amzn-7d|$data/nab/Twitter_volume_AMZN.csv|value|7d|4|7d|28d|$five_minutes"
  "asg-1d|$data/nab/cpu_utilization_asg_misconfiguration.csv|value|1d|4|1d|28d|$five_minutes"
  "asg-7d|$data/nab/cpu_utilization_asg_misconfiguration.csv|value|7d|4|7d|28d|$five_minutes"
  "ec2-1d|$data/nab/ec2_cpu_utilization_53ea38.csv|value|1d|4|1d|all|$five_minutes"
  "manning-1d|$data/prophet/example_wp_log_peyton_manning.csv|y|1d|8|1d|all|$all"
  "manning-7d|$data/prophet/example_wp_log_peyton_manning.csv|y|7d|4|7d|all|$all"
  "taylor-1d|$work/taylor.csv|value|1d|4|1d|all|$all"
  "taylor-7d|$work/taylor.csv|value|7d|4|7d|all|$all"
)

if ! Rscript -e 'suppressMessages({library(forecast); library(prophet)})' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing R, forecast and prophet from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q r-base-core r-cran-forecast r-cran-prophet >/dev/null
  else
    echo "needs R with the forecast and prophet packages: apt-get install r-base-core r-cran-forecast r-cran-prophet" >&2
    exit 1
  fi
fi
[ -f reports/target/casinoperf.jar ] || ./mvnw -q -B install -DskipTests >/dev/null
./mvnw -q -o -pl capacity-model test-compile >/dev/null
mkdir -p "$work"
[ -s "$work/taylor.csv" ] || Rscript benchmarks/forecast-accuracy/peers.R --export-taylor "$work/taylor.csv"

selected=("$@")
tables=()
for spec in "${cases[@]}"; do
  IFS='|' read -r name file column horizon origins every train methods <<<"$spec"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then
    continue
  fi
  out=$work/$name
  mkdir -p "$out"
  echo "== $name: casinoperf forecast backtest $(basename "$file") --horizon $horizon --origins $origins --every $every --train $train" >&2
  java -jar reports/target/casinoperf.jar forecast backtest "$file" --series "$column" \
    --horizon "$horizon" --origins "$origins" --every "$every" --train "$train" --out "$out" \
    >"$out/backtest.txt"
  # The peers depend on the origins and windows only: redone when those changed.
  windows=$(cut -d, -f2,4,5,6 "$out/scores.csv" | sort | md5sum)
  if [ $redo_peers = 1 ] || [ ! -s "$out/peers.csv" ] || [ "$(cat "$out/windows" 2>/dev/null)" != "$windows" ]; then
    echo "== $name: R and Prophet on the same windows" >&2
    Rscript benchmarks/forecast-accuracy/peers.R --series "$file" --forecasts "$out/forecasts.csv" \
      --scores "$out/scores.csv" --out "$out/peers.csv" --timings "$out/timings.csv" \
      --methods "$methods" --max-seconds "${MAX_SECONDS:-300}"
    echo "$windows" >"$out/windows"
  fi
  tables+=("$name=$out")
done

# The command's own jar carries the model and its libraries: no plugin to fetch, so this runs offline.
java -cp "capacity-model/target/test-classes:capacity-model/target/classes:reports/target/casinoperf.jar" \
  io.casinoperf.capacity.bench.AccuracyTable "$work/accuracy.md" "${tables[@]}"
echo "wrote $work/accuracy.md and $work/accuracy-by-origin.csv" >&2
