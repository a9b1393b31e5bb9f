package io.casinoperf.mocks.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class PlatformConditionsTest {
  private static final int DRAWS = 200_000;

  @Test
  void normalDelaysAreLogNormalWithTheConfiguredMedianAndP99() {
    long[] delays = draw(Conditions.none().withNormalLatency(20, 0.5));

    // Median 20 ms; p99 = 20 e^(2.3263 x 0.5) = 63.97 ms.
    assertThat((double) percentile(delays, 0.50)).isCloseTo(20, Percentage.withPercentage(5));
    assertThat((double) percentile(delays, 0.99)).isCloseTo(63.97, Percentage.withPercentage(5));
  }

  @Test
  void degradedModeUsesItsOwnMedianAndSpread() {
    long[] delays = draw(Conditions.none().withMode(Mode.DEGRADED).withNormalLatency(20, 0.5).withDegradedLatency(40, 1.0));

    // Median 40 ms; p99 = 40 e^2.3263 = 409.6 ms.
    assertThat((double) percentile(delays, 0.50)).isCloseTo(40, Percentage.withPercentage(5));
    assertThat((double) percentile(delays, 0.99)).isCloseTo(409.6, Percentage.withPercentage(7));
  }

  @Test
  void zeroMedianAddsNoDelay() {
    assertThat(Arrays.stream(draw(Conditions.none().withNormalLatency(0, 0.5))).max())
        .hasValue(0);
  }

  @Test
  void faultyModeFaultsTheConfiguredShares() {
    PlatformConditions conditions =
        new PlatformConditions(Conditions.none().withMode(Mode.FAULTY).withFaults(10, 4, 0));
    SplittableRandom random = new SplittableRandom(1);
    int unavailable = 0;
    int dropped = 0;
    for (int i = 0; i < DRAWS; i++) {
      switch (conditions.draw(random).fault()) {
        case SERVICE_UNAVAILABLE -> unavailable++;
        case CONNECTION_DROPPED -> dropped++;
        case NONE -> { }
      }
    }
    assertThat(unavailable / (double) DRAWS).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.005));
    assertThat(dropped / (double) DRAWS).isCloseTo(0.04, org.assertj.core.data.Offset.offset(0.003));
  }

  @Test
  void faultyModeLosesTheConfiguredShareOfPushes() {
    PlatformConditions conditions =
        new PlatformConditions(Conditions.none().withMode(Mode.FAULTY).withFaults(0, 0, 25));
    SplittableRandom random = new SplittableRandom(4);
    int lost = 0;
    for (int i = 0; i < DRAWS; i++) {
      lost += conditions.losePush(random) ? 1 : 0;
    }
    assertThat(lost / (double) DRAWS).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.005));
  }

  @Test
  void onlyFaultyModeFaults() {
    PlatformConditions conditions =
        new PlatformConditions(Conditions.none().withMode(Mode.DEGRADED).withFaults(50, 50, 100));
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 1_000; i++) {
      assertThat(conditions.draw(random).fault()).isEqualTo(Disturbance.Fault.NONE);
      assertThat(conditions.losePush(random)).isFalse();
    }
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThatThrownBy(() -> new Conditions(Mode.NORMAL, -1, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("normal median");
    assertThatThrownBy(() -> new Conditions(Mode.NORMAL, 1, Double.NaN, 0, 0, 0, 0, 0))
        .hasMessageContaining("normal sigma");
    assertThatThrownBy(() -> new Conditions(Mode.FAULTY, 1, 0, 0, 0, 101, 0, 0))
        .hasMessageContaining("within 0..100");
    assertThatThrownBy(() -> new Conditions(null, 1, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("mode is required");
  }

  private static long[] draw(Conditions settings) {
    PlatformConditions conditions = new PlatformConditions(settings);
    SplittableRandom random = new SplittableRandom(99);
    long[] delays = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      delays[i] = conditions.draw(random).delayMillis();
    }
    Arrays.sort(delays);
    return delays;
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }
}
