package io.casinoperf.gate.verdict;

import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Runs made of generated response times with known distributions, recorded as Gatling records
 * them (whole milliseconds, so with ties), 100 requests a second per request name.
 */
final class SyntheticRuns {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  private static final RunHeader HEADER =
      new RunHeader("3.15.1", "synthetic.Simulation", Instant.ofEpochMilli(START), "", List.of("s"), List.of());

  private SyntheticRuns() {}

  /** Log-normal response time with the given median (ms) and log-spread. */
  static ToDoubleFunction<SplittableRandom> logNormal(double median, double sigma) {
    return random -> median * Math.exp(sigma * gaussian(random));
  }

  /** A mixture: with probability {@code slowShare} from {@code slow}, else from {@code fast}. */
  static ToDoubleFunction<SplittableRandom> mixture(
      ToDoubleFunction<SplittableRandom> fast, ToDoubleFunction<SplittableRandom> slow, double slowShare) {
    return random -> random.nextDouble() < slowShare ? slow.applyAsDouble(random) : fast.applyAsDouble(random);
  }

  /** The same distribution with every value multiplied by {@code factor}. */
  static ToDoubleFunction<SplittableRandom> scaled(ToDoubleFunction<SplittableRandom> base, double factor) {
    return random -> base.applyAsDouble(random) * factor;
  }

  /**
   * Responses that depend on each other through time: every second draws a slowdown factor
   * (log-normal, median 1, log-spread {@code sigmaPerSecond}) that multiplies all its responses,
   * as GC pauses and queueing do on a real platform.
   */
  static RunSummary dependentRun(int perName, ToDoubleFunction<SplittableRandom> latency,
      double sigmaPerSecond, SplittableRandom random) {
    RequestStats stats = new RequestStats();
    double factor = 1;
    for (int i = 0; i < perName; i++) {
      if (i % 100 == 0) {
        factor = Math.exp(sigmaPerSecond * gaussian(random));
      }
      stats.record(START + i * 10L, Math.round(latency.applyAsDouble(random) * factor), true, "");
    }
    TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
    requests.put(RequestKey.of("request-0"), stats);
    return new RunSummary(List.of(HEADER), Instant.ofEpochMilli(START),
        Instant.ofEpochMilli(START + perName * 10L), stats, requests, new TreeMap<>(), 0, 0, Map.of(),
        new Timeline(), false, List.of());
  }

  /**
   * A run of {@code names} request names, {@code perName} responses each, all OK.
   *
   * @param latency draws one response time in ms, rounded to a whole millisecond when recorded
   */
  static RunSummary run(
      int names, int perName, ToDoubleFunction<SplittableRandom> latency, SplittableRandom random) {
    RequestStats all = new RequestStats();
    TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
    for (int name = 0; name < names; name++) {
      RequestStats stats = new RequestStats();
      for (int i = 0; i < perName; i++) {
        long start = START + i * 10L;
        // Gatling records whole milliseconds: ties, as in real logs.
        long millis = Math.round(latency.applyAsDouble(random));
        stats.record(start, millis, true, "");
      }
      requests.put(RequestKey.of("request-" + name), stats);
      all.add(stats);
    }
    return new RunSummary(List.of(HEADER), Instant.ofEpochMilli(START),
        Instant.ofEpochMilli(START + perName * 10L), all, requests, new TreeMap<>(), 0, 0, Map.of(),
        new Timeline(), false, List.of());
  }

  /** Box–Muller on the given generator, so runs are reproducible from a seed. */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
