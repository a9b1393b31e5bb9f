package io.casinoperf.gate.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction (Holm 1979): of m one-sided tests, which are significant so that
 * the chance of any false alarm among them stays at most α. Sort the p-values; the i-th smallest
 * (from 0) passes while p ≤ α / (m − i); the first that fails stops the rest.
 */
public final class HolmBonferroni {
  private HolmBonferroni() {}

  /** For each p-value, in the given order, whether it is significant at family-wise level alpha. */
  public static boolean[] significant(double[] pValues, double alpha) {
    Integer[] order = new Integer[pValues.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    boolean[] significant = new boolean[pValues.length];
    for (int rank = 0; rank < order.length; rank++) {
      int i = order[rank];
      if (pValues[i] > alpha / (pValues.length - rank)) {
        break;
      }
      significant[i] = true;
    }
    return significant;
  }
}
