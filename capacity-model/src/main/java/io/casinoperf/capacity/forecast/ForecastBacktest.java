package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.demand.BacktestDesign;
import io.casinoperf.capacity.demand.BacktestRun;
import io.casinoperf.capacity.demand.DemandFitter;
import io.casinoperf.capacity.plan.Promotion;
import io.casinoperf.capacity.plan.PromotionCalendar;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The demand model as the forecast sets it up — past promotions from the calendar as known
 * regressors, and, when the planned promotion has no multiplier, only models that learn its type
 * — and the backtest of it ({@link Backtest}).
 */
public final class ForecastBacktest {
  private ForecastBacktest() {}

  /**
   * Forecasts the series from each origin of the design, fitted as {@link CapacityForecaster}
   * fits traffic.
   *
   * @throws UnsuitableDataException naming the origin it cannot serve
   */
  public static BacktestRun run(BacktestInputs in, DemandFitter.Settings fit, BacktestDesign design) {
    return Backtest.run(in.series(), pastPromotions(in.calendar()), fitSettings(fit, in.calendar()), design);
  }

  /** Past promotions' windows by type, each {@code [start, end)} in epoch seconds. */
  static SortedMap<String, List<long[]>> pastPromotions(PromotionCalendar calendar) {
    SortedMap<String, List<long[]>> past = new TreeMap<>();
    for (Promotion p : calendar.past()) {
      past.computeIfAbsent(p.type(), k -> new ArrayList<>())
          .add(new long[] {p.startEpochSecond(), p.endEpochSecond()});
    }
    return past;
  }

  /** The fit's settings, requiring the planned promotion's type when its effect is to be learned. */
  static DemandFitter.Settings fitSettings(DemandFitter.Settings fit, PromotionCalendar calendar) {
    if (calendar.planned().isPresent() && calendar.planned().get().expectedMultiplier().isEmpty()) {
      return fit.requiring(calendar.planned().get().type());
    }
    return fit;
  }
}
