package io.casinoperf.scenarios.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
  void theWindowSlidesBucketByBucket() {
    // Errors in the first second, successes after: the errors leave between 9 and 10 s later.
    CircuitBreaker breaker = breaker(0.50, 60_000, 1);
    for (int i = 0; i < 10; i++) {
      breaker.record(T0 + i, false, 10);
    }
    for (int i = 0; i < 9; i++) {
      breaker.record(T0 + 10 + i, true, 10); // 9 of 19: below half
    }
    // At 9.5 s the first second is still in the window: 2 more errors make 11 of 21.
    assertThat(breaker.record(T0 + 9_500, true, 10)).isEmpty(); // 10 of 20: exactly half
    assertThat(breaker.record(T0 + 9_501, true, 10)).isPresent(); // 11 of 21
    CircuitBreaker slid = breaker(0.50, 60_000, 1);
    for (int i = 0; i < 10; i++) {
      slid.record(T0 + i, false, 10);
    }
    for (int i = 0; i < 9; i++) {
      slid.record(T0 + 10 + i, true, 10);
    }
    // At 10.5 s the first second has left: nothing but the two new errors... and they pass half.
    assertThat(slid.record(T0 + 10_500, false, 10)).isEmpty(); // 0 of 1
    assertThat(slid.record(T0 + 10_501, false, 10)).isEmpty(); // 0 of 2
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
