package io.casinoperf.scenarios.breaker;

import java.time.Duration;

/**
 * When a run must stop itself: over the last {@code window}, more than {@code maxErrorRate} of the
 * requests failed, or their 99th percentile response time passed {@code p99CeilingMillis}. Nothing
 * is judged before the window holds {@code minRequests} requests, so a slow start or one early
 * failure cannot trip it.
 *
 * @param window how far back the rates look; at least one second
 * @param maxErrorRate highest share of failed requests, in (0, 1]
 * @param p99CeilingMillis highest 99th percentile response time, in ms; at least 1
 * @param minRequests fewest requests in the window before it judges; at least 1
 */
public record BreakerSettings(
    Duration window, double maxErrorRate, long p99CeilingMillis, int minRequests) {

  /** 10 s, 20 % errors, p99 5 s, 20 requests. */
  public static BreakerSettings defaults() {
    return new BreakerSettings(Duration.ofSeconds(10), 0.20, 5_000, 20);
  }

  public BreakerSettings {
    if (window == null || window.toMillis() < 1_000) {
      throw new IllegalArgumentException("circuit breaker window must be at least 1s, was " + window);
    }
    if (!(maxErrorRate > 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException(
          "circuit breaker error rate must be in (0, 100] %, was " + maxErrorRate * 100 + " %");
    }
    if (p99CeilingMillis < 1) {
      throw new IllegalArgumentException(
          "circuit breaker p99 ceiling must be at least 1 ms, was " + p99CeilingMillis);
    }
    if (minRequests < 1) {
      throw new IllegalArgumentException(
          "circuit breaker minimum requests must be at least 1, was " + minRequests);
    }
  }
}
