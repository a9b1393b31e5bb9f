package io.casinoperf.capacity.usl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a stepped load test: the load held constant and what the system delivered at it.
 *
 * @param concurrency concurrent users or threads (the USL's {@code N}); finite and {@code > 0}
 * @param throughputPerSecond completed requests (or transactions) per second; finite and
 *     {@code > 0}. The fit is indifferent to the time unit as long as all steps share it.
 * @param p99Millis 99th-percentile response time in milliseconds, {@code >= 0}; NaN when not
 *     measured
 * @param errorRate failed requests as a fraction of all requests, {@code 0..1}; NaN when not
 *     measured
 * @param meanMillis mean response time in milliseconds, {@code > 0}; NaN when not measured. At
 *     the lowest level, where nothing waits, it is the service time the queueing model starts from
 * @param scv the response time's squared coefficient of variation (variance ÷ mean²),
 *     {@code >= 0}: 1 for exponential times, 0 for constant ones; NaN when not measured
 * @param resources what the step cost the platform, by resource (a capacity probe's columns read
 *     from Prometheus: CPU, database connections, …), where measured
 */
public record LoadStep(double concurrency, double throughputPerSecond, double p99Millis,
    double errorRate, double meanMillis, double scv, Map<String, Double> resources) {

  /**
   * @throws IllegalArgumentException when a value is outside its range
   */
  public LoadStep {
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    resources.forEach((name, value) -> {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("resource " + name + " must be finite: " + value);
      }
    });
    if (!(concurrency > 0) || Double.isInfinite(concurrency)) {
      throw new IllegalArgumentException("concurrency must be finite and > 0: " + concurrency);
    }
    if (!(throughputPerSecond > 0) || Double.isInfinite(throughputPerSecond)) {
      throw new IllegalArgumentException("throughput must be finite and > 0: "
          + throughputPerSecond);
    }
    if (!Double.isNaN(p99Millis) && !(p99Millis >= 0 && p99Millis < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("p99 must be finite and >= 0 ms (or NaN): " + p99Millis);
    }
    if (!Double.isNaN(errorRate) && !(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("error rate must be a fraction 0..1 (or NaN): "
          + errorRate);
    }
    if (!Double.isNaN(meanMillis) && !(meanMillis > 0 && meanMillis < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("mean must be finite and > 0 ms (or NaN): " + meanMillis);
    }
    if (!Double.isNaN(scv) && !(scv >= 0 && scv < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("the squared coefficient of variation must be finite and"
          + " >= 0 (or NaN): " + scv);
    }
  }

  /** A step without resources. */
  public LoadStep(double concurrency, double throughputPerSecond, double p99Millis, double errorRate,
      double meanMillis, double scv) {
    this(concurrency, throughputPerSecond, p99Millis, errorRate, meanMillis, scv, Map.of());
  }

  /** A step without the response time's mean and variation. */
  public LoadStep(double concurrency, double throughputPerSecond, double p99Millis, double errorRate) {
    this(concurrency, throughputPerSecond, p99Millis, errorRate, Double.NaN, Double.NaN);
  }

  /** Whether the step carries the response time's mean and squared coefficient of variation. */
  public boolean hasServiceTime() {
    return !Double.isNaN(meanMillis) && !Double.isNaN(scv);
  }

  /** A step with throughput only (p99 and error rate not measured). */
  public static LoadStep of(double concurrency, double throughputPerSecond) {
    return new LoadStep(concurrency, throughputPerSecond, Double.NaN, Double.NaN);
  }
}
