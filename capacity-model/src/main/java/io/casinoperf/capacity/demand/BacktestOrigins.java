package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.RegularSeries;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The backtest's origins: whether one can be served (on the grid, inside the data, with enough
 * history and data for its horizon) and the prepared series its model is fitted on.
 */
final class BacktestOrigins {
  private BacktestOrigins() {}

  /** Why an origin cannot be served, or null when it can. */
  static String refusal(RegularSeries series, long origin, int steps, long horizonSeconds,
      long trainSeconds) {
    long step = series.stepSeconds();
    long start = series.startEpochSecond();
    if (Math.floorMod(origin - start, step) != 0) {
      long before = origin - Math.floorMod(origin - start, step);
      return "is not on the grid of " + series.name() + " (a step of " + duration(step) + "): "
          + Instant.ofEpochSecond(before) + " or " + Instant.ofEpochSecond(before + step) + " is";
    }
    int last = lastPresent(series);
    long end = series.epochSecond(Math.max(0, last));
    if (last < 0 || origin > end) {
      return "is after the data: " + series.name() + " ends at " + Instant.ofEpochSecond(end);
    }
    long chunk = chunkSeconds(step);
    long earliest = trainSeconds == 0 ? start : Math.max(start, origin - trainSeconds);
    long days = Math.max(0, origin - earliest) / chunk;
    long horizonChunks = (horizonSeconds + chunk - 1) / chunk;
    long needed = Math.max(2 * horizonChunks, 2);
    if (days < needed) {
      return "has " + duration(days * chunk) + " of history before it"
          + (trainSeconds == 0 || origin - trainSeconds <= start ? " (" + series.name() + " starts at "
              + Instant.ofEpochSecond(start) + ")" : " in its " + duration(trainSeconds) + " training window")
          + "; the fit needs " + duration(needed * chunk) + " (two horizons of whole days, at least two days)";
    }
    long lastForecast = origin + (steps - 1L) * step;
    if (lastForecast > end) {
      return "forecasts " + duration(steps * step) + " ahead, up to " + Instant.ofEpochSecond(lastForecast)
          + ", past the end of the data (" + Instant.ofEpochSecond(end) + ")";
    }
    return null;
  }

  /**
   * Prepared series whose whole days (chunks) start at a given origin: the series as given when its
   * days do, else the series from the first slot that makes them — one pass per alignment, shared
   * by every origin with that alignment. Not thread-safe.
   */
  static final class Fits {
    private final RegularSeries series;
    private final SortedMap<String, List<long[]>> promotions;
    private final DemandFitter.Settings settings;
    private final Map<Long, DemandFitter.Prepared> byPhase = new HashMap<>();

    Fits(RegularSeries series, SortedMap<String, List<long[]>> promotions,
        DemandFitter.Settings settings, DemandFitter.Prepared prepared) {
      this.series = series;
      this.promotions = prepared == null ? promotions : prepared.promotions;
      this.settings = settings;
      if (prepared != null) {
        byPhase.put(0L, prepared);
      }
    }

    DemandFitter.Prepared forOrigin(long origin) {
      long phase = Math.floorMod(origin - series.startEpochSecond(), chunkSeconds(series.stepSeconds()));
      return byPhase.computeIfAbsent(phase, p -> {
        int first = (int) (p / series.stepSeconds());
        double[] values = series.values();
        RegularSeries from = RegularSeries.of(series.name(), series.epochSecond(first),
            series.stepSeconds(), java.util.Arrays.copyOfRange(values, first, values.length));
        return DemandFitter.prepare(from, promotions, settings);
      });
    }
  }

  /** The fit's whole days: a day, or the step when longer, as a whole number of steps. */
  static long chunkSeconds(long step) {
    return Math.max(1, Math.max(Terms.DAY, step) / step) * step;
  }

  /** Steps in a horizon, rounded up to a whole step. */
  static int horizonSteps(long horizonSeconds, long step) {
    return Math.toIntExact((horizonSeconds + step - 1) / step);
  }

  /** The last slot with a value, -1 when none has (a blanked incident may end a series). */
  static int lastPresent(RegularSeries series) {
    int last = series.slots() - 1;
    while (last >= 0 && Double.isNaN(series.value(last))) {
      last--;
    }
    return last;
  }

  /** 7d, 36h, 15m or 90s: the largest unit that divides it. */
  static String duration(long seconds) {
    if (seconds != 0 && seconds % Terms.DAY == 0) {
      return seconds / Terms.DAY + "d";
    }
    if (seconds != 0 && seconds % Terms.HOUR == 0) {
      return seconds / Terms.HOUR + "h";
    }
    return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
