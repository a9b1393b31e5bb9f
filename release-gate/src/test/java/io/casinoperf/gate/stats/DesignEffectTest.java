package io.casinoperf.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DesignEffectTest {

  @Test
  void independentEventsHaveADesignEffectNearOne() {
    SplittableRandom random = new SplittableRandom(11);
    long[] counts = new long[400];
    long[] events = new long[400];
    for (int b = 0; b < counts.length; b++) {
      counts[b] = 100;
      for (int i = 0; i < 100; i++) {
        events[b] += random.nextDouble() < 0.05 ? 1 : 0;
      }
    }
    assertThat(DesignEffect.ofShare(counts, events)).isBetween(1.0, 1.25);
  }

  @Test
  void wholeBlocksFailingTogetherInflateTheVarianceByTheBlockSize() {
    // Each block of 50 is all events or none: intra-block correlation 1, design effect 50.
    SplittableRandom random = new SplittableRandom(12);
    long[] counts = new long[2_000];
    long[] events = new long[2_000];
    for (int b = 0; b < counts.length; b++) {
      counts[b] = 50;
      events[b] = random.nextDouble() < 0.2 ? 50 : 0;
    }
    assertThat(DesignEffect.ofShare(counts, events)).isBetween(45.0, 55.0);
  }

  @Test
  void cannotBeMeasuredFromTooFewBlocksOrWithoutVariation() {
    assertThat(DesignEffect.ofShare(new long[] {100, 100, 100}, new long[] {100, 0, 0})).isEqualTo(1);
    long[] counts = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
    assertThat(DesignEffect.ofShare(counts, new long[11])).isEqualTo(1);
    assertThat(DesignEffect.ofShare(counts, counts.clone())).isEqualTo(1);
    assertThat(DesignEffect.ofShare(new long[0], new long[0])).isEqualTo(1);
  }

  @Test
  void neverBelowOne() {
    // Perfectly even spread: less variance than binomial, still reported as 1.
    long[] counts = new long[20];
    long[] events = new long[20];
    java.util.Arrays.fill(counts, 100);
    java.util.Arrays.fill(events, 5);
    assertThat(DesignEffect.ofShare(counts, events)).isEqualTo(1);
  }
}
