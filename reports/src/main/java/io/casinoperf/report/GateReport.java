package io.casinoperf.report;

import io.casinoperf.gate.history.Baselines;
import io.casinoperf.gate.stats.PercentileChange;
import io.casinoperf.gate.summary.PhaseSummary;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.verdict.RequestVerdict;
import io.casinoperf.gate.verdict.Outcome;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.gate.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the gate's outputs show, computed once: the JSON verdict is this model as it is; the
 * JUnit XML, Markdown and console table render it.
 *
 * @param verdict the gate's outcome ({@link Outcome#label()}): pass, improvement, inconclusive,
 *     regression, slo breach, aborted or invalid
 * @param reason one sentence: the deciding check of the worst request, or of the run
 * @param exitCode what the command exits with
 * @param run the check of the run as a whole when it decided (aborted, invalid, a log cut off);
 *     null when a request's check decided
 * @param conditions what the run was and how it was judged comparable: from its run record, or
 *     from the command line only
 * @param requests all requests first, then each request, worst first
 * @param baseline what the candidate was compared with; null when there was no baseline
 * @param noBaseline why there was no baseline, said first in every output; null with a baseline
 * @param requestsToDetectTenPercent responses per side for an 80 % chance to flag +10 % p99; null
 *     when it cannot be estimated (no baseline)
 * @param distributions response-time distributions, candidate beside baseline, for all requests
 *     and each regressed request
 * @param timeline the candidate's requests and KOs per second
 * @param gatlingReports Gatling's own HTML reports of the two runs, where they are on disk
 * @param overTime all requests' percentiles, error rate and active users over the run, candidate
 *     over baseline; null in verdicts written before it was added
 * @param errors the most frequent error messages of the candidate, with the baseline's counts of
 *     the same messages, most frequent first
 */
public record GateReport(
    String verdict,
    String reason,
    int exitCode,
    Check run,
    Conditions conditions,
    Candidate candidate,
    Baseline baseline,
    NoBaseline noBaseline,
    Settings settings,
    List<Request> requests,
    Long requestsToDetectTenPercent,
    List<Distribution> distributions,
    TimelineData timeline,
    GatlingReports gatlingReports,
    OverTime overTime,
    List<ErrorRow> errors) {

  /**
   * Percentiles from 1 to 99.999, spaced for a log axis of 1 / (1 − p) as HdrHistogram plots
   * them; the same nearest-rank definition as the verdict.
   */
  public static final double[] DISTRIBUTION_PERCENTILES = {1, 10, 20, 30, 40, 50, 60, 70, 75, 80,
      85, 90, 92.5, 95, 96, 97, 98, 98.5, 99, 99.25, 99.5, 99.6, 99.7, 99.8, 99.9, 99.925, 99.95,
      99.97, 99.99, 99.995, 99.999};

  /**
   * Where the run's comparability and SLOs came from.
   *
   * @param recorded whether the run had a record (run.json) beside its logs
   * @param shards the shards of the run as i/n, from their records
   * @param injectorHealth one line on the injector's health from the records; null without
   * @param source a sentence for the reader: "run record" or why the command line only
   * @param noise how much unchanged runs differ, as the verdict accounted for it, or that it is
   *     not known yet; null when not judged against a history
   * @param whatRan what ran, in order: simulation, target, parameters, duration, versions,
   *     injector — from the run record where there is one
   * @param unhealthySeconds seconds after the start in which the injector's health sampler saw it
   *     limited; empty without a run record
   */
  public record Conditions(boolean recorded, List<String> shards, String injectorHealth,
      String source, String noise, List<Fact> whatRan, List<Long> unhealthySeconds) {
    public Conditions {
      shards = List.copyOf(shards);
      whatRan = whatRan == null ? List.of() : List.copyOf(whatRan);
      unhealthySeconds = unhealthySeconds == null ? List.of() : List.copyOf(unhealthySeconds);
    }

    public Conditions(boolean recorded, List<String> shards, String injectorHealth, String source,
        String noise) {
      this(recorded, shards, injectorHealth, source, noise, List.of(), List.of());
    }

    public static Conditions commandLineOnly() {
      return new Conditions(false, List.of(), null, "no run record (run.json) beside the logs:"
          + " comparability (simulation, --target, --param) and SLOs came from the command line only",
          null);
    }

    public Conditions withNoise(String noise) {
      return new Conditions(recorded, shards, injectorHealth, source, noise, whatRan,
          unhealthySeconds);
    }

    public Conditions withWhatRan(List<Fact> whatRan, List<Long> unhealthySeconds) {
      return new Conditions(recorded, shards, injectorHealth, source, noise, whatRan,
          unhealthySeconds);
    }
  }

  /** One fact about the run: {@code target}, {@code https://perf.casino.example:443}. */
  public record Fact(String name, String value) {}

  /**
   * One error message, with how often each run gave it.
   *
   * @param baseline null without a baseline
   */
  public record ErrorRow(String message, long candidate, Long baseline) {}

  /** How many error messages the reports list. */
  public static final int ERROR_ROWS = 10;

  /**
   * One request's distribution.
   *
   * @param sloP99Millis the request's p99 SLO, drawn as a line over the distribution
   */
  public record Distribution(String path, List<DistributionPoint> points, Long sloP99Millis) {}

  /** A percentile, ms, in each run; baseline null without a baseline. */
  public record DistributionPoint(double percentile, long candidateMillis, Long baselineMillis) {}

  /**
   * Requests and KOs started in each second, from {@code firstEpochSecond}, and the virtual users
   * active at each second's end (null in verdicts written before it was added).
   */
  public record TimelineData(long firstEpochSecond, long[] requestsPerSecond, long[] kosPerSecond,
      long[] activeUsers) {}

  /** Paths of index.html of Gatling's reports; null when not known or not on disk. */
  public record GatlingReports(String candidate, String baseline) {}

  public record Candidate(String id, String label, String simulation, String start, String end,
      boolean partial, List<String> warnings) {}

  public record Baseline(String description, List<String> runIds, List<String> differences) {}

  /**
   * Why the run had no baseline.
   *
   * @param reason what the history holds and why none of it served
   * @param keys what a baseline shares with the candidate: simulation, target, parameters
   * @param nearest stored runs of the same simulation, newest first, and how each differs
   * @param required whether the gate required a baseline ({@code --require-baseline}): then the
   *     run failed for want of one
   */
  public record NoBaseline(String reason, java.util.Map<String, String> keys, List<String> nearest,
      boolean required) {
    /** One line for the top of the console and of summary.md. */
    public String headline() {
      return "no baseline: " + reason + "; "
          + (required ? "--require-baseline: the run fails" : "judged on its SLOs only");
    }

    /** The keys as {@code simulation=…, target=…, scale=1}. */
    public String keysLine() {
      return keys.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
    }
  }

  public record Settings(double confidence, double tolerance, long minEffectMillis,
      long minSamples, double minErrorRateIncrease, long sloP99Millis, double sloErrorRate,
      String correction) {}

  /** One check of one request: which rule decided it, and why. */
  /**
   * @param verdict the check's verdict as its label ({@link Kind#label()}), as verdict.json keeps it
   */
  public record Check(String name, String verdict, String rule, String reason) {
    /** The verdict as a type: the one place its label is read back. */
    public Kind kind() {
      return Kind.of(verdict);
    }
  }

  /** What a check (or the run as a whole) came to; {@link #label()} is how outputs spell it. */
  public enum Kind {
    NOT_APPLICABLE("n/a"),
    PASS("pass"),
    IMPROVEMENT("improvement"),
    INCONCLUSIVE("inconclusive"),
    NO_BASELINE("no baseline"),
    REGRESSION("regression"),
    ABORTED("aborted"),
    INVALID("invalid");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The kind a label names; an unknown label (a newer file) is taken as not applicable. */
    public static Kind of(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      return NOT_APPLICABLE;
    }
  }

  public record Percentile(double percentile, long candidateMillis, Long baselineMillis,
      Double change, Double changeLower, Double changeUpper) {}

  /**
   * One request's row.
   *
   * @param intervalConfidence the two-sided confidence of every change interval in the row: the
   *     level the decision held the p99 test to after Holm–Bonferroni (0.996 for a family of ten
   *     at 2 %), so an interval excludes zero exactly when the test was significant; null without
   *     a baseline
   */
  public record Request(String path, String verdict, long candidateCount, long baselineCount,
      double candidateErrorRate, Double baselineErrorRate, List<Percentile> percentiles,
      List<Check> checks, Double intervalConfidence) {

    /**
     * The comparison with the baseline in one mark, k6-style: ✓ pass or improvement, ✗ regression,
     * ? inconclusive, – not made (no baseline, a request the baseline lacks, n/a).
     */
    public String baselineMark() {
      return mark(worst(checks.get(0).verdict(), checks.get(1).verdict()));
    }

    /** The absolute SLO in one mark: ✓ met, ✗ breached, – not judged here (a phase's row). */
    public String sloMark() {
      return mark(checks.get(2).verdict());
    }

    private static String worst(String a, String b) {
      List<String> order = List.of("n/a", "pass", "improvement", "inconclusive", "no baseline",
          "regression", "aborted", "invalid");
      return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static String mark(String verdict) {
      return switch (verdict) {
        case "pass", "improvement" -> "✓";
        case "regression" -> "✗";
        case "inconclusive" -> "?";
        default -> "–";
      };
    }

    /** The p99 row. */
    public Percentile p99() {
      return percentiles.stream().filter(p -> p.percentile() == 99).findFirst().orElseThrow();
    }
  }

  public static GateReport of(RunVerdict verdict, RunSummary candidate, String candidateId,
      String label, Optional<Baselines.Baseline> baseline, boolean inconclusiveFails) {
    return of(verdict, candidate, candidateId, label, baseline,
        inconclusiveFails ? Outcome.InconclusivePolicy.FAIL : Outcome.InconclusivePolicy.EXIT3,
        new GatlingReports(null, null), Conditions.commandLineOnly(), Optional.empty());
  }

  /**
   * @param absence why there is no baseline; required when {@code baseline} is empty for the
   *     reports to say it, ignored otherwise
   */
  public static GateReport of(RunVerdict verdict, RunSummary candidate, String candidateId,
      String label, Optional<Baselines.Baseline> baseline, Outcome.InconclusivePolicy inconclusive,
      GatlingReports gatlingReports, Conditions conditions, Optional<Baselines.Absence> absence) {
    List<Request> rows = new ArrayList<>();
    rows.add(request(verdict.allRequests(), candidate));
    for (RequestVerdict request : verdict.requests()) {
      rows.add(request(request, candidate));
    }
    var s = verdict.settings();
    return new GateReport(
        verdict.outcome().label(),
        reason(verdict),
        verdict.outcome().exitCode(inconclusive),
        runLevel(verdict.overall()) ? check("run", verdict.overall()) : null,
        conditions,
        new Candidate(candidateId, label, candidate.simulationClass(), candidate.start().toString(),
            candidate.end().toString(), candidate.partial(), candidate.warnings()),
        baseline.map(b -> new Baseline(b.describe(),
            b.runs().stream().map(r -> r.id()).toList(), b.differences())).orElse(null),
        baseline.isPresent() ? null : absence.map(a -> new NoBaseline(a.reason(), a.keys(),
            a.nearest(), verdict.settings().requireBaseline())).orElse(null),
        new Settings(s.confidence(), s.tolerance(), s.minEffectMillis(), s.minSamples(),
            s.minErrorRateIncrease(), s.serviceLevel().p99Millis(), s.serviceLevel().maxErrorRate(),
            "Holm-Bonferroni over every p99 and error-rate check of the run"),
        rows,
        verdict.requestsToDetectTenPercent().isPresent()
            ? verdict.requestsToDetectTenPercent().getAsLong()
            : null,
        distributions(verdict, candidate, baseline.map(Baselines.Baseline::summary)),
        new TimelineData(candidate.timeline().firstEpochSecond(),
            candidate.timeline().requestsPerSecond(), candidate.timeline().kosPerSecond(),
            candidate.timeline().activeUsersPerSecond()),
        gatlingReports,
        OverTime.of(candidate, baseline.filter(b -> b.runs().size() == 1)
            .map(Baselines.Baseline::summary), s.serviceLevel().p99Millis(),
            conditions.unhealthySeconds()),
        errors(candidate, baseline.map(Baselines.Baseline::summary)));
  }

  /** The candidate's most frequent error messages beside the baseline's counts of each. */
  private static List<ErrorRow> errors(RunSummary candidate, Optional<RunSummary> baseline) {
    List<ErrorRow> rows = new ArrayList<>();
    for (RunSummary.ErrorCount error : candidate.topErrors(ERROR_ROWS)) {
      rows.add(new ErrorRow(error.message(), error.count(), baseline
          .map(b -> b.all().koMessages().getOrDefault(error.message(), 0L)).orElse(null)));
    }
    return rows;
  }

  private static List<Distribution> distributions(RunVerdict verdict, RunSummary candidate,
      Optional<RunSummary> baseline) {
    List<Distribution> out = new ArrayList<>();
    out.add(distribution(verdict.allRequests().path(), candidate.all(),
        baseline.map(RunSummary::all).orElse(null), slo(verdict, verdict.allRequests())));
    for (RequestVerdict request : verdict.requests()) {
      if (!(request.overall() instanceof Verdict.Regression)) {
        continue;
      }
      out.add(distribution(request.path(), stats(candidate, request.path()),
          baseline.map(b -> stats(b, request.path())).orElse(null), slo(verdict, request)));
    }
    return out;
  }

  /** The request's p99 SLO, or null where no SLO applies (a phase's row). */
  private static Long slo(RunVerdict verdict, RequestVerdict request) {
    return request.serviceLevel() instanceof Verdict.NotApplicable ? null
        : verdict.settings().serviceLevelFor(request.path()).p99Millis();
  }

  private static Distribution distribution(String path, RequestStats candidate,
      RequestStats baseline, Long sloP99Millis) {
    List<DistributionPoint> points = new ArrayList<>();
    for (double p : DISTRIBUTION_PERCENTILES) {
      points.add(new DistributionPoint(p, candidate == null || candidate.count() == 0 ? 0 : candidate.percentileMillis(p),
          baseline == null || baseline.count() == 0 ? null : baseline.percentileMillis(p)));
    }
    return new Distribution(path, points, sloP99Millis);
  }

  /**
   * The responses behind a row of the verdict: all requests, one request, or either of one phase
   * ({@code peak: Spin}); null when the run has none.
   */
  private static RequestStats stats(RunSummary summary, String path) {
    String all = io.casinoperf.gate.verdict.Gate.ALL_REQUESTS;
    if (path.equals(all)) {
      return summary.all();
    }
    RequestStats request = find(summary.requests(), path);
    if (request != null) {
      return request;
    }
    for (PhaseSummary phase : summary.phases()) {
      if (path.equals(PhaseSummary.label(phase.name(), all))) {
        return phase.all();
      }
      String prefix = PhaseSummary.label(phase.name(), "");
      if (path.startsWith(prefix)) {
        RequestStats inPhase = find(phase.requests(), path.substring(prefix.length()));
        if (inPhase != null) {
          return inPhase;
        }
      }
    }
    return null;
  }

  private static RequestStats find(java.util.Map<RequestKey, RequestStats> requests, String path) {
    return requests.entrySet().stream()
        .filter(e -> e.getKey().path().equals(path))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Whether the run's verdict came from the run as a whole, not from one of its requests. */
  private static boolean runLevel(Verdict overall) {
    return overall instanceof Verdict.Aborted || overall instanceof Verdict.Invalid
        || overall.rule() == io.casinoperf.gate.verdict.Rule.PARTIAL_LOG
        || overall.rule() == io.casinoperf.gate.verdict.Rule.DRIFT
        || overall.rule() == io.casinoperf.gate.verdict.Rule.MONEY_MISMATCH
        || overall.rule() == io.casinoperf.gate.verdict.Rule.NO_BASELINE;
  }

  private static String reason(RunVerdict verdict) {
    if (verdict.overall().severity() > 0) {
      return verdict.overall().reason();
    }
    return "no request slower or failing more than the baseline beyond tolerance; SLOs met";
  }

  private static Request request(RequestVerdict verdict, RunSummary candidate) {
    List<Percentile> percentiles = new ArrayList<>();
    if (verdict.percentiles().isEmpty()) {
      RequestStats stats = stats(candidate, verdict.path());
      for (double p : io.casinoperf.gate.verdict.GateSettings.REPORTED_PERCENTILES) {
        percentiles.add(new Percentile(p, stats == null ? 0 : stats.percentileMillis(p), null, null,
            null, null));
      }
    }
    for (PercentileChange change : verdict.percentiles()) {
      var interval = change.interval(verdict.intervalConfidence());
      percentiles.add(new Percentile(change.candidate().percentile(),
          change.candidate().valueMillis(), change.baseline().valueMillis(),
          change.relativeChange(), interval.lower(), interval.upper()));
    }
    List<Check> checks = List.of(
        check("p99 vs baseline", verdict.latency()),
        check("error rate vs baseline", verdict.errors()),
        check("SLO", verdict.serviceLevel()));
    return new Request(verdict.path(), verdict.overall().label(), verdict.candidateCount(),
        verdict.baselineCount(), verdict.candidateErrorRate(),
        verdict.errorRate().map(e -> e.baselineShare()).orElse(null), percentiles, checks,
        verdict.percentiles().isEmpty() ? null : verdict.intervalConfidence());
  }

  private static Check check(String name, Verdict verdict) {
    return new Check(name, verdict.label(), verdict.rule().name(), verdict.reason());
  }
}
