package io.casinoperf.gate.summary;

import org.HdrHistogram.Histogram;

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
}
