package io.casinoperf.capacity.demand;

/**
 * How well one forecaster did on a set of points, each forecast as a point value and the
 * quantiles at {@link #LEVELS}.
 *
 * <ul>
 *   <li>{@code mae}: mean |y − ŷ|, in the series' unit;
 *   <li>{@code mape}: mean |y − ŷ| / |y| in %, over the points with y ≠ 0 (NaN when there is
 *       none);
 *   <li>{@code smape}: mean 2|y − ŷ| / (|y| + |ŷ|) in % (0 for a point where both are 0), so 0 to
 *       200;
 *   <li>{@code mase}: MAE over a scale, the in-sample mean absolute error of the seasonal-naive
 *       forecast (Hyndman and Koehler 2006); NaN when that scale is 0 or unknown;
 *   <li>{@code coverage80}, {@code coverage90}: the share (0 to 1) of points with P10 ≤ y ≤ P90,
 *       and with P05 ≤ y ≤ P95;
 *   <li>{@code pinball}: the quantile (pinball) loss, τ(y − q) when y ≥ q and (1 − τ)(q − y)
 *       otherwise, averaged over the five levels and the points, in the series' unit.
 * </ul>
 *
 * Every figure is NaN for no points.
 */
public record Accuracy(int points, double mae, double mape, double smape, double mase,
    double coverage80, double coverage90, double pinball) {

  /** The quantile levels every forecaster gives, lowest first: P05, P10, P50, P90, P95. */
  static final double[] LEVELS = {0.05, 0.10, 0.50, 0.90, 0.95};

  /** The levels as CSV headers and labels: p05, p10, p50, p90, p95. */
  public static String[] levelNames() {
    String[] names = new String[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      names[i] = String.format(java.util.Locale.ROOT, "p%02d", Math.round(100 * LEVELS[i]));
    }
    return names;
  }

  /** The levels (a copy). */
  public static double[] levels() {
    return LEVELS.clone();
  }

  /** The quantile loss of forecasting the {@code tau} quantile as {@code q} when {@code y} came. */
  static double pinball(double y, double q, double tau) {
    return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
  }

  /** 2|y − f| / (|y| + |f|), 0 when both are 0. */
  static double symmetric(double y, double forecast) {
    double denominator = Math.abs(y) + Math.abs(forecast);
    return denominator == 0 ? 0 : 2 * Math.abs(y - forecast) / denominator;
  }

  /**
   * Error sums of one forecaster; add points, then read an {@link Accuracy}. Public so that
   * forecasts made elsewhere (another tool's, in a benchmark) are scored by the same code.
   */
  public static final class Tally {
    private int points;
    private int percentPoints;
    private int covered80;
    private int covered90;
    private double absolute;
    private double percent;
    private double symmetricSum;
    private double pinballSum;

    /**
     * @param quantiles the forecast at {@link #LEVELS}, in that order
     */
    public void add(double y, double point, double[] quantiles) {
      points++;
      absolute += Math.abs(y - point);
      symmetricSum += symmetric(y, point);
      if (y != 0) {
        percent += Math.abs((y - point) / y);
        percentPoints++;
      }
      covered90 += y >= quantiles[0] && y <= quantiles[4] ? 1 : 0;
      covered80 += y >= quantiles[1] && y <= quantiles[3] ? 1 : 0;
      double loss = 0;
      for (int k = 0; k < LEVELS.length; k++) {
        loss += pinball(y, quantiles[k], LEVELS[k]);
      }
      pinballSum += loss / LEVELS.length;
    }

    public void add(Tally other) {
      points += other.points;
      percentPoints += other.percentPoints;
      covered80 += other.covered80;
      covered90 += other.covered90;
      absolute += other.absolute;
      percent += other.percent;
      symmetricSum += other.symmetricSum;
      pinballSum += other.pinballSum;
    }

    public int points() {
      return points;
    }

    public double mae() {
      return points == 0 ? Double.NaN : absolute / points;
    }

    /** The figures, MASE as MAE over the given scale (NaN unless the scale is above 0). */
    public Accuracy scaledBy(double maseScale) {
      return withMase(maseScale > 0 ? mae() / maseScale : Double.NaN);
    }

    /** The figures with a MASE worked out elsewhere (the mean over origins). */
    public Accuracy withMase(double mase) {
      if (points == 0) {
        return new Accuracy(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);
      }
      return new Accuracy(points, absolute / points,
          percentPoints == 0 ? Double.NaN : 100 * percent / percentPoints,
          100 * symmetricSum / points, mase, (double) covered80 / points,
          (double) covered90 / points, pinballSum / points);
    }
  }
}
