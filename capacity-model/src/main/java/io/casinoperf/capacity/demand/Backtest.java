package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.demand.BacktestRun.OriginForecast;
import io.casinoperf.capacity.demand.BacktestRun.StepForecast;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Rolling-origin evaluation (Tashman 2000): at each origin the demand model is selected and
 * fitted — form, history window and intervals — by {@link DemandFitter} on the training window
 * before the origin alone, and forecasts the next horizon on the series' own grid; the
 * seasonal-naive forecast ({@link SeasonalNaive}) forecasts the same steps from the same window.
 * Both are scored by {@link Accuracy}: MAE, MAPE, sMAPE, MASE (Hyndman and Koehler 2006: MAE over
 * the training window's mean seasonal-naive error), coverage of the 80 % and 90 % intervals and
 * pinball loss. Past promotions inside a forecast window are known in advance and used.
 *
 * <p>{@link #run(RegularSeries, SortedMap, DemandFitter.Settings, BacktestDesign)} forecasts from
 * exactly the origins asked for and refuses one it cannot serve; {@link #run(DemandFitter.Prepared,
 * int)}, the forecast's own check, is the same with rolling origins that skips those that lack
 * history or cannot be scored.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * One origin, as the forecast reports it.
   *
   * @param points actual values forecast (missing slots skipped)
   * @param scores every score of the model, as {@code forecast backtest} writes them (null in a
   *     forecast.json written before they were added)
   * @param naiveScores the same for the seasonal-naive forecast
   */
  public record Window(long originEpochSecond, long endEpochSecond, int points, double mape,
      double smape, double mase, double naiveMape, double naiveSmape, double naiveMase,
      double coverage90, String model, Accuracy scores, Accuracy naiveScores) {}

  /**
   * All origins; the totals pool every point (MAPE, sMAPE, coverage) or average the windows
   * (MASE, whose scale is per window). {@code scores} and {@code naiveScores} hold every score of
   * the model and the seasonal-naive forecast (MAE, 80 % coverage and pinball loss as well), as
   * {@code forecast backtest} writes them; null in a forecast.json written before they were added.
   */
  public record Result(List<Window> windows, long horizonSeconds, long seasonSeconds, int points,
      double mape, double smape, double mase, double naiveMape, double naiveSmape,
      double naiveMase, double coverage90, Accuracy scores, Accuracy naiveScores) {
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
   * Forecasts from each origin of the design and scores every one.
   *
   * @throws UnsuitableDataException naming the origin, when one is off the series' grid, after the
   *     data, has too little history before it (two horizons, and two days, of whole days in its
   *     training window), would forecast past the end of the data, or its window cannot be fitted
   */
  public static BacktestRun run(RegularSeries series, SortedMap<String, List<long[]>> promotions,
      DemandFitter.Settings settings, BacktestDesign design) {
    BacktestOrigins.Fits fits = new BacktestOrigins.Fits(series, promotions, settings, null);
    int steps = BacktestOrigins.horizonSteps(settings.horizonSeconds(), series.stepSeconds());
    long[] origins = design.originEpochSeconds();
    DemandFitter.Prepared[] prepared = new DemandFitter.Prepared[origins.length];
    for (int k = 0; k < origins.length; k++) {
      String refusal = BacktestOrigins.refusal(series, origins[k], steps, settings.horizonSeconds(),
          design.trainSeconds());
      if (refusal != null) {
        throw new UnsuitableDataException("origin " + Instant.ofEpochSecond(origins[k]) + " " + refusal);
      }
      prepared[k] = fits.forOrigin(origins[k]);
    }
    List<Scored> scored = new ArrayList<>();
    for (Outcome outcome : scoreAll(prepared, origins, design.trainSeconds(), steps)) {
      if (outcome.refusal() != null) {
        throw outcome.refusal();
      }
      scored.add(outcome.scored());
    }
    return assemble(series.stepSeconds(), steps, design.trainSeconds(), scored);
  }

  /** The forecast's own check ({@link #run(DemandFitter.Prepared, int)}) on a series not yet prepared. */
  public static Result run(RegularSeries traffic, SortedMap<String, List<long[]>> promotions,
      DemandFitter.Settings settings, int origins) {
    if (origins < 1) {
      throw new IllegalArgumentException("at least one origin");
    }
    return run(DemandFitter.prepare(traffic, promotions, settings), origins);
  }

  /**
   * The forecast's own check: {@code origins} rolling origins one horizon apart, the last forecast
   * ending at the last point with data, all history before each. Origins without enough history,
   * whose window cannot be fitted or whose seasonal-naive forecast made no error in sample (MASE
   * would divide by zero) are left out.
   *
   * @throws UnsuitableDataException when no origin is left, saying why
   */
  public static Result run(DemandFitter.Prepared d, int origins) {
    if (origins < 1) {
      throw new IllegalArgumentException("at least one origin");
    }
    RegularSeries traffic = d.series;
    long horizon = d.settings.horizonSeconds();
    int steps = BacktestOrigins.horizonSteps(horizon, traffic.stepSeconds());
    BacktestDesign design = BacktestDesign.rolling(traffic, origins, steps * traffic.stepSeconds(), horizon, 0);
    BacktestOrigins.Fits fits = new BacktestOrigins.Fits(traffic, null, d.settings, d);
    long[] usable = java.util.Arrays.stream(design.originEpochSeconds())
        .filter(origin -> BacktestOrigins.refusal(traffic, origin, steps, horizon, 0) == null).toArray();
    DemandFitter.Prepared[] prepared = new DemandFitter.Prepared[usable.length];
    for (int k = 0; k < usable.length; k++) {
      prepared[k] = fits.forOrigin(usable[k]);
    }
    List<Scored> kept = new ArrayList<>();
    int exactlyRepeating = 0;
    long seasonSeconds = 0;
    for (Outcome outcome : scoreAll(prepared, usable, 0, steps)) {
      Scored s = outcome.scored();
      if (s == null) {
        continue;
      }
      seasonSeconds = Math.max(seasonSeconds, s.forecast.seasonSeconds());
      if (s.model.points() == 0 || !(s.forecast.maseScale() > 0)) {
        exactlyRepeating += s.model.points() > 0 && s.forecast.maseScale() == 0 ? 1 : 0;
        continue;
      }
      kept.add(s);
    }
    if (kept.isEmpty() && exactlyRepeating > 0) {
      throw new UnsuitableDataException(traffic.name() + " repeats exactly every "
          + (seasonSeconds == Terms.WEEK ? "week" : "day") + " before each origin: the"
          + " seasonal-naive forecast makes no error there, so MASE (error over that) is undefined");
    }
    if (kept.isEmpty()) {
      throw new UnsuitableDataException(traffic.name() + " is too short to backtest " + origins
          + " horizon(s) of " + horizon / 3600.0 + " h");
    }
    BacktestRun run = assemble(traffic.stepSeconds(), steps, 0, kept);
    List<Window> windows = new ArrayList<>();
    for (OriginForecast o : run.origins()) {
      Accuracy a = o.modelAccuracy();
      Accuracy n = o.naiveAccuracy();
      windows.add(new Window(o.originEpochSecond(), o.steps().get(o.steps().size() - 1).epochSecond(),
          a.points(), a.mape(), a.smape(), a.mase(), n.mape(), n.smape(), n.mase(), a.coverage90(),
          o.model(), a, n));
    }
    Accuracy a = run.model();
    Accuracy n = run.seasonalNaive();
    return new Result(windows, run.horizonSeconds(), seasonSeconds, a.points(), a.mape(), a.smape(),
        a.mase(), n.mape(), n.smape(), n.mase(), a.coverage90(), a, n);
  }

  /** One origin's forecast with the error sums behind its scores, for pooling. */
  private record Scored(OriginForecast forecast, Accuracy.Tally model, Accuracy.Tally naive) {}

  /** An origin's forecast and scores, or why its window could not be fitted (naming the origin). */
  private record Outcome(Scored scored, UnsuitableDataException refusal) {}

  /**
   * Every origin's {@link #score}, in the origins' order: the origins are independent fits, so they
   * share the machine's cores (the common fork-join pool and this thread).
   */
  private static List<Outcome> scoreAll(DemandFitter.Prepared[] prepared, long[] origins,
      long trainSeconds, int steps) {
    return java.util.stream.IntStream.range(0, origins.length).parallel().mapToObj(k -> {
      try {
        return new Outcome(score(prepared[k], origins[k], trainSeconds, steps), null);
      } catch (UnsuitableDataException e) {
        return new Outcome(null, new UnsuitableDataException(
            "origin " + Instant.ofEpochSecond(origins[k]) + ": " + e.getMessage()));
      }
    }).toList();
  }

  private static Scored score(DemandFitter.Prepared p, long origin, long trainSeconds, int steps) {
    RegularSeries s = p.series;
    int spc = p.slotsPerChunk();
    int originChunk = Math.toIntExact((origin - s.startEpochSecond()) / p.chunkSeconds);
    int fromChunk = trainSeconds == 0 ? 0
        : Math.max(0, originChunk - (int) Math.min(Integer.MAX_VALUE, trainSeconds / p.chunkSeconds));
    DemandModel model = DemandFitter.fitBetween(p, fromChunk, originChunk);
    int o = originChunk * spc;
    int from = fromChunk * spc;
    long season = (long) (originChunk - fromChunk) * p.chunkSeconds >= 2 * Terms.WEEK ? Terms.WEEK : Terms.DAY;
    SeasonalNaive naive = new SeasonalNaive(s, from, o, (int) Math.max(1, season / s.stepSeconds()));
    double scale = naive.scale();
    Accuracy.Tally modelTally = new Accuracy.Tally();
    Accuracy.Tally naiveTally = new Accuracy.Tally();
    List<StepForecast> forecasts = new ArrayList<>();
    double[] row = new double[p.terms.columns];
    for (int i = o; i < Math.min(s.slots(), o + steps); i++) {
      long t = s.epochSecond(i);
      double[] q = new double[Accuracy.LEVELS.length];
      for (int k = 0; k < q.length; k++) {
        q[k] = model.calendarQuantile(t, Accuracy.LEVELS[k], row);
      }
      double y = s.value(i);
      double naivePoint = naive.forecast(i);
      double[] naiveQ = naive.quantiles(i);
      boolean scored = !Double.isNaN(y) && !Double.isNaN(naivePoint) && !Double.isNaN(naiveQ[0]);
      if (scored) {
        modelTally.add(y, q[2], q);
        naiveTally.add(y, naivePoint, naiveQ);
      }
      forecasts.add(new StepForecast(t, i - o + 1, y, q, naivePoint, naiveQ, scored));
    }
    OriginForecast forecast = new OriginForecast(origin, s.epochSecond(from), season, scale,
        model.describe(), forecasts, modelTally.scaledBy(scale), naiveTally.scaledBy(scale));
    return new Scored(forecast, modelTally, naiveTally);
  }

  private static BacktestRun assemble(long step, int steps, long trainSeconds, List<Scored> scored) {
    Accuracy.Tally model = new Accuracy.Tally();
    Accuracy.Tally naive = new Accuracy.Tally();
    double maseSum = 0;
    double naiveMaseSum = 0;
    int scaled = 0;
    List<OriginForecast> origins = new ArrayList<>();
    for (Scored s : scored) {
      model.add(s.model);
      naive.add(s.naive);
      origins.add(s.forecast);
      double mase = s.forecast.modelAccuracy().mase();
      if (!Double.isNaN(mase)) {
        maseSum += mase;
        naiveMaseSum += s.forecast.naiveAccuracy().mase();
        scaled++;
      }
    }
    return new BacktestRun(step, steps * step, trainSeconds, origins,
        model.withMase(scaled == 0 ? Double.NaN : maseSum / scaled),
        naive.withMase(scaled == 0 ? Double.NaN : naiveMaseSum / scaled));
  }
}
