package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.ExponentialSmoothing;
import io.casinoperf.capacity.algebra.SeasonalLoess;
import java.util.Arrays;
import java.util.Locale;

/**
 * A forecaster of another kind than the regression: the series is split into one seasonal
 * component per season (shortest first, each by STL, seasonal-trend decomposition by loess, twice
 * over, as in MSTL) and what remains, the seasonally adjusted series, is forecast by exponential
 * smoothing of its level, with an additive, a damped or no trend, whichever has the lowest AICc.
 * The forecast is that level plus each season's last cycle repeated. It follows a level that moves
 * (the regression's level is a mean over its window) and draws each slot of a season as it was
 * (the regression draws a smooth shape), so the two err in different places and their mean
 * forecasts better than either. It is R's {@code forecast::stlf} with additive errors only
 * (Hyndman and Athanasopoulos, <i>Forecasting: Principles and Practice</i>, sections 3.6 and 12.1).
 *
 * <p>Missing points are filled before the decomposition (STL needs every point): from the same
 * slot a cycle of the longest season earlier or later, else of a shorter one, else between their
 * neighbours.
 */
final class Decomposition {
  private final int[] periods;
  private final double[][] lastCycles;
  private final ExponentialSmoothing level;

  private Decomposition(int[] periods, double[][] lastCycles, ExponentialSmoothing level) {
    this.periods = periods;
    this.lastCycles = lastCycles;
    this.level = level;
  }

  /**
   * Decomposes and smooths {@code y} (NaN where a point is missing).
   *
   * @param periods the seasons in points; those the series does not hold two full cycles of
   *     (counting the points present) are left out
   * @return null when fewer than four points have values or too few for a level and its smoothing
   */
  static Decomposition fit(double[] y, int[] periods) {
    int present = 0;
    for (double v : y) {
      present += Double.isNaN(v) ? 0 : 1;
    }
    if (present < 4) {
      return null;
    }
    // A season needs two cycles of points, and at least one cycle's worth of them present: a few
    // missing hours (a promotion, a gap) keep it, a series mostly missing does not.
    final int points = present;
    int[] kept = Arrays.stream(periods).filter(p -> p >= 2 && y.length >= 2 * p && points >= p).sorted()
        .distinct().toArray();
    double[] filled = filled(y, kept);
    double[][] seasonal = new double[kept.length][];
    double[] adjusted = filled.clone();
    for (int j = 0; j < kept.length; j++) {
      seasonal[j] = new double[y.length];
    }
    for (int iteration = 0; iteration < (kept.length > 1 ? 2 : 1); iteration++) {
      for (int j = 0; j < kept.length; j++) {
        for (int i = 0; i < y.length; i++) {
          adjusted[i] += seasonal[j][i];
        }
        // Seasonal windows 11, 15, …: the defaults of R's mstl, which let each slot's value
        // drift slowly from cycle to cycle.
        seasonal[j] = SeasonalLoess.seasonal(adjusted, kept[j], 11 + 4 * j);
        for (int i = 0; i < y.length; i++) {
          adjusted[i] -= seasonal[j][i];
        }
      }
    }
    double[][] lastCycles = new double[kept.length][];
    for (int j = 0; j < kept.length; j++) {
      lastCycles[j] = Arrays.copyOfRange(seasonal[j], y.length - kept[j], y.length);
    }
    ExponentialSmoothing level = ExponentialSmoothing.best(adjusted);
    return level == null ? null : new Decomposition(kept, lastCycles, level);
  }

  /** The forecast {@code step} points after the last one the fit saw (0: the first point after it). */
  double at(long step) {
    double value = level.forecast(step + 1);
    for (int j = 0; j < periods.length; j++) {
      value += lastCycles[j][(int) (step % periods[j])];
    }
    return value;
  }

  /** The smoothing of the seasonally adjusted series. */
  ExponentialSmoothing level() {
    return level;
  }

  /** The seasons it decomposed, in points. */
  int[] periods() {
    return periods.clone();
  }

  String describe(long stepSeconds) {
    StringBuilder seasons = new StringBuilder();
    for (int j = 0; j < periods.length; j++) {
      long seconds = periods[j] * stepSeconds;
      seasons.append(j == 0 ? "" : j == periods.length - 1 ? " and " : ", ").append(
          seconds == Terms.WEEK ? "week" : seconds == Terms.DAY ? "day" : periods[j] + " steps");
    }
    return String.format(Locale.ROOT, "%s, level smoothed (α %s)%s",
        periods.length == 0 ? "no season" : "seasons of the " + seasons + " decomposed (STL)",
        new java.math.BigDecimal(level.alpha()).round(new java.math.MathContext(2)).stripTrailingZeros()
            .toPlainString(),
        switch (level.trend()) {
          case NONE -> "";
          case ADDITIVE -> " with a trend";
          case DAMPED -> " with a damped trend";
        });
  }

  /**
   * Missing points filled from the same slot a cycle earlier or later, the longest season first
   * (over further cycles when those are missing too), then the shorter ones (a promotion every
   * Friday evening is missing a week back and on, but not a day back), then between the nearest
   * present neighbours.
   */
  static double[] filled(double[] y, int... periods) {
    double[] out = y.clone();
    if (Arrays.stream(y).allMatch(Double::isNaN)) {
      return out;
    }
    for (int k = periods.length - 1; k >= 0; k--) {
      int period = periods[k];
      for (int i = period; i < out.length; i++) {
        if (Double.isNaN(out[i])) {
          out[i] = out[i - period];
        }
      }
      for (int i = out.length - 1 - period; i >= 0; i--) {
        if (Double.isNaN(out[i])) {
          out[i] = out[i + period];
        }
      }
    }
    int previous = -1;
    for (int i = 0; i <= out.length; i++) {
      if (i < out.length && Double.isNaN(out[i])) {
        continue;
      }
      for (int k = previous + 1; k < i; k++) {
        double before = previous >= 0 ? out[previous] : out[i];
        double after = i < out.length ? out[i] : out[previous];
        out[k] = previous < 0 || i == out.length ? (previous < 0 ? after : before)
            : before + (after - before) * (k - previous) / (i - previous);
      }
      previous = i;
    }
    return out;
  }
}
