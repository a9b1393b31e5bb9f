package io.casinoperf.gate.history;

import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses what a candidate is compared with: a given run, the last passing run of the same
 * workload, or the pooled last N such runs (their histograms added: more responses, and the
 * run-to-run variation of the baseline averaged in).
 */
public final class Baselines {
  private Baselines() {}

  /**
   * The runs a candidate is compared with, pooled into one summary.
   *
   * @param differences how the baseline's runs differ from the candidate (empty when the same
   *     workload on the same versions); a forced baseline says so here
   */
  public record Baseline(List<RunRecord> runs, RunSummary summary, List<String> differences) {
    public Baseline {
      runs = List.copyOf(runs);
      differences = List.copyOf(differences);
    }

    /** e.g. {@code run 20261127T…-a1b2c3 (v1.4.1)} or {@code 5 pooled runs: …}. */
    public String describe() {
      String ids = runs.stream()
          .map(r -> r.id() + (r.label().isEmpty() ? "" : " (" + r.label() + ")"))
          .collect(Collectors.joining(", "));
      return runs.size() == 1 ? "run " + ids : runs.size() + " pooled runs: " + ids;
    }
  }

  /** The given run, whatever its verdict; differences from the candidate are reported. */
  public static Baseline byId(RunHistory history, String id, Comparability candidate) {
    StoredRun run = history.load(id);
    return new Baseline(List.of(run.record()), run.summary(),
        candidate.differencesFrom(run.record().comparability()));
  }

  /** The latest passing run of the same workload, if any. */
  public static Optional<Baseline> lastPassing(RunHistory history, Comparability candidate) {
    return pooled(history, candidate, 1);
  }

  /** The latest {@code n} passing runs of the same workload pooled, if there is at least one. */
  public static Optional<Baseline> pooled(RunHistory history, Comparability candidate, int n) {
    return pooled(history, history.list().runs(), candidate, n);
  }

  /**
   * As {@link #pooled(RunHistory, Comparability, int)}, choosing among runs the caller has already
   * listed, so the history is read once.
   */
  public static Optional<Baseline> pooled(
      RunHistory history, List<RunRecord> listed, Comparability candidate, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("pool at least one run, not " + n);
    }
    List<RunRecord> passing = listed.stream()
        .filter(RunRecord::passed)
        .filter(r -> r.comparability().sameWorkload(candidate))
        .toList();
    if (passing.isEmpty()) {
      return Optional.empty();
    }
    List<RunRecord> chosen = passing.subList(Math.max(0, passing.size() - n), passing.size());
    List<RunSummary> summaries = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (RunRecord record : chosen) {
      summaries.add(history.load(record.id()).summary());
      for (String difference : candidate.differencesFrom(record.comparability())) {
        if (!differences.contains(difference)) {
          differences.add(difference);
        }
      }
    }
    return Optional.of(new Baseline(chosen, pool(summaries), differences));
  }

  /** Adds the runs' histograms and counts, request by request. */
  static RunSummary pool(List<RunSummary> summaries) {
    if (summaries.size() == 1) {
      return summaries.get(0);
    }
    RequestStats all = new RequestStats();
    TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
    Instant start = summaries.get(0).start();
    Instant end = summaries.get(0).end();
    for (RunSummary summary : summaries) {
      all.add(summary.all());
      summary.requests().forEach((key, stats) ->
          requests.computeIfAbsent(key, k -> new RequestStats()).add(stats));
      start = start.isBefore(summary.start()) ? start : summary.start();
      end = end.isAfter(summary.end()) ? end : summary.end();
    }
    List<io.casinoperf.gate.log.RunHeader> headers = summaries.stream()
        .flatMap(s -> s.injectors().stream()).toList();
    return new RunSummary(headers, start, end, all, requests, new TreeMap<>(), 0, 0, Map.of(),
        new Timeline(), false, List.of());
  }
}
