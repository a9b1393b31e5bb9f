package io.casinoperf.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolmBonferroniTest {

  @Test
  void stepsDownUntilTheFirstFailure() {
    // Sorted: 0.005 <= 0.05/4, 0.01 <= 0.05/3, 0.03 > 0.05/2: stop; 0.04 is not tested.
    boolean[] significant = HolmBonferroni.significant(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05);

    assertThat(significant).containsExactly(true, false, false, true);
  }

  @Test
  void aSingleTestIsJustTheLevel() {
    assertThat(HolmBonferroni.significant(new double[] {0.02}, 0.02)).containsExactly(true);
    assertThat(HolmBonferroni.significant(new double[] {0.0201}, 0.02)).containsExactly(false);
  }

  @Test
  void noTestsNothingSignificant() {
    assertThat(HolmBonferroni.significant(new double[0], 0.05)).isEmpty();
  }

  @Test
  void adjustedPValuesAreHolmsAsTextbooksComputeThem() {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1: 0.02, 0.03, 0.06, 0.04 -> running max
    // 0.02, 0.03, 0.06, 0.06 (R: p.adjust(c(.01, .04, .03, .005), "holm")).
    assertThat(HolmBonferroni.adjusted(new double[] {0.01, 0.04, 0.03, 0.005}))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(HolmBonferroni.adjusted(new double[] {0.6, 0.9})).containsExactly(1.0, 1.0);
  }

  @Test
  void aPValueIsWithinItsLevelExactlyWhenTheStepDownCallsItSignificant() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int significantSeen = 0;
    for (int trial = 0; trial < 5_000; trial++) {
      double[] p = new double[1 + random.nextInt(12)];
      for (int i = 0; i < p.length; i++) {
        // Many small p-values, some exactly zero, some ties: the cases that decide.
        p[i] = random.nextInt(20) == 0 ? 0 : random.nextInt(10) == 0 ? 0.004
            : Math.pow(random.nextDouble(), 3) * 0.2;
      }
      boolean[] significant = HolmBonferroni.significant(p, 0.02);
      double[] levels = HolmBonferroni.levels(p, 0.02);
      for (int i = 0; i < p.length; i++) {
        assertThat(p[i] <= levels[i]).as("p %s in %s", p[i], java.util.Arrays.toString(p))
            .isEqualTo(significant[i]);
        assertThat(levels[i]).isBetween(0.0, 0.02);
        significantSeen += significant[i] ? 1 : 0;
      }
    }
    assertThat(significantSeen).isGreaterThan(1_000);
  }

  @Test
  void aSingleTestIsHeldToTheFamilyLevel() {
    assertThat(HolmBonferroni.levels(new double[] {0.3}, 0.02)).containsExactly(0.02);
    assertThat(HolmBonferroni.levels(new double[] {0.0, 0.0}, 0.02)).containsExactly(0.01, 0.02);
  }
}
