package io.casinoperf.gate.stats;

import java.util.List;

/**
 * A slow creep of a percentile across runs, each step within tolerance of the one before: the
 * least-squares slope of ln(p99) over the run index, tested one-sided against 0 with Student's t
 * on the residual spread (the runs' own run-to-run noise), as a change-point test over the stored
 * series would see it.
 *
 * @param runs values the slope was fitted to (the stored runs and the candidate)
 * @param perRun the fitted change per run, relative (0.04 is +4 % a run)
 * @param total the fitted change from the first run to the last, relative
 * @param pValue one-sided p-value of "rising"
 */
public record Drift(int runs, double perRun, double total, double pValue) {

  /** Fewest values to fit a slope and judge its residuals on. */
  public static final int MIN_RUNS = 5;

  /** The drift of these values, oldest first (milliseconds, floored on the log scale). */
  public static Drift of(List<Double> millis) {
    int k = millis.size();
    if (k < MIN_RUNS) {
      throw new IllegalArgumentException("at least " + MIN_RUNS + " runs, not " + k);
    }
    double meanX = (k - 1) / 2.0;
    double meanY = 0;
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, millis.get(i)));
      meanY += y[i] / k;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < k; i++) {
      sxx += (i - meanX) * (i - meanX);
      sxy += (i - meanX) * (y[i] - meanY);
    }
    double slope = sxy / sxx;
    double residuals = 0;
    for (int i = 0; i < k; i++) {
      double fitted = meanY + slope * (i - meanX);
      residuals += (y[i] - fitted) * (y[i] - fitted);
    }
    double se = Math.sqrt(residuals / (k - 2) / sxx);
    double p = se == 0 ? (slope > 0 ? 0 : 1) : Normal.studentUpperTail(slope / se, k - 2);
    return new Drift(k, Math.expm1(slope), Math.expm1(slope * (k - 1)), p);
  }
}
