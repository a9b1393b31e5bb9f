package io.casinoperf.simulations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * What a capacity probe measured at each concurrency level: spins completed, failed, and their
 * round-trip times (to the microsecond, for the mean and variation the queueing model takes as the
 * service time), counted only in the stable part of each step (after its first quarter), from the
 * run's start as the injection schedule laid it out. Thread-safe: players record concurrently.
 */
final class ProbeSteps {
  private final List<Integer> levels;
  private final long stepMillis;
  private final long rampMillis;
  private final long[] completed;
  private final long[] failed;
  private final ConcurrentHistogram[] latencies;
  private volatile long startMillis = -1;
  /** An hour, in microseconds: longer round trips are recorded as an hour. */
  private static final long MAX_MICROS = 3_600_000_000L;

  ProbeSteps(List<Integer> levels, long stepMillis, long rampMillis) {
    this.levels = List.copyOf(levels);
    this.stepMillis = stepMillis;
    this.rampMillis = rampMillis;
    this.completed = new long[levels.size()];
    this.failed = new long[levels.size()];
    this.latencies = new ConcurrentHistogram[levels.size()];
    for (int i = 0; i < levels.size(); i++) {
      latencies[i] = new ConcurrentHistogram(MAX_MICROS, 3);
    }
  }

  /** The injection starts now. */
  void start(long epochMillis) {
    startMillis = epochMillis;
  }

  /**
   * Step k's level is held from k·(step + ramp) (k steps and k ramps before it) for one step; the
   * window is its last three quarters.
   */
  int stepAt(long epochMillis) {
    if (startMillis < 0) {
      return -1;
    }
    long offset = epochMillis - startMillis;
    for (int k = 0; k < levels.size(); k++) {
      long held = heldFromMillis(k);
      if (offset >= held + stepMillis / 4 && offset < held + stepMillis) {
        return k;
      }
    }
    return -1;
  }

  void record(long endEpochMillis, long roundTripMicros, boolean ok) {
    int k = stepAt(endEpochMillis);
    if (k < 0) {
      return;
    }
    synchronized (this) {
      completed[k]++;
      if (!ok) {
        failed[k]++;
      }
    }
    latencies[k].recordValue(Math.max(0, Math.min(roundTripMicros, MAX_MICROS)));
  }

  /**
   * Levels whose measuring window the run did not reach the end of (a run stopped early, e.g. by
   * its circuit breaker) although they recorded spins: a partial window would understate their
   * throughput, so the CSV leaves them out.
   */
  synchronized List<Integer> cutOff(long runEndEpochMillis) {
    List<Integer> cut = new java.util.ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      if (completed[k] > 0 && !windowEndedBefore(k, runEndEpochMillis)) {
        cut.add(levels.get(k));
      }
    }
    return cut;
  }

  private boolean windowEndedBefore(int k, long epochMillis) {
    return startMillis >= 0 && startMillis + heldFromMillis(k) + stepMillis <= epochMillis;
  }

  /** When step k's level starts to be held, from the start: k steps and k ramps before it. */
  private long heldFromMillis(int k) {
    return k * (rampMillis + stepMillis);
  }

  /**
   * The measuring windows, {@code [from, to)} in epoch ms, of the levels the CSV holds: every
   * level with spins in a window that ended by {@code runEndEpochMillis}.
   */
  synchronized List<long[]> windows(long runEndEpochMillis) {
    List<long[]> windows = new java.util.ArrayList<>();
    for (int k = 0; k < levels.size(); k++) {
      if (completed[k] > 0 && windowEndedBefore(k, runEndEpochMillis)) {
        long held = startMillis + heldFromMillis(k);
        windows.add(new long[] {held + stepMillis / 4, held + stepMillis});
      }
    }
    return windows;
  }

  /** As {@link #writeCsv(Path, long, Map)}, without resource columns. */
  synchronized void writeCsv(Path file, long runEndEpochMillis) throws IOException {
    writeCsv(file, runEndEpochMillis, Map.of());
  }

  /**
   * The steps as the forecast command's load-steps CSV (docs/CAPACITY-INPUTS.md), atomically:
   * every level with spins in a window that ended by {@code runEndEpochMillis}, and after the
   * probe's own columns one per resource, its mean over each of those levels' windows ({@link
   * #windows}, in order; empty where unknown).
   */
  synchronized void writeCsv(Path file, long runEndEpochMillis, Map<String, double[]> resources)
      throws IOException {
    StringBuilder csv = new StringBuilder("concurrency,throughput_per_s,p99_ms,error_rate,mean_ms,scv");
    resources.keySet().forEach(name -> csv.append(',').append(name));
    csv.append('\n');
    double seconds = stepMillis * 0.75 / 1000;
    int row = 0;
    for (int k = 0; k < levels.size(); k++) {
      if (completed[k] == 0 || !windowEndedBefore(k, runEndEpochMillis)) {
        continue;
      }
      ConcurrentHistogram h = latencies[k];
      double mean = h.getMean();
      double scv = mean > 0 ? Math.pow(h.getStdDeviation() / mean, 2) : 0;
      csv.append(String.format(Locale.ROOT, "%d,%.2f,%.1f,%.5f,%.3f,%.4f", levels.get(k), completed[k] / seconds,
          h.getValueAtPercentile(99) / 1000.0, (double) failed[k] / completed[k], Math.max(mean / 1000, 0.001), scv));
      for (double[] values : resources.values()) {
        double value = row < values.length ? values[row] : Double.NaN;
        csv.append(',').append(Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value));
      }
      csv.append('\n');
      row++;
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), ".load-steps", ".tmp");
    Files.writeString(temporary, csv, StandardCharsets.UTF_8);
    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
