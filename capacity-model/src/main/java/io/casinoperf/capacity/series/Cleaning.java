package io.casinoperf.capacity.series;

/**
 * Turns raw points into a series: sorted by time, points with the same timestamp merged into
 * their mean (exports often repeat a sample at a scrape boundary).
 */
public final class Cleaning {
  private Cleaning() {}

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
