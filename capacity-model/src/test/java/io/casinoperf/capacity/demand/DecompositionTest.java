package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.algebra.ExponentialSmoothing;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecompositionTest {
  private static final int DAY = 24;
  private static final int WEEK = 7 * DAY;

  private static double shape(int t) {
    return 30 * Math.sin(2 * Math.PI * t / DAY) + 12 * Math.cos(2 * Math.PI * t / WEEK)
        + (t % WEEK >= 5 * DAY ? -25 : 0);
  }

  @Test
  void aLineWithADailyAndAWeeklySeasonIsForecastAsItGoesOn() {
    int n = 6 * WEEK;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 500 + 0.5 * t + shape(t);
    }
    Decomposition fit = Decomposition.fit(y, new int[] {DAY, WEEK});
    assertThat(fit.periods()).containsExactly(DAY, WEEK);
    for (int h = 0; h < 2 * DAY; h++) {
      int t = n + h;
      // Within 1 % at every step (locally constant seasonal smoothing, as R's stl, leaves a little
      // of a steady slope in the last cycles) ...
      assertThat(fit.at(h)).as("step %d", h).isCloseTo(500 + 0.5 * t + shape(t), within(10.0));
    }
    // ... and the slope goes on: the second day is 12 above the first, less the week's shape.
    double firstDay = 0;
    double secondDay = 0;
    double truth = 0;
    for (int h = 0; h < DAY; h++) {
      firstDay += fit.at(h) / DAY;
      secondDay += fit.at(h + DAY) / DAY;
      truth += (0.5 * DAY + shape(n + h + DAY) - shape(n + h)) / DAY;
    }
    assertThat(secondDay - firstDay).isCloseTo(truth, within(1.0));
    assertThat(fit.level().trend()).isEqualTo(ExponentialSmoothing.Trend.ADDITIVE);
  }

  @Test
  void theLevelFollowsAShiftTheMeanOfTheWindowWouldAverageAway() {
    int n = 4 * WEEK;
    double[] y = new double[n];
    Random random = new Random(7);
    for (int t = 0; t < n; t++) {
      y[t] = (t < n - 5 * DAY ? 100 : 150) + 20 * Math.sin(2 * Math.PI * t / DAY) + random.nextGaussian();
    }
    Decomposition fit = Decomposition.fit(y, new int[] {DAY});
    double mean = 0;
    for (int h = 0; h < DAY; h++) {
      mean += fit.at(h) / DAY;
    }
    assertThat(mean).isCloseTo(150, within(3.0));
  }

  @Test
  void aConstantSeriesIsForecastAsItself() {
    double[] y = new double[3 * WEEK];
    java.util.Arrays.fill(y, 42);
    Decomposition fit = Decomposition.fit(y, new int[] {DAY, WEEK});
    for (int h = 0; h < WEEK; h += 17) {
      assertThat(fit.at(h)).isCloseTo(42, within(1e-6));
    }
  }

  @Test
  void aSeasonTheSeriesDoesNotHoldTwiceIsLeftOutAndTooFewPointsGiveNoFit() {
    double[] y = new double[WEEK + DAY];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + Math.sin(2 * Math.PI * t / DAY);
    }
    assertThat(Decomposition.fit(y, new int[] {WEEK, DAY}).periods()).containsExactly(DAY);
    assertThat(Decomposition.fit(new double[] {1, Double.NaN, 2, 3}, new int[] {DAY})).isNull();
    assertThat(Decomposition.fit(new double[] {1, 2, 3, 4}, new int[] {DAY})).isNull();
    assertThat(Decomposition.fit(new double[] {1, 2, 3, 4, 5}, new int[] {DAY}).at(0)).isCloseTo(5, within(0.5));
  }

  @Test
  void missingPointsComeFromACycleEarlierOrLaterElseFromTheirNeighbours() {
    double n = Double.NaN;
    assertThat(Decomposition.filled(new double[] {1, 2, 3, n, n, 6, 7, n}, 3))
        .containsExactly(1, 2, 3, 1, 2, 6, 7, 2);
    assertThat(Decomposition.filled(new double[] {n, n, 2, n, n, 8, n}))
        .containsExactly(2, 2, 2, 4, 6, 8, 8);
    // A slot missing in every cycle of the longer season comes from the shorter one: the 4th of
    // each 4 missing, it is the value 2 before it.
    assertThat(Decomposition.filled(new double[] {1, 2, 3, n, 5, 6, 7, n, 9, 10, 11, n}, 2, 4))
        .containsExactly(1, 2, 3, 2, 5, 6, 7, 6, 9, 10, 11, 10);
    // A whole missing day is the same day a week before, not a line across it.
    double[] y = new double[3 * WEEK];
    for (int t = 0; t < y.length; t++) {
      y[t] = t >= WEEK + 2 * DAY && t < WEEK + 3 * DAY ? n : shape(t);
    }
    double[] filled = Decomposition.filled(y, WEEK);
    for (int t = WEEK + 2 * DAY; t < WEEK + 3 * DAY; t++) {
      assertThat(filled[t]).isEqualTo(shape(t - WEEK));
    }
  }
}
