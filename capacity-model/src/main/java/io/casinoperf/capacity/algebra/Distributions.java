package io.casinoperf.capacity.algebra;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Quantiles of the distributions the models need. */
public final class Distributions {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Distributions() {}

  /** The standard normal quantile: 1.6449 for 0.95. */
  public static double normalQuantile(double probability) {
    return STANDARD_NORMAL.inverseCumulativeProbability(probability);
  }
}
