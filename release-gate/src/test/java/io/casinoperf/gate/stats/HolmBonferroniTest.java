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
}
