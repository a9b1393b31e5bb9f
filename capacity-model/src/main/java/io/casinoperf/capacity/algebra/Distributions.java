package io.casinoperf.capacity.algebra;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Quantiles of the distributions the models need. */
public final class Distributions {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Distributions() {}

  /** The standard normal quantile: 1.6449 for 0.95. */
  public static double normalQuantile(double probability) {
    return STANDARD_NORMAL.inverseCumulativeProbability(probability);
  }

  /** Student's t quantile function with {@code degreesOfFreedom} degrees of freedom. */
  public static DoubleUnaryOperator studentTQuantile(double degreesOfFreedom) {
    TDistribution t = new TDistribution(null, degreesOfFreedom);
    return t::inverseCumulativeProbability;
  }

  /** P(X > x) of a gamma variable with this shape and scale (mean shape × scale); 1 for x ≤ 0. */
  public static DoubleUnaryOperator gammaTail(double shape, double scale) {
    GammaDistribution gamma = new GammaDistribution(null, shape, scale);
    return x -> x <= 0 ? 1 : 1 - gamma.cumulativeProbability(x);
  }
}
