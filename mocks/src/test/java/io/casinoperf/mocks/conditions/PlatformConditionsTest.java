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
    assertThatThrownBy(() -> new Conditions(Mode.NORMAL, -1, 0, 0, 0, 0, 0, 0, 8, 20, 1))
        .hasMessageContaining("normal median");
    assertThatThrownBy(() -> new Conditions(Mode.NORMAL, 1, Double.NaN, 0, 0, 0, 0, 0, 8, 20, 1))
        .hasMessageContaining("normal sigma");
    assertThatThrownBy(() -> new Conditions(Mode.FAULTY, 1, 0, 0, 0, 101, 0, 0, 8, 20, 1))
        .hasMessageContaining("within 0..100");
    assertThatThrownBy(() -> new Conditions(null, 1, 0, 0, 0, 0, 0, 0, 8, 20, 1))
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

  /** Mean and squared coefficient of variation of many queue-mode service times, in ms. */
  private static double[] serviceMoments(Conditions conditions) {
    SplittableRandom random = new SplittableRandom(12);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < DRAWS; i++) {
      double millis = PlatformConditions.serviceNanos(conditions, random) / 1e6;
      sum += millis;
      squares += millis * millis;
    }
    double mean = sum / DRAWS;
    return new double[] {mean, (squares / DRAWS - mean * mean) / (mean * mean)};
  }

  @Test
  void queueServiceTimesHaveTheMeanAndVariationAskedFor() {
    double[] exponential = serviceMoments(Conditions.none().withQueue(4, 20, 1));
    double[] logNormal = serviceMoments(Conditions.none().withQueue(4, 20, 0.5));
    double[] constant = serviceMoments(Conditions.none().withQueue(4, 20, 0));

    assertThat(exponential[0]).isCloseTo(20, Percentage.withPercentage(1));
    assertThat(exponential[1]).isCloseTo(1, Percentage.withPercentage(3));
    assertThat(logNormal[0]).isCloseTo(20, Percentage.withPercentage(1));
    assertThat(logNormal[1]).isCloseTo(0.5, Percentage.withPercentage(4));
    assertThat(constant[0]).isEqualTo(20);
    assertThat(constant[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void queueModeDelaysByTheQueueAndNeverFaults() {
    // One worker, 40 ms constant: requests at once are answered 40, 80, 120 ms after arriving.
    PlatformConditions conditions = new PlatformConditions(
        Conditions.none().withFaults(100, 0, 100).withQueue(1, 40, 0).withMode(Mode.QUEUE));
    SplittableRandom random = new SplittableRandom(3);
    long first = conditions.draw(random).delayMillis();
    long second = conditions.draw(random).delayMillis();
    Disturbance third = conditions.draw(random);

    assertThat(first).isBetween(39L, 41L);
    assertThat(second).isBetween(first + 35, first + 41);
    assertThat(third.delayMillis()).isBetween(second + 35, second + 41);
    assertThat(third.fault()).isEqualTo(Disturbance.Fault.NONE);
    assertThat(conditions.losePush(random)).isFalse();
  }

  @Test
  void switchingConditionsStartsAFreeQueue() {
    PlatformConditions conditions = new PlatformConditions(
        Conditions.none().withQueue(1, 1_000, 0).withMode(Mode.QUEUE));
    SplittableRandom random = new SplittableRandom(3);
    conditions.draw(random);
    conditions.draw(random);

    conditions.switchTo(conditions.current().withQueue(1, 10, 0));

    assertThat(conditions.draw(random).delayMillis()).isBetween(9L, 11L);
  }

  @Test
  void impossibleQueuesAreRefused() {
    assertThatThrownBy(() -> Conditions.none().withQueue(0, 20, 1)).hasMessageContaining("queue workers");
    assertThatThrownBy(() -> Conditions.none().withQueue(4, 0, 1)).hasMessageContaining("queue service time");
    assertThatThrownBy(() -> Conditions.none().withQueue(4, 20, -1)).hasMessageContaining("queue service SCV");
  }
}
