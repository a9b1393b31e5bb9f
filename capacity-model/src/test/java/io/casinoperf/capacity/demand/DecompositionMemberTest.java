package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;

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
   * A level that wanders from day to day and a day with a sharp evening hour (+60 %) that smooth
   * daily terms cannot draw: the decomposition follows the level and copies the hour, and joins.
   */
  private static double shape(int slot) {
    return 0.3 * Math.sin(2 * Math.PI * (slot - 12) / PER_DAY) + (slot == 40 || slot == 41 ? 0.47 : 0);
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
   * point and forecasts from the one after it, in phase with the day (one half-hour out of phase
   * would miss the sharp hour, half-hours 40 and 41, by 60 %; the level wanders by about 5 % a
   * day).
   */
  @Test
  void aHistoryEndingInsideADayIsForecastFromItsLastPoint() {
    double[] level = new double[1];
    double[] values = wandering(42, 10, level);
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).contains("decomposed (STL)");
    long next = Synthetic.START + values.length * STEP;
    for (int k = 0; k < PER_DAY; k += 6) {
      double truth = Math.exp(level[0] + shape((10 + k) % PER_DAY));
      assertThat(model.median(next + k * STEP, PromotionScenario.organic())).as("half-hour %d", 10 + k)
          .isCloseTo(truth, org.assertj.core.api.Assertions.within(0.10 * truth));
    }
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
        .isCloseTo(organic, org.assertj.core.api.Assertions.within(0.06 * organic));
    assertThat(model.median(evening, PromotionScenario.learned("free-spins"))).as(model.describe())
        .isCloseTo(Synthetic.PROMOTION * organic, org.assertj.core.api.Assertions.within(0.08 * Synthetic.PROMOTION * organic));
  }

  /**
   * Past promotions the calendar names multiply traffic by 2.5 for four hours: the regression
   * learns them and forecasts the validation blocks' promotions; the decomposition, which knows no
   * calendar, misses them, and stays out.
   */
  @Test
  void promotionsTheCalendarNamesKeepTheDecompositionOut() {
    int days = 56;
    List<long[]> windows = Synthetic.promotions(days);
    RegularSeries traffic = Synthetic.series(days, 600, windows, 7);
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);
    DemandModel model = DemandFitter.fit(traffic, promotions, DemandFitter.Settings.defaults(7 * Terms.DAY));
    assertThat(model.describe()).doesNotContain("decomposed");
  }
}
