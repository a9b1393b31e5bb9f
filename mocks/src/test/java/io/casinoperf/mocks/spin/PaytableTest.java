package io.casinoperf.mocks.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PaytableTest {

  @Test
  void longRunReturnMatchesTheConfiguredReturnToPlayer() {
    Paytable paytable = new Paytable(0.96);
    SplittableRandom random = new SplittableRandom(42);
    int spins = 2_000_000;
    long stake = 1_000; // large enough that rounding to cents is negligible
    double won = 0;
    for (int i = 0; i < spins; i++) {
      won += paytable.drawWinCents(stake, random);
    }

    // The win multiplier's standard deviation is about 3.1, so the mean of 2e6 spins has a
    // standard error near 0.0022: 0.01 is over four of them.
    assertThat(won / (spins * (double) stake)).isCloseTo(0.96, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void lowerReturnToPlayerPaysLess() {
    SplittableRandom random = new SplittableRandom(7);
    double generous = meanReturn(new Paytable(1.2), random);
    double stingy = meanReturn(new Paytable(0.5), random);

    assertThat(generous).isGreaterThan(1.1);
    assertThat(stingy).isLessThan(0.6);
  }

  @Test
  void winsAreWholeCentsRoundedDown() {
    Paytable paytable = new Paytable(Paytable.MAX_RETURN_TO_PLAYER);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      long win = paytable.drawWinCents(1, random);
      assertThat(win).isIn(0L, 1L, 2L, 5L, 10L, 50L);
    }
  }

  @Test
  void returnToPlayerOutsideReachIsRefused() {
    assertThatThrownBy(() -> new Paytable(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Paytable(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Paytable(Paytable.MAX_RETURN_TO_PLAYER + 0.01))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double meanReturn(Paytable paytable, SplittableRandom random) {
    double won = 0;
    int spins = 500_000;
    for (int i = 0; i < spins; i++) {
      won += paytable.drawWinCents(1_000, random);
    }
    return won / (spins * 1_000.0);
  }
}
