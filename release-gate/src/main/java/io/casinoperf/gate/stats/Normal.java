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
}
