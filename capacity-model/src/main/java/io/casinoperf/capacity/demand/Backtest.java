package io.casinoperf.capacity.demand;

import java.util.Locale;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Rolling-origin evaluation (Tashman, 2000): the model is refitted — form selection included — on
 * the history before each origin and forecasts the next horizon; the seasonal-naive forecast (the
 * same time one season earlier, the season being a week when two weeks of history exist, else a
 * day) forecasts the same points. Errors as MAPE, sMAPE and MASE (Hyndman and Koehler, 2006:
 * mean absolute error over the in-sample mean absolute error of the one-season naive forecast),
 * plus how often the 90 % prediction interval held the actual value.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * One origin.
   *
   * @param points actual values forecast (missing slots skipped)
   */
  public record Window(long originEpochSecond, long endEpochSecond, int points, double mape,
      double smape, double mase, double naiveMape, double naiveSmape, double naiveMase,
      double coverage90, String model) {}

  /**
   * All origins; the totals pool every point (MAPE, sMAPE, coverage) or average the windows
   * (MASE, whose scale is per window).
   */
  public record Result(List<Window> windows, long horizonSeconds, long seasonSeconds, int points,
      double mape, double smape, double mase, double naiveMape, double naiveSmape,
      double naiveMase, double coverage90) {
    public Result {
      windows = List.copyOf(windows);
    }

    /** Whether the model's MASE is below the seasonal-naive forecast's on the same points. */
    public boolean beatsSeasonalNaive() {
      return mase < naiveMase;
    }

    /** One plain sentence for the report. */
    public String verdict() {
      return beatsSeasonalNaive()
          ? String.format(Locale.ROOT, "the model beats the seasonal-naive forecast (MASE %.2f vs %.2f)", mase, naiveMase)
          : String.format(Locale.ROOT, "the model does NOT beat the seasonal-naive forecast (MASE %.2f vs %.2f):"
              + " treat its forecast with caution", mase, naiveMase);
    }
  }

  /**
   * Runs {@code origins} rolling origins, one horizon apart, ending at the end of the data.
   * Origins without enough history before them are skipped, and so are origins where the
   * seasonal-naive forecast made no error in the history (MASE would divide by zero).
   *
   * @throws UnsuitableDataException when no origin has enough history, or the series repeats
   *     exactly every season before each origin that has
   */
  public static Result run(RegularSeries traffic, SortedMap<String, List<long[]>> promotions,
      DemandFitter.Settings settings, int origins) {
    if (origins < 1) {
      throw new IllegalArgumentException("at least one origin");
    }
    return run(DemandFitter.prepare(traffic, promotions, settings), origins);
  }

  /** The same, on a series already prepared for fitting (one pass over the data for both). */
  public static Result run(DemandFitter.Prepared d, int origins) {
    if (origins < 1) {
      throw new IllegalArgumentException("at least one origin");
    }
    RegularSeries traffic = d.series;
    DemandFitter.Settings settings = d.settings;
    int spc = d.slotsPerChunk();
    int horizonChunks = (int) Math.max(1, Math.ceil((double) settings.horizonSeconds() / d.chunkSeconds));
    // Origins count back from the last point with data (a blanked incident may end the series).
    int lastPresent = traffic.slots() - 1;
    while (lastPresent > 0 && Double.isNaN(traffic.value(lastPresent))) {
      lastPresent--;
    }
    int chunks = lastPresent / spc + 1;
    long step = traffic.stepSeconds();
    List<Window> windows = new ArrayList<>();
    Tally total = new Tally();
    long seasonSeconds = 0;
    int exactlyRepeating = 0;
    double[] row = new double[d.terms.columns];
    for (int k = origins; k >= 1; k--) {
      int origin = chunks - k * horizonChunks;
      // At least two horizons and two weeks (two days for short series) to fit and validate.
      if (origin < 2 * horizonChunks || origin * d.chunkSeconds < Math.min(14 * Terms.DAY, chunks * d.chunkSeconds / 3)) {
        continue;
      }
      DemandModel model;
      try {
        model = DemandFitter.fitUpTo(d, origin);
      } catch (UnsuitableDataException e) {
        continue;
      }
      int start = origin * spc;
      int end = Math.min(traffic.slots(), (origin + horizonChunks) * spc);
      long season = start * step >= 2 * Terms.WEEK ? Terms.WEEK : Terms.DAY;
      seasonSeconds = Math.max(seasonSeconds, season);
      int m = (int) Math.max(1, season / step);
      double scale = naiveScale(traffic, start, m);
      Tally window = new Tally();
      for (int i = start; i < end; i++) {
        double y = traffic.value(i);
        double naive = naive(traffic, start, i, m);
        if (Double.isNaN(y) || Double.isNaN(naive)) {
          continue;
        }
        long t = traffic.epochSecond(i);
        window.add(y, model.calendarQuantile(t, 0.5, row), naive, model.calendarQuantile(t, 0.05, row),
            model.calendarQuantile(t, 0.95, row));
      }
      if (window.points == 0 || !(scale > 0)) {
        exactlyRepeating += window.points > 0 && scale == 0 ? 1 : 0;
        continue;
      }
      windows.add(new Window(traffic.epochSecond(start), traffic.epochSecond(end - 1), window.points,
          window.mape(), window.smape(), window.absolute / window.points / scale, window.naiveMape(),
          window.naiveSmape(), window.naiveAbsolute / window.points / scale, window.coverage(),
          model.spec().describe()));
      total.add(window);
    }
    if (windows.isEmpty() && exactlyRepeating > 0) {
      throw new UnsuitableDataException(traffic.name() + " repeats exactly every "
          + (seasonSeconds == Terms.WEEK ? "week" : "day") + " before each origin: the"
          + " seasonal-naive forecast makes no error there, so MASE (error over that) is undefined");
    }
    if (windows.isEmpty()) {
      throw new UnsuitableDataException(traffic.name() + " is too short to backtest " + origins
          + " horizon(s) of " + settings.horizonSeconds() / 3600.0 + " h");
    }
    double mase = windows.stream().mapToDouble(Window::mase).average().orElseThrow();
    double naiveMase = windows.stream().mapToDouble(Window::naiveMase).average().orElseThrow();
    return new Result(windows, horizonChunks * d.chunkSeconds, seasonSeconds, total.points,
        total.mape(), total.smape(), mase, total.naiveMape(), total.naiveSmape(), naiveMase,
        total.coverage());
  }

  /** Error sums of the model and the seasonal-naive forecast over some points. */
  private static final class Tally {
    int points;
    int percentPoints;
    int covered;
    double absolute;
    double naiveAbsolute;
    double percent;
    double naivePercent;
    double symmetric;
    double naiveSymmetric;

    void add(double y, double forecast, double naive, double low, double high) {
      points++;
      absolute += Math.abs(y - forecast);
      naiveAbsolute += Math.abs(y - naive);
      symmetric += Backtest.symmetric(y, forecast);
      naiveSymmetric += Backtest.symmetric(y, naive);
      if (y != 0) {
        percent += Math.abs((y - forecast) / y);
        naivePercent += Math.abs((y - naive) / y);
        percentPoints++;
      }
      covered += y >= low && y <= high ? 1 : 0;
    }

    void add(Tally other) {
      points += other.points;
      percentPoints += other.percentPoints;
      covered += other.covered;
      absolute += other.absolute;
      naiveAbsolute += other.naiveAbsolute;
      percent += other.percent;
      naivePercent += other.naivePercent;
      symmetric += other.symmetric;
      naiveSymmetric += other.naiveSymmetric;
    }

    double mape() {
      return 100 * percent / percentPoints;
    }

    double naiveMape() {
      return 100 * naivePercent / percentPoints;
    }

    double smape() {
      return 100 * symmetric / points;
    }

    double naiveSmape() {
      return 100 * naiveSymmetric / points;
    }

    double coverage() {
      return (double) covered / points;
    }
  }

  private static double symmetric(double y, double forecast) {
    double denominator = Math.abs(y) + Math.abs(forecast);
    return denominator == 0 ? 0 : 2 * Math.abs(y - forecast) / denominator;
  }

  /**
   * The seasonal-naive forecast of slot {@code i} from history before {@code origin}: the value
   * whole seasons back that lies before the origin (further back when that slot is missing).
   */
  static double naive(RegularSeries series, int origin, int i, int m) {
    int seasonsBack = (i - origin) / m + 1;
    for (int j = i - seasonsBack * m; j >= 0; j -= m) {
      double v = series.value(j);
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    return Double.NaN;
  }

  /** In-sample mean absolute error of the one-season naive forecast before {@code origin}. */
  static double naiveScale(RegularSeries series, int origin, int m) {
    double sum = 0;
    int n = 0;
    for (int i = m; i < origin; i++) {
      double a = series.value(i);
      double b = series.value(i - m);
      if (!Double.isNaN(a) && !Double.isNaN(b)) {
        sum += Math.abs(a - b);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
