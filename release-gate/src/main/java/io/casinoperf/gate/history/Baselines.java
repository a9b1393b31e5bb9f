package io.casinoperf.gate.history;

import io.casinoperf.gate.stats.DesignEffect;
import io.casinoperf.gate.stats.PercentileEstimate;
import io.casinoperf.gate.stats.RunToRunNoise;
import io.casinoperf.gate.summary.PhaseSummary;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.RunNoise;
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

  /** How many of the latest comparable passing runs the run-to-run spread is estimated from. */
  public static final int NOISE_WINDOW = 10;

  /** The comparable passing runs, oldest first: the runs a baseline and the noise come from. */
  public static List<RunRecord> comparablePassing(List<RunRecord> listed, Comparability candidate) {
    return listed.stream()
        .filter(RunRecord::passed)
        .filter(r -> r.comparability().sameWorkload(candidate))
        .toList();
  }

  /**
   * The run-to-run spread of each request's p99 and error rate over the latest {@link
   * #NOISE_WINDOW} comparable runs judged unchanged ({@link RunRecord#unchanged()}: pass,
   * improvement or inconclusive), for a baseline pooling {@code baselineRuns} runs; not known with
   * fewer than {@link RunToRunNoise#MIN_RUNS} such runs.
   */
  public static RunNoise noise(RunHistory history, List<RunRecord> listed, Comparability candidate,
      int baselineRuns) {
    List<RunRecord> unchanged = listed.stream()
        .filter(RunRecord::unchanged)
        .filter(r -> r.comparability().sameWorkload(candidate))
        .toList();
    List<RunRecord> window = unchanged.subList(Math.max(0, unchanged.size() - NOISE_WINDOW), unchanged.size());
    if (window.size() < RunToRunNoise.MIN_RUNS) {
      return RunNoise.unknown(window.size(), baselineRuns);
    }
    List<String> ids = new ArrayList<>();
    List<RunSummary> summaries = new ArrayList<>();
    for (RunRecord record : window) {
      ids.add(record.id());
      summaries.add(history.load(record.id()).summary());
    }
    return noise(ids, summaries, baselineRuns);
  }

  /**
   * The run-to-run spread of these runs (oldest first, named by {@code ids}), for a baseline
   * pooling {@code baselineRuns} runs; not known with fewer than {@link RunToRunNoise#MIN_RUNS}.
   */
  public static RunNoise noise(List<String> ids, List<RunSummary> summaries, int baselineRuns) {
    if (summaries.size() < RunToRunNoise.MIN_RUNS) {
      return RunNoise.unknown(summaries.size(), baselineRuns);
    }
    java.util.Map<String, List<RunToRunNoise.Sample>> samples = new java.util.TreeMap<>();
    List<RunNoise.StoredP99> series = new ArrayList<>();
    for (int i = 0; i < summaries.size(); i++) {
      RunSummary summary = summaries.get(i);
      String id = ids.get(i);
      series.add(new RunNoise.StoredP99(id, summary.all().count() == 0 ? 0
          : io.casinoperf.gate.summary.LatencyHistograms.interpolatedPercentile(
              summary.all().all(), GateSettings.DECIDING_PERCENTILE)));
      samples.computeIfAbsent(io.casinoperf.gate.verdict.Gate.ALL_REQUESTS, k -> new ArrayList<>())
          .add(sample(summary.all()));
      summary.requests().forEach((key, stats) ->
          samples.computeIfAbsent(key.path(), k -> new ArrayList<>()).add(sample(stats)));
      for (PhaseSummary phase : summary.phases()) {
        samples.computeIfAbsent(PhaseSummary.label(phase.name(), io.casinoperf.gate.verdict.Gate.ALL_REQUESTS),
            k -> new ArrayList<>()).add(sample(phase.all()));
        phase.requests().forEach((key, stats) -> samples.computeIfAbsent(
            PhaseSummary.label(phase.name(), key.path()), k -> new ArrayList<>()).add(sample(stats)));
      }
    }
    java.util.Map<String, RunToRunNoise> byPath = new java.util.TreeMap<>();
    samples.forEach((path, runs) -> {
      if (runs.size() >= RunToRunNoise.MIN_RUNS) {
        byPath.put(path, RunToRunNoise.estimate(runs));
      }
    });
    return new RunNoise(byPath, summaries.size(), baselineRuns, series);
  }

  private static RunToRunNoise.Sample sample(RequestStats stats) {
    if (stats.count() == 0) {
      return new RunToRunNoise.Sample(PercentileEstimate.FLOOR_MILLIS, 0, 0, 0, 1);
    }
    PercentileEstimate p99 = PercentileEstimate.of(stats, GateSettings.DECIDING_PERCENTILE);
    return new RunToRunNoise.Sample(p99.interpolatedMillis(), p99.logStandardError(),
        stats.errorRate(), stats.count(), DesignEffect.ofErrors(stats.blocks()));
  }

  /** Adds the runs' histograms and counts, request by request. */
  public static RunSummary pool(List<RunSummary> summaries) {
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
        new Timeline(), false, List.of(), pooledPhases(summaries));
  }

  /** The phases every pooled run has, each pooled as the runs are. */
  private static List<PhaseSummary> pooledPhases(List<RunSummary> summaries) {
    List<PhaseSummary> pooled = new ArrayList<>();
    for (PhaseSummary phase : summaries.get(0).phases()) {
      RequestStats all = new RequestStats();
      TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
      boolean everywhere = true;
      for (RunSummary summary : summaries) {
        Optional<PhaseSummary> same = summary.phases().stream()
            .filter(p -> p.name().equals(phase.name())).findFirst();
        if (same.isEmpty()) {
          everywhere = false;
          break;
        }
        all.add(same.get().all());
        same.get().requests().forEach((key, stats) ->
            requests.computeIfAbsent(key, k -> new RequestStats()).add(stats));
      }
      if (everywhere) {
        pooled.add(new PhaseSummary(phase.name(), all, requests));
      }
    }
    return pooled;
  }
}
