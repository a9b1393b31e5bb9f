package io.casinoperf.capacity.algebra;

/** Quantiles of a sample already sorted ascending. */
public final class SortedSample {
  private SortedSample() {}

  /**
   * The {@code probability} quantile by linear interpolation between order statistics (h = (n −
   * 1)·p, Hyndman and Fan's type 7); 0 for an empty sample.
   */
  public static double quantile(double[] sorted, double probability) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    double h = (n - 1) * probability;
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The {@code probability} quantile of the next draw from the population the sample came from:
   * the k-th smallest of n values is exceeded by a new one with probability 1 − k/(n + 1), so the
   * position is h = (n + 1)·p, interpolated between order statistics and held at the ends (Hyndman
   * and Fan's type 6). Wider than {@link #quantile} in the tails, by more the smaller the sample,
   * up to the sample's extremes, which both give beyond {@code 1/(n + 1)} and {@code n/(n + 1)}
   * (nothing beyond them is known); 0 for an empty sample.
   */
  public static double predictive(double[] sorted, double probability) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    double h = Math.max(0, Math.min(n - 1, (n + 1) * probability - 1));
    int lo = (int) Math.floor(h);
    int hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
