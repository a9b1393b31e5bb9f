package io.casinoperf.gate.verdict;

import java.util.Map;

/**
 * How the gate decides. Defaults: {@link #defaults()}.
 *
 * @param confidence one-sided confidence of a regression (or improvement) call, for the whole run
 *     (Holm–Bonferroni over all its checks): 0.98 keeps the run's false-alarm rate at 2 %
 * @param tolerance relative p99 change that is never a regression however sure: 0.05 (+5 %)
 * @param minEffectMillis absolute p99 change that is never a regression however sure: 5 ms
 * @param minSamples fewest responses on each side to judge the p99: 1,000 (ten beyond it)
 * @param minErrorRateIncrease error-rate increase that is never a regression however sure: 0.001
 *     (0.1 percentage points)
 * @param serviceLevel absolute SLOs for every request and for the whole run
 * @param serviceLevelByRequest SLOs for particular requests, by path ({@code Group / Name})
 * @param requireBaseline a run without a comparable baseline fails ({@link Outcome#NO_BASELINE})
 *     instead of being judged on its SLOs alone
 * @param untimed requests judged on their errors only, by path (the run record's {@code
 *     serviceLevels.untimed}): their p99 checks are n/a
 */
public record GateSettings(
    double confidence,
    double tolerance,
    long minEffectMillis,
    long minSamples,
    double minErrorRateIncrease,
    ServiceLevel serviceLevel,
    Map<String, ServiceLevel> serviceLevelByRequest,
    boolean requireBaseline,
    java.util.Set<String> untimed) {

  /** The percentile the verdict is decided on. */
  public static final double DECIDING_PERCENTILE = 99;

  /** Percentiles reported beside it. */
  public static final double[] REPORTED_PERCENTILES = {50, 95, 99};

  public static GateSettings defaults() {
    return new GateSettings(0.98, 0.05, 5, 1_000, 0.001, ServiceLevel.HANDBOOK, Map.of());
  }

  /** Settings under which a run without a baseline is judged on its SLOs. */
  public GateSettings(double confidence, double tolerance, long minEffectMillis, long minSamples,
      double minErrorRateIncrease, ServiceLevel serviceLevel,
      Map<String, ServiceLevel> serviceLevelByRequest) {
    this(confidence, tolerance, minEffectMillis, minSamples, minErrorRateIncrease, serviceLevel,
        serviceLevelByRequest, false, java.util.Set.of());
  }

  /** The same settings, under which a run without a comparable baseline fails. */
  public GateSettings withRequiredBaseline() {
    return new GateSettings(confidence, tolerance, minEffectMillis, minSamples,
        minErrorRateIncrease, serviceLevel, serviceLevelByRequest, true, untimed);
  }

  /** The same settings, judging these requests on their errors only. */
  public GateSettings withUntimed(java.util.Collection<String> requests) {
    return new GateSettings(confidence, tolerance, minEffectMillis, minSamples,
        minErrorRateIncrease, serviceLevel, serviceLevelByRequest, requireBaseline,
        java.util.Set.copyOf(requests));
  }

  public GateSettings {
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + confidence);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
    }
    if (minEffectMillis < 0 || minSamples < 1) {
      throw new IllegalArgumentException("minEffectMillis must be >= 0 and minSamples >= 1");
    }
    if (!(minErrorRateIncrease >= 0 && minErrorRateIncrease <= 1)) {
      throw new IllegalArgumentException(
          "minErrorRateIncrease must be within 0..1, was " + minErrorRateIncrease);
    }
    serviceLevelByRequest = Map.copyOf(serviceLevelByRequest);
    untimed = untimed == null ? java.util.Set.of() : java.util.Set.copyOf(untimed);
  }

  /**
   * The same statistical settings with the SLOs a run's record carries: its whole-run SLO replaces
   * this one, its per-request SLOs and untimed requests are added to these.
   */
  public GateSettings withServiceLevels(io.casinoperf.run.RunRecord.ServiceLevels slos) {
    Map<String, ServiceLevel> perRequest = new java.util.LinkedHashMap<>(serviceLevelByRequest);
    slos.perRequest().forEach((path, slo) ->
        perRequest.put(path, new ServiceLevel(slo.p99Millis(), slo.maxErrorPercent() / 100)));
    java.util.Set<String> allUntimed = new java.util.TreeSet<>(untimed);
    allUntimed.addAll(slos.untimed());
    return new GateSettings(confidence, tolerance, minEffectMillis, minSamples,
        minErrorRateIncrease, new ServiceLevel(slos.p99Millis(), slos.maxErrorPercent() / 100),
        perRequest, requireBaseline, allUntimed);
  }

  public ServiceLevel serviceLevelFor(String requestPath) {
    return serviceLevelByRequest.getOrDefault(requestPath, serviceLevel);
  }

  /** The false-alarm rate allowed for a whole run. */
  public double alpha() {
    return 1 - confidence;
  }
}
