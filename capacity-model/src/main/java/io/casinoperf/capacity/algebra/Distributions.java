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

  /**
   * Student's t quantile function with {@code degreesOfFreedom} degrees of freedom, within 1e-6
   * relative. A forecast asks for it tens of thousands of times (its simulation draws), and the
   * exact inverse is an iterative search: between probabilities 0.001 and 0.999 it is read off a
   * table of the exact values every 0.0005, cubic between them, and computed outside; one table
   * per degree of freedom, made when first asked for.
   */
  public static DoubleUnaryOperator studentTQuantile(int degreesOfFreedom) {
    return T_TABLES.computeIfAbsent(degreesOfFreedom, Distributions::tTable);
  }

  private static final java.util.Map<Integer, DoubleUnaryOperator> T_TABLES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final double T_TABLE_STEP = 0.0005;
  private static final double T_TABLE_FROM = 0.001;
  private static final int T_TABLE_POINTS = 1_997;

  private static DoubleUnaryOperator tTable(int degreesOfFreedom) {
    TDistribution t = new TDistribution(null, degreesOfFreedom);
    double[] table = new double[T_TABLE_POINTS];
    for (int i = 0; i < table.length; i++) {
      table[i] = t.inverseCumulativeProbability(T_TABLE_FROM + i * T_TABLE_STEP);
    }
    return probability -> {
      double x = (probability - T_TABLE_FROM) / T_TABLE_STEP;
      int i = (int) Math.floor(x);
      if (i < 1 || i >= table.length - 2) {
        return t.inverseCumulativeProbability(probability);
      }
      // Catmull-Rom through the four nearest tabulated values.
      double f = x - i;
      double p0 = table[i - 1];
      double p1 = table[i];
      double p2 = table[i + 1];
      double p3 = table[i + 2];
      return p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
    };
  }

  /** P(X > x) of a gamma variable with this shape and scale (mean shape × scale); 1 for x ≤ 0. */
  public static DoubleUnaryOperator gammaTail(double shape, double scale) {
    GammaDistribution gamma = new GammaDistribution(null, shape, scale);
    return x -> x <= 0 ? 1 : 1 - gamma.cumulativeProbability(x);
  }
}
