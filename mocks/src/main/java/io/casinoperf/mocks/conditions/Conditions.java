package io.casinoperf.mocks.conditions;

/**
 * The platform's latency and fault settings. Latencies are log-normal, given by their median (ms)
 * and the standard deviation of their logarithm ({@code sigma}): p99 ≈ median × e^(2.326 σ).
 * A median of 0 adds no delay at all. Immutable.
 *
 * @param mode which settings apply now
 * @param normalMedianMillis median added latency in {@code normal} and {@code faulty} modes
 * @param normalSigma spread in {@code normal} and {@code faulty} modes
 * @param degradedMedianMillis median added latency in {@code degraded} mode
 * @param degradedSigma spread in {@code degraded} mode
 * @param faultyErrorPercent share of requests answered with 503 in {@code faulty} mode
 * @param faultyDropPercent share of requests whose connection is reset in {@code faulty} mode
 * @param faultyPushLossPercent share of balance pushes never sent in {@code faulty} mode
 * @param queueWorkers workers serving requests in {@code queue} mode
 * @param queueServiceMillis their mean service time, ms
 * @param queueServiceScv its squared coefficient of variation (variance over mean squared): 1
 *     exponential, 0 constant, any other value log-normal with that SCV
 */
public record Conditions(
    Mode mode,
    double normalMedianMillis,
    double normalSigma,
    double degradedMedianMillis,
    double degradedSigma,
    double faultyErrorPercent,
    double faultyDropPercent,
    double faultyPushLossPercent,
    int queueWorkers,
    double queueServiceMillis,
    double queueServiceScv) {

  /** Most workers {@code queue} mode takes. */
  public static final int MAX_QUEUE_WORKERS = 100_000;

  /** The platform's usual settings, in {@code normal} mode. */
  public static Conditions defaults() {
    return new Conditions(Mode.NORMAL, 10, 0.4, 25, 0.9, 5, 1, 1, 8, 20, 1);
  }

  /**
   * No added latency and no faults in the normal, degraded and faulty modes: for functional tests
   * and capacity baselines. ({@code queue} mode keeps its queue.)
   */
  public static Conditions none() {
    return new Conditions(Mode.NORMAL, 0, 0, 0, 0, 0, 0, 0, 8, 20, 1);
  }

  public Conditions {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required: one of " + Mode.names());
    }
    requireAtLeastZero("normal median (ms)", normalMedianMillis);
    requireAtLeastZero("normal sigma", normalSigma);
    requireAtLeastZero("degraded median (ms)", degradedMedianMillis);
    requireAtLeastZero("degraded sigma", degradedSigma);
    requirePercent("faulty error percent", faultyErrorPercent);
    requirePercent("faulty drop percent", faultyDropPercent);
    requirePercent("faulty push loss percent", faultyPushLossPercent);
    if (queueWorkers < 1 || queueWorkers > MAX_QUEUE_WORKERS) {
      throw new IllegalArgumentException("queue workers must be within 1.." + MAX_QUEUE_WORKERS
          + ", was " + queueWorkers);
    }
    if (!(queueServiceMillis > 0) || Double.isInfinite(queueServiceMillis)) {
      throw new IllegalArgumentException(
          "queue service time (ms) must be a number > 0, was " + queueServiceMillis);
    }
    requireAtLeastZero("queue service SCV", queueServiceScv);
    if (faultyErrorPercent + faultyDropPercent > 100) {
      throw new IllegalArgumentException(
          "faulty error percent + drop percent must not exceed 100, was "
              + (faultyErrorPercent + faultyDropPercent));
    }
  }

  public Conditions withMode(Mode newMode) {
    return new Conditions(newMode, normalMedianMillis, normalSigma, degradedMedianMillis,
        degradedSigma, faultyErrorPercent, faultyDropPercent, faultyPushLossPercent,
        queueWorkers, queueServiceMillis, queueServiceScv);
  }

  public Conditions withNormalLatency(double medianMillis, double sigma) {
    return new Conditions(mode, medianMillis, sigma, degradedMedianMillis, degradedSigma,
        faultyErrorPercent, faultyDropPercent, faultyPushLossPercent, queueWorkers,
        queueServiceMillis, queueServiceScv);
  }

  public Conditions withDegradedLatency(double medianMillis, double sigma) {
    return new Conditions(mode, normalMedianMillis, normalSigma, medianMillis, sigma,
        faultyErrorPercent, faultyDropPercent, faultyPushLossPercent, queueWorkers,
        queueServiceMillis, queueServiceScv);
  }

  public Conditions withFaults(double errorPercent, double dropPercent, double pushLossPercent) {
    return new Conditions(mode, normalMedianMillis, normalSigma, degradedMedianMillis,
        degradedSigma, errorPercent, dropPercent, pushLossPercent, queueWorkers, queueServiceMillis,
        queueServiceScv);
  }

  /** The queue of {@code queue} mode: its workers, their mean service time and its SCV. */
  public Conditions withQueue(int workers, double serviceMillis, double serviceScv) {
    return new Conditions(mode, normalMedianMillis, normalSigma, degradedMedianMillis,
        degradedSigma, faultyErrorPercent, faultyDropPercent, faultyPushLossPercent, workers,
        serviceMillis, serviceScv);
  }

  double medianMillis() {
    return mode == Mode.DEGRADED ? degradedMedianMillis : normalMedianMillis;
  }

  double sigma() {
    return mode == Mode.DEGRADED ? degradedSigma : normalSigma;
  }

  private static void requireAtLeastZero(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a number >= 0, was " + value);
    }
  }

  private static void requirePercent(String what, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(what + " must be within 0..100, was " + value);
    }
  }
}
