package io.casinoperf.gate.summary;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The one histogram configuration behind every latency figure: whole milliseconds (as Gatling
 * records them), 4 significant digits, growing as needed. Values below 32,768 ms are held exactly;
 * larger ones within 0.01 %. Memory depends on the largest value recorded, never on the count.
 */
public final class LatencyHistograms {
  /** HdrHistogram's {@code numberOfSignificantValueDigits} for latencies. */
  public static final int SIGNIFICANT_DIGITS = 4;

  private LatencyHistograms() {}

  public static Histogram empty() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /**
   * The {@code percentile}-th percentile in milliseconds, by the nearest-rank definition: the
   * smallest recorded value such that at least {@code percentile} % of all recorded values are at
   * or below it. This is the one definition of p50, p95 and p99 shared by the gate and the
   * reports. 0 for an empty histogram.
   *
   * @param percentile in (0, 100]
   */
  public static long percentile(Histogram histogram, double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
    }
    if (histogram.getTotalCount() == 0) {
      return 0;
    }
    return histogram.getValueAtPercentile(percentile);
  }

  /**
   * The {@code percentile}-th percentile with each recorded value spread evenly over its
   * resolution ([v, v + 1) ms for whole milliseconds): a continuous estimate, used for changes and
   * their intervals, where the steps of nearest-rank values on tied whole milliseconds would hide
   * changes smaller than a millisecond. Reported percentiles stay {@link #percentile nearest-rank}.
   * Subtracting 0.5 ms centres it on the nearest-rank value for exact buckets.
   *
   * @param percentile in [0, 100]
   * @return NaN for an empty histogram
   */
  public static double interpolatedPercentile(Histogram histogram, double percentile) {
    long total = histogram.getTotalCount();
    if (total == 0) {
      return Double.NaN;
    }
    double rank = Math.max(0, Math.min(1, percentile / 100)) * total;
    long below = 0;
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      long count = bucket.getCountAtValueIteratedTo();
      if (below + count >= rank) {
        long low = histogram.lowestEquivalentValue(bucket.getValueIteratedTo());
        long width = histogram.sizeOfEquivalentValueRange(bucket.getValueIteratedTo());
        double fraction = count == 0 ? 0 : (rank - below) / count;
        return low + fraction * width - 0.5;
      }
      below += count;
    }
    return histogram.getMaxValue();
  }
}
