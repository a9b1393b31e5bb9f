package io.casinoperf.gate.verdict;

/**
 * Absolute SLOs a candidate must meet whatever its baseline did.
 *
 * @param p99Millis highest allowed 99th percentile of response time
 * @param maxErrorRate highest allowed share of KO responses, in [0, 1]
 */
public record ServiceLevel(long p99Millis, double maxErrorRate) {
  /** The platform handbook's: p99 ≤ 200 ms, errors ≤ 1 %. */
  public static final ServiceLevel HANDBOOK = new ServiceLevel(200, 0.01);

  public ServiceLevel {
    if (p99Millis < 1) {
      throw new IllegalArgumentException("SLO p99 must be >= 1 ms, was " + p99Millis);
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("SLO error rate must be within 0..1, was " + maxErrorRate);
    }
  }
}
