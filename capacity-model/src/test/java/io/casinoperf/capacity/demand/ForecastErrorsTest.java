package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForecastErrorsTest {
  private static final long ORIGIN = 1_000_000;
  private static final long STEP = 60;

  /** Errors whose spread is {@code 1 + lead}: ±(1 + lead), at 100 leads, ten blocks. */
  private static ForecastErrors growing() {
    int n = 1_000;
    double[] errors = new double[n];
    int[] leads = new int[n];
    for (int i = 0; i < n; i++) {
      leads[i] = i % 100;
      errors[i] = (i / 100 % 2 == 0 ? 1 : -1) * (1 + leads[i]);
    }
    return new ForecastErrors(errors, leads, ORIGIN, STEP);
  }

  @Test
  void theSpreadGrowsWithTheLeadAsTheErrorsDid() {
    ForecastErrors errors = growing();
    // Four stretches of 25 leads; mean |error| 13, 38, 63 and 88 against 50.5 pooled; ten blocks
    // widen every stretch by √(1 + 1/10).
    double blocks = Math.sqrt(1.1);
    assertThat(errors.blocks()).isEqualTo(10);
    assertThat(errors.widening(ORIGIN)).isCloseTo(13.0 / 50.5 * blocks, within(1e-9));
    assertThat(errors.widening(ORIGIN + 30 * STEP)).isCloseTo(38.0 / 50.5 * blocks, within(1e-9));
    assertThat(errors.widening(ORIGIN + 99 * STEP)).isCloseTo(88.0 / 50.5 * blocks, within(1e-9));
    assertThat(errors.widening(ORIGIN + 5_000 * STEP)).as("past the longest lead validated")
        .isEqualTo(errors.widening(ORIGIN + 99 * STEP));
    assertThat(errors.widening(ORIGIN - 10 * STEP)).as("before the origin")
        .isEqualTo(errors.widening(ORIGIN));
    assertThat(errors.quantile(0.95, ORIGIN + 99 * STEP))
        .isGreaterThan(errors.quantile(0.95, ORIGIN + 10 * STEP));
  }

  @Test
  void aStretchNeverNarrowsBelowAnEarlierOne() {
    int n = 400;
    double[] values = new double[n];
    int[] leads = new int[n];
    for (int i = 0; i < n; i++) {
      leads[i] = i % 4;
      // Lead 1 errs most, the later leads less: the later stretches keep lead 1's width.
      values[i] = (i % 8 < 4 ? 1 : -1) * (leads[i] == 1 ? 10 : 1);
    }
    ForecastErrors errors = new ForecastErrors(values, leads, ORIGIN, STEP);
    assertThat(errors.widening(ORIGIN + 2 * STEP)).isEqualTo(errors.widening(ORIGIN + STEP));
    assertThat(errors.widening(ORIGIN + 3 * STEP)).isEqualTo(errors.widening(ORIGIN + STEP));
  }

  @Test
  void fewErrorsMakeOneStretchAndTheirOwnQuantiles() {
    double[] values = {-2, -1, 0, 1, 2};
    ForecastErrors errors = new ForecastErrors(values, new int[] {0, 1, 2, 3, 4}, ORIGIN, STEP);
    // One block: the next block's bias is as uncertain again, √(1 + 1/1).
    assertThat(errors.blocks()).isEqualTo(1);
    assertThat(errors.widening(ORIGIN + 4 * STEP)).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(errors.quantile(0.5)).isEqualTo(0.0);
    assertThat(errors.quantile(1.0, ORIGIN)).isCloseTo(2 * Math.sqrt(2), within(1e-12));
  }

  @Test
  void theCentreIsTheForecastAndTheSpreadIsThePredictiveOneAroundTheErrorsMedian() {
    // Errors 1, 2, …, 19 in one block: their median (10) does not move the forecast. A new error
    // exceeds the k-th smallest of 19 with probability 1 − k/20, so the 90 % one is the 18th, 8
    // above the median (the sample's own 90 % quantile, type 7, would say 17.2: 7.2 above).
    double[] values = new double[19];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1;
    }
    ForecastErrors errors = new ForecastErrors(values, new int[19], ORIGIN, STEP);
    assertThat(errors.quantile(0.5)).isEqualTo(0.0);
    assertThat(errors.quantile(0.9)).isCloseTo(8.0, within(1e-12));
    assertThat(errors.quantile(0.1)).isCloseTo(-8.0, within(1e-12));
    assertThat(errors.quantile(0.05)).isCloseTo(-9.0, within(1e-12));
  }

  /**
   * Daily data forecast one day ahead: a validation block is one point, so the intervals need
   * many blocks. Normal noise of known σ: the 80 % interval is 2 × 1.2816 σ wide.
   */
  @Test
  void aOneStepHorizonStillGetsIntervalsOfTheRightWidth() {
    double sigma = 5;
    Random random = new Random(7);
    int days = 730;
    double[] values = new double[days];
    for (int i = 0; i < days; i++) {
      values[i] = 100 + 10 * Math.sin(2 * Math.PI * (i % 7) / 7.0) + sigma * random.nextGaussian();
    }
    RegularSeries series = RegularSeries.of("visits", Synthetic.START, Terms.DAY, values);
    DemandModel model = DemandFitter.fit(series, new TreeMap<>(),
        DemandFitter.Settings.defaults(Terms.DAY));

    assertThat(model.validationPoints()).isGreaterThanOrEqualTo(DemandFitter.MIN_INTERVAL_ERRORS);
    long next = Synthetic.START + days * Terms.DAY;
    double width = model.quantile(next, 0.9, PromotionScenario.organic())
        - model.quantile(next, 0.1, PromotionScenario.organic());
    assertThat(width).isCloseTo(2 * 1.2816 * sigma, within(0.3 * 2 * 1.2816 * sigma));
  }

  /**
   * Errors uniform on ±1 where the model forecast a level below its 80th percentile and on ±10
   * above it (a peak that is harder to forecast): the spread is taken from the errors at a
   * similar level, so the 90 % quantile is about 0.8 off-peak and 8 at the peak — the pooled
   * errors would give 0.98 for both.
   */
  @Test
  void theSpreadAtAPeakComesFromTheErrorsAtPeaks() {
    int n = 4_000;
    Random random = new Random(11);
    double[] values = new double[n];
    double[] levels = new double[n];
    int[] leads = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = random.nextDouble();
      values[i] = (levels[i] > 0.8 ? 10 : 1) * (2 * random.nextDouble() - 1);
    }
    ForecastErrors errors = new ForecastErrors(values, leads, levels, ORIGIN, STEP);
    assertThat(errors.quantile(0.9, ORIGIN, 0.3)).isCloseTo(0.8, within(0.1));
    assertThat(errors.quantile(0.9, ORIGIN, 0.65)).isCloseTo(0.8, within(0.1));
    assertThat(errors.quantile(0.9, ORIGIN, 0.95)).isCloseTo(8, within(0.8));
    assertThat(errors.quantile(0.1, ORIGIN, 0.95)).isCloseTo(-8, within(0.8));
    assertThat(errors.quantile(0.9, ORIGIN, 7.0)).as("above every level validated: the top band")
        .isEqualTo(errors.quantile(0.9, ORIGIN, 0.95));
    ForecastErrors pooled = new ForecastErrors(values, leads, ORIGIN, STEP);
    // Pooled, the wide fifth hardly moves the 90 % quantile: 0.8 (1 − x)/2 + 0.2 (10 − x)/20 = 0.1
    // at x = 0.4/0.41.
    assertThat(pooled.quantile(0.9, ORIGIN, 0.95)).isEqualTo(pooled.quantile(0.9, ORIGIN))
        .isCloseTo(0.4 / 0.41, within(0.1));
  }

  /**
   * Two one-week blocks whose biases were +5 and −5, each point ±1 around its block's bias: the
   * next week's bias is a third draw, Student's t with one degree of freedom (tan(0.4π) = 3.0777
   * at 90 %) times their standard deviation √50 × √(1 + 1/2), added in quadrature to the ±1:
   * √(1 + (3.0777 × √75)²) = 26.67 — where the pooled errors (4 and 6 either side) would say
   * about 7.
   */
  @Test
  void twoBlocksThatDisagreeSpreadTheNextBlocksBiasByStudentsT() {
    double[] values = new double[100];
    int[] leads = new int[100];
    for (int i = 0; i < 100; i++) {
      leads[i] = i % 50;
      values[i] = (i < 50 ? 5 : -5) + (i % 2 == 0 ? 1 : -1);
    }
    ForecastErrors errors = new ForecastErrors(values, leads, null, ORIGIN, STEP);
    double expected = Math.sqrt(1 + Math.pow(Math.tan(0.4 * Math.PI) * Math.sqrt(75), 2));
    assertThat(errors.blocks()).isEqualTo(2);
    assertThat(errors.quantile(0.9, ORIGIN)).isCloseTo(expected, within(1e-6));
    assertThat(errors.quantile(0.1, ORIGIN)).isCloseTo(-expected, within(1e-6));
    assertThat(errors.quantile(0.5, ORIGIN)).isEqualTo(0.0);
  }

  /**
   * Two blocks that agree (both biased +5, ±1 around it): their biases spread by nothing, and the
   * pooled errors' spread around their median, widened by √(1 + 1/2), stands.
   */
  @Test
  void twoBlocksThatAgreeKeepThePooledSpread() {
    double[] values = new double[100];
    int[] leads = new int[100];
    for (int i = 0; i < 100; i++) {
      leads[i] = i % 50;
      values[i] = 5 + (i % 2 == 0 ? 1 : -1);
    }
    ForecastErrors errors = new ForecastErrors(values, leads, null, ORIGIN, STEP);
    assertThat(errors.quantile(0.9, ORIGIN)).isCloseTo(Math.sqrt(1.5), within(1e-9));
    assertThat(errors.quantile(0.1, ORIGIN)).isCloseTo(-Math.sqrt(1.5), within(1e-9));
  }

  /** Fewer than 400 errors cannot fill two level bands: the spread is pooled. */
  @Test
  void fewErrorsAreNotSplitByLevel() {
    int n = 399;
    double[] values = new double[n];
    double[] levels = new double[n];
    for (int i = 0; i < n; i++) {
      levels[i] = i;
      values[i] = (i % 2 == 0 ? 1 : -1) * (i > 300 ? 10 : 1);
    }
    ForecastErrors banded = new ForecastErrors(values, new int[n], levels, ORIGIN, STEP);
    ForecastErrors pooled = new ForecastErrors(values, new int[n], ORIGIN, STEP);
    assertThat(banded.quantile(0.95, ORIGIN, 350)).isEqualTo(pooled.quantile(0.95, ORIGIN));
  }
}
