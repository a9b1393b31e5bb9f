package io.casinoperf.capacity.series;

/**
 * Turns raw points into a series fit for modelling: values checked, sorted by time, exact repeats
 * of a sample dropped (exports often repeat one at a scrape or page boundary) and different values
 * at one timestamp refused, put on a regular step, short gaps filled, long gaps reported, incident
 * windows excluded.
 */
public final class Cleaning {
  private Cleaning() {}

  /** A stretch with no data, from the first missing step to the last, in epoch seconds. */
  public record Gap(long fromEpochSecond, long toEpochSecond, int missingSteps) {}

  /**
   * What {@link #resample} did.
   *
   * @param series points on the grid; the steps of long gaps and of excluded windows are absent
   * @param filledSteps steps filled by linear interpolation inside short gaps
   * @param longGaps gaps longer than the fill limit, left empty
   */
  public record Resampled(TimeSeries series, int filledSteps, java.util.List<Gap> longGaps) {
    public Resampled {
      longGaps = java.util.List.copyOf(longGaps);
    }
  }

  /**
   * Puts a series on a regular grid of {@code stepSeconds} (aligned on multiples of the step since
   * the epoch): each step holds the mean of the points in [t, t + step). Runs of at most {@code
   * maxFillSteps} empty steps between two values are filled linearly; longer ones are reported and
   * left empty.
   */
  public static Resampled resample(TimeSeries series, long stepSeconds, int maxFillSteps) {
    if (stepSeconds < 1 || maxFillSteps < 0) {
      throw new IllegalArgumentException("step must be >= 1 s and the fill limit >= 0");
    }
    int n = series.size();
    if (n == 0) {
      return new Resampled(series, 0, java.util.List.of());
    }
    long first = Math.floorDiv(series.epochSecond(0), stepSeconds);
    long last = Math.floorDiv(series.epochSecond(n - 1), stepSeconds);
    int slots = Math.toIntExact(last - first + 1);
    double[] sums = new double[slots];
    int[] counts = new int[slots];
    for (int i = 0; i < n; i++) {
      int slot = (int) (Math.floorDiv(series.epochSecond(i), stepSeconds) - first);
      sums[slot] += series.value(i);
      counts[slot]++;
    }
    long[] times = new long[slots];
    double[] values = new double[slots];
    int out = 0;
    int filled = 0;
    java.util.List<Gap> gaps = new java.util.ArrayList<>();
    for (int slot = 0; slot < slots; ) {
      if (counts[slot] > 0) {
        times[out] = (first + slot) * stepSeconds;
        values[out++] = sums[slot] / counts[slot];
        slot++;
        continue;
      }
      int end = slot;
      while (counts[end] == 0) {
        end++;
      }
      int missing = end - slot;
      if (missing <= maxFillSteps) {
        double before = sums[slot - 1] / counts[slot - 1];
        double after = sums[end] / counts[end];
        for (int k = 1; k <= missing; k++) {
          times[out] = (first + slot - 1 + k) * stepSeconds;
          values[out++] = before + (after - before) * k / (missing + 1);
        }
        filled += missing;
      } else {
        gaps.add(new Gap((first + slot) * stepSeconds, (first + end - 1) * stepSeconds, missing));
      }
      slot = end;
    }
    return new Resampled(new TimeSeries(series.name(), java.util.Arrays.copyOf(times, out),
        java.util.Arrays.copyOf(values, out)), filled, gaps);
  }

  /** The series without its points inside any of the windows ([from, to], epoch seconds). */
  public static TimeSeries exclude(TimeSeries series, java.util.List<long[]> windows) {
    long[] times = new long[series.size()];
    double[] values = new double[series.size()];
    int out = 0;
    for (int i = 0; i < series.size(); i++) {
      long t = series.epochSecond(i);
      boolean excluded = false;
      for (long[] window : windows) {
        excluded |= t >= window[0] && t <= window[1];
      }
      if (!excluded) {
        times[out] = t;
        values[out++] = series.value(i);
      }
    }
    return new TimeSeries(series.name(), java.util.Arrays.copyOf(times, out),
        java.util.Arrays.copyOf(values, out));
  }

  /**
   * An exact repeat: the sample at {@code epochSecond} on {@code line} has the value of the one on
   * {@code firstLine} (lines 0 when the format has none).
   */
  public record Repeat(long epochSecond, double value, long line, long firstLine) {}

  /**
   * What {@link #sortAndMerge} did, for the report.
   *
   * @param duplicatesMerged exact repeats (same timestamp, same value) left out
   * @param firstDuplicate the earliest of them in time, or null when there is none
   */
  public record Merged(TimeSeries series, int duplicatesMerged, boolean wasUnsorted,
      Repeat firstDuplicate) {}

  /**
   * Sorts the points by time (stably: equal timestamps keep their file order) and keeps one point
   * per timestamp. A sample repeated exactly — same timestamp, same value, as an export writes at a
   * page or scrape boundary — is left out and counted; two different values at one timestamp are
   * refused, because any way of choosing between them (their mean, the first, the last) would
   * change the forecast without anyone deciding it. The values are checked first: each must be a
   * finite number from 0 up to 10^15 (every series is a count, a rate, a percentage or a size).
   *
   * @param file the file the series came from, for messages
   * @throws MetricsFormatException naming the file, the series and the line (or time) of a value
   *     out of range, or of the second of two different values at one timestamp
   */
  public static Merged sortAndMerge(java.nio.file.Path file, RawSeries raw) {
    SampleValues.check(file, raw);
    long[] times = raw.epochSeconds();
    double[] values = raw.values();
    long[] lines = raw.lines();
    int n = times.length;
    boolean unsorted = false;
    for (int i = 1; i < n && !unsorted; i++) {
      unsorted = times[i] < times[i - 1];
    }
    if (unsorted) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // Stable: equal timestamps keep their file order.
      java.util.Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
      long[] sortedTimes = new long[n];
      double[] sortedValues = new double[n];
      long[] sortedLines = new long[n];
      for (int i = 0; i < n; i++) {
        sortedTimes[i] = times[order[i]];
        sortedValues[i] = values[order[i]];
        sortedLines[i] = lines[order[i]];
      }
      System.arraycopy(sortedTimes, 0, times, 0, n);
      System.arraycopy(sortedValues, 0, values, 0, n);
      System.arraycopy(sortedLines, 0, lines, 0, n);
    }
    long[] keptTimes = new long[n];
    double[] keptValues = new double[n];
    int out = 0;
    int duplicates = 0;
    Repeat first = null;
    for (int i = 0; i < n; ) {
      int j = i + 1;
      while (j < n && times[j] == times[i]) {
        if (values[j] != values[i]) {
          throw conflict(file, raw.name(), times[i], values[i], lines[i], values[j], lines[j]);
        }
        if (first == null) {
          first = new Repeat(times[j], values[j], lines[j], lines[i]);
        }
        j++;
      }
      duplicates += j - i - 1;
      keptTimes[out] = times[i];
      keptValues[out] = values[i];
      out++;
      i = j;
    }
    return new Merged(new TimeSeries(raw.name(), java.util.Arrays.copyOf(keptTimes, out),
        java.util.Arrays.copyOf(keptValues, out)), duplicates, unsorted, first);
  }

  private static MetricsFormatException conflict(java.nio.file.Path file, String series, long time,
      double firstValue, long firstLine, double secondValue, long secondLine) {
    String first = SampleValues.number(firstValue) + (firstLine > 0 ? " on line " + firstLine : "");
    String second = SampleValues.number(secondValue) + (secondLine > 0 ? " on line " + secondLine : "");
    return new MetricsFormatException(file, secondLine, "series '" + series + "' has two different values at "
        + Timestamps.format(time) + ": " + first + " and " + second + "; keep one of them");
  }
}
