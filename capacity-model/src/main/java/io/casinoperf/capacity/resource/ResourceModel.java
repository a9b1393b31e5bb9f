package io.casinoperf.capacity.resource;

import java.util.Locale;
import io.casinoperf.capacity.algebra.Distributions;
import io.casinoperf.capacity.algebra.SortedSample;
import java.util.Arrays;

/**
 * A resource as a function of traffic: {@code r = a + b·x} or, when the data bend, {@code r = a +
 * b·x + c·x²}, with x the traffic. Quantiles add the out-of-sample residuals (the errors on the
 * most recent quarter of the history, predicted by a fit on the rest) and the uncertainty of the
 * fitted curve at x, which grows as x leaves the traffic seen.
 */
public final class ResourceModel {
  private final String name;
  private final boolean curved;
  private final double[] beta;
  private final double[][] covariance;
  private final double scale;
  private final double rSquared;
  private final double[] sortedResiduals;
  private final double minTraffic;
  private final double maxTraffic;
  private final int points;

  ResourceModel(String name, boolean curved, double[] beta, double[][] covariance, double scale,
      double rSquared, double[] residuals, double minTraffic, double maxTraffic, int points) {
    this.name = name;
    this.curved = curved;
    this.beta = beta.clone();
    this.covariance = covariance;
    this.scale = scale;
    this.rSquared = rSquared;
    this.sortedResiduals = residuals.clone();
    Arrays.sort(sortedResiduals);
    this.minTraffic = minTraffic;
    this.maxTraffic = maxTraffic;
    this.points = points;
  }

  public String name() {
    return name;
  }

  /** Whether the quadratic curve was chosen over the line. */
  public boolean curved() {
    return curved;
  }

  /** a, b (and c) in resource units per traffic unit (and per traffic unit squared). */
  public double[] coefficients() {
    double[] out = beta.clone();
    out[1] /= scale;
    if (curved) {
      out[2] /= scale * scale;
    }
    return out;
  }

  public double rSquared() {
    return rSquared;
  }

  public int points() {
    return points;
  }

  public double minTraffic() {
    return minTraffic;
  }

  /** The highest traffic in the fitted history; beyond it the curve is extrapolated. */
  public double maxTraffic() {
    return maxTraffic;
  }

  /** The fitted mean at traffic x. */
  public double mean(double traffic) {
    double x = traffic / scale;
    return beta[0] + beta[1] * x + (curved ? beta[2] * x * x : 0);
  }

  /** The {@code probability} quantile of the resource at traffic x. */
  public double quantile(double traffic, double probability) {
    double deviation = residualQuantile(probability);
    double z = Distributions.normalQuantile(probability);
    // Held-out residuals may sit off zero when the resource drifts: their median is kept as a
    // bias, and the curve's uncertainty widens the spread around it on the side of the quantile.
    double center = residualQuantile(0.5);
    double spread = Math.sqrt((deviation - center) * (deviation - center) + z * z * meanVariance(traffic));
    return mean(traffic) + center + Math.copySign(spread, z);
  }

  /**
   * The resource for a traffic value and a residual drawn at {@code residualProbability}; used
   * to propagate traffic uncertainty by simulation.
   */
  public double draw(double traffic, double residualProbability, double curveNormal) {
    return mean(traffic) + residualQuantile(residualProbability)
        + curveNormal * Math.sqrt(meanVariance(traffic));
  }

  /** Formula, e.g. {@code cpu = 4.1 + 0.0212·rps}. */
  public String describe(String trafficName) {
    double[] c = coefficients();
    return String.format(Locale.ROOT, "%s = %.4g + %.4g·%s%s (R² %.3f, %d points)", name, c[0], c[1], trafficName,
        curved ? String.format(Locale.ROOT, " + %.4g·%s²", c[2], trafficName) : "", rSquared, points);
  }

  double residualQuantile(double probability) {
    return SortedSample.quantile(sortedResiduals, probability);
  }

  private double meanVariance(double traffic) {
    double x = traffic / scale;
    double[] row = curved ? new double[] {1, x, x * x} : new double[] {1, x};
    double variance = 0;
    for (int i = 0; i < row.length; i++) {
      for (int j = 0; j < row.length; j++) {
        variance += row[i] * covariance[i][j] * row[j];
      }
    }
    return Math.max(0, variance);
  }
}
