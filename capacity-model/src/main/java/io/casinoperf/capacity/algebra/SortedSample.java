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
}
