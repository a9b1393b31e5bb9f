package io.casinoperf.capacity.demand;

import java.util.List;

/**
 * A backtest, step by step and scored: what the demand model and the seasonal-naive forecast
 * said at each origin, beside what came.
 *
 * @param stepSeconds the series' step: forecasts are on its grid
 * @param horizonSeconds each origin's forecast covers this long (a whole number of steps)
 * @param trainSeconds the training window asked for, 0 for all history
 * @param model the demand model over all origins: MAE, MAPE, sMAPE, coverage and pinball loss
 *     pooled over every scored point; MASE the mean of the origins' MASE (each has its own scale),
 *     over the origins where it is defined
 * @param seasonalNaive the same for the seasonal-naive forecast, on the same points
 */
public record BacktestRun(long stepSeconds, long horizonSeconds, long trainSeconds,
    List<OriginForecast> origins, Accuracy model, Accuracy seasonalNaive) {
  public BacktestRun {
    origins = List.copyOf(origins);
  }

  /** Whether the model's MASE is below the seasonal-naive forecast's. */
  public boolean beatsSeasonalNaive() {
    return model.mase() < seasonalNaive.mase();
  }

  /**
   * One origin.
   *
   * @param trainFromEpochSecond the first time the model could see; it saw up to the origin
   * @param seasonSeconds the season of the seasonal-naive forecast and of the MASE scale: a week
   *     when the training window holds two, else a day
   * @param maseScale the training window's mean |y(t) − y(t − season)|: MASE is MAE over this
   * @param model the chosen model, in words
   * @param steps every step of the horizon on the grid, scored or not
   * @param modelAccuracy the demand model on the scored steps
   * @param naiveAccuracy the seasonal-naive forecast on the same steps
   */
  public record OriginForecast(long originEpochSecond, long trainFromEpochSecond, long seasonSeconds,
      double maseScale, String model, List<StepForecast> steps, Accuracy modelAccuracy,
      Accuracy naiveAccuracy) {
    public OriginForecast {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One step of one origin's forecast.
   *
   * @param step 1 for the origin's own time, 2 for the next, …
   * @param actual the series' value, NaN where it has none
   * @param quantiles the demand model's P05, P10, P50, P90, P95 ({@link Accuracy#levels()}); its
   *     point forecast is the P50
   * @param naive the seasonal-naive forecast, NaN when no season back in the window has a value
   * @param naiveQuantiles its quantiles at the same levels, NaN when unknown
   * @param scored whether the step counts in the scores: the actual value, both forecasts and
   *     their quantiles all exist
   */
  public record StepForecast(long epochSecond, int step, double actual, double[] quantiles,
      double naive, double[] naiveQuantiles, boolean scored) {
    public StepForecast {
      quantiles = quantiles.clone();
      naiveQuantiles = naiveQuantiles.clone();
    }

    @Override
    public double[] quantiles() {
      return quantiles.clone();
    }

    @Override
    public double[] naiveQuantiles() {
      return naiveQuantiles.clone();
    }

    /** The demand model's point forecast: its median. */
    public double median() {
      return quantiles[2];
    }
  }
}
