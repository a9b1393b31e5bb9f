package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeasonalCarryTest {
  private static final long STEP = 1800;
  private static final int DAYS = 56;

  @Test
  void takesTheResidualWholeSeasonsBackFromTheLatestSeasonOverGaps() {
    // Three seasons of two slots, oldest first: a = 3 seasons back, c = the last season.
    double[] residuals = {1, 2, 10, 20, 100, Double.NaN};

    assertThat(SeasonalCarry.at(residuals, 2, 0)).isEqualTo(100);
    assertThat(SeasonalCarry.at(residuals, 2, 1)).as("missing in the last season").isEqualTo(20);
    assertThat(SeasonalCarry.at(residuals, 2, 4)).as("two seasons ahead").isEqualTo(100);
    assertThat(SeasonalCarry.at(new double[] {Double.NaN, Double.NaN, Double.NaN}, 1, 0)).isZero();
    assertThat(SeasonalCarry.at(residuals, 0, 0)).as("no season").isZero();
  }

  @Test
  void theWeightIsTheOneWithTheLeastErrorOnTheOriginalScale() {
    // The actuals are the model plus exactly 0.7 of the carried residual.
    int n = 50;
    double[] actual = new double[n];
    double[] center = new double[n];
    double[] carry = new double[n];
    Random random = new Random(3);
    for (int i = 0; i < n; i++) {
      center[i] = 100 + i;
      carry[i] = 20 * random.nextGaussian();
      actual[i] = center[i] + 0.7 * carry[i];
    }

    assertThat(SeasonalCarry.bestWeight(actual, center, carry, n, false)).isCloseTo(0.7, within(1e-9));
    assertThat(SeasonalCarry.bestWeight(center, center, carry, n, false)).as("nothing to carry").isZero();
  }

  /**
   * Half-hourly traffic whose weekdays and weekends have differently placed, sharp peaks: a shape
   * per day of the week that daily and weekly Fourier terms cannot draw, and that repeats exactly
   * every week (the seasonal-naive forecast's strength).
   */
  private static double weekdayShape(long t) {
    long day = Math.floorDiv(t - Synthetic.START, Terms.DAY);
    int weekday = (int) Math.floorMod(day + 3, 7); // 2026-01-01 was a Thursday; 0 = Monday
    double hour = Math.floorMod(t, Terms.DAY) / 3600.0;
    double base = 1000 + 300 * Math.sin(2 * Math.PI * hour / 24);
    if (weekday < 5 && hour >= 8 && hour < 9.5) {
      return base + 900;
    }
    if (weekday == 5 && hour >= 11 && hour < 13) {
      return base + 1500;
    }
    return base;
  }

  private static RegularSeries weekdayTraffic(long seed) {
    Random random = new Random(seed);
    int n = (int) (DAYS * Terms.DAY / STEP);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = weekdayShape(Synthetic.START + i * STEP) * (1 + 0.02 * random.nextGaussian());
    }
    return RegularSeries.of("rps", Synthetic.START, STEP, values);
  }

  @Test
  void aShapePerDayOfTheWeekIsCarriedFromTheWeekBefore() {
    DemandFitter.Settings dayAhead = DemandFitter.Settings.defaults(Terms.DAY);
    DemandModel model = DemandFitter.fit(weekdayTraffic(7), new TreeMap<>(), dayAhead);

    assertThat(model.seasonalCarryWeight()).as(model.describe()).isGreaterThanOrEqualTo(0.6);
    assertThat(model.describe()).contains("its error one week earlier");
    // The Saturday noon peak and a Tuesday morning peak in the week after the data.
    long saturdayNoon = Synthetic.START + (DAYS + 2) * Terms.DAY + 12 * 3600;
    long tuesdayMorning = Synthetic.START + (DAYS + 5) * Terms.DAY + 8 * 3600 + 1800;
    for (long t : new long[] {saturdayNoon, tuesdayMorning}) {
      double truth = weekdayShape(t);
      assertThat(model.median(t, PromotionScenario.organic())).isCloseTo(truth, within(0.06 * truth));
    }
    // As good as copying last week, which is nearly exact here (the noise is 2 %).
    Backtest.Result backtest = Backtest.run(weekdayTraffic(8), new TreeMap<>(), dayAhead, 4);
    assertThat(backtest.mase()).as(backtest.verdict()).isLessThan(1.1 * backtest.naiveMase());
  }

  /**
   * The same traffic halved for its last three days, a new level the model follows: last week's
   * error, from before the shift, would pull the forecast back towards the old level.
   */
  @Test
  void aNewLevelIsNotCarriedBackToTheOldOne() {
    RegularSeries traffic = weekdayTraffic(9);
    double[] values = traffic.values();
    int perDay = (int) (Terms.DAY / STEP);
    for (int i = (DAYS - 3) * perDay; i < values.length; i++) {
      values[i] *= 0.5;
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));

    for (int hour = 2; hour < 24; hour += 4) {
      long t = Synthetic.START + DAYS * Terms.DAY + hour * 3_600L;
      double shifted = 0.5 * weekdayShape(t);
      assertThat(model.median(t, PromotionScenario.organic())).as("hour %d, %s", hour, model.describe())
          .isCloseTo(shifted, within(0.15 * shifted));
    }
  }

  @Test
  void nothingIsCarriedWhereTheModelAlreadyDrawsTheShape() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    TreeMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);

    DemandModel model = DemandFitter.fit(Synthetic.series(DAYS, 600, windows, 7), promotions,
        DemandFitter.Settings.defaults(7 * Terms.DAY));

    // One week's residual is independent noise: carrying a share w of it adds w² of its variance.
    assertThat(model.seasonalCarryWeight()).as(model.describe()).isLessThanOrEqualTo(0.2);
  }
}
