package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;
import java.util.Random;

/**
 * Traffic generated from known parameters: log(traffic) = log(level) + growth × years + daily and
 * weekly waves + log(multiplier) inside promotions + normal noise.
 */
final class Synthetic {
  static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z
  static final double LEVEL = 1_000;
  static final double GROWTH_PER_YEAR = 0.5;
  static final double DAILY = 0.4;
  static final double WEEKLY = 0.15;
  static final double PROMOTION = 2.5;
  static final double NOISE = 0.05;

  private Synthetic() {}

  static double logMean(long t, boolean promotion) {
    double years = (t - START) / Terms.YEAR;
    return Math.log(LEVEL) + GROWTH_PER_YEAR * years
        + DAILY * Math.cos(2 * Math.PI * Math.floorMod(t, Terms.DAY) / Terms.DAY)
        + WEEKLY * Math.sin(2 * Math.PI * Math.floorMod(t, Terms.WEEK) / Terms.WEEK)
        + (promotion ? Math.log(PROMOTION) : 0);
  }

  static boolean inside(long t, List<long[]> windows) {
    for (long[] w : windows) {
      if (t >= w[0] && t <= w[1]) {
        return true;
      }
    }
    return false;
  }

  /** Four-hour promotions every ten days from day 3, 18:00 UTC. */
  static List<long[]> promotions(int days) {
    java.util.List<long[]> windows = new java.util.ArrayList<>();
    for (int day = 3; day < days; day += 10) {
      long start = START + day * Terms.DAY + 18 * 3600;
      windows.add(new long[] {start, start + 4 * 3600 - 1});
    }
    return windows;
  }

  static RegularSeries series(int days, long step, List<long[]> promotions, long seed) {
    Random random = new Random(seed);
    int n = (int) (days * Terms.DAY / step);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      long t = START + i * step;
      values[i] = Math.exp(logMean(t, inside(t, promotions)) + NOISE * random.nextGaussian());
    }
    return RegularSeries.of("rps", START, step, values);
  }
}
