package io.casinoperf.capacity.resource;

import io.casinoperf.capacity.algebra.LeastSquares;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.capacity.usl.LoadStep;
import java.util.Arrays;
import java.util.Locale;

/**
 * Regresses a resource (CPU, database connections, Redis memory) on traffic, over the times both
 * were measured. The line is the default; the quadratic is chosen when it predicts the most recent
 * quarter of the history at least 3 % better (in squared error) from a fit on the rest, and only
 * if it keeps rising up to three times the highest traffic seen — a curve that turns down would
 * promise that more traffic needs less capacity.
 */
public final class ResourceFit {
  private static final double CONDITION = 1e10;

  private ResourceFit() {}

  /**
   * @throws IllegalArgumentException when the two series are on different steps
   * @throws UnsuitableDataException when fewer than 10 common points exist, traffic or the
   *     resource is constant over them, or values so large (beyond about 1e154) that their squares
   *     overflow
   */
  public static ResourceModel fit(RegularSeries traffic, RegularSeries resource) {
    if (traffic.stepSeconds() != resource.stepSeconds()) {
      throw new IllegalArgumentException("traffic is on a " + traffic.stepSeconds()
          + " s step but " + resource.name() + " on " + resource.stepSeconds() + " s");
    }
    if (Math.floorMod(resource.startEpochSecond() - traffic.startEpochSecond(), traffic.stepSeconds()) != 0) {
      throw new IllegalArgumentException(resource.name() + " and " + traffic.name()
          + " are on the same step but different grids (" + resource.startEpochSecond() + " vs "
          + traffic.startEpochSecond() + "): resample both with Cleaning.resample");
    }
    int n = 0;
    double[] x = new double[resource.slots()];
    double[] y = new double[resource.slots()];
    for (int i = 0; i < resource.slots(); i++) {
      long slot = traffic.slotOf(resource.epochSecond(i));
      double r = resource.value(i);
      if (slot < 0 || slot >= traffic.slots() || Double.isNaN(r) || Double.isNaN(traffic.value((int) slot))) {
        continue;
      }
      x[n] = traffic.value((int) slot);
      y[n++] = r;
    }
    if (n < 10) {
      throw new UnsuitableDataException(resource.name() + " and " + traffic.name() + " share " + n
          + " time points; at least 10 are needed to relate them");
    }
    double minX = min(x, n);
    double maxX = max(x, n);
    double minY = min(y, n);
    double maxY = max(y, n);
    if (minX == maxX) {
      throw new UnsuitableDataException(traffic.name() + " is constant where " + resource.name()
          + " was measured: the relation cannot be fitted");
    }
    if (minY == maxY) {
      throw new UnsuitableDataException(resource.name() + " is constant (" + minY
          + " at every point): there is no relation to traffic to fit");
    }
    double scale = Math.max(Math.abs(minX), Math.abs(maxX));
    int train = n - Math.max(3, n / 4);
    double lineHoldout = holdoutError(x, y, 0, train, n, scale, false, null);
    double[] curveResiduals = new double[n - train];
    double[] lineResiduals = new double[n - train];
    holdoutError(x, y, 0, train, n, scale, false, lineResiduals);
    double curveHoldout = holdoutError(x, y, 0, train, n, scale, true, curveResiduals);
    double[] curve = solve(x, y, 0, n, scale, true);
    boolean rising = curve[1] > 0 && curve[1] + 2 * curve[2] * 3 * maxX / scale > 0;
    boolean curved = curveHoldout < 0.97 * lineHoldout && rising;
    double[] beta = curved ? curve : solve(x, y, 0, n, scale, false);
    int p = beta.length;
    double sse = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i] / n;
    }
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double xi = x[i] / scale;
      double fitted = beta[0] + beta[1] * xi + (curved ? beta[2] * xi * xi : 0);
      sse += (y[i] - fitted) * (y[i] - fitted);
      sst += (y[i] - mean) * (y[i] - mean);
    }
    double variance = sse / Math.max(1, n - p);
    if (!Double.isFinite(variance) || !Double.isFinite(sst) || !Arrays.stream(beta).allMatch(Double::isFinite)) {
      // Finite values beyond about 1e154 square past the largest double and the fit is NaN.
      // Traffic is scaled to at most 1 above, so it is the resource's values that overflow.
      throw new UnsuitableDataException(String.format(Locale.ROOT, "%s cannot be related to %s: its"
          + " values reach %.3g, too large for least squares (their squares overflow); check for an"
          + " outlier or a unit mistake", resource.name(), traffic.name(),
          Math.max(Math.abs(minY), Math.abs(maxY))));
    }
    double[][] inverse = LeastSquares.inverse(normal(x, 0, n, scale, curved), 0);
    for (double[] row : inverse) {
      for (int j = 0; j < p; j++) {
        row[j] *= variance;
      }
    }
    return new ResourceModel(resource.name(), curved, beta, inverse, scale, 1 - sse / sst,
        curved ? curveResiduals : lineResiduals, minX, maxX, n);
  }

  /**
   * A resource against traffic from a capacity probe: each level's throughput (per second, on the
   * node it loaded) and the resource's mean over the level (its column in the load steps), a
   * line through the levels that have it. The probe has a few levels, not a history: the
   * residuals the quantiles add are the leave-one-out ones (each level predicted by the line
   * through the others), and the line's own uncertainty has n − 2 degrees of freedom.
   *
   * @param column the resource's column in the load steps
   * @param toTraffic a level's throughput per second × this = the platform traffic, in the
   *     traffic series' units, at which the resource series would read the level's value: the
   *     traffic unit's seconds (60 for requests per minute), times today's nodes for a resource
   *     measured per node (each of n nodes carries 1/n of the traffic)
   * @return empty when fewer than three levels have the column, or throughput or the resource is
   *     the same at all of them
   */
  public static java.util.Optional<ResourceModel> fitProbe(String name, java.util.List<LoadStep> steps,
      String column, double toTraffic) {
    int n = 0;
    double[] x = new double[steps.size()];
    double[] y = new double[steps.size()];
    for (LoadStep step : steps) {
      // Column names are matched without regard to case, as the load steps' own are.
      Double value = step.resources().entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(column)).map(java.util.Map.Entry::getValue)
          .findFirst().orElse(null);
      if (value != null) {
        x[n] = step.throughputPerSecond() * toTraffic;
        y[n++] = value;
      }
    }
    if (n < 3) {
      return java.util.Optional.empty();
    }
    double minX = min(x, n);
    double maxX = max(x, n);
    double minY = min(y, n);
    double maxY = max(y, n);
    if (minX == maxX || minY == maxY || !Double.isFinite(maxX) || !Double.isFinite(maxY)) {
      return java.util.Optional.empty();
    }
    double scale = Math.max(Math.abs(minX), Math.abs(maxX));
    double[] beta = solve(x, y, 0, n, scale, false);
    double[][] inverse = LeastSquares.inverse(normal(x, 0, n, scale, false), 0);
    double sse = 0;
    double sst = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i] / n;
    }
    double[] leaveOneOut = new double[n];
    for (int i = 0; i < n; i++) {
      double xi = x[i] / scale;
      double e = y[i] - (beta[0] + beta[1] * xi);
      sse += e * e;
      sst += (y[i] - mean) * (y[i] - mean);
      // The leverage of level i: how much the line through all levels leans towards it.
      double leverage = inverse[0][0] + 2 * xi * inverse[0][1] + xi * xi * inverse[1][1];
      leaveOneOut[i] = leverage < 1 - 1e-9 ? e / (1 - leverage) : e;
    }
    double variance = n > 2 ? sse / (n - 2) : 0;
    double[][] covariance = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        covariance[i][j] = inverse[i][j] * variance;
      }
    }
    return java.util.Optional.of(new ResourceModel(name, false, beta, covariance, scale, 1 - sse / sst,
        leaveOneOut, minX, maxX, n));
  }

  private static double min(double[] values, int n) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, values[i]);
    }
    return min;
  }

  private static double max(double[] values, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }

  private static double holdoutError(double[] x, double[] y, int from, int train, int n,
      double scale, boolean curved, double[] residuals) {
    double[] beta = solve(x, y, from, train, scale, curved);
    double sse = 0;
    for (int i = train; i < n; i++) {
      double xi = x[i] / scale;
      double e = y[i] - (beta[0] + beta[1] * xi + (curved ? beta[2] * xi * xi : 0));
      if (residuals != null) {
        residuals[i - train] = e;
      }
      sse += e * e;
    }
    return sse;
  }

  private static double[] solve(double[] x, double[] y, int from, int to, double scale, boolean curved) {
    int p = curved ? 3 : 2;
    double[] xty = new double[p];
    for (int i = from; i < to; i++) {
      double xi = x[i] / scale;
      xty[0] += y[i];
      xty[1] += xi * y[i];
      if (curved) {
        xty[2] += xi * xi * y[i];
      }
    }
    return LeastSquares.solve(normal(x, from, to, scale, curved), xty, CONDITION).coefficients();
  }

  private static double[][] normal(double[] x, int from, int to, double scale, boolean curved) {
    int p = curved ? 3 : 2;
    double[] powers = new double[5];
    for (int i = from; i < to; i++) {
      double xi = x[i] / scale;
      double power = 1;
      for (int k = 0; k < 5; k++) {
        powers[k] += power;
        power *= xi;
      }
    }
    double[][] xtx = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        xtx[i][j] = powers[i + j];
      }
    }
    return xtx;
  }
}
