package io.casinoperf.capacity.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedSampleTest {
  private static final double[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void typeSevenInterpolatesBetweenTheOrderStatistics() {
    // h = (n − 1)p: 8 × 0.9 = 7.2, between the 8th and 9th smallest.
    assertThat(SortedSample.quantile(ONE_TO_NINE, 0.9)).isCloseTo(8.2, within(1e-12));
    assertThat(SortedSample.quantile(ONE_TO_NINE, 0.5)).isEqualTo(5.0);
    assertThat(SortedSample.quantile(new double[0], 0.5)).isEqualTo(0.0);
  }

  @Test
  void thePredictiveQuantileIsTheOrderStatisticANewDrawExceedsThatOften() {
    // The k-th of n is exceeded by a new draw with probability 1 − k/(n + 1): of nine, the largest
    // is the 90 % one, the 5th the median, and nothing below the smallest is known.
    assertThat(SortedSample.predictive(ONE_TO_NINE, 0.9)).isEqualTo(9.0);
    assertThat(SortedSample.predictive(ONE_TO_NINE, 0.8)).isEqualTo(8.0);
    assertThat(SortedSample.predictive(ONE_TO_NINE, 0.5)).isEqualTo(5.0);
    assertThat(SortedSample.predictive(ONE_TO_NINE, 0.05)).isEqualTo(1.0);
    assertThat(SortedSample.predictive(ONE_TO_NINE, 0.15)).isCloseTo(1.5, within(1e-12));
    assertThat(SortedSample.predictive(new double[0], 0.9)).isEqualTo(0.0);
  }

  @Test
  void aNewDrawFallsBelowThePredictiveQuantileAsOftenAsAsked() {
    // 20,000 samples of 19 uniform values: the next value is below their predictive 90 % quantile
    // (the 18th of 19) in 90 % of them, where type 7's (17.2th) holds 86 %.
    Random random = new Random(3);
    int below = 0;
    int belowTypeSeven = 0;
    int trials = 20_000;
    for (int trial = 0; trial < trials; trial++) {
      double[] sample = new double[19];
      for (int i = 0; i < sample.length; i++) {
        sample[i] = random.nextDouble();
      }
      Arrays.sort(sample);
      double next = random.nextDouble();
      below += next <= SortedSample.predictive(sample, 0.9) ? 1 : 0;
      belowTypeSeven += next <= SortedSample.quantile(sample, 0.9) ? 1 : 0;
    }
    assertThat(below / (double) trials).isCloseTo(0.90, within(0.01));
    assertThat(belowTypeSeven / (double) trials).isCloseTo(0.86, within(0.01));
  }
}
