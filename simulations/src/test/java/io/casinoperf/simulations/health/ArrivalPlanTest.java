package io.casinoperf.simulations.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArrivalPlanTest {

  @Test
  void aConstantRateSpreadsWholeUsersEvenlyOverEachSecond() {
    long[] due = new ArrivalPlan().constantRate(4, Duration.ofSeconds(2)).dueMillis();

    assertThat(due).containsExactly(0, 250, 500, 750, 1000, 1250, 1500, 1750);
  }

  @Test
  void aFractionalRateCarriesTheFractionToTheNextSecond() {
    // 2.5 users a second: 2, then 3, then 2, then 3 (the half carried over).
    long[] due = new ArrivalPlan().constantRate(2.5, Duration.ofSeconds(4)).dueMillis();

    assertThat(perSecond(due, 4)).containsExactly(2, 3, 2, 3);
  }

  @Test
  void aRampAddsUpToItsAverageRateTimesItsLength() {
    // From 2 to 10 users a second over 10 s: (2 + 10) / 2 × 10 = 60 users, rising.
    long[] due = new ArrivalPlan().rampRate(2, 10, Duration.ofSeconds(10)).dueMillis();

    assertThat(due).hasSize(60);
    // Second s plans 0.4 × (2s + 1) + 2 users plus the fraction carried from before:
    // 2.4, 3.6, 4.6, 5.4, 6.0, 6.4, 7.6, 8.6, 9.4, 10.0, of which the whole users start.
    assertThat(perSecond(due, 10)).containsExactly(2, 3, 4, 5, 6, 6, 7, 8, 9, 10);
  }

  @Test
  void aStressPeakPlacesEveryUserInsideItsWindowSymmetricallyAroundTheMiddle() {
    long[] due = new ArrivalPlan().nothingFor(Duration.ofSeconds(10))
        .stressPeak(200, Duration.ofSeconds(5)).dueMillis();

    assertThat(due).hasSize(200);
    assertThat(due[0]).isEqualTo(10_000); // the first user opens the window
    assertThat(due[199]).isLessThanOrEqualTo(15_000);
    // The error-function shape: most users in the window's central 40 %, and as many before
    // its middle as after it.
    long middle = Arrays.stream(due).filter(t -> t >= 11_500 && t < 13_500).count();
    assertThat(middle).isGreaterThan(140);
    long before = Arrays.stream(due).filter(t -> t < 12_500).count();
    assertThat(before).isBetween(99L, 101L);
  }

  @Test
  void aPeakOfNoLengthArrivesAtOnce() {
    assertThat(new ArrivalPlan().nothingFor(Duration.ofSeconds(3)).stressPeak(3, Duration.ZERO)
        .dueMillis()).containsExactly(3000, 3000, 3000);
  }

  @Test
  void scenariosInjectedTogetherMergeInTimeOrder() {
    ArrivalPlan base = new ArrivalPlan().constantRate(1, Duration.ofSeconds(3));
    ArrivalPlan peak = new ArrivalPlan().nothingFor(Duration.ofMillis(1500)).stressPeak(1, Duration.ZERO);

    assertThat(ArrivalPlan.merged(base, peak)).containsExactly(0, 1000, 1500, 2000);
    assertThat(base.steps()).hasSize(1);
    assertThat(peak.steps()).hasSize(2);
  }

  private static long[] perSecond(long[] due, int seconds) {
    long[] counts = new long[seconds];
    for (long t : due) {
      counts[(int) (t / 1000)]++;
    }
    return counts;
  }
}
