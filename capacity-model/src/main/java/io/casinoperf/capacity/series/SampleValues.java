package io.casinoperf.capacity.series;

import java.nio.file.Path;

/**
 * What a metric's value may be. Every series the capacity model reads is a quantity that cannot
 * go below zero — requests per second, CPU percent, connections, bytes — so a negative value is a
 * broken export (a counter reset taken as a rate, a sign flipped), not data. Values must also stay
 * below {@value #LIMIT}: no capacity quantity comes near it (a petabyte is 10^15 bytes), and the
 * charts cannot draw the magnitudes a corrupt export produces (1.7e308).
 */
final class SampleValues {
  /** Values must be below this: 10^15. */
  static final double LIMIT = 1e15;

  private SampleValues() {}

  /**
   * @throws MetricsFormatException naming the file, the series and the line (or, where the format
   *     has no lines, the time) of the first value in file order that is not a finite number from 0
   *     up to {@link #LIMIT}
   */
  static void check(Path file, RawSeries raw) {
    double[] values = raw.values();
    long[] lines = raw.lines();
    long[] times = raw.epochSeconds();
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      String problem = !Double.isFinite(v) ? "is not a finite number"
          : v < 0 ? "is negative; every series is a quantity of 0 or more (requests, percent,"
              + " connections, bytes)"
          : v >= LIMIT ? "is too large; values must be below 1e15"
          : null;
      if (problem != null) {
        String where = lines[i] > 0 ? "" : " at " + Timestamps.format(times[i]);
        throw new MetricsFormatException(file, lines[i], "series '" + raw.name() + "'" + where + ": "
            + number(v) + " " + problem);
      }
    }
  }

  /** A value as a person would write it: 42 rather than 42.0. */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < LIMIT ? String.valueOf((long) v) : String.valueOf(v);
  }
}
