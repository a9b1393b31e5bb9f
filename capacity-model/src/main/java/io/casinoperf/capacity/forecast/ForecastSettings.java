package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.demand.DemandFitter;

/**
 * How a forecast is made.
 *
 * @param fit the demand fit's settings (horizon, changepoints, windows)
 * @param backtestOrigins rolling origins for the backtest (0 skips it)
 * @param decisionQuantile the quantile the fits / needs-more-nodes decision is taken at (0.9)
 * @param throughputTarget share of the USL maximum throughput one node is planned to carry (0.8)
 * @param runwayDays how far ahead the runway is searched
 * @param draws simulation draws that carry traffic uncertainty into each resource
 * @param seed for those draws: the same inputs and seed give the same forecast
 */
public record ForecastSettings(DemandFitter.Settings fit, int backtestOrigins,
    double decisionQuantile, double throughputTarget, int runwayDays, int draws, long seed) {
  public ForecastSettings {
    if (!(decisionQuantile > 0.5 && decisionQuantile < 1)) {
      throw new IllegalArgumentException("the decision quantile must be between 0.5 and 1, not "
          + decisionQuantile);
    }
    if (!(throughputTarget > 0 && throughputTarget <= 1)) {
      throw new IllegalArgumentException("the throughput target must be in (0, 1], not " + throughputTarget);
    }
    if (backtestOrigins < 0 || runwayDays < 1 || draws < 100) {
      throw new IllegalArgumentException("origins ≥ 0, runway ≥ 1 day and ≥ 100 draws");
    }
  }

  /** A week's horizon, four origins, decided at P90, 80 % of USL peak, one year of runway. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(DemandFitter.Settings.defaults(7 * 86_400L), 4, 0.9, 0.8, 365,
        20_000, 1);
  }
}
