package io.casinoperf.report;

import io.casinoperf.gate.summary.Blocks;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.IntCountsHistogram;

/**
 * All requests of a run over time, in windows counted from the run's start, so a candidate and
 * its baseline overlay however far apart they ran. Percentiles come from the per-block histograms
 * the gate keeps for every run (stored runs too), to their two significant digits.
 *
 * @param windowSeconds the width of every window
 * @param candidate the candidate's windows, in order; windows without a response are left out
 * @param baseline the baseline's, when it is one run (a pool of runs has no single time axis)
 * @param sloP99Millis the p99 SLO of all requests, drawn over the p99
 * @param stoppedAtSecond when the circuit breaker stopped the candidate, seconds after its start;
 *     null when it ran to its end
 * @param unhealthySeconds the seconds after the start in which the injector's health sampler saw
 *     it limited (late wake-ups, long GC pauses, a contended machine); empty without a run record
 */
public record OverTime(int windowSeconds, List<Window> candidate, List<Window> baseline,
    long sloP99Millis, Long stoppedAtSecond, List<Long> unhealthySeconds) {

  /** Windows at most: enough to see a ramp and a peak, few enough to read. */
  public static final int MAX_WINDOWS = 60;

  public OverTime {
    candidate = List.copyOf(candidate);
    baseline = List.copyOf(baseline);
    unhealthySeconds = List.copyOf(unhealthySeconds);
  }

  /**
   * One window: responses started in [offsetSeconds, offsetSeconds + width) after the run's start.
   *
   * @param errorRate KO share in [0, 1]
   * @param activeUsers virtual users active at the window's end; null when not known (a stored run)
   */
  public record Window(long offsetSeconds, long count, double errorRate, long p50Millis,
      long p95Millis, long p99Millis, Long activeUsers) {}

  /**
   * @param baseline the baseline when it is a single run
   * @param unhealthySeconds seconds after the start the injector was limited in
   */
  public static OverTime of(RunSummary candidate, java.util.Optional<RunSummary> baseline,
      long sloP99Millis, List<Long> unhealthySeconds) {
    long span = Math.max(candidate.duration().toMillis(),
        baseline.map(b -> b.duration().toMillis()).orElse(0L));
    long blockWidth = Math.max(candidate.all().blocks().widthMillis(),
        baseline.map(b -> b.all().blocks().widthMillis()).orElse(0L));
    long perWindow = Math.max(1, (long) Math.ceil(span / (double) (MAX_WINDOWS * blockWidth)));
    long widthMillis = niceSeconds(perWindow * blockWidth);
    long[] active = candidate.timeline().activeUsersPerSecond();
    long firstSecond = candidate.timeline().firstEpochSecond();
    List<Window> candidateWindows = windows(candidate, widthMillis, second -> {
      long index = second - firstSecond;
      return active.length == 0 ? null
          : active[(int) Math.max(0, Math.min(active.length - 1, index))];
    });
    List<Window> baselineWindows = baseline.map(b -> windows(b, widthMillis, second -> null))
        .orElse(List.of());
    Long stopped = candidate.timeline().stopsEpochMillis().stream().findFirst()
        .map(at -> Math.max(0, (at - candidate.start().toEpochMilli()) / 1000)).orElse(null);
    return new OverTime((int) (widthMillis / 1000), candidateWindows, baselineWindows,
        sloP99Millis, stopped, unhealthySeconds);
  }

  /** A window width in whole seconds a reader expects: 1, 2, 5, 10, 15, 30 s, then minutes. */
  static long niceSeconds(long millis) {
    long[] steps = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600};
    long seconds = (long) Math.ceil(millis / 1000.0);
    for (long step : steps) {
      if (step >= seconds) {
        return step * 1000;
      }
    }
    return (seconds + 3599) / 3600 * 3600_000;
  }

  private static List<Window> windows(RunSummary run, long widthMillis,
      java.util.function.LongFunction<Long> activeAtEpochSecond) {
    RequestStats all = run.all();
    Blocks blocks = all.blocks();
    long start = run.start().toEpochMilli();
    TreeMap<Long, IntCountsHistogram> latencies = new TreeMap<>();
    Map<Long, long[]> counts = new TreeMap<>();
    for (Map.Entry<Long, Blocks.Block> entry : blocks.byIndex().entrySet()) {
      // Blocks are aligned on epoch time, runs start anywhere in a second: a block goes to the
      // window its middle falls in.
      long blockMiddle = entry.getKey() * blocks.widthMillis() + blocks.widthMillis() / 2;
      long window = Math.floorDiv(Math.max(0, blockMiddle - start), widthMillis);
      Blocks.Block block = entry.getValue();
      IntCountsHistogram merged = latencies.computeIfAbsent(window, w -> {
        IntCountsHistogram h = new IntCountsHistogram(2);
        h.setAutoResize(true);
        return h;
      });
      merged.add(block.latencies());
      long[] c = counts.computeIfAbsent(window, w -> new long[2]);
      c[0] += block.count();
      c[1] += block.koCount();
    }
    List<Window> windows = new ArrayList<>();
    latencies.forEach((window, histogram) -> {
      long[] c = counts.get(window);
      if (c[0] == 0) {
        return;
      }
      long offsetSeconds = window * widthMillis / 1000;
      long endSecond = Math.floorDiv(start + (window + 1) * widthMillis - 1, 1000);
      windows.add(new Window(offsetSeconds, c[0], (double) c[1] / c[0],
          histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
          histogram.getValueAtPercentile(99), activeAtEpochSecond.apply(endSecond)));
    });
    return windows;
  }
}
