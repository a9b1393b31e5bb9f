package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.plan.PromotionCalendar;
import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;

/**
 * What a backtest reads, cleaned ({@link ForecastInputs#loadSeries}): one series on its grid, and
 * the calendar whose past promotions it is fitted with and whose incidents are blanked out of it.
 *
 * @param quality what cleaning did to the series
 * @param warnings the same in words, where the reader should know (repeated samples dropped)
 */
public record BacktestInputs(RegularSeries series, PromotionCalendar calendar,
    CapacityForecast.SeriesQuality quality, List<Finding> warnings) {
  public BacktestInputs {
    warnings = List.copyOf(warnings);
  }
}
