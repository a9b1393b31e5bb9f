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
    Integer[] order = ascending(pValues);
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

  /**
   * Holm-adjusted p-values, in the given order (Wright 1992): the i-th smallest p-value times
   * (m − i), made non-decreasing along the order, capped at 1. A test is significant at
   * family-wise level α exactly when its adjusted p-value is at most α.
   */
  public static double[] adjusted(double[] pValues) {
    Integer[] order = ascending(pValues);
    double[] adjusted = new double[pValues.length];
    double running = 0;
    for (int rank = 0; rank < order.length; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (pValues.length - rank) * pValues[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * The level each test was in effect held to: {@code α × p / adjusted p}, so that a p-value is at
   * most its level exactly when the step-down calls it significant. An interval of the effect at
   * this level (one-sided) excludes "no change" exactly when the test was significant: the
   * interval a reader is shown is the one the decision used. A p-value of 0 is held to α / (m −
   * rank), the step at which it was compared.
   */
  public static double[] levels(double[] pValues, double alpha) {
    double[] adjusted = adjusted(pValues);
    Integer[] order = ascending(pValues);
    double[] levels = new double[pValues.length];
    for (int rank = 0; rank < order.length; rank++) {
      int i = order[rank];
      levels[i] = pValues[i] > 0 && adjusted[i] > 0
          ? Math.min(alpha, alpha * pValues[i] / adjusted[i])
          : alpha / (pValues.length - rank);
    }
    return levels;
  }

  /** The indices of {@code pValues}, smallest p-value first (ties in their given order). */
  private static Integer[] ascending(double[] pValues) {
    Integer[] order = new Integer[pValues.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    return order;
  }
}
