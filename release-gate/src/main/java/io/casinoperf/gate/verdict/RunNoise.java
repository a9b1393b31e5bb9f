package io.casinoperf.gate.verdict;

import io.casinoperf.gate.stats.RunToRunNoise;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the history says about how unchanged runs of this workload differ, per request path
 * ({@link Gate#ALL_REQUESTS} for the whole run), and how many runs the baseline pools.
 *
 * @param byPath the run-to-run spread of each request; empty when not known yet
 * @param comparableRuns comparable passing runs in the history's window
 * @param baselineRuns runs pooled into the baseline (their spread averages)
 * @param series the whole run's p99 in each comparable passing run of the window, oldest first,
 *     for the drift test
 */
public record RunNoise(Map<String, RunToRunNoise> byPath, int comparableRuns, int baselineRuns,
    List<StoredP99> series) {

  /** One stored run's whole-run p99 (interpolated, ms). */
  public record StoredP99(String runId, double p99Millis) {}

  public RunNoise {
    byPath = Map.copyOf(new TreeMap<>(byPath));
    series = List.copyOf(series);
  }

  /** Not known: fewer than {@link RunToRunNoise#MIN_RUNS} comparable runs. */
  public static RunNoise unknown(int comparableRuns, int baselineRuns) {
    return new RunNoise(Map.of(), comparableRuns, baselineRuns, List.of());
  }

  public boolean known() {
    return !byPath.isEmpty();
  }

  public Optional<RunToRunNoise> of(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
