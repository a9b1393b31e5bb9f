package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.demand.BacktestRun.OriginForecast;
import io.casinoperf.capacity.demand.BacktestRun.StepForecast;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Backtest#run(RegularSeries, SortedMap, DemandFitter.Settings, BacktestDesign)} on series with known answers. */
class RollingOriginTest {
  private static final long START = Synthetic.START;
  private static final long HOUR = 3600;
  private static final long DAY = Terms.DAY;
  private static final long WEEK = Terms.WEEK;
  private static final int HOURS_PER_WEEK = 168;
  private static final SortedMap<String, List<long[]>> NO_PROMOTIONS = new TreeMap<>();
  private static final DemandFitter.Settings WEEK_AHEAD = DemandFitter.Settings.defaults(WEEK);

  private static BacktestRun run(RegularSeries series, DemandFitter.Settings settings, long train, long... origins) {
    return Backtest.run(series, NO_PROMOTIONS, settings, new BacktestDesign(train, origins));
  }

  /**
   * Six weeks of one jagged weekly profile (every hour its own level, 500 to 1500), repeated
   * exactly, except that the first week runs 10 higher.
   */
  private static RegularSeries repeatsAfterItsFirstWeek() {
    Random random = new Random(31);
    double[] week = new double[HOURS_PER_WEEK];
    for (int h = 0; h < week.length; h++) {
      week[h] = 500 + 1000 * random.nextDouble();
    }
    double[] values = new double[6 * HOURS_PER_WEEK];
    for (int i = 0; i < values.length; i++) {
      values[i] = week[i % HOURS_PER_WEEK] + (i < HOURS_PER_WEEK ? 10 : 0);
    }
    return RegularSeries.of("rps", START, HOUR, values);
  }

  @Test
  void seasonalNaiveScoresZeroWhereTheSeriesRepeatsExactly() {
    RegularSeries series = repeatsAfterItsFirstWeek();
    long origin = START + 4 * WEEK;

    BacktestRun run = run(series, WEEK_AHEAD, 0, origin);

    OriginForecast o = run.origins().get(0);
    // Four weeks of history: the season is a week. In sample, week 1 − week 0 is −10 at each of
    // 168 hours and weeks 2 and 3 repeat exactly: mean |difference| = 10 · 168 / (3 · 168).
    assertThat(o.seasonSeconds()).isEqualTo(WEEK);
    assertThat(o.trainFromEpochSecond()).isEqualTo(START);
    assertThat(o.maseScale()).isCloseTo(10.0 / 3, within(1e-9));
    // Those 504 differences, 168 of them −10, put P05 and P10 at −10 and P50 to P95 at 0.
    for (StepForecast step : o.steps()) {
      assertThat(step.naive()).isEqualTo(step.actual());
      assertThat(step.naiveQuantiles()).containsExactly(new double[] {step.actual() - 10,
          step.actual() - 10, step.actual(), step.actual(), step.actual()}, within(1e-9));
    }
    Accuracy naive = o.naiveAccuracy();
    assertThat(naive.points()).isEqualTo(HOURS_PER_WEEK);
    assertThat(naive.mae()).isZero();
    assertThat(naive.mase()).isZero();
    assertThat(naive.smape()).isZero();
    assertThat(naive.coverage80()).isEqualTo(1);
    assertThat(naive.coverage90()).isEqualTo(1);
    // P05 and P10 lie 10 below each actual: (.05 · 10 + .10 · 10) / 5 levels = 0.3 per point.
    assertThat(naive.pinball()).isCloseTo(0.3, within(1e-9));
    // The model's MASE uses the same scale.
    assertThat(o.modelAccuracy().mase()).isCloseTo(o.modelAccuracy().mae() / (10.0 / 3), within(1e-12));
    // One origin: the totals are that origin's.
    assertThat(run.seasonalNaive()).isEqualTo(naive);
    assertThat(run.model()).isEqualTo(o.modelAccuracy());
  }

  @Test
  void forecastsEveryStepOfTheHorizonOnTheSeriesGridBesideTheActuals() {
    RegularSeries series = repeatsAfterItsFirstWeek();
    long origin = START + 4 * WEEK;

    OriginForecast o = run(series, WEEK_AHEAD, 0, origin).origins().get(0);

    assertThat(o.steps()).hasSize(HOURS_PER_WEEK);
    for (int k = 0; k < HOURS_PER_WEEK; k++) {
      StepForecast step = o.steps().get(k);
      assertThat(step.epochSecond()).isEqualTo(origin + k * HOUR);
      assertThat(step.step()).isEqualTo(k + 1);
      assertThat(step.actual()).isEqualTo(series.value(4 * HOURS_PER_WEEK + k));
      assertThat(step.quantiles()).isSorted();
      assertThat(step.median()).isEqualTo(step.quantiles()[2]);
      assertThat(step.scored()).isTrue();
    }
  }

  @Test
  void theForecastDependsOnTheTrainingWindowAlone() {
    RegularSeries series = Synthetic.series(42, HOUR, List.of(), 32);
    // An origin six hours into a day, with two weeks of training.
    long origin = START + 28 * DAY + 6 * HOUR;
    long train = 14 * DAY;
    double[] changed = series.values();
    for (int i = 0; i < changed.length; i++) {
      long t = series.epochSecond(i);
      if (t < origin - train || t >= origin) {
        changed[i] *= 1.7;
      }
    }

    OriginForecast a = run(series, WEEK_AHEAD, train, origin).origins().get(0);
    OriginForecast b = run(RegularSeries.of("rps", START, HOUR, changed), WEEK_AHEAD, train, origin)
        .origins().get(0);

    assertThat(a.trainFromEpochSecond()).isEqualTo(origin - train);
    assertThat(b.model()).isEqualTo(a.model());
    assertThat(b.maseScale()).isCloseTo(a.maseScale(), within(1e-9 * a.maseScale()));
    for (int k = 0; k < a.steps().size(); k++) {
      StepForecast x = a.steps().get(k);
      StepForecast y = b.steps().get(k);
      for (int q = 0; q < 5; q++) {
        assertThat(y.quantiles()[q]).isCloseTo(x.quantiles()[q], within(1e-9 * x.quantiles()[q]));
        assertThat(y.naiveQuantiles()[q]).isCloseTo(x.naiveQuantiles()[q], within(1e-9 * x.naiveQuantiles()[q]));
      }
      assertThat(y.actual()).isCloseTo(1.7 * x.actual(), within(1e-9 * x.actual()));
    }
  }

  @Test
  void aTrainingWindowWhereSeasonalNaiveNeverErredLeavesMaseUndefined() {
    // Weeks 2 and 3 are the same, so in sample the naive forecast never erred: no scale.
    BacktestRun run = run(repeatsAfterItsFirstWeek(), WEEK_AHEAD, 14 * DAY, START + 4 * WEEK);

    OriginForecast o = run.origins().get(0);
    assertThat(o.maseScale()).isZero();
    assertThat(o.modelAccuracy().mase()).isNaN();
    assertThat(o.naiveAccuracy().mase()).isNaN();
    assertThat(run.model().mase()).isNaN();
    // The rest is scored: the naive forecast is exact, and its in-sample differences are all 0.
    assertThat(o.naiveAccuracy().mae()).isZero();
    assertThat(o.naiveAccuracy().pinball()).isZero();
    assertThat(o.modelAccuracy().mae()).isPositive();
  }

  @Test
  void aConstantTrainingWindowIsForecastAsThatConstant() {
    // 21 days at 100, then a daily wave the history never showed.
    double[] values = new double[28 * 24];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 21 * 24 ? 100 : 100 + 30 * Math.sin(2 * Math.PI * (i % 24) / 24.0);
    }
    RegularSeries series = RegularSeries.of("rps", START, HOUR, values);

    OriginForecast o = run(series, DemandFitter.Settings.defaults(DAY), 0, START + 21 * DAY).origins().get(0);

    double mae = 0;
    for (StepForecast step : o.steps()) {
      assertThat(step.quantiles()).containsOnly(closeTo100(step.quantiles()));
      assertThat(step.naive()).isEqualTo(100);
      mae += Math.abs(step.actual() - 100) / 24;
    }
    assertThat(o.steps()).hasSize(24);
    assertThat(o.modelAccuracy().mae()).isCloseTo(mae, within(1e-6));
    assertThat(o.naiveAccuracy().mae()).isCloseTo(mae, within(1e-12));
    assertThat(o.maseScale()).isZero();
    assertThat(o.modelAccuracy().mase()).isNaN();
  }

  private static double[] closeTo100(double[] quantiles) {
    for (double q : quantiles) {
      assertThat(q).isCloseTo(100, within(1e-6));
    }
    return quantiles;
  }

  @Test
  void missingActualsAreWrittenButNotScored() {
    double[] values = Synthetic.series(35, HOUR, List.of(), 33).values();
    long origin = START + 28 * DAY;
    int o = 28 * 24;
    for (int k = 0; k < 5; k++) {
      values[o + 10 + 20 * k] = Double.NaN; // five hours inside the forecast
    }
    for (int k = 0; k < 10; k++) {
      values[o - 100 - 13 * k] = Double.NaN; // ten in the training window
    }
    RegularSeries series = RegularSeries.of("rps", START, HOUR, values);

    OriginForecast forecast = run(series, WEEK_AHEAD, 0, origin).origins().get(0);

    assertThat(forecast.steps()).hasSize(HOURS_PER_WEEK);
    assertThat(forecast.steps().stream().filter(s -> !s.scored()))
        .hasSize(5)
        .allSatisfy(s -> {
          assertThat(s.actual()).isNaN();
          assertThat(s.quantiles()).doesNotContain(Double.NaN);
        });
    assertThat(forecast.modelAccuracy().points()).isEqualTo(HOURS_PER_WEEK - 5);
    assertThat(forecast.naiveAccuracy().points()).isEqualTo(HOURS_PER_WEEK - 5);
    assertThat(forecast.modelAccuracy().mae()).isFinite();
  }

  @Test
  void theTotalsPoolThePointsAndAverageTheOriginsMase() {
    RegularSeries series = Synthetic.series(56, HOUR, List.of(), 34);

    BacktestRun run = run(series, WEEK_AHEAD, 0, START + 35 * DAY, START + 42 * DAY, START + 49 * DAY);

    assertThat(run.origins()).hasSize(3);
    double absolute = 0;
    double mase = 0;
    int points = 0;
    for (OriginForecast o : run.origins()) {
      absolute += o.modelAccuracy().mae() * o.modelAccuracy().points();
      points += o.modelAccuracy().points();
      mase += o.modelAccuracy().mase() / 3;
    }
    assertThat(run.model().points()).isEqualTo(points);
    assertThat(run.model().mae()).isCloseTo(absolute / points, within(1e-9));
    assertThat(run.model().mase()).isCloseTo(mase, within(1e-12));
    assertThat(run.horizonSeconds()).isEqualTo(WEEK);
    assertThat(run.stepSeconds()).isEqualTo(HOUR);
  }

  @Test
  void theForecastsOwnBacktestIsThisOneWithRollingOrigins() {
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", Synthetic.promotions(56));
    RegularSeries series = Synthetic.series(56, 1800, promotions.get("free-spins"), 35);

    Backtest.Result builtIn = Backtest.run(series, promotions, WEEK_AHEAD, 3);
    BacktestRun run = Backtest.run(series, promotions, WEEK_AHEAD,
        BacktestDesign.rolling(series, 3, WEEK, WEEK, 0));

    assertThat(builtIn.windows()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Backtest.Window w = builtIn.windows().get(i);
      OriginForecast o = run.origins().get(i);
      assertThat(w.originEpochSecond()).isEqualTo(o.originEpochSecond());
      assertThat(w.mase()).isEqualTo(o.modelAccuracy().mase());
      assertThat(w.naiveMase()).isEqualTo(o.naiveAccuracy().mase());
      assertThat(w.smape()).isEqualTo(o.modelAccuracy().smape());
      assertThat(w.coverage90()).isEqualTo(o.modelAccuracy().coverage90());
      assertThat(w.model()).isEqualTo(o.model());
    }
    assertThat(builtIn.mase()).isEqualTo(run.model().mase());
    assertThat(builtIn.naiveMase()).isEqualTo(run.seasonalNaive().mase());
    assertThat(builtIn.mape()).isEqualTo(run.model().mape());
  }

  @Test
  void rollingOriginsEndTheLastForecastAtTheLastPointWithData() {
    double[] values = Synthetic.series(35, HOUR, List.of(), 36).values();
    values[values.length - 1] = Double.NaN;
    values[values.length - 2] = Double.NaN;
    RegularSeries series = RegularSeries.of("rps", START, HOUR, values);
    long lastWithData = series.epochSecond(values.length - 3);

    long[] origins = BacktestDesign.rolling(series, 3, 2 * DAY, DAY, 0).originEpochSeconds();

    assertThat(origins).containsExactly(lastWithData + HOUR - 5 * DAY, lastWithData + HOUR - 3 * DAY,
        lastWithData + HOUR - DAY);
    BacktestRun run = Backtest.run(series, NO_PROMOTIONS, DemandFitter.Settings.defaults(DAY),
        new BacktestDesign(0, origins));
    List<StepForecast> last = run.origins().get(2).steps();
    assertThat(last.get(last.size() - 1).epochSecond()).isEqualTo(lastWithData);
    assertThatThrownBy(() -> BacktestDesign.rolling(series, 3, 90 * 60, DAY, 0))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("whole number of steps");
  }

  // --- Origins it cannot serve: one line each, naming the origin ---

  @Test
  void refusesAnOriginOffTheGrid() {
    long origin = START + 28 * DAY + 1800;
    assertRefused(origin, 0, "is not on the grid of rps (a step of 1h): "
        + Instant.ofEpochSecond(origin - 1800) + " or " + Instant.ofEpochSecond(origin + 1800) + " is");
  }

  @Test
  void refusesAnOriginAfterTheData() {
    long end = START + 35 * DAY - HOUR;
    assertRefused(end + HOUR, 0, "is after the data: rps ends at " + Instant.ofEpochSecond(end));
  }

  @Test
  void refusesAnOriginWithLessThanTwoHorizonsOfHistory() {
    assertRefused(START + 13 * DAY, 0, "has 13d of history before it (rps starts at "
        + Instant.ofEpochSecond(START) + "); the fit needs 14d");
    assertRefused(START + 20 * DAY, 10 * DAY, "has 10d of history before it in its 10d training window;"
        + " the fit needs 14d");
  }

  @Test
  void refusesAHorizonPastTheEndOfTheData() {
    long end = START + 35 * DAY - HOUR;
    assertRefused(START + 30 * DAY, 0, "forecasts 7d ahead, up to "
        + Instant.ofEpochSecond(START + 37 * DAY - HOUR) + ", past the end of the data ("
        + Instant.ofEpochSecond(end) + ")");
  }

  private static void assertRefused(long origin, long train, String why) {
    RegularSeries series = Synthetic.series(35, HOUR, List.of(), 37);
    assertThatThrownBy(() -> run(series, WEEK_AHEAD, train, START + 28 * DAY, origin))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessage("origin " + Instant.ofEpochSecond(origin) + " " + why
            + (why.contains("the fit needs") ? " (two horizons of whole days, at least two days)" : ""));
  }
}
