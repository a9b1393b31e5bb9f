package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The decomposition joins the mean where it forecast the validation blocks nearly as well as the
 * best regression, and only there.
 */
class DecompositionMemberTest {
  private static final long STEP = 1800;
  private static final int PER_DAY = 48;

  /**
   * A level that wanders from day to day and a day with a sharp evening half-hour (+60 %) that
   * smooth daily terms cannot draw: the decomposition follows the level and copies the hour, and joins.
   */
  private static double shape(int slot) {
    return 0.3 * Math.sin(2 * Math.PI * (slot - 12) / PER_DAY) + (slot == 40 ? 0.47 : 0);
  }

  /** Whole days and {@code extra} half-hours of a wandering level; the last level in {@code last}. */
  private static double[] wandering(int days, int extra, double[] last) {
    Random random = new Random(21);
    double[] values = new double[days * PER_DAY + extra];
    double level = Math.log(10_000);
    for (int i = 0; i < values.length; i++) {
      level += 0.01 * random.nextGaussian();
      values[i] = Math.exp(level + shape(i % PER_DAY) + 0.01 * random.nextGaussian());
    }
    last[0] = level;
    return values;
  }

  @Test
  void aWanderingLevelWithASharpHourTakesTheDecompositionIn() {
    double[] level = new double[1];
    double[] values = wandering(42, 0, level);
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).contains("decomposed (STL)");
    assertThat(model.combined()).isGreaterThanOrEqualTo(2);
  }

  /**
   * A history that ends ten half-hours into a day: the decomposition is fitted up to the last
   * point and forecasts from the one after it, in phase with the day. The sharp half-hour (40)
   * must stand out from both neighbours (a forecast one step early or late would put it beside
   * them); the rest of the day, whose level wanders by about 5 % a day, within 10 %.
   */
  @Test
  void aHistoryEndingInsideADayIsForecastFromItsLastPoint() {
    double[] level = new double[1];
    double[] values = wandering(42, 10, level);
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).contains("decomposed (STL)");
    long next = Synthetic.START + values.length * STEP;
    java.util.function.IntToDoubleFunction median =
        slot -> model.median(next + (slot - 10) * STEP, PromotionScenario.organic());
    for (int slot = 10; slot < 10 + PER_DAY; slot += 6) {
      if (slot == 40) {
        continue;
      }
      double truth = Math.exp(level[0] + shape(slot % PER_DAY));
      assertThat(median.applyAsDouble(slot)).as("half-hour %d", slot % PER_DAY)
          .isCloseTo(truth, within(0.10 * truth));
    }
    // The spike is where it was: above both neighbours by more than the day's wave moves in a
    // half-hour (4 %), though by less than its 60 % (the regression parts draw a smooth day).
    assertThat(median.applyAsDouble(40) / median.applyAsDouble(39)).isGreaterThan(1.1);
    assertThat(median.applyAsDouble(40) / median.applyAsDouble(41)).isGreaterThan(1.1);
  }

  /**
   * A promotion every Friday evening: the decomposition must not take it into its weekly season
   * (it would be counted twice, once there and once as the regression's effect, or, judged with
   * the effect on the validation blocks, be kept out). The organic forecast at the next Friday
   * evening is the organic truth, the learned one 2.5 times it.
   */
  @Test
  void aWeeklyPromotionIsCountedOnce() {
    int days = 56;
    java.util.List<long[]> windows = new java.util.ArrayList<>();
    for (int day = 1; day < days; day += 7) {
      long start = Synthetic.START + day * Terms.DAY + 18 * 3600;
      windows.add(new long[] {start, start + 4 * 3600 - 1});
    }
    RegularSeries traffic = Synthetic.series(days, 600, windows, 3);
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);
    DemandModel model = DemandFitter.fit(traffic, promotions, DemandFitter.Settings.defaults(Terms.DAY));
    // It joins: the promotion's steps are missing to it, and the regression's effect is added.
    assertThat(model.describe()).contains("decomposed (STL)");
    long evening = Synthetic.START + (days + 1) * Terms.DAY + 20 * 3600;
    double organic = Math.exp(Synthetic.logMean(evening, false));
    assertThat(model.median(evening, PromotionScenario.organic())).as(model.describe())
        .isCloseTo(organic, within(0.06 * organic));
    assertThat(model.median(evening, PromotionScenario.learned("free-spins"))).as(model.describe())
        .isCloseTo(Synthetic.PROMOTION * organic, within(0.08 * Synthetic.PROMOTION * organic));
  }

  /**
   * A series the regression draws exactly (log-linear growth, a daily and a weekly wave, no
   * noise): its validation errors are nothing, the decomposition's (its smoothed seasons, its
   * smoothed level) are not, and it stays out.
   */
  @Test
  void aSeriesTheRegressionDrawsExactlyKeepsTheDecompositionOut() {
    int days = 42;
    double[] values = new double[days * PER_DAY];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.exp(Synthetic.logMean(Synthetic.START + i * STEP, false));
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).doesNotContain("decomposed");
  }

  /**
   * A sharp evening peak (+0.6 in log from 19:00 to 22:00) under a promotion every Friday from
   * 18:00 to 23:00: the promotion's steps are missing to the decomposition every week, so they
   * are filled from the day before, which has the peak, not by a line across it (which put its
   * organic Friday evening at 0.55 of the truth).
   */
  @Test
  void aPeakUnderAWeeklyPromotionIsFilledFromTheDayBefore() {
    int days = 56;
    java.util.List<long[]> windows = new java.util.ArrayList<>();
    for (int day = 1; day < days; day += 7) {
      long start = Synthetic.START + day * Terms.DAY + 18 * 3600;
      windows.add(new long[] {start, start + 5 * 3600});
    }
    Random random = new Random(9);
    double[] values = new double[days * PER_DAY];
    for (int i = 0; i < values.length; i++) {
      long t = Synthetic.START + i * STEP;
      values[i] = Math.exp(evening(t) + (Synthetic.inside(t, windows) ? Math.log(2.5) : 0)
          + 0.02 * random.nextGaussian());
    }
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values), promotions,
        DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).contains("decomposed (STL)");
    for (int hour = 19; hour < 22; hour++) {
      long t = Synthetic.START + (days + 1) * Terms.DAY + hour * 3600 + 1800;
      double organic = Math.exp(evening(t));
      assertThat(model.median(t, PromotionScenario.organic())).as("%d:30 %s", hour, model.describe())
          .isCloseTo(organic, within(0.08 * organic));
    }
  }

  private static double evening(long t) {
    long second = Math.floorMod(t, Terms.DAY);
    return Math.log(1000) + 0.3 * Math.cos(2 * Math.PI * second / Terms.DAY)
        + (second >= 19 * 3600 && second < 22 * 3600 ? 0.6 : 0);
  }
}
