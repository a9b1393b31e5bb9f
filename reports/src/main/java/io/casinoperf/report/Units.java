package io.casinoperf.report;

import java.util.Locale;

/**
 * Numbers in the units a planner reads: bytes as KiB, MiB, GiB or TiB, large counts with k, M or
 * G, everything else as it is, with four significant digits and grouped thousands: {@code 5.448
 * GiB}, {@code 16.4 k requests/s}, {@code 70 %}, {@code 828.5 connections}.
 */
public final class Units {
  private static final String[] BINARY = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private Units() {}

  /**
   * A common scale for numbers shown beside each other (a row of quantiles and its limit): the
   * unit chosen for {@code reference}, so 5.85e9 and 8.59e9 bytes both read in GiB.
   *
   * @param divisor what each value is divided by
   * @param unit the unit the divided values are in
   */
  public record Scale(double divisor, String unit) {
    /** {@code value} on this scale, without the unit. */
    public String number(double value) {
      return Double.isFinite(value) ? ForecastWriters.num(value / divisor) : "n/a";
    }
  }

  public static Scale scaleFor(String unit, double reference) {
    String u = unit == null ? "" : unit.strip();
    double a = Double.isFinite(reference) ? Math.abs(reference) : 0;
    if (u.equalsIgnoreCase("bytes") || u.equalsIgnoreCase("byte") || u.equals("B")) {
      int power = 0;
      while (a >= 1024 && power < BINARY.length - 1) {
        a /= 1024;
        power++;
      }
      return new Scale(Math.pow(1024, power), BINARY[power]);
    }
    if (a >= 1e9) {
      return new Scale(1e9, u.isEmpty() ? "G" : "G " + u);
    }
    if (a >= 1e6) {
      return new Scale(1e6, u.isEmpty() ? "M" : "M " + u);
    }
    if (a >= 1e5) {
      return new Scale(1e3, u.isEmpty() ? "k" : "k " + u);
    }
    return new Scale(1, u);
  }
}
