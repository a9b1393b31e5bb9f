package io.casinoperf.gate.verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares written as percentages with the digits that show a difference: two decimals, more when
 * two decimals would make two different shares look equal (1.0036 % against 1.00 %, not "1.00 %
 * is above 1.00 %"), up to six.
 */
public final class Percentages {
  private static final int MIN_DECIMALS = 2;
  private static final int MAX_DECIMALS = 6;

  private Percentages() {}

  /** {@code share} and {@code other} as percentages, each with the digits that tell them apart. */
  static String[] distinct(double share, double other) {
    int decimals = MIN_DECIMALS;
    while (decimals < MAX_DECIMALS && share != other
        && round(share, decimals).compareTo(round(other, decimals)) == 0) {
      decimals++;
    }
    // Where two decimals were not enough, one more digit than the first that differs, so the
    // difference is not a rounding's: 1.0036, not 1.004.
    if (decimals > MIN_DECIMALS && decimals < MAX_DECIMALS) {
      decimals++;
    }
    return new String[] {format(share, decimals), format(other, decimals)};
  }

  private static BigDecimal round(double share, int decimals) {
    return new BigDecimal(share * 100).setScale(decimals, RoundingMode.HALF_EVEN);
  }

  private static String format(double share, int decimals) {
    if (!Double.isFinite(share)) {
      return Double.toString(share);
    }
    BigDecimal rounded = round(share, decimals);
    // Decimals beyond two only as far as they carry digits: 1.0036, not 1.003600.
    String plain = rounded.stripTrailingZeros().toPlainString();
    int dot = plain.indexOf('.');
    int shown = dot < 0 ? 0 : plain.length() - dot - 1;
    return shown >= MIN_DECIMALS ? plain : rounded.setScale(MIN_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * A confidence as a percentage with the digits that show its distance from certainty, cut, not
   * rounded, so it never reads 100 %: 0.96 is {@code 96%}, 0.99583 {@code 99.5%}, 0.99961
   * {@code 99.96%}.
   */
  public static String confidence(double level) {
    double miss = 100 * (1 - level);
    int decimals = miss > 0 ? (int) Math.max(0, Math.min(4, -Math.floor(Math.log10(miss)))) : 4;
    return new BigDecimal(100 * level).setScale(decimals, RoundingMode.DOWN).toPlainString() + "%";
  }
}
