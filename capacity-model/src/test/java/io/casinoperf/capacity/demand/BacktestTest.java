package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final long START = Synthetic.START;
  private static final long HOUR = 3600;
  private static final int HOURS_PER_WEEK = 168;
  private static final SortedMap<String, List<long[]>> NO_PROMOTIONS = new TreeMap<>();
  private static final DemandFitter.Settings WEEK_AHEAD = DemandFitter.Settings.defaults(Terms.WEEK);

  private static RegularSeries hourly(double... values) {
    return RegularSeries.of("rps", START, HOUR, values);
  }

  // --- The seasonal-naive forecast and its scale, by hand (season m = 3 slots) ---

  @Test
  void naiveForecastIsTheSameSlotOfTheLastSeasonBeforeTheOrigin() {
    RegularSeries s = hourly(10, 11, 12, 20, 21, 22, 30, 31, 32, 40);

    assertThat(new SeasonalNaive(s, 0, 6, 3).forecast(6)).isEqualTo(20);
    assertThat(new SeasonalNaive(s, 0, 6, 3).forecast(7)).isEqualTo(21);
    assertThat(new SeasonalNaive(s, 0, 6, 3).forecast(8)).isEqualTo(22);
    // A season past the origin still copies the last season before it, never slot 6 itself.
    assertThat(new SeasonalNaive(s, 0, 6, 3).forecast(9)).isEqualTo(20);
    // An origin mid-season: slot 6 now lies before the origin, so slot 9 copies it.
    assertThat(new SeasonalNaive(s, 0, 7, 3).forecast(7)).isEqualTo(21);
    assertThat(new SeasonalNaive(s, 0, 7, 3).forecast(9)).isEqualTo(30);
  }

  @Test
  void naiveForecastReachesFurtherBackOverMissingSlots() {
    RegularSeries s = hourly(10, 11, 12, 20, Double.NaN, 22, Double.NaN, 31, 32, 40);

    assertThat(new SeasonalNaive(s, 0, 6, 3).forecast(7)).isEqualTo(11);
    assertThat(new SeasonalNaive(s, 0, 9, 3).forecast(9)).isEqualTo(20);
    assertThat(new SeasonalNaive(s, 0, 7, 3).forecast(8)).isEqualTo(22);
  }

  @Test
  void naiveForecastIsMissingWithoutAnEarlierSeason() {
    RegularSeries s = hourly(Double.NaN, 11, 12, 20, 21, 22);

    assertThat(new SeasonalNaive(s, 0, 2, 3).forecast(2)).isNaN();
    assertThat(new SeasonalNaive(s, 0, 0, 3).forecast(1)).isNaN();
    assertThat(new SeasonalNaive(s, 0, 3, 3).forecast(3)).isNaN(); // slot 0, its only candidate, is missing
    assertThat(new SeasonalNaive(s, 0, 3, 3).forecast(4)).isEqualTo(11);
  }

  @Test
  void naiveScaleIsTheMeanAbsoluteOneSeasonDifferenceBeforeTheOrigin() {
    RegularSeries s = hourly(1, 2, 4, 3, 2, 8, 100, 100);

    // |3 − 1| + |2 − 2| + |8 − 4| = 6 over 3 pairs; slots 6 and 7 are at or after the origin.
    assertThat(new SeasonalNaive(s, 0, 6, 3).scale()).isEqualTo(2);
    // |3 − 1| only.
    assertThat(new SeasonalNaive(s, 0, 4, 3).scale()).isEqualTo(2);
    // |3 − 1| + |2 − 2| + |8 − 4| + |100 − 3| = 103 over 4.
    assertThat(new SeasonalNaive(s, 0, 7, 3).scale()).isEqualTo(103.0 / 4);
  }

  @Test
  void naiveScaleSkipsPairsWithAMissingSideAndIsMissingWithoutAnyPair() {
    RegularSeries s = hourly(1, Double.NaN, 4, 3, 2, Double.NaN);

    // Pairs (3, 0) = 2, (4, 1) missing, (5, 2) missing.
    assertThat(new SeasonalNaive(s, 0, 6, 3).scale()).isEqualTo(2);
    assertThat(new SeasonalNaive(s, 0, 3, 3).scale()).isNaN();
    assertThat(new SeasonalNaive(hourly(Double.NaN, 2, Double.NaN, 4, Double.NaN, 6), 0, 5, 3).scale()).isNaN();
  }

  // --- Whole backtests on series generated from known parameters ---

  /** A weekly profile with no smooth shape: every hour of the week has its own level. */
  private static double[] jaggedWeek(Random random) {
    double[] week = new double[HOURS_PER_WEEK];
    for (int h = 0; h < week.length; h++) {
      week[h] = 500 + 1000 * random.nextDouble();
    }
    return week;
  }

  private static RegularSeries repeatWeekly(double[] week, int weeks, double noise, Random random) {
    double[] values = new double[weeks * HOURS_PER_WEEK];
    for (int i = 0; i < values.length; i++) {
      values[i] = week[i % HOURS_PER_WEEK] + noise * random.nextGaussian();
    }
    return RegularSeries.of("rps", START, HOUR, values);
  }

  @Test
  void aJaggedWeeklyProfileThatRepeatsExactlyIsCopiedFromTheWeekBefore() {
    Random random = new Random(21);
    // Noise of 1 rps on levels of 500–1500: copying last week is nearly perfect, while a few
    // Fourier terms cannot follow 168 unrelated hourly levels; the model carries last week's error.
    RegularSeries traffic = repeatWeekly(jaggedWeek(random), 8, 1, random);

    Backtest.Result result = Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 3);

    assertThat(result.windows()).hasSize(3);
    assertThat(result.seasonSeconds()).isEqualTo(Terms.WEEK);
    assertThat(result.horizonSeconds()).isEqualTo(Terms.WEEK);
    assertConsistent(result);
    // The naive error and its in-sample scale are the same noise, |e − e'| with e, e' ~ N(0, 1):
    // MASE near 1. Relative to the level, that error is tiny.
    assertThat(result.naiveMase()).isCloseTo(1, within(0.2));
    assertThat(result.naiveSmape()).isLessThan(0.5);
    assertThat(result.naiveMape()).isLessThan(0.5);
    // Without last week's error the model's MASE was 20 times the naive one's.
    assertThat(result.mase()).isLessThan(1.2 * result.naiveMase());
    for (Backtest.Window w : result.windows()) {
      assertThat(w.model()).containsPattern("plus (0\\.[89]|1\\.0) × its error one week earlier");
    }
  }

  @Test
  void theVerdictSaysWhenTheModelDoesNotBeatSeasonalNaive() {
    Backtest.Result worse = new Backtest.Result(java.util.List.of(), Terms.DAY, Terms.WEEK, 10, 0.1, 0.1,
        1.5, 0.1, 0.1, 1.0, 0.9, null, null);
    Backtest.Result better = new Backtest.Result(java.util.List.of(), Terms.DAY, Terms.WEEK, 10, 0.1, 0.1,
        0.7, 0.1, 0.1, 1.0, 0.9, null, null);

    assertThat(worse.beatsSeasonalNaive()).isFalse();
    assertThat(worse.verdict()).isEqualTo("the model does NOT beat the seasonal-naive forecast (MASE 1.50"
        + " vs 1.00): treat its forecast with caution");
    assertThat(better.beatsSeasonalNaive()).isTrue();
    assertThat(better.verdict()).isEqualTo("the model beats the seasonal-naive forecast (MASE 0.70 vs 1.00)");
  }

  @Test
  void naiveMaseMatchesAHandComputationOverEachWindow() {
    Random random = new Random(22);
    RegularSeries traffic = repeatWeekly(jaggedWeek(random), 8, 20, random);

    Backtest.Result result = Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 2);

    assertThat(result.windows()).hasSize(2);
    for (Backtest.Window w : result.windows()) {
      int origin = (int) ((w.originEpochSecond() - START) / HOUR);
      int end = (int) ((w.endEpochSecond() - START) / HOUR);
      double scale = 0;
      for (int i = HOURS_PER_WEEK; i < origin; i++) {
        scale += Math.abs(traffic.value(i) - traffic.value(i - HOURS_PER_WEEK));
      }
      scale /= origin - HOURS_PER_WEEK;
      double error = 0;
      for (int i = origin; i <= end; i++) {
        // The horizon is one week, so every forecast slot copies the week before the origin.
        error += Math.abs(traffic.value(i) - traffic.value(i - HOURS_PER_WEEK));
      }
      assertThat(w.points()).isEqualTo(HOURS_PER_WEEK);
      assertThat(end - origin + 1).isEqualTo(HOURS_PER_WEEK);
      assertThat(w.naiveMase()).isCloseTo(error / HOURS_PER_WEEK / scale, within(1e-12));
    }
  }

  @Test
  void modelBeatsSeasonalNaiveOnASmoothPatternUnderLargeIndependentNoise() {
    // log rps = log 1000 + 0.4 cos(daily) + 0.15 sin(weekly) + N(0, 0.2²). Seasonal-naive copies
    // last week's noise as well, so its errors are about √2 × the model's.
    Random random = new Random(23);
    int weeks = 8;
    double[] values = new double[weeks * HOURS_PER_WEEK];
    for (int i = 0; i < values.length; i++) {
      long t = START + i * HOUR;
      double pattern = Math.log(1000)
          + 0.4 * Math.cos(2 * Math.PI * Math.floorMod(t, Terms.DAY) / Terms.DAY)
          + 0.15 * Math.sin(2 * Math.PI * Math.floorMod(t, Terms.WEEK) / Terms.WEEK);
      values[i] = Math.exp(pattern + 0.2 * random.nextGaussian());
    }
    RegularSeries traffic = RegularSeries.of("rps", START, HOUR, values);

    Backtest.Result result = Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 3);

    assertThat(result.windows()).hasSize(3);
    assertConsistent(result);
    assertThat(result.mase()).isLessThan(1);
    assertThat(result.naiveMase()).isCloseTo(1, within(0.15));
    assertThat(result.mase()).isLessThan(result.naiveMase() / 1.2);
    assertThat(result.smape()).isLessThan(result.naiveSmape());
    assertThat(result.coverage90()).isBetween(0.8, 0.97);
    assertThat(result.beatsSeasonalNaive()).isTrue();
    assertThat(result.verdict()).startsWith("the model beats the seasonal-naive forecast");
  }

  @Test
  void skipsMissingSlotsInTheForecastWindows() {
    Random random = new Random(24);
    double[] week = jaggedWeek(random);
    double[] values = repeatWeekly(week, 8, 5, random).values();
    // Ten missing hours in the last week, none of them the last hour (the data would end earlier).
    for (int i = 0; i < 10; i++) {
      values[values.length - 2 - 7 * i] = Double.NaN;
    }
    RegularSeries traffic = RegularSeries.of("rps", START, HOUR, values);

    Backtest.Result result = Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 1);

    assertThat(result.windows()).hasSize(1);
    assertThat(result.points()).isEqualTo(HOURS_PER_WEEK - 10);
    assertConsistent(result);
  }

  private static void assertConsistent(Backtest.Result result) {
    int points = 0;
    double maseSum = 0;
    double naiveMaseSum = 0;
    for (Backtest.Window w : result.windows()) {
      assertThat(w.mase()).isGreaterThanOrEqualTo(0);
      assertThat(w.naiveMase()).isGreaterThanOrEqualTo(0);
      assertThat(w.smape()).isBetween(0.0, 200.0);
      assertThat(w.naiveSmape()).isBetween(0.0, 200.0);
      assertThat(w.mape()).isGreaterThanOrEqualTo(0);
      assertThat(w.coverage90()).isBetween(0.0, 1.0);
      assertThat(w.endEpochSecond()).isGreaterThan(w.originEpochSecond());
      points += w.points();
      maseSum += w.mase();
      naiveMaseSum += w.naiveMase();
    }
    assertThat(result.points()).isEqualTo(points);
    assertThat(result.mase()).isCloseTo(maseSum / result.windows().size(), within(1e-12));
    assertThat(result.naiveMase()).isCloseTo(naiveMaseSum / result.windows().size(), within(1e-12));
    assertThat(result.smape()).isBetween(0.0, 200.0);
    assertThat(result.naiveSmape()).isBetween(0.0, 200.0);
    for (int i = 1; i < result.windows().size(); i++) {
      assertThat(result.windows().get(i).originEpochSecond())
          .isEqualTo(result.windows().get(i - 1).originEpochSecond() + result.horizonSeconds());
    }
  }

  @Test
  void refusesASeriesTooShortForAnyOrigin() {
    Random random = new Random(25);
    RegularSeries traffic = repeatWeekly(jaggedWeek(random), 1, 5, random);

    assertThatThrownBy(() -> Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 2))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("rps is too short to backtest 2 horizon(s) of 168.0 h")
        .hasMessageNotContaining("\n");
  }

  @Test
  void saysWhyAnExactlyRepeatingSeriesCannotBeScored() {
    // Eight whole weeks of the same profile: plenty of history, but the seasonal-naive forecast
    // never errs before any origin, so MASE divides by zero. "Too short" would send the user
    // looking for more data that cannot help.
    RegularSeries traffic = repeatWeekly(jaggedWeek(new Random(27)), 8, 0, new Random(28));

    assertThatThrownBy(() -> Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 3))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("rps repeats exactly every week")
        .hasMessageContaining("MASE")
        .hasMessageNotContaining("too short")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusesFewerThanOneOrigin() {
    Random random = new Random(26);
    RegularSeries traffic = repeatWeekly(jaggedWeek(random), 8, 5, random);

    assertThatThrownBy(() -> Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backtest.run(traffic, NO_PROMOTIONS, WEEK_AHEAD, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
