package io.casinoperf.scenarios.breaker;

import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Watches the outcomes of a run's requests over a sliding window and opens, once and for good,
 * when the window's error rate or 99th percentile passes its {@link BreakerSettings}.
 *
 * <p>The window is kept as ten buckets of a tenth of its length each, the newest being filled:
 * it covers between nine and ten tenths of {@code window} back from the latest request.
 * Each bucket holds a request count, an error count and a histogram of response times (1 ms to 1
 * hour, three significant digits); the window's totals are kept as running sums, so recording is
 * O(1) and the percentile costs one pass over the window's histogram, done at most once per
 * bucket length / 10.
 *
 * <p>The clock is the caller's: every method takes the current time in milliseconds of a
 * monotonic clock; a time older than the newest bucket is counted in the newest bucket. Thread-safe: recording takes one lock (about 20 ns uncontended, docs/PERFORMANCE.md);
 * asking whether it is open takes none.
 */
public final class CircuitBreaker {
  private static final int BUCKETS = 10;
  private static final long HIGHEST_MILLIS = 3_600_000;
  private static final int DIGITS = 3;

  private final BreakerSettings settings;
  private final long bucketMillis;
  private final long percentileEveryMillis;
  private final Bucket[] ring = new Bucket[BUCKETS];
  private final Histogram windowLatency = histogram();
  private long windowRequests;
  private long windowErrors;
  private long currentBucket = Long.MIN_VALUE;
  private long lastPercentileAt = Long.MIN_VALUE;
  /** Written once under the lock; read without it by every virtual user after each request. */
  private volatile Trip trip;

  public CircuitBreaker(BreakerSettings settings) {
    this.settings = settings;
    this.bucketMillis = Math.max(1, settings.window().toMillis() / BUCKETS);
    this.percentileEveryMillis = Math.max(1, bucketMillis / 10);
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new Bucket();
    }
  }

  public BreakerSettings settings() {
    return settings;
  }

  /**
   * Counts one request and says whether this request opened the breaker. Requests recorded after
   * it opened are ignored.
   *
   * @param nowMillis the time the outcome became known, ms of a monotonic clock
   * @param error true when the request failed
   * @param responseMillis its response time (time to failure for a request without response)
   * @return the trip, only for the request that opened the breaker
   */
  public synchronized Optional<Trip> record(long nowMillis, boolean error, long responseMillis) {
    if (trip != null) {
      return Optional.empty();
    }
    advanceTo(nowMillis);
    Bucket bucket = ring[(int) Math.floorMod(currentBucket, (long) ring.length)];
    long latency = Math.max(1, Math.min(HIGHEST_MILLIS, responseMillis));
    bucket.requests++;
    windowRequests++;
    if (error) {
      bucket.errors++;
      windowErrors++;
    }
    bucket.latency.recordValue(latency);
    windowLatency.recordValue(latency);
    if (windowRequests < settings.minRequests()) {
      return Optional.empty();
    }
    if (windowErrors > settings.maxErrorRate() * windowRequests) {
      trip = new Trip(String.format(Locale.ROOT,
          "error rate %.1f %% over the last %s (%,d of %,d requests) passed %s %%",
          100.0 * windowErrors / windowRequests, seconds(settings.window().toMillis()),
          windowErrors, windowRequests, plain(settings.maxErrorRate() * 100)), nowMillis);
      return Optional.of(trip);
    }
    if (lastPercentileAt == Long.MIN_VALUE || lastPercentileAt > nowMillis
        || nowMillis - lastPercentileAt >= percentileEveryMillis) {
      lastPercentileAt = nowMillis;
      // The histogram knows a value to 3 digits: its p99 is some value of [lowest, highest]
      // equivalent; only a p99 surely above the ceiling opens the breaker.
      long p99 = windowLatency.lowestEquivalentValue(windowLatency.getValueAtPercentile(99));
      if (p99 > settings.p99CeilingMillis()) {
        trip = new Trip(String.format(Locale.ROOT,
            "p99 %,d ms over the last %s (%,d requests) passed the ceiling of %,d ms",
            p99,
            seconds(settings.window().toMillis()), windowRequests, settings.p99CeilingMillis()),
            nowMillis);
        return Optional.of(trip);
      }
    }
    return Optional.empty();
  }

  /**
   * What the window holds at {@code nowMillis}, as the breaker judges it.
   *
   * @param p99Millis the window's 99th percentile response time; 0 with no request in it
   */
  public record Window(long requests, long errors, long p99Millis) {}

  /** The window as it stands at {@code nowMillis} (ms of the same monotonic clock as {@link #record}). */
  public synchronized Window window(long nowMillis) {
    advanceTo(nowMillis);
    return new Window(windowRequests, windowErrors, windowRequests == 0 ? 0
        : windowLatency.lowestEquivalentValue(windowLatency.getValueAtPercentile(99)));
  }

  /** The trip, once the breaker has opened. */
  public Optional<Trip> trip() {
    return Optional.ofNullable(trip);
  }

  public boolean isOpen() {
    return trip().isPresent();
  }

  /** Moves the window so that it ends at {@code nowMillis}: buckets that fell out are dropped. */
  private void advanceTo(long nowMillis) {
    long bucketIndex = Math.floorDiv(nowMillis, bucketMillis);
    if (currentBucket == Long.MIN_VALUE) {
      currentBucket = bucketIndex;
      return;
    }
    if (bucketIndex <= currentBucket) {
      return;
    }
    long steps = Math.min(bucketIndex - currentBucket, ring.length);
    for (long step = 1; step <= steps; step++) {
      Bucket expired = ring[(int) Math.floorMod(currentBucket + step, (long) ring.length)];
      windowRequests -= expired.requests;
      windowErrors -= expired.errors;
      if (expired.requests > 0) {
        windowLatency.subtract(expired.latency);
      }
      expired.clear();
    }
    currentBucket = bucketIndex;
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : plain(millis / 1000.0) + " s";
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
  }

  private static Histogram histogram() {
    return new Histogram(1, HIGHEST_MILLIS, DIGITS);
  }

  private static final class Bucket {
    long requests;
    long errors;
    final Histogram latency = histogram();

    void clear() {
      requests = 0;
      errors = 0;
      latency.reset();
    }
  }
}
