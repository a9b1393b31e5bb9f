package io.casinoperf.capacity.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The columns of the demand regression, at their largest: intercept, trend (years since the
 * first point), trend changepoints (hinges {@code max(0, t − c)}), daily, weekly, yearly and
 * hourly (jobs that run every hour show in infrastructure metrics) Fourier pairs {@code cos(2πkt/P), sin(2πkt/P)} up to the largest orders worth trying, and one
 * indicator per promotion type (the share of each step inside a past promotion of that type, which runs from its start up to, not including, its end). A fitted model uses a
 * subset of these columns ({@link Spec}), so one pass over the data serves every candidate.
 */
final class Terms {
  static final long HOUR = 3600;
  static final long DAY = 86_400;
  static final long WEEK = 7 * DAY;
  static final double YEAR = 365.25 * DAY;

  final long originEpochSecond;
  final long stepSeconds;
  final long[] changepoints;
  final int maxDaily;
  final int maxWeekly;
  final int maxYearly;
  final int maxHourly;
  final List<String> promotionTypes;
  private final long[][][] windows;

  final int trend = 1;
  final int firstHinge = 2;
  final int firstDaily;
  final int firstWeekly;
  final int firstYearly;
  final int firstHourly;
  final int firstPromotion;
  final int columns;

  Terms(long originEpochSecond, long stepSeconds, long spanSeconds, long[] changepoints,
      SortedMap<String, List<long[]>> promotions) {
    this.originEpochSecond = originEpochSecond;
    this.stepSeconds = stepSeconds;
    this.changepoints = changepoints.clone();
    // Orders stop below the Nyquist limit of the step, and where a pair would only repeat a
    // slower cycle (weekly order 7 is daily order 1).
    this.maxDaily = stepSeconds >= DAY ? 0 : (int) Math.min(8, (DAY / stepSeconds - 1) / 2);
    this.maxWeekly = (int) Math.min(3, Math.max(0, (WEEK / stepSeconds - 1) / 2));
    this.maxHourly = (int) Math.min(5, Math.max(0, (HOUR / stepSeconds - 1) / 2));
    this.maxYearly = spanSeconds >= 2 * YEAR ? (int) Math.min(6, Math.max(0, (YEAR / stepSeconds - 1) / 2)) : 0;
    this.promotionTypes = List.copyOf(promotions.keySet());
    this.windows = new long[promotionTypes.size()][][];
    int type = 0;
    for (Map.Entry<String, List<long[]>> entry : promotions.entrySet()) {
      windows[type++] = entry.getValue().toArray(new long[0][]);
    }
    this.firstDaily = firstHinge + changepoints.length;
    this.firstWeekly = firstDaily + 2 * maxDaily;
    this.firstYearly = firstWeekly + 2 * maxWeekly;
    this.firstHourly = firstYearly + 2 * maxYearly;
    this.firstPromotion = firstHourly + 2 * maxHourly;
    this.columns = firstPromotion + promotionTypes.size();
  }

  /**
   * Fills {@code row} with every column at time {@code t}; promotion indicators come from the
   * past calendar unless {@code promotionOverride} is non-null, in which case it gives them.
   */
  void row(long t, double[] row, double[] promotionOverride) {
    row[0] = 1;
    double years = (t - originEpochSecond) / YEAR;
    row[trend] = years;
    for (int c = 0; c < changepoints.length; c++) {
      row[firstHinge + c] = Math.max(0, (t - changepoints[c]) / YEAR);
    }
    harmonics(t, DAY, maxDaily, row, firstDaily);
    harmonics(t, WEEK, maxWeekly, row, firstWeekly);
    harmonics(t, (long) YEAR, maxYearly, row, firstYearly);
    harmonics(t, HOUR, maxHourly, row, firstHourly);
    for (int p = 0; p < windows.length; p++) {
      if (promotionOverride != null) {
        row[firstPromotion + p] = promotionOverride[p];
      } else {
        // The share of the step [t, t + step) inside promotions of the type: a step coarser than
        // a promotion still carries its part of it.
        double inside = 0;
        for (long[] window : windows[p]) {
          inside += Math.max(0, Math.min(t + stepSeconds, window[1]) - Math.max(t, window[0]));
        }
        row[firstPromotion + p] = Math.min(1, inside / stepSeconds);
      }
    }
  }

  /** cos and sin of k·θ for k = 1..order by the angle-addition recurrence: two trig calls. */
  private static void harmonics(long t, long period, int order, double[] row, int first) {
    if (order == 0) {
      return;
    }
    double theta = 2 * Math.PI * Math.floorMod(t, period) / period;
    double c1 = Math.cos(theta);
    double s1 = Math.sin(theta);
    double c = c1;
    double s = s1;
    for (int k = 0; k < order; k++) {
      row[first + 2 * k] = c;
      row[first + 2 * k + 1] = s;
      double next = c * c1 - s * s1;
      s = s * c1 + c * s1;
      c = next;
    }
  }

  /**
   * The columns a candidate may use (the fit drops any that hold no data in its range, such as
   * a promotion type never seen there).
   */
  int[] columnsOf(Spec spec) {
    List<Integer> used = new ArrayList<>();
    used.add(0);
    if (spec.trend()) {
      used.add(trend);
      for (int c = 0; c < changepoints.length; c++) {
        used.add(firstHinge + c);
      }
    }
    for (int k = 0; k < 2 * spec.daily(); k++) {
      used.add(firstDaily + k);
    }
    for (int k = 0; k < 2 * spec.weekly(); k++) {
      used.add(firstWeekly + k);
    }
    for (int k = 0; k < 2 * spec.yearly(); k++) {
      used.add(firstYearly + k);
    }
    for (int k = 0; k < 2 * spec.hourly(); k++) {
      used.add(firstHourly + k);
    }
    for (int p = 0; p < promotionTypes.size(); p++) {
      used.add(firstPromotion + p);
    }
    return used.stream().mapToInt(Integer::intValue).toArray();
  }
}
