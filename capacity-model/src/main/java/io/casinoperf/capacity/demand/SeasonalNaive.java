package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.SortedSample;
import io.casinoperf.capacity.series.RegularSeries;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The seasonal-naive forecast from one training window, slots [from, origin) of a series: each
 * later slot gets the value whole seasons of {@code m} slots back that lies in the window (further
 * seasons back over missing slots). Its quantiles are that value plus the empirical quantiles of
 * the differences y(t) − y(t − lag) inside the window, at the lag it copied from — the errors the
 * same forecast made in sample, as the demand model's intervals are its own errors.
 *
 * <p>Also the MASE scale (Hyndman and Koehler 2006): the window's mean |y(t) − y(t − m)|.
 * Not thread-safe (differences are cached per lag).
 */
final class SeasonalNaive {
  private final RegularSeries series;
  private final int from;
  private final int origin;
  private final int m;
  private final Map<Integer, double[]> differences = new HashMap<>();

  /**
   * @param from first slot of the training window
   * @param origin first slot after it
   * @param m the season, in slots (at least 1)
   */
  SeasonalNaive(RegularSeries series, int from, int origin, int m) {
    if (m < 1 || from < 0 || origin < from) {
      throw new IllegalArgumentException("season ≥ 1 slot and 0 ≤ from ≤ origin");
    }
    this.series = series;
    this.from = from;
    this.origin = origin;
    this.m = m;
  }

  /** The slot whose value forecasts slot {@code i} (at or after the origin), or -1 when none. */
  int source(int i) {
    int seasonsBack = (i - origin) / m + 1;
    for (int j = i - seasonsBack * m; j >= from; j -= m) {
      if (!Double.isNaN(series.value(j))) {
        return j;
      }
    }
    return -1;
  }

  /** The forecast of slot {@code i}, NaN when no season back holds a value. */
  double forecast(int i) {
    int j = source(i);
    return j < 0 ? Double.NaN : series.value(j);
  }

  /**
   * The forecast's quantiles at {@link Accuracy#LEVELS}; NaN when there is no forecast or the
   * window holds no pair of values that far apart.
   */
  double[] quantiles(int i) {
    double[] out = new double[Accuracy.LEVELS.length];
    int j = source(i);
    double[] sorted = j < 0 ? new double[0] : differences(i - j);
    for (int k = 0; k < out.length; k++) {
      out[k] = sorted.length == 0 ? Double.NaN
          : series.value(j) + SortedSample.quantile(sorted, Accuracy.LEVELS[k]);
    }
    return out;
  }

  /** The window's mean |y(t) − y(t − m)| over pairs with both present; NaN without a pair. */
  double scale() {
    double sum = 0;
    int n = 0;
    for (int t = from + m; t < origin; t++) {
      double a = series.value(t);
      double b = series.value(t - m);
      if (!Double.isNaN(a) && !Double.isNaN(b)) {
        sum += Math.abs(a - b);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** y(t) − y(t − lag) for every t in the window with both present, sorted. */
  private double[] differences(int lag) {
    return differences.computeIfAbsent(lag, l -> {
      double[] out = new double[Math.max(0, origin - from - l)];
      int n = 0;
      for (int t = from + l; t < origin; t++) {
        double a = series.value(t);
        double b = series.value(t - l);
        if (!Double.isNaN(a) && !Double.isNaN(b)) {
          out[n++] = a - b;
        }
      }
      double[] sorted = Arrays.copyOf(out, n);
      Arrays.sort(sorted);
      return sorted;
    });
  }
}
