package io.casinoperf.gate.stats;

import io.casinoperf.gate.summary.LatencyHistograms;
import io.casinoperf.gate.summary.RequestStats;

/**
 * A percentile of one run's response times with its standard error on the log scale.
 *
 * <p>The sample percentile's uncertainty comes from order statistics: the share of responses
 * below it has standard error √(p(1−p)/n), widened by the measured {@link DesignEffect} of the
 * responses' time blocks (n becomes n / deff). The values at p ± one such error bound the
 * percentile; half their log-distance is its standard error on the log scale. All three are read
 * as {@link LatencyHistograms#interpolatedPercentile interpolated} percentiles, so that tied whole
 * milliseconds do not turn the error into steps of one millisecond.
 *
 * @param percentile in (0, 100)
 * @param valueMillis the nearest-rank percentile, as reported
 * @param interpolatedMillis the interpolated percentile the change is computed from
 * @param lowerMillis the interpolated value one standard error of rank below
 * @param upperMillis the interpolated value one standard error of rank above
 * @param count responses it was estimated from
 * @param designEffect variance inflation from dependence, at least 1
 * @param logStandardError standard error of ln(value)
 */
public record PercentileEstimate(
    double percentile,
    long valueMillis,
    double interpolatedMillis,
    double lowerMillis,
    double upperMillis,
    long count,
    double designEffect,
    double logStandardError) {

  /** Response times are floored here on the log scale: below a tenth of a millisecond is noise. */
  public static final double FLOOR_MILLIS = 0.1;

  public static PercentileEstimate of(RequestStats stats, double percentile) {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100), was " + percentile);
    }
    long n = stats.count();
    long value = LatencyHistograms.percentile(stats.all(), percentile);
    if (n == 0) {
      return new PercentileEstimate(percentile, 0, Double.NaN, Double.NaN, Double.NaN, 0, 1,
          Double.POSITIVE_INFINITY);
    }
    double deff = DesignEffect.ofLatencyAbove(stats.blocks(), value);
    double p = percentile / 100;
    double rankError = Math.sqrt(p * (1 - p) * deff / n);
    double interpolated = LatencyHistograms.interpolatedPercentile(stats.all(), percentile);
    double lower = LatencyHistograms.interpolatedPercentile(stats.all(), Math.max(0, p - rankError) * 100);
    double upper = LatencyHistograms.interpolatedPercentile(stats.all(), Math.min(1, p + rankError) * 100);
    double logError = (Math.log(Math.max(FLOOR_MILLIS, upper)) - Math.log(Math.max(FLOOR_MILLIS, lower))) / 2;
    return new PercentileEstimate(percentile, value, interpolated, lower, upper, n, deff, logError);
  }

}
