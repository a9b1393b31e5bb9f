package io.casinoperf.scenarios.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final long T0 = 1_700_000_000_000L;

  private static CircuitBreaker breaker(double maxErrorRate, long p99CeilingMillis, int minRequests) {
    return new CircuitBreaker(
        new BreakerSettings(Duration.ofSeconds(10), maxErrorRate, p99CeilingMillis, minRequests));
  }

  @Test
  void anErrorRateAtTheThresholdHoldsAndOneMoreErrorOpens() {
    CircuitBreaker breaker = breaker(0.20, 60_000, 20);
    for (int i = 0; i < 80; i++) {
      assertThat(breaker.record(T0 + i, false, 10)).isEmpty();
    }
    for (int i = 0; i < 20; i++) {
      assertThat(breaker.record(T0 + 100 + i, true, 10)).isEmpty();
    }
    // 20 of 100 is exactly 20 %: not past it. 21 of 101 is 20.8 %.
    Optional<Trip> trip = breaker.record(T0 + 200, true, 10);
    assertThat(trip).isPresent();
    assertThat(trip.get().reason())
        .isEqualTo("error rate 20.8 % over the last 10 s (21 of 101 requests) passed 20 %");
    assertThat(trip.get().atMillis()).isEqualTo(T0 + 200);
    assertThat(breaker.isOpen()).isTrue();
  }

  @Test
  void nothingIsJudgedBeforeTheWindowHoldsTheMinimumNumberOfRequests() {
    CircuitBreaker breaker = breaker(0.20, 60_000, 50);
    for (int i = 0; i < 49; i++) {
      assertThat(breaker.record(T0 + i, true, 10)).as("request %d", i + 1).isEmpty();
    }
    assertThat(breaker.record(T0 + 49, true, 10)).isPresent();
  }

  @Test
  void errorsOlderThanTheWindowNoLongerCount() {
    // 60 errors at the start, judged only from 100 requests on.
    CircuitBreaker recent = breaker(0.20, 60_000, 100);
    CircuitBreaker later = breaker(0.20, 60_000, 100);
    for (int i = 0; i < 60; i++) {
      recent.record(T0 + i, true, 10);
      later.record(T0 + i, true, 10);
    }
    // 5 s later the errors are still in the window: 60 of 100 once 40 successes came.
    Optional<Trip> within = Optional.empty();
    for (int i = 0; i < 40 && within.isEmpty(); i++) {
      within = recent.record(T0 + 5_000 + i, false, 10);
    }
    assertThat(within).map(Trip::reason).hasValueSatisfying(r -> assertThat(r).contains("60 of 100"));
    // 11 s later they have left it: only successes remain.
    for (int i = 0; i < 500; i++) {
      assertThat(later.record(T0 + 11_000 + i, false, 10)).isEmpty();
    }
    assertThat(later.isOpen()).isFalse();
  }

  @Test
  void aBucketLeavesTheWindowOnceItIsTenTenthsOld() {
    // 10 successes in the first second, 10 errors 5 s later: at most half, which holds.
    CircuitBreaker within = breaker(0.50, 60_000, 1);
    CircuitBreaker after = breaker(0.50, 60_000, 1);
    for (CircuitBreaker breaker : List.of(within, after)) {
      for (int i = 0; i < 10; i++) {
        assertThat(breaker.record(T0 + i, false, 10)).isEmpty();
      }
      for (int i = 0; i < 10; i++) {
        assertThat(breaker.record(T0 + 5_000 + i, true, 10)).isEmpty();
      }
    }
    // 9.999 s on, the first second still counts: one more success makes 10 errors of 21.
    assertThat(within.record(T0 + 9_999, false, 10)).isEmpty();
    assertThat(within.isOpen()).isFalse();
    // 10 s on, it has left: the same success leaves 10 errors of 11.
    assertThat(after.record(T0 + 10_000, false, 10)).map(Trip::reason)
        .hasValueSatisfying(reason -> assertThat(reason).contains("(10 of 11 requests)"));
  }

  @Test
  void aP99AtTheCeilingHoldsAndJustAboveItOpens() {
    // Above 4,096 ms the histogram's buckets are 4 ms wide: 5,000 shares one with 5,001..5,003.
    CircuitBreaker at = breaker(1.0, 5_000, 1);
    CircuitBreaker above = breaker(1.0, 5_000, 1);
    for (int i = 0; i < 100; i++) {
      assertThat(at.record(T0 + 200 * i, false, 5_000)).isEmpty();
    }
    assertThat(above.record(T0, false, 5_010)).map(Trip::reason)
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("p99 5,008 ms"));
  }

  @Test
  void aP99AboveTheCeilingOpensWithinAPercentileInterval() {
    // 1,000 requests over one second: nearest-rank p99 is the 990th fastest.
    CircuitBreaker holds = breaker(1.0, 5_000, 100);
    CircuitBreaker opens = breaker(1.0, 5_000, 100);
    for (int i = 0; i < 1_000; i++) {
      assertThat(holds.record(T0 + i, false, i < 990 ? 10 : 6_000)).isEmpty();
    }
    Optional<Trip> trip = Optional.empty();
    for (int i = 0; i < 1_000 && trip.isEmpty(); i++) {
      trip = opens.record(T0 + i, false, i < 989 ? 10 : 6_000);
    }
    // p99 passes once the 11th slow response is in; the percentile is looked at every 100 ms.
    for (int i = 1_000; i < 1_100 && trip.isEmpty(); i++) {
      trip = opens.record(T0 + i, false, 10);
    }
    assertThat(trip).isPresent();
    assertThat(trip.get().reason()).startsWith("p99 6,0").contains("passed the ceiling of 5,000 ms");
    assertThat(trip.get().atMillis()).isBetween(T0 + 999, T0 + 1_100);
  }

  @Test
  void itOpensOnceAndIgnoresWhatFollows() {
    CircuitBreaker breaker = breaker(0.20, 60_000, 1);
    Optional<Trip> first = breaker.record(T0, true, 10);
    assertThat(first).isPresent();
    assertThat(breaker.record(T0 + 1, true, 10)).isEmpty();
    assertThat(breaker.trip()).isEqualTo(first);
  }

  @Test
  void aClockStepBackCountsInTheCurrentBucket() {
    CircuitBreaker breaker = breaker(0.50, 60_000, 4);
    breaker.record(T0 + 5_000, false, 10);
    breaker.record(T0 + 4_000, false, 10);
    breaker.record(T0 + 5_001, true, 10);
    assertThat(breaker.record(T0 + 3_000, true, 10)).isEmpty(); // 2 of 4: half
    assertThat(breaker.record(T0 + 5_002, true, 10)).isPresent(); // 3 of 5
  }

  @Test
  void responseTimesOutsideTheHistogramAreClamped() {
    CircuitBreaker breaker = breaker(1.0, 1, 1);
    assertThat(breaker.record(T0, false, 0)).isEmpty(); // 0 ms counts as 1 ms: not above 1
    assertThat(breaker.record(T0 + 200, false, Long.MAX_VALUE)).isPresent();
  }

  @Test
  void settingsOutOfRangeAreRefusedWithTheirName() {
    assertThatThrownBy(() -> new BreakerSettings(Duration.ofMillis(500), 0.2, 5_000, 20))
        .hasMessageContaining("window must be at least 1s");
    assertThatThrownBy(() -> new BreakerSettings(Duration.ofSeconds(10), 0, 5_000, 20))
        .hasMessageContaining("error rate must be in (0, 100] %");
    assertThatThrownBy(() -> new BreakerSettings(Duration.ofSeconds(10), Double.NaN, 5_000, 20))
        .hasMessageContaining("error rate");
    assertThatThrownBy(() -> new BreakerSettings(Duration.ofSeconds(10), 0.2, 0, 20))
        .hasMessageContaining("p99 ceiling must be at least 1 ms");
    assertThatThrownBy(() -> new BreakerSettings(Duration.ofSeconds(10), 0.2, 5_000, 0))
        .hasMessageContaining("minimum requests must be at least 1");
  }

  @Test
  void theErrorsThatCountAreMissingResponsesServerErrorsAndTooManyRequests() {
    assertThat(HttpOutcomes.isError(null)).isTrue();
    assertThat(HttpOutcomes.isError(500)).isTrue();
    assertThat(HttpOutcomes.isError(503)).isTrue();
    assertThat(HttpOutcomes.isError(429)).isTrue();
    assertThat(HttpOutcomes.isError(200)).isFalse();
    assertThat(HttpOutcomes.isError(404)).isFalse();
    assertThat(HttpOutcomes.isError(409)).isFalse();
  }
}
