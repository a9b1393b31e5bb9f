package io.casinoperf.capacity.series;

/**
 * Turns raw points into a series fit for modelling: sorted by time, points with the same
 * timestamp merged into their mean (exports often repeat a sample at a scrape boundary), put on a
 * regular step, short gaps filled, long gaps reported, incident windows excluded.
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

  /** What {@link #sortAndMerge} did, for the report. */
  public record Merged(TimeSeries series, int duplicatesMerged, boolean wasUnsorted) {}

  public static Merged sortAndMerge(RawSeries raw) {
    long[] times = raw.epochSeconds();
    double[] values = raw.values();
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
      for (int i = 0; i < n; i++) {
        sortedTimes[i] = times[order[i]];
        sortedValues[i] = values[order[i]];
      }
      System.arraycopy(sortedTimes, 0, times, 0, n);
      System.arraycopy(sortedValues, 0, values, 0, n);
    }
    long[] mergedTimes = new long[n];
    double[] mergedValues = new double[n];
    int out = 0;
    int duplicates = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      double sum = 0;
      while (j < n && times[j] == times[i]) {
        sum += values[j];
        j++;
      }
      duplicates += j - i - 1;
      mergedTimes[out] = times[i];
      mergedValues[out] = sum / (j - i);
      out++;
      i = j;
    }
    return new Merged(new TimeSeries(raw.name(), java.util.Arrays.copyOf(mergedTimes, out),
        java.util.Arrays.copyOf(mergedValues, out)), duplicates, unsorted);
  }
}
