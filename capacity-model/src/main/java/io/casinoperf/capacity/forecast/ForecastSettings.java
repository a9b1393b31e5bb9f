package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.demand.DemandFitter;
import io.casinoperf.capacity.queueing.NodeSizing;

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
 * @param latency the response-time SLO the node count must also meet, or null to size on
 *     throughput alone
 */
public record ForecastSettings(DemandFitter.Settings fit, int backtestOrigins,
    double decisionQuantile, double throughputTarget, int runwayDays, int draws, long seed,
    LatencySlo latency) {

  /** The project's default: p99 within 200 ms, each node with a queue of its own. */
  public static final LatencySlo DEFAULT_SLO = new LatencySlo(99, 200, NodeSizing.Routing.SPLIT);

  /**
   * A response-time percentile's SLO and how the nodes are reached.
   *
   * @param percentile in (0, 100)
   * @param millis the highest acceptable value, > 0
   */
  public record LatencySlo(double percentile, double millis, NodeSizing.Routing routing) {
    public LatencySlo {
      if (!(percentile > 0 && percentile < 100)) {
        throw new IllegalArgumentException("the SLO's percentile must be between 0 and 100, not " + percentile);
      }
      if (!(millis > 0) || Double.isInfinite(millis)) {
        throw new IllegalArgumentException("the SLO must be a time > 0, not " + millis + " ms");
      }
      java.util.Objects.requireNonNull(routing, "routing");
    }
  }

  /** Settings sized on throughput and the {@link #DEFAULT_SLO}. */
  public ForecastSettings(DemandFitter.Settings fit, int backtestOrigins, double decisionQuantile,
      double throughputTarget, int runwayDays, int draws, long seed) {
    this(fit, backtestOrigins, decisionQuantile, throughputTarget, runwayDays, draws, seed, DEFAULT_SLO);
  }

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

  /**
   * A week's horizon, four origins, decided at P90, 80 % of USL peak, p99 within 200 ms, one year
   * of runway.
   */
  public static ForecastSettings defaults() {
    return new ForecastSettings(DemandFitter.Settings.defaults(7 * 86_400L), 4, 0.9, 0.8, 365,
        20_000, 1);
  }
}
