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
import java.util.function.Consumer;
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
   * listed, so the history is read once; a stored run that cannot be read is skipped silently.
   */
  public static Optional<Baseline> pooled(
      RunHistory history, List<RunRecord> listed, Comparability candidate, int n) {
    return pooled(history, listed, candidate, n, problem -> { });
  }

  /**
   * As {@link #pooled(RunHistory, List, Comparability, int)}; a stored run whose file cannot be read
   * (damaged, or counts that disagree with its histograms) is reported to {@code skipped} and the
   * next older passing run taken in its place, so one bad file never blocks the gate.
   */
  public static Optional<Baseline> pooled(RunHistory history, List<RunRecord> listed,
      Comparability candidate, int n, Consumer<String> skipped) {
    if (n < 1) {
      throw new IllegalArgumentException("pool at least one run, not " + n);
    }
    List<RunRecord> passing = comparablePassing(listed, candidate);
    List<RunRecord> chosen = new ArrayList<>();
    List<RunSummary> summaries = new ArrayList<>();
    for (int i = passing.size() - 1; i >= 0 && chosen.size() < n; i--) {
      Optional<StoredRun> run = load(history, passing.get(i), skipped);
      if (run.isPresent()) {
        chosen.add(0, passing.get(i));
        summaries.add(0, run.get().summary());
      }
    }
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    List<String> differences = new ArrayList<>();
    for (RunRecord record : chosen) {
      for (String difference : candidate.differencesFrom(record.comparability())) {
        if (!differences.contains(difference)) {
          differences.add(difference);
        }
      }
    }
    return Optional.of(new Baseline(chosen, pool(summaries), differences));
  }

  private static Optional<StoredRun> load(RunHistory history, RunRecord record,
      Consumer<String> skipped) {
    try {
      return Optional.of(history.load(record.id()));
    } catch (HistoryException e) {
      skipped.accept(e.getMessage() + ", skipped");
      return Optional.empty();
    }
  }

  /**
   * The runs listed, each once: a run stored twice (the same logs gated again before the history
   * kept fingerprints, or copied in by hand) is kept as it was stored first, so that pooling and
   * the run-to-run spread never count it twice.
   */
  public static List<RunRecord> distinct(List<RunRecord> listed) {
    List<RunRecord> byStorage = new ArrayList<>(listed);
    byStorage.sort(java.util.Comparator.comparing(RunRecord::recordedAt)
        .thenComparing(RunRecord::id));
    java.util.Set<RunRecord> kept = new java.util.HashSet<>();
    java.util.Set<String> fingerprints = new java.util.HashSet<>();
    Map<String, List<RunRecord>> bySpan = new java.util.HashMap<>();
    for (RunRecord run : byStorage) {
      String span = run.comparability().simulation() + "|" + run.runStart() + "|" + run.runEnd();
      List<RunRecord> sameSpan = bySpan.computeIfAbsent(span, k -> new ArrayList<>());
      boolean repeated = run.fingerprint().map(fingerprints::contains).orElse(false)
          || sameSpan.stream().anyMatch(other ->
              other.fingerprint().isEmpty() || run.fingerprint().isEmpty());
      if (!repeated) {
        kept.add(run);
        run.fingerprint().ifPresent(fingerprints::add);
        sameSpan.add(run);
      }
    }
    return listed.stream().filter(kept::contains).toList();
  }

  /**
   * Why a candidate has no baseline, said where a reader looks first.
   *
   * @param reason one sentence: what the history holds and why none of it is a baseline
   * @param keys what a baseline must share with the candidate: simulation, target, parameters
   * @param nearest up to {@link #NEAREST} stored runs of the same simulation (of any, if none),
   *     newest first, each with how its workload differs from the candidate's
   */
  public record Absence(String reason, Map<String, String> keys, List<String> nearest) {
    public Absence {
      keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
      nearest = List.copyOf(nearest);
    }
  }

  /** How many differing runs {@link Absence#nearest()} names. */
  public static final int NEAREST = 3;

  /**
   * Why {@code candidate} has no baseline in this history.
   *
   * @param existed whether the history folder existed before this run
   * @param listed the readable stored runs, oldest first, other than the candidate itself
   * @param unreadable how many stored files could not be read
   */
  public static Absence absence(RunHistory history, boolean existed, List<RunRecord> listed,
      int unreadable, Comparability candidate) {
    String folder = history.folder().toString();
    String skipped = unreadable == 0 ? "" : " (" + unreadable + " unreadable file"
        + (unreadable == 1 ? "" : "s") + " skipped)";
    List<RunRecord> runs = distinct(listed);
    List<RunRecord> sameWorkload = runs.stream()
        .filter(r -> r.comparability().sameWorkload(candidate)).toList();
    String reason;
    if (!existed) {
      reason = "the history folder " + folder + " does not exist: a first run, a mistyped"
          + " --history, or a history cache that was not restored";
    } else if (runs.isEmpty()) {
      reason = "the history folder " + folder + " holds no readable run" + skipped;
    } else if (!sameWorkload.isEmpty()) {
      RunRecord latest = sameWorkload.get(sameWorkload.size() - 1);
      boolean anyPassed = sameWorkload.stream().anyMatch(RunRecord::passed);
      reason = anyPassed
          ? "no passing run of this workload in " + folder + " could be read" + skipped
          : sameWorkload.size() + " stored run" + (sameWorkload.size() == 1 ? " is" : "s are")
              + " of this workload in " + folder + ", none passed (latest " + latest.id() + ": "
              + latest.verdict().orElse("not judged") + (latest.partial() ? ", log cut off" : "")
              + "); `casinoperf history mark RUN_ID --verdict pass` makes one the baseline";
    } else {
      reason = "none of the " + runs.size() + " stored run" + (runs.size() == 1 ? "" : "s")
          + " in " + folder + " is of this workload (simulation, target and parameters)" + skipped;
    }
    List<RunRecord> sameSimulation = runs.stream()
        .filter(r -> r.comparability().simulation().equals(candidate.simulation())
            && !r.comparability().sameWorkload(candidate))
        .toList();
    List<RunRecord> others = sameSimulation.isEmpty()
        ? runs.stream().filter(r -> !r.comparability().sameWorkload(candidate)).toList()
        : sameSimulation;
    List<String> nearest = new ArrayList<>();
    for (int i = others.size() - 1; i >= 0 && nearest.size() < NEAREST; i--) {
      RunRecord other = others.get(i);
      nearest.add(other.id() + (other.label().isEmpty() ? "" : " (" + other.label() + ")") + ": "
          + String.join("; ", candidate.workloadDifferencesFrom(other.comparability(), "stored")));
    }
    return new Absence(reason, candidate.workloadKeys(), nearest);
  }

  /** How many of the latest comparable passing runs the run-to-run spread is estimated from. */
  public static final int NOISE_WINDOW = 10;

  /** The comparable passing runs, oldest first: the runs a baseline and the noise come from. */
  public static List<RunRecord> comparablePassing(List<RunRecord> listed, Comparability candidate) {
    return distinct(listed).stream()
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
    return noise(history, listed, candidate, baselineRuns, problem -> { });
  }

  /**
   * As {@link #noise(RunHistory, List, Comparability, int)}; a stored run that cannot be read is
   * reported to {@code skipped} and the next older one taken in its place.
   */
  public static RunNoise noise(RunHistory history, List<RunRecord> listed, Comparability candidate,
      int baselineRuns, Consumer<String> skipped) {
    List<RunRecord> unchanged = distinct(listed).stream()
        .filter(RunRecord::unchanged)
        .filter(r -> r.comparability().sameWorkload(candidate))
        .toList();
    if (unchanged.size() < RunToRunNoise.MIN_RUNS) {
      return RunNoise.unknown(unchanged.size(), baselineRuns);
    }
    List<String> ids = new ArrayList<>();
    List<RunSummary> summaries = new ArrayList<>();
    for (int i = unchanged.size() - 1; i >= 0 && ids.size() < NOISE_WINDOW; i--) {
      Optional<StoredRun> run = load(history, unchanged.get(i), skipped);
      if (run.isPresent()) {
        ids.add(0, unchanged.get(i).id());
        summaries.add(0, run.get().summary());
      }
    }
    if (summaries.size() < RunToRunNoise.MIN_RUNS) {
      return RunNoise.unknown(summaries.size(), baselineRuns);
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
