package io.casinoperf.gate.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The standard normal distribution: the one place the gate uses commons-math3 (3.6.1, no longer
 * maintained), so it can be replaced here alone.
 */
public final class Normal {
  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

  private Normal() {}

  /** z such that P(Z ≤ z) = probability. */
  public static double quantile(double probability) {
    return STANDARD.inverseCumulativeProbability(probability);
  }

  /** P(Z > z). */
  public static double upperTail(double z) {
    return 1 - STANDARD.cumulativeProbability(z);
  }

  /**
   * t such that P(T ≤ t) = probability for Student's t with {@code degreesOfFreedom}: the normal's
   * small-sample counterpart, for a statistic whose variance was estimated from few values (kept
   * here, beside the normal, so that commons-math3 stays behind this one class).
   */
  public static double studentQuantile(double probability, double degreesOfFreedom) {
    return new org.apache.commons.math3.distribution.TDistribution(null, degreesOfFreedom)
        .inverseCumulativeProbability(probability);
  }

  /** P(T > t) for Student's t; see {@link #studentQuantile}. */
  public static double studentUpperTail(double t, double degreesOfFreedom) {
    return 1 - new org.apache.commons.math3.distribution.TDistribution(null, degreesOfFreedom)
        .cumulativeProbability(t);
  }
}
