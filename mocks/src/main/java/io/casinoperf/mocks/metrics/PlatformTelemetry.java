package io.casinoperf.mocks.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the embedded platform tells Prometheus about itself at {@code /metrics}, as a real casino
 * platform's services do: its process (CPU seconds, memory: the Prometheus client's own process
 * collector), requests by operation and status, how long wallet operations waited for their
 * player's wallet lock, the players active in the last minute, and — modelled, since the stand-in
 * has neither — the database connections and Redis memory a platform of its kind would use at
 * that load:
 *
 * <ul>
 *   <li>{@code casino_platform_db_connections} = 5 idle + one per 50 active players + requests
 *       per second × 4 ms (by Little's law, the connections busy when each request holds one for
 *       4 ms), at most {@value #POOL} (the pool);
 *   <li>{@code casino_platform_redis_used_memory_bytes} = 64 MiB + 48 KiB per active player (its
 *       session and cached wallet) + 1 MiB per request per second (write buffers and recent
 *       transactions).
 * </ul>
 *
 * Rates are over the last {@value #RATE_SECONDS} whole seconds. Thread-safe; recording is a few
 * lock-free updates.
 */
public final class PlatformTelemetry {
  static final int POOL = 400;
  static final int RATE_SECONDS = 10;
  static final long ACTIVE_NANOS = 60_000_000_000L;
  static final double IDLE_CONNECTIONS = 5;
  static final double PLAYERS_PER_CONNECTION = 50;
  static final double CONNECTION_SECONDS_PER_REQUEST = 0.004;
  static final double REDIS_BASE_BYTES = 64 * 1024 * 1024;
  static final double REDIS_BYTES_PER_PLAYER = 48 * 1024;
  static final double REDIS_BYTES_PER_REQUEST_PER_SECOND = 1024 * 1024;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram lockWaits;
  private final ConcurrentMap<String, Long> lastSeen = new ConcurrentHashMap<>();
  /**
   * Requests per second, one slot a second in a ring: each slot holds its second in the high bits
   * and its count in the low {@value #COUNT_BITS}, so that a new second replaces the count and a
   * request adds to it in one compare-and-set, and no request is lost at the turn of a second.
   */
  private final AtomicLongArray slots = new AtomicLongArray(RATE_SECONDS + 1);
  private static final int COUNT_BITS = 24;
  private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
  private final long startNanos = System.nanoTime();

  public PlatformTelemetry() {
    ProcessMetrics.builder().register(registry);
    requests = Counter.builder().name("casino_platform_requests_total")
        .help("API requests served, by operation and HTTP status")
        .labelNames("operation", "code").register(registry);
    lockWaits = Histogram.builder().name("casino_platform_wallet_lock_wait_seconds")
        .help("How long a wallet operation (spin, deposit, withdrawal) waited for its player's wallet lock")
        .classicOnly().classicUpperBounds(1e-6, 1e-5, 1e-4, 1e-3, 0.005, 0.01, 0.05, 0.1, 0.5, 1)
        .register(registry);
    GaugeWithCallback.builder().name("casino_platform_active_players")
        .help("Players with a request in the last minute")
        .callback(callback -> callback.call(activePlayers())).register(registry);
    GaugeWithCallback.builder().name("casino_platform_db_connections")
        .help("Database connections in use (modelled: 5 + active players / 50 + requests/s × 4 ms, at most "
            + POOL + ")")
        .callback(callback -> callback.call(dbConnections(activePlayers(), requestsPerSecond())))
        .register(registry);
    GaugeWithCallback.builder().name("casino_platform_db_connections_max")
        .help("The database pool's size (modelled)")
        .callback(callback -> callback.call(POOL)).register(registry);
    GaugeWithCallback.builder().name("casino_platform_redis_used_memory_bytes")
        .help("Redis memory in use (modelled: 64 MiB + 48 KiB per active player + 1 MiB per request/s)")
        .callback(callback -> callback.call(redisBytes(activePlayers(), requestsPerSecond())))
        .register(registry);
  }

  /** The modelled database connections for so many active players and requests per second. */
  public static double dbConnections(long activePlayers, double requestsPerSecond) {
    return Math.min(POOL, IDLE_CONNECTIONS + activePlayers / PLAYERS_PER_CONNECTION
        + requestsPerSecond * CONNECTION_SECONDS_PER_REQUEST);
  }

  /** The modelled Redis memory for so many active players and requests per second. */
  public static double redisBytes(long activePlayers, double requestsPerSecond) {
    return REDIS_BASE_BYTES + activePlayers * REDIS_BYTES_PER_PLAYER
        + requestsPerSecond * REDIS_BYTES_PER_REQUEST_PER_SECOND;
  }

  /**
   * One API request answered.
   *
   * @param player the player it was for, or null (a login that failed, a request without a token)
   */
  public void served(String operation, int status, String player) {
    requests.labelValues(operation, Integer.toString(status)).inc();
    long now = System.nanoTime();
    if (player != null) {
      lastSeen.put(player, now);
    }
    long second = (now - startNanos) / 1_000_000_000L;
    int slot = (int) (second % slots.length());
    slots.getAndUpdate(slot, packed -> packed >>> COUNT_BITS == second
        ? (packed & COUNT_MASK) == COUNT_MASK ? packed : packed + 1
        : second << COUNT_BITS | 1);
  }

  /** A wallet operation waited {@code nanos} for its wallet's lock. */
  public void lockWaited(long nanos) {
    lockWaits.observe(nanos / 1e9);
  }

  /** Requests per second over the last {@value #RATE_SECONDS} whole seconds. */
  public double requestsPerSecond() {
    long current = (System.nanoTime() - startNanos) / 1_000_000_000L;
    long total = 0;
    int seconds = 0;
    for (long s = current - RATE_SECONDS; s < current; s++) {
      if (s < 0) {
        continue;
      }
      seconds++;
      long packed = slots.get((int) (s % slots.length()));
      if (packed >>> COUNT_BITS == s) {
        total += packed & COUNT_MASK;
      }
    }
    return seconds == 0 ? 0 : total / (double) seconds;
  }

  /** Players seen in the last minute; those seen longer ago are forgotten. */
  public long activePlayers() {
    long now = System.nanoTime();
    lastSeen.values().removeIf(seen -> now - seen > ACTIVE_NANOS);
    return lastSeen.size();
  }

  /** The metrics in Prometheus' text format (version 0.0.4). */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The content type of {@link #scrape}. */
  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
