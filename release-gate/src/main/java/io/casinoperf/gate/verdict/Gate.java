package io.casinoperf.gate.verdict;

import io.casinoperf.gate.stats.DesignEffect;
import io.casinoperf.gate.stats.Drift;
import io.casinoperf.gate.stats.HolmBonferroni;
import io.casinoperf.gate.stats.Normal;
import io.casinoperf.gate.stats.PercentileChange;
import io.casinoperf.gate.stats.PercentileEstimate;
import io.casinoperf.gate.stats.RunToRunNoise;
import io.casinoperf.gate.stats.ShareChange;
import io.casinoperf.gate.summary.PhaseSummary;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Decides whether a candidate run regressed against a baseline: for every request and for all
 * requests together, the p99 (p50 and p95 reported), the error rate, and the absolute SLOs.
 *
 * <p>A p99 is a <b>regression</b> when it is significantly slower (one-sided, at the run's
 * confidence after Holm–Bonferroni over every check of the run), its estimate exceeds the
 * tolerance, and the absolute change exceeds the minimum effect; an <b>improvement</b> likewise
 * the other way; <b>inconclusive</b> when a side has too few responses, or when the estimate
 * exceeds tolerance and minimum effect without being significant; <b>pass</b> otherwise. The
 * error rate is a regression when significantly higher by at least the minimum increase. An SLO
 * breach of the candidate is a regression whatever the baseline. See docs/STATISTICS.md.
 *
 * <p>Stateless and thread-safe.
 */
public final class Gate {
  public static final String ALL_REQUESTS = "All requests";

  /**
   * How a failed reconcile check begins when money itself is wrong (a balance that disagrees with
   * the ledger), as the scenarios write it (scenarios' {@code MoneyChecks.MISMATCH_PREFIX}; the
   * gate knows no Gatling classes, so the text is repeated here and a test holds the two equal).
   */
  public static final String MONEY_MISMATCH_PREFIX = "money mismatch, ";

  private Gate() {}

  public static RunVerdict judge(RunSummary candidate, RunSummary baseline, GateSettings settings) {
    return judge(candidate, baseline, settings, Optional.empty());
  }

  /**
   * As {@link #judge(RunSummary, RunSummary, GateSettings)}, for a run whose injector was
   * saturated when {@code injectorSaturation} holds the reason: such a run is invalid whatever
   * its numbers. A run with a log cut off is at best inconclusive; a run its circuit breaker
   * stopped is aborted.
   */
  public static RunVerdict judge(RunSummary candidate, RunSummary baseline, GateSettings settings,
      Optional<String> injectorSaturation) {
    return judge(candidate, baseline, settings, injectorSaturation, RunNoise.unknown(0, 1));
  }

  /**
   * As {@link #judge(RunSummary, RunSummary, GateSettings, Optional)}, accounting for how much
   * unchanged runs of the workload differ: each request's p99 and error-rate comparison carries
   * the run-to-run variance of {@code noise} beside its within-run sampling variance.
   */
  public static RunVerdict judge(RunSummary candidate, RunSummary baseline, GateSettings settings,
      Optional<String> injectorSaturation, RunNoise noise) {
    return judge(candidate, Optional.of(baseline), settings, injectorSaturation, noise);
  }

  /**
   * As {@link #judge(RunSummary, RunSummary, GateSettings, Optional, RunNoise)}, for a candidate
   * that may have no baseline: without one, every request is new and only the SLOs judge it, or,
   * when {@link GateSettings#requireBaseline()}, the run fails as {@link Outcome#NO_BASELINE}
   * unless something worse decided it.
   */
  public static RunVerdict judge(RunSummary candidate, Optional<RunSummary> comparedWith,
      GateSettings settings, Optional<String> injectorSaturation, RunNoise noise) {
    RunSummary baseline = comparedWith.orElseGet(() -> nothingBefore(candidate));
    List<Subject> subjects = new ArrayList<>();
    subjects.add(new Subject(ALL_REQUESTS, candidate.all(), baseline.all()));
    TreeMap<String, RequestStats[]> byPath = new TreeMap<>();
    candidate.requests().forEach((key, stats) ->
        byPath.computeIfAbsent(key.path(), p -> new RequestStats[2])[0] = stats);
    baseline.requests().forEach((key, stats) ->
        byPath.computeIfAbsent(key.path(), p -> new RequestStats[2])[1] = stats);
    byPath.forEach((path, pair) -> subjects.add(new Subject(path, pair[0], pair[1])));
    int wholeRun = subjects.size();
    subjects.addAll(phaseSubjects(candidate, baseline));
    subjects.forEach(subject -> subject.runDuration = candidate.duration());

    // One family for the whole run: the p99-slower test of every subject and the error-higher
    // test of every whole-run subject that saw an error on either side (a comparison of two
    // error-free sides can never be significant, so it does not dilute the others, as in
    // Tarone's rule for discrete tests).
    List<Double> pValues = new ArrayList<>();
    int[] p99Test = new int[subjects.size()];
    int[] errorTest = new int[subjects.size()];
    for (int i = 0; i < subjects.size(); i++) {
      Subject subject = subjects.get(i);
      subject.compare(noise);
      p99Test[i] = -1;
      // An untimed request's p99 is never judged: it stays out of the family.
      if (!settings.untimed().contains(subject.request)) {
        p99Test[i] = pValues.size();
        pValues.add(subject.p99 == null ? 1.0 : subject.p99.pValueSlower());
      }
      errorTest[i] = -1;
      if (!subject.phase && subject.errorRate != null
          && subject.candidate.koCount() + subject.baseline.koCount() > 0) {
        errorTest[i] = pValues.size();
        pValues.add(subject.errorRate.pValueHigher());
      }
    }
    // The drift test over the stored runs and this one joins the family: one false-alarm rate.
    Optional<Drift> drift = drift(candidate, noise);
    pValues.add(drift.map(Drift::pValue).orElse(1.0));
    double[] family = pValues.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] significant = HolmBonferroni.significant(family, settings.alpha());
    double[] levels = HolmBonferroni.levels(family, settings.alpha());
    boolean driftSignificant = significant[family.length - 1];
    double[] faster = subjects.stream()
        .mapToDouble(s -> s.p99 == null ? 1.0 : s.p99.pValueFaster()).toArray();
    boolean[] significantlyFaster = HolmBonferroni.significant(faster, settings.alpha());
    double[] fasterLevels = HolmBonferroni.levels(faster, settings.alpha());

    List<RequestVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      verdicts.add(subjects.get(i).verdict(settings, p99Test[i] >= 0 && significant[p99Test[i]],
          errorTest[i] >= 0 && significant[errorTest[i]], significantlyFaster[i],
          p99Test[i] >= 0 ? levels[p99Test[i]] : settings.alpha(), fasterLevels[i]));
    }
    RequestVerdict all = verdicts.get(0);
    // The whole run's requests first, worst first; then each phase's, in the record's order.
    Comparator<RequestVerdict> worstFirst =
        Comparator.comparingInt((RequestVerdict v) -> -v.overall().severity())
            .thenComparing(v -> -v.p99().map(PercentileChange::relativeChange).orElse(0.0))
            .thenComparing(RequestVerdict::path);
    List<RequestVerdict> requests = new ArrayList<>(verdicts.subList(1, wholeRun));
    requests.sort(worstFirst);
    List<RequestVerdict> phases = new ArrayList<>(verdicts.subList(wholeRun, verdicts.size()));
    requests.addAll(phases);
    Verdict overall = all.overall();
    for (RequestVerdict request : requests) {
      overall = Verdict.worst(overall, request.overall());
    }
    // The run's verdict is one check of one subject; its reason is prefixed with that subject.
    int decider = decidingSubject(overall, verdicts);
    String decidedBy = subjects.get(decider).request;
    overall = overall.withReason(verdicts.get(decider).path() + ": " + overall.reason());
    // Each rule below is about the run as a whole: it decides for all requests.
    if (overall.severity() < 3 && driftSignificant) {
      Optional<Verdict> drifted = driftVerdict(drift.get(), candidate, noise, settings);
      if (drifted.isPresent()) {
        overall = drifted.get();
        decidedBy = ALL_REQUESTS;
      }
    }
    if (comparedWith.isEmpty() && settings.requireBaseline() && overall.severity() < 3) {
      overall = new Verdict.NoBaseline(Rule.NO_BASELINE, "no comparable baseline in the history,"
          + " and this gate requires one: the run was judged on its SLOs only");
      decidedBy = ALL_REQUESTS;
    }
    if (candidate.partial() && overall.severity() < 2) {
      overall = new Verdict.Inconclusive(Rule.PARTIAL_LOG,
          "a log was cut off: the run's figures are incomplete, so it counts as inconclusive, never as a pass");
      decidedBy = ALL_REQUESTS;
    }
    List<String> stops = candidate.circuitBreakerStops();
    if (!stops.isEmpty()) {
      overall = new Verdict.Aborted(Rule.STOPPED_BY_CIRCUIT_BREAKER,
          "the circuit breaker stopped the run: " + String.join("; ", stops)
              + " (its figures cover the run up to then)");
      decidedBy = ALL_REQUESTS;
    }
    if (injectorSaturation.isPresent()) {
      overall = new Verdict.Invalid(Rule.INJECTOR_SATURATED,
          "the injector, not the platform, limited the run: " + injectorSaturation.get());
      decidedBy = ALL_REQUESTS;
    }
    // Money is never a statistic: one mismatch fails the run, on any sample size and whatever
    // limited the injector (a lost deposit is the platform's, not the load generator's).
    Optional<Verdict> money = moneyMismatch(candidate);
    if (money.isPresent()) {
      overall = money.get();
      decidedBy = ALL_REQUESTS;
    }
    return new RunVerdict(Outcome.of(overall), overall,
        overall.severity() > 0 ? Optional.of(decidedBy) : Optional.empty(), all, requests, settings,
        requestsToDetect(subjects.get(0).p99, settings, family.length), noise);
  }

  /** A baseline with no requests: every request of the candidate is new. */
  private static RunSummary nothingBefore(RunSummary candidate) {
    return new RunSummary(candidate.injectors(), candidate.start(), candidate.start(),
        new RequestStats(), new TreeMap<>(), new TreeMap<>(), 0, 0, java.util.Map.of(),
        new io.casinoperf.gate.summary.Timeline(), false, new ArrayList<>());
  }

  /**
   * The subjects of each phase the candidate and the baseline both have: the phase's requests
   * together and one by one, compared on their p99 (SLOs and error rates hold for the whole run).
   */
  private static List<Subject> phaseSubjects(RunSummary candidate, RunSummary baseline) {
    List<Subject> subjects = new ArrayList<>();
    for (PhaseSummary phase : candidate.phases()) {
      Optional<PhaseSummary> before = baseline.phases().stream()
          .filter(p -> p.name().equals(phase.name())).findFirst();
      if (before.isEmpty()) {
        continue;
      }
      subjects.add(new Subject(phase.name(), ALL_REQUESTS, phase.all(), before.get().all()));
      TreeMap<String, RequestStats[]> byPath = new TreeMap<>();
      phase.requests().forEach((key, stats) ->
          byPath.computeIfAbsent(key.path(), p -> new RequestStats[2])[0] = stats);
      before.get().requests().forEach((key, stats) ->
          byPath.computeIfAbsent(key.path(), p -> new RequestStats[2])[1] = stats);
      byPath.forEach((path, pair) -> subjects.add(new Subject(phase.name(), path, pair[0], pair[1])));
    }
    return subjects;
  }

  /**
   * The index of the subject one of whose checks is {@code overall} (the very object: the worst
   * check was picked from them); each check belongs to exactly one subject.
   */
  private static int decidingSubject(Verdict overall, List<RequestVerdict> verdicts) {
    for (int i = 0; i < verdicts.size(); i++) {
      RequestVerdict request = verdicts.get(i);
      if (overall == request.latency() || overall == request.errors()
          || overall == request.serviceLevel()) {
        return i;
      }
    }
    throw new IllegalStateException("the run's verdict is none of its checks: " + overall);
  }

  /** A regression naming the money mismatches among the candidate's failed requests, if any. */
  static Optional<Verdict> moneyMismatch(RunSummary candidate) {
    long count = 0;
    String first = null;
    List<String> requests = new ArrayList<>();
    for (var entry : candidate.requests().entrySet()) {
      for (var message : new java.util.TreeMap<>(entry.getValue().koMessages()).entrySet()) {
        if (message.getKey().startsWith(MONEY_MISMATCH_PREFIX)) {
          count += message.getValue();
          first = first == null ? message.getKey() : first;
          if (!requests.contains(entry.getKey().path())) {
            requests.add(entry.getKey().path());
          }
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(new Verdict.Regression(Rule.MONEY_MISMATCH, String.format(Locale.ROOT,
        "%d money mismatch%s in %s, e.g. %s", count, count == 1 ? "" : "es",
        String.join(", ", requests), first)));
  }

  /**
   * The drift of the whole run's p99 across the stored comparable runs and this one, when there
   * are enough of them (see {@link Drift}).
   */
  static Optional<Drift> drift(RunSummary candidate, RunNoise noise) {
    if (noise.series().size() + 1 < Drift.MIN_RUNS || candidate.all().count() == 0) {
      return Optional.empty();
    }
    List<Double> values = new ArrayList<>();
    noise.series().forEach(run -> values.add(run.p99Millis()));
    values.add(candidateP99(candidate));
    return Optional.of(Drift.of(values));
  }

  /** The whole run's interpolated p99, as the stored series holds it. */
  private static double candidateP99(RunSummary candidate) {
    return io.casinoperf.gate.summary.LatencyHistograms.interpolatedPercentile(
        candidate.all().all(), GateSettings.DECIDING_PERCENTILE);
  }

  /**
   * A regression named drift, for a significant rise whose total over the span exceeds the
   * tolerance and the minimum effect: each step may have passed, the sum does not.
   */
  static Optional<Verdict> driftVerdict(Drift drift, RunSummary candidate, RunNoise noise,
      GateSettings settings) {
    double first = noise.series().get(0).p99Millis();
    if (drift.total() > settings.tolerance()
        && candidateP99(candidate) - first > settings.minEffectMillis()) {
      return Optional.of(new Verdict.Regression(Rule.DRIFT, String.format(Locale.ROOT,
          "the p99 drifted %+.1f %% over %d runs (%+.1f %% a run, from run %s to this one; p = %.3f),"
              + " though each step stayed within tolerance",
          100 * drift.total(), drift.runs(), 100 * drift.perRun(), noise.series().get(0).runId(),
          drift.pValue())));
    }
    return Optional.empty();
  }

  /**
   * Responses per side for an 80 % chance that a 10 % slower p99 is flagged: the estimate must
   * clear the tolerance and the significance threshold of the first Holm step (α / number of
   * checks). The standard error shrinks as 1/√n from this run's.
   */
  static OptionalLong requestsToDetect(PercentileChange p99, GateSettings settings, int checks) {
    if (p99 == null || !(p99.logStandardError() > 0) || Double.isInfinite(p99.logStandardError())) {
      return OptionalLong.empty();
    }
    double effect = Math.log(1.10);
    double power = Normal.quantile(0.80);
    double alpha = Normal.quantile(1 - settings.alpha() / Math.max(1, checks));
    double room = effect - Math.log1p(settings.tolerance());
    if (room <= 0) {
      return OptionalLong.empty();
    }
    double neededSe = Math.min(effect / (alpha + power), room / power);
    long n = Math.min(p99.candidate().count(), p99.baseline().count());
    double ratio = p99.logStandardError() / neededSe;
    return OptionalLong.of((long) Math.ceil(n * ratio * ratio));
  }

  /** One request (or all requests) with its two sides and their comparisons. */
  private static final class Subject {
    /** As verdicts name it: {@code Spin}, or {@code peak: Spin} for a request of one phase. */
    final String path;
    /** The request's path in the whole run, without its phase: {@code Spin}. */
    final String request;
    final RequestStats candidate;
    final RequestStats baseline;
    PercentileChange p99;
    List<PercentileChange> percentiles = List.of();
    ShareChange errorRate;

    /** A subject of one phase of the workload: compared on its p99 only. */
    final boolean phase;

    /** How long the candidate ran, for saying how long a run would give enough responses. */
    java.time.Duration runDuration;

    /** A request (or all requests) over the whole run. */
    Subject(String path, RequestStats candidate, RequestStats baseline) {
      this.path = path;
      this.request = path;
      this.candidate = candidate;
      this.baseline = baseline;
      this.phase = false;
    }

    /** A request (or all requests) of one phase of the workload. */
    Subject(String phaseName, String request, RequestStats candidate, RequestStats baseline) {
      this.path = PhaseSummary.label(phaseName, request);
      this.request = request;
      this.candidate = candidate;
      this.baseline = baseline;
      this.phase = true;
    }

    void compare(RunNoise noise) {
      if (candidate == null || baseline == null || candidate.count() == 0 || baseline.count() == 0) {
        return;
      }
      Optional<RunToRunNoise> spread = noise.of(path);
      List<PercentileChange> changes = new ArrayList<>();
      for (double p : GateSettings.REPORTED_PERCENTILES) {
        PercentileChange change =
            PercentileChange.of(PercentileEstimate.of(candidate, p), PercentileEstimate.of(baseline, p));
        if (p == GateSettings.DECIDING_PERCENTILE) {
          if (spread.isPresent()) {
            change = change.widened(spread.get().comparisonLogVariance(noise.baselineRuns()),
                spread.get().runs() - 1);
          }
          p99 = change;
        }
        changes.add(change);
      }
      percentiles = changes;
      errorRate = ShareChange.of(
          candidate.koCount(), candidate.count(), DesignEffect.ofErrors(candidate.blocks()),
          baseline.koCount(), baseline.count(), DesignEffect.ofErrors(baseline.blocks()));
      if (spread.isPresent()) {
        errorRate = errorRate.widened(spread.get().comparisonErrorVariance(noise.baselineRuns()));
      }
    }

    /**
     * @param slowerLevel the level the p99-slower test was held to in the run's family ({@link
     *     HolmBonferroni#levels}); {@code fasterLevel} likewise for the p99-faster test
     */
    RequestVerdict verdict(GateSettings settings, boolean slower, boolean moreErrors,
        boolean faster, double slowerLevel, double fasterLevel) {
      ServiceLevel slo = settings.serviceLevelFor(path);
      long candidateCount = candidate == null ? 0 : candidate.count();
      long baselineCount = baseline == null ? 0 : baseline.count();
      long candidateP99 = candidate == null ? 0 : candidate.percentileMillis(99);
      double candidateErrors = candidate == null ? 0 : candidate.errorRate();
      Verdict latency;
      Verdict errors;
      if (candidateCount == 0) {
        String reason = "the baseline sent " + baselineCount + " of these; the candidate none";
        latency = phase ? new Verdict.NotApplicable(Rule.MISSING_IN_CANDIDATE, reason + " in this phase")
            : new Verdict.Inconclusive(Rule.MISSING_IN_CANDIDATE, reason);
        errors = latency;
      } else if (phase && baselineCount == 0) {
        latency = new Verdict.NotApplicable(Rule.NEW_REQUEST, "none in the baseline's phase");
        errors = latency;
      } else if (baselineCount == 0) {
        // Nothing to compare with: the check did not run, which is not a pass.
        latency = new Verdict.NotApplicable(Rule.NEW_REQUEST,
            "not in the baseline (or no baseline): nothing to compare with, the SLO judges it");
        errors = latency;
      } else {
        latency = latencyVerdict(settings, slower, faster, slowerLevel, fasterLevel);
        errors = errorVerdict(settings, moreErrors);
      }
      boolean untimed = settings.untimed().contains(request);
      if (untimed && candidateCount > 0) {
        latency = new Verdict.NotApplicable(Rule.UNTIMED, "a correctness check the workload runs"
            + " a fixed number of times (" + candidateCount + " here): judged on its errors, not timed");
      }
      Verdict serviceLevel = candidateCount == 0
          ? new Verdict.Pass(Rule.SLO_MET, "nothing sent")
          : sloVerdict(slo, untimed ? Long.MIN_VALUE : candidateP99, candidateErrors);
      if (phase) {
        Verdict wholeRunOnly = new Verdict.NotApplicable(Rule.WHOLE_RUN_ONLY,
            "judged for the whole run, not phase by phase");
        errors = wholeRunOnly;
        serviceLevel = wholeRunOnly;
      }
      return new RequestVerdict(path, percentiles, Optional.ofNullable(errorRate), latency, errors,
          serviceLevel, candidateCount, baselineCount, candidateP99, candidateErrors,
          intervalConfidence(latency, slowerLevel, fasterLevel));
    }

    /**
     * What would give enough responses: a longer run (responses grow with the run's length at the
     * same arrival rates), a higher scale, or more baseline runs pooled.
     */
    private String remedy(long needed) {
      List<String> ways = new ArrayList<>();
      if (candidate.count() < needed && runDuration != null && runDuration.toMillis() > 0) {
        double factor = (double) needed / candidate.count();
        long seconds = (long) Math.ceil(runDuration.toMillis() * factor / 1000.0);
        ways.add(String.format(Locale.ROOT, "a candidate run %.1f× as long (about %d s instead of"
            + " %d s, e.g. -Dduration=%ds) or at %.1f× the scale would decide it", factor, seconds,
            Math.round(runDuration.toMillis() / 1000.0), roundUp(seconds), factor));
      }
      if (baseline.count() < needed) {
        ways.add("a baseline of more responses would (more runs pooled with --pool, or longer runs)");
      }
      return ways.isEmpty() ? "" : "; " + String.join("; ", ways);
    }

    /** Seconds rounded up to a duration one would type: 10 s steps, then whole minutes. */
    private static long roundUp(long seconds) {
      return seconds <= 120 ? (seconds + 9) / 10 * 10 : (seconds + 59) / 60 * 60;
    }

    /**
     * The two-sided confidence of the interval whose bound is the one-sided test that decided:
     * the faster test's for an improvement, else the slower test's.
     */
    private static double intervalConfidence(Verdict latency, double slowerLevel,
        double fasterLevel) {
      return 1 - 2 * (latency instanceof Verdict.Improvement ? fasterLevel : slowerLevel);
    }

    private Verdict latencyVerdict(GateSettings settings, boolean slower, boolean faster,
        double slowerLevel, double fasterLevel) {
      long needed = settings.minSamples();
      if (candidate.count() < needed || baseline.count() < needed) {
        String reason = String.format(Locale.ROOT,
            "too few responses for p99: %d candidate, %d baseline, %d needed on each side",
            candidate.count(), baseline.count(), needed) + (phase ? "" : remedy(needed));
        // A phase too short to judge on its own leaves the decision to the whole run.
        return phase ? new Verdict.NotApplicable(Rule.TOO_FEW_SAMPLES, reason + " (in this phase)")
            : new Verdict.Inconclusive(Rule.TOO_FEW_SAMPLES, reason);
      }
      double change = p99.relativeChange();
      double absolute = p99.absoluteChangeMillis();
      boolean beyondTolerance = change > settings.tolerance();
      boolean beyondEffect = absolute > settings.minEffectMillis();
      boolean improved = !(beyondTolerance && beyondEffect) && faster
          && change < -settings.tolerance() && -absolute > settings.minEffectMillis();
      // The interval the decision used: its lower bound is above zero exactly when the slower
      // test was significant at its Holm level (the upper bound, for an improvement).
      double level = 1 - 2 * (improved ? fasterLevel : slowerLevel);
      PercentileChange.Interval interval = p99.interval(level);
      String numbers = String.format(Locale.ROOT, "p99 %d ms vs %d ms (%+.1f %%, %s interval"
          + " %+.1f..%+.1f %%)", p99.candidate().valueMillis(), p99.baseline().valueMillis(),
          100 * change, Percentages.confidence(level), 100 * interval.lower(), 100 * interval.upper());
      if (beyondTolerance && beyondEffect) {
        return slower
            ? new Verdict.Regression(Rule.SIGNIFICANTLY_SLOWER, numbers + ": significantly slower")
            : new Verdict.Inconclusive(Rule.SLOWER_NOT_SIGNIFICANT,
                numbers + ": slower beyond tolerance, but not significant");
      }
      if (improved) {
        return new Verdict.Improvement(Rule.SIGNIFICANTLY_FASTER, numbers + ": significantly faster");
      }
      if (beyondTolerance) {
        return new Verdict.Pass(Rule.BELOW_MINIMUM_EFFECT, numbers + ": within "
            + settings.minEffectMillis() + " ms");
      }
      return new Verdict.Pass(Rule.WITHIN_TOLERANCE, numbers + ": within tolerance");
    }

    private Verdict errorVerdict(GateSettings settings, boolean moreErrors) {
      String[] shares = Percentages.distinct(errorRate.candidateShare(), errorRate.baselineShare());
      String numbers = "errors " + shares[0] + " % vs " + shares[1] + " %";
      if (moreErrors && errorRate.difference() > settings.minErrorRateIncrease()) {
        return new Verdict.Regression(Rule.MORE_ERRORS, numbers + ": significantly more errors");
      }
      return new Verdict.Pass(Rule.ERRORS_UNCHANGED, numbers);
    }

    private static Verdict sloVerdict(ServiceLevel slo, long p99Millis, double errorRate) {
      if (p99Millis > slo.p99Millis()) {
        return new Verdict.Regression(Rule.SLO_P99_BREACHED,
            "p99 " + p99Millis + " ms is above the SLO of " + slo.p99Millis() + " ms");
      }
      if (errorRate > slo.maxErrorRate()) {
        String[] shares = Percentages.distinct(errorRate, slo.maxErrorRate());
        return new Verdict.Regression(Rule.SLO_ERRORS_BREACHED,
            "errors " + shares[0] + " % are above the SLO of " + shares[1] + " %");
      }
      return new Verdict.Pass(Rule.SLO_MET, "within the SLOs");
    }
  }
}
