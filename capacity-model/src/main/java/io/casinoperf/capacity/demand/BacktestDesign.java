package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.Arrays;

/**
 * Where a backtest forecasts from: the origins, and how much history before each the model may
 * see. The horizon is the fit's ({@link DemandFitter.Settings#horizonSeconds()}).
 *
 * @param trainSeconds the training window before each origin, 0 for all history before it. The
 *     fit works on whole days counted back from the origin (whole steps for a step of a day or
 *     more), so a window that is not a whole number of them is shortened to one.
 * @param originEpochSeconds when each forecast is made, ascending, each on the series' grid; the
 *     forecast covers the grid times from the origin on, one horizon long
 */
public record BacktestDesign(long trainSeconds, long[] originEpochSeconds) {
  public BacktestDesign {
    if (trainSeconds < 0) {
      throw new IllegalArgumentException("the training window must be 0 (all) or positive");
    }
    if (originEpochSeconds.length == 0) {
      throw new IllegalArgumentException("at least one origin");
    }
    originEpochSeconds = originEpochSeconds.clone();
    Arrays.sort(originEpochSeconds);
  }

  @Override
  public long[] originEpochSeconds() {
    return originEpochSeconds.clone();
  }

  /**
   * Rolling origins (Tashman 2000): {@code count} origins {@code everySeconds} apart, the last one
   * a horizon before the end of the data, so the last forecast ends at the last point with data.
   *
   * @throws UnsuitableDataException when {@code everySeconds} is not a whole number of the
   *     series' steps, or the series holds no value
   */
  public static BacktestDesign rolling(RegularSeries series, int count, long everySeconds,
      long horizonSeconds, long trainSeconds) {
    if (count < 1 || everySeconds < 1 || horizonSeconds < 1) {
      throw new IllegalArgumentException("at least one origin, and positive spacing and horizon");
    }
    long step = series.stepSeconds();
    if (everySeconds % step != 0) {
      throw new UnsuitableDataException("origins " + BacktestOrigins.duration(everySeconds) + " apart are not"
          + " on the grid of " + series.name() + ", whose step is " + BacktestOrigins.duration(step)
          + ": the spacing must be a whole number of steps");
    }
    int last = BacktestOrigins.lastPresent(series);
    if (last < 0) {
      throw new UnsuitableDataException(series.name() + " has no data points");
    }
    long lastOrigin = series.epochSecond(last) + step - BacktestOrigins.horizonSteps(horizonSeconds, step) * step;
    long[] origins = new long[count];
    for (int k = 0; k < count; k++) {
      origins[k] = lastOrigin - (long) (count - 1 - k) * everySeconds;
    }
    return new BacktestDesign(trainSeconds, origins);
  }
}
