package io.casinoperf.capacity.demand;

import java.util.Arrays;

/**
 * What the regression leaves out but the last season repeats. The Fourier terms give each day and
 * each week a smooth shape of their own, not a shape per day of the week: a Monday morning unlike
 * a Sunday morning, a weekly job, a fixture list that repeats. The seasonal-naive forecast has
 * those for free and misses trend, level and promotions; the regression has those and misses
 * these. The forecast adds a share {@code w} of the model's residual one season earlier (a week
 * when the history holds two weeks, else a day) to the model's value:
 *
 * <pre>  ŷ(t) = f(t) + w · (y(t − kS) − f(t − kS))</pre>
 *
 * with {@code k} the fewest whole seasons {@code S} back that reach the history (further seasons
 * back over missing or anomalous slots, none past three). It is the combination {@code w} ×
 * seasonal-naive + (1 − w) × model, with the seasonal-naive value moved by the model's own change
 * between the two times, so a trend or a promotion at {@code t} is not copied from {@code t − kS}.
 * On the log scale the residuals are ratios. {@code w} is chosen from 0 to 1 by the validation
 * blocks' mean absolute error ({@link #bestWeight}): 0 where the season does not repeat, near 1
 * where it repeats more exactly than the model can draw it.
 */
final class SeasonalCarry {
  /** Seasons back the residual may come from, over missing or anomalous slots. */
  static final int SEASONS_BACK = 3;
  /** The weights tried: 0, 0.1, …, 1. */
  static final int WEIGHT_STEPS = 10;

  private static final double UNKNOWN = Double.NEGATIVE_INFINITY;

  private final DemandFitter.Prepared d;
  private final int[][] columns;
  private final double[][] beta;
  private final boolean[] log;
  private final int floorSlot;
  private final int endSlot;
  private final int season;
  /** For each model, its residuals of the last seasons, oldest first; UNKNOWN until computed. */
  private final double[][] residuals;
  private final double[] row;

  /**
   * @param columns the model's columns and {@code beta} its coefficients (anchored, as it forecasts)
   * @param floorSlot the first slot whose residual may be carried: the model's history, or the
   *     start of a new level it holds at its end ({@link DemandFitter#newLevelStart})
   * @param endSlot the first slot it forecasts
   * @param season the season in slots, 0 for none
   */
  SeasonalCarry(DemandFitter.Prepared d, int[] columns, double[] beta, boolean log, int floorSlot,
      int endSlot, int season) {
    this(d, new int[][] {columns}, new double[][] {beta}, new boolean[] {log}, floorSlot, endSlot, season);
  }

  /**
   * The same for several models fitted on the same history (model {@code m}: {@code columns[m]},
   * {@code beta[m]}, {@code log[m]}); each slot's terms are evaluated once for all of them.
   */
  SeasonalCarry(DemandFitter.Prepared d, int[][] columns, double[][] beta, boolean[] log, int floorSlot,
      int endSlot, int season) {
    this.d = d;
    this.columns = columns;
    this.beta = beta;
    this.log = log;
    this.floorSlot = floorSlot;
    this.endSlot = endSlot;
    this.season = season;
    this.residuals = new double[columns.length][SEASONS_BACK * season];
    for (double[] r : residuals) {
      Arrays.fill(r, UNKNOWN);
    }
    this.row = new double[d.terms.columns];
  }

  /**
   * The season, in slots, whose residuals a model fitted on chunks [fromChunk, toChunk) carries:
   * a week when they span two weeks, else a day; 0 when the step is longer than a day or does
   * not divide one.
   */
  static int seasonSlots(DemandFitter.Prepared d, int fromChunk, int toChunk) {
    long step = d.series.stepSeconds();
    if (d.chunkSeconds != Terms.DAY || Terms.DAY % step != 0) {
      return 0;
    }
    long seconds = (long) (toChunk - fromChunk) * Terms.DAY >= 2 * Terms.WEEK ? Terms.WEEK : Terms.DAY;
    return (int) (seconds / step);
  }

  int season() {
    return season;
  }

  /** The residual of model {@code m} carried to slot {@code i}, 0 when no season back has one. */
  double at(int m, int i) {
    if (season == 0 || i < endSlot) {
      return 0;
    }
    int q = (SEASONS_BACK - 1) * season + (i - endSlot) % season;
    for (; q >= 0; q -= season) {
      double r = residual(m, q);
      if (!Double.isNaN(r)) {
        return r;
      }
    }
    return 0;
  }

  /** Every residual of the last {@link #SEASONS_BACK} seasons, NaN where none, oldest first. */
  double[] lastSeasons() {
    double[] out = new double[residuals[0].length];
    for (int q = 0; q < out.length; q++) {
      out[q] = residual(0, q);
    }
    return out;
  }

  /** The carried residual at slot offset {@code lead} after the end, from {@link #lastSeasons}. */
  static double at(double[] lastSeasons, int season, long lead) {
    if (season == 0 || lead < 0) {
      return 0;
    }
    for (int q = (SEASONS_BACK - 1) * season + (int) (lead % season); q >= 0; q -= season) {
      if (!Double.isNaN(lastSeasons[q])) {
        return lastSeasons[q];
      }
    }
    return 0;
  }

  private double residual(int m, int q) {
    if (residuals[m][q] != UNKNOWN) {
      return residuals[m][q];
    }
    int slot = endSlot - SEASONS_BACK * season + q;
    double y = slot >= floorSlot && slot < d.series.slots() ? d.series.value(slot) : Double.NaN;
    boolean usable = !Double.isNaN(y) && !d.moments.isExcluded(slot / d.slotsPerChunk());
    if (usable) {
      d.terms.row(d.series.epochSecond(slot), row, null);
    }
    // Every model's residual at this slot, from one evaluation of the terms.
    for (int k = 0; k < residuals.length; k++) {
      double r = Double.NaN;
      if (usable && (!log[k] || y > 0)) {
        double fitted = 0;
        for (int c = 0; c < columns[k].length; c++) {
          fitted += beta[k][c] * row[columns[k][c]];
        }
        r = (log[k] ? Math.log(y) : y) - fitted;
      }
      residuals[k][q] = r;
    }
    return residuals[m][q];
  }

  /**
   * The weight among 0, 0.1, …, 1 with the least mean absolute error on the original scale over
   * points with values {@code actual}, model values {@code center} and carried residuals {@code
   * carry} (both on the model's scale); the smaller weight on a tie.
   */
  static double bestWeight(double[] actual, double[] center, double[] carry, int n, boolean log) {
    double best = 0;
    double bestError = absoluteError(actual, center, carry, 0, n, 0, log);
    for (int s = 1; s <= WEIGHT_STEPS; s++) {
      double w = (double) s / WEIGHT_STEPS;
      double error = absoluteError(actual, center, carry, 0, n, w, log);
      if (error < bestError - 1e-12 * Math.abs(bestError)) {
        best = w;
        bestError = error;
      }
    }
    return best;
  }

  /** Σ |y − ŷ| on the original scale over points [from, to) with the weight {@code w}. */
  static double absoluteError(double[] actual, double[] center, double[] carry, int from, int to,
      double w, boolean log) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      double z = center[i] + w * carry[i];
      sum += Math.abs(actual[i] - (log ? Math.exp(z) : Math.max(0, z)));
    }
    return sum;
  }
}
