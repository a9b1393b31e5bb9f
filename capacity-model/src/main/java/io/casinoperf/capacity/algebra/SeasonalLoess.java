package io.casinoperf.capacity.algebra;

import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;

/**
 * The seasonal component of a series by STL, seasonal-trend decomposition by loess (Cleveland,
 * Cleveland, McRae and Terpenning, 1990), with R's {@code stl} defaults but the seasonal window:
 * locally constant seasonal smoothing, a trend window from the period and the seasonal window,
 * two inner passes, no robustness passes.
 */
public final class SeasonalLoess {
  private SeasonalLoess() {}

  /**
   * @param y every point present
   * @param period the season in points, at least 2
   * @param seasonalWidth how many cycles each slot's value is smoothed over (odd, at least 7)
   */
  public static double[] seasonal(double[] y, int period, int seasonalWidth) {
    return new SeasonalTrendLoess.Builder().setPeriodLength(period).setSeasonalWidth(seasonalWidth)
        .setSeasonalDegree(0).setNonRobust().buildSmoother(y).decompose().getSeasonal();
  }
}
