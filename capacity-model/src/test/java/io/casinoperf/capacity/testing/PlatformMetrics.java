package io.casinoperf.capacity.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A casino platform's metrics generated from known parameters, with the calendar, capacity file
 * and load-test steps that go with them: the fixture of the forecast's tests, the example in the
 * docs and the benchmark's input.
 *
 * <p>Traffic (requests/s): {@value #LEVEL} at the start, growing {@value #GROWTH_PER_YEAR} per
 * year (log-linear), an evening peak (daily wave), busier weekends, free-spins promotions of five
 * hours from 18:00 that multiply traffic by {@value #FREE_SPINS}, and 6 % log-normal noise.
 * Resources follow it: CPU per node (6 nodes) = 6 + 0.02·rps + 2·10⁻⁶·rps² %, database
 * connections = 40 + 0.12·rps, Redis bytes = 2 GiB + 600 KiB·rps, each with noise.
 */
public final class PlatformMetrics {
  public static final double LEVEL = 900;
  public static final double GROWTH_PER_YEAR = 0.35;
  public static final double FREE_SPINS = 2.2;
  public static final long START = 1_735_689_600L; // 2025-01-01T00:00:00Z

  private PlatformMetrics() {}

  /** log of the mean traffic at t, without noise. */
  public static double logTraffic(long t, boolean promotion) {
    return logTraffic(t, promotion ? 1.0 : 0.0);
  }

  /**
   * log of the mean traffic at t, without noise, with {@code share} of the promotion's effect:
   * traffic × (1 + share × (FREE_SPINS − 1)).
   */
  public static double logTraffic(long t, double share) {
    double years = (t - START) / (365.25 * 86_400);
    double hour = Math.floorMod(t, 86_400) / 3600.0;
    long day = Math.floorDiv(t, 86_400);
    boolean weekend = Math.floorMod(day + 3, 7) >= 5; // 1970-01-01 was a Thursday
    return Math.log(LEVEL) + GROWTH_PER_YEAR * years
        + 0.45 * Math.cos(2 * Math.PI * (hour - 20) / 24) + 0.12 * Math.cos(4 * Math.PI * (hour - 20) / 24)
        + (weekend ? 0.15 : 0) + (share == 1 ? Math.log(FREE_SPINS) : Math.log1p(share * (FREE_SPINS - 1)));
  }

  /**
   * The promotions' effect at t: with {@code rampSeconds} 0, all of it inside a window and none
   * outside; else rising linearly over {@code rampSeconds} from the window's start and falling
   * linearly over as long from its end.
   */
  public static double promotionShare(long t, List<long[]> windows, long rampSeconds) {
    double share = 0;
    for (long[] w : windows) {
      if (rampSeconds == 0) {
        share = Math.max(share, t >= w[0] && t <= w[1] ? 1 : 0);
      } else if (t >= w[0] && t <= w[1] + 1 + rampSeconds) {
        double rise = Math.min(1, (t - w[0]) / (double) rampSeconds);
        double fall = t <= w[1] + 1 ? 1 : 1 - (t - w[1] - 1) / (double) rampSeconds;
        share = Math.max(share, Math.min(rise, fall));
      }
    }
    return share;
  }

  public static double cpuPercent(double rps) {
    return 6 + 0.02 * rps + 2e-6 * rps * rps;
  }

  public static double dbConnections(double rps) {
    return 40 + 0.12 * rps;
  }

  public static double redisBytes(double rps) {
    return 2.0 * (1L << 30) + 600.0 * 1024 * rps;
  }

  /** Free-spins promotions every 20 days from day 9, 18:00 to 23:00 UTC. */
  public static List<long[]> promotions(int days) {
    List<long[]> windows = new ArrayList<>();
    for (int day = 9; day < days; day += 20) {
      long start = START + day * 86_400L + 18 * 3600;
      windows.add(new long[] {start, start + 5 * 3600 - 1});
    }
    return windows;
  }

  /**
   * Writes {@code metrics.csv}, {@code calendar.yaml} (past promotions and a planned one three
   * days after the data, ×{@code plannedMultiplier}, NaN to leave it to the learned effect),
   * {@code plan.yaml} and {@code load-steps.csv} into {@code folder}.
   */
  public static void write(Path folder, int days, long stepSeconds, double plannedMultiplier, long seed)
      throws IOException {
    write(folder, days, stepSeconds, plannedMultiplier, seed, 0);
  }

  /**
   * As {@link #write(Path, int, long, double, long)}, with the past promotions rising into their
   * effect and falling out of it linearly over {@code rampSeconds} ({@link #promotionShare}).
   */
  public static void write(Path folder, int days, long stepSeconds, double plannedMultiplier, long seed,
      long rampSeconds) throws IOException {
    Files.createDirectories(folder);
    Random random = new Random(seed);
    List<long[]> promotions = promotions(days);
    try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
      out.write("timestamp,rps,cpu_percent,db_connections,redis_used_bytes\n");
      long end = START + days * 86_400L;
      StringBuilder line = new StringBuilder(96);
      for (long t = START; t < end; t += stepSeconds) {
        double rps = Math.exp(logTraffic(t, promotionShare(t, promotions, rampSeconds))
            + 0.06 * random.nextGaussian());
        line.setLength(0);
        line.append(t).append(',')
            .append(Math.round(rps * 10) / 10.0).append(',')
            .append(Math.round((cpuPercent(rps) + 1.5 * random.nextGaussian()) * 100) / 100.0).append(',')
            .append(Math.round(dbConnections(rps) + 8 * random.nextGaussian())).append(',')
            .append(Math.round(redisBytes(rps) + 5e7 * random.nextGaussian())).append('\n');
        out.write(line.toString());
      }
    }
    StringBuilder calendar = new StringBuilder("past:\n");
    int n = 1;
    for (long[] w : promotions) {
      calendar.append(String.format(Locale.ROOT, "  - {name: \"Free spins %d\", type: free-spins, start: %s, end: %s}%n",
          n++, Instant.ofEpochSecond(w[0]), Instant.ofEpochSecond(w[1] + 1)));
    }
    long plannedStart = START + (days + 3) * 86_400L + 18 * 3600;
    calendar.append(String.format(Locale.ROOT, "planned: {name: \"Black Friday\", type: free-spins, start: %s, end: %s%s}%n",
        Instant.ofEpochSecond(plannedStart), Instant.ofEpochSecond(plannedStart + 5 * 3600),
        Double.isNaN(plannedMultiplier) ? "" : ", multiplier: " + plannedMultiplier));
    Files.writeString(folder.resolve("calendar.yaml"), calendar.toString());
    Files.writeString(folder.resolve("plan.yaml"), """
        traffic: {series: rps, unit: requests/s, nodes: 6, redundancy: 1}
        resources:
          - {name: app-cpu, series: cpu_percent, unit: "%", perNode: true, nodes: 6, limit: 70, redundancy: 1}
          - {name: database-connections, series: db_connections, unit: connections, limit: 800}
          - {name: redis-memory, series: redis_used_bytes, unit: bytes, limit: 8589934592}
        """);
    StringBuilder steps = new StringBuilder("concurrency,throughput_per_s,p99_ms,error_rate,mean_ms,scv\n");
    for (int users : new int[] {1, 5, 10, 20, 30, 40, 60, 80, 100, 120}) {
      // USL with σ = 0.03, κ = 0.0004, λ = 40 requests/s per user; 2 % noise.
      double x = 40.0 * users / (1 + 0.03 * (users - 1) + 0.0004 * users * (users - 1));
      x *= 1 + 0.02 * random.nextGaussian();
      // Closed and without think time, the mean response time is users / X (Little's law); a
      // gamma-shaped time of SCV 0.4 has its p99 near 3 × its mean.
      double mean = 1000.0 * users / x;
      double p99 = mean * 3;
      steps.append(String.format(Locale.ROOT, "%d,%.1f,%.0f,%.4f,%.2f,%.2f%n", users, x, p99, 0.0, mean, 0.4));
    }
    Files.writeString(folder.resolve("load-steps.csv"), steps.toString());
  }

  /** {@code PlatformMetrics FOLDER DAYS STEP_SECONDS [MULTIPLIER]}: writes an example set. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]),
        args.length > 3 ? Double.parseDouble(args[3]) : Double.NaN, 2025);
  }
}
