package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.SortedSample;
import java.util.Arrays;

/**
 * The errors a model made on its validation blocks, which give its prediction intervals, with how
 * far ahead each was made. Errors usually grow with the lead time, so the spread of the intervals
 * does too: the lead times are cut into up to {@link #MAX_BUCKETS} equal stretches of at least
 * {@link #MIN_PER_BUCKET} errors, and the deviations of the pooled errors from their median are
 * widened (or narrowed) in each stretch by the ratio of its mean absolute deviation to the pooled
 * one, never less than an earlier stretch's. Past the longest lead validated, the last stretch's
 * ratio holds; at or before the forecast's start, the first one's. The intervals are centred on
 * the median error of the most recent blocks (those the model was chosen on), as older blocks
 * say more about the spread than about the bias of a model fitted up to now.
 */
final class ForecastErrors {
  static final int MAX_BUCKETS = 4;
  static final int MIN_PER_BUCKET = 30;

  private final double[] sorted;
  private final double median;
  private final double recentMedian;
  private final double[] widening;
  private final int leadsPerBucket;
  private final long originEpochSecond;
  private final long stepSeconds;

  /**
   * @param errors validation errors (the model's transformed scale)
   * @param leads for each error, how many steps after its block's start it came (0 for the first)
   * @param recent how many of the errors, at the end, come from the most recent blocks
   * @param originEpochSecond where the model's forecasts start
   * @param stepSeconds the series' step
   */
  ForecastErrors(double[] errors, int[] leads, int recent, long originEpochSecond,
      long stepSeconds) {
    if (errors.length != leads.length || recent < 0 || recent > errors.length) {
      throw new IllegalArgumentException("one lead per error, and at most as many recent ones");
    }
    double[] latest = Arrays.copyOfRange(errors, errors.length - recent, errors.length);
    Arrays.sort(latest);
    this.sorted = errors.clone();
    Arrays.sort(sorted);
    this.median = sorted.length == 0 ? 0 : SortedSample.quantile(sorted, 0.5);
    this.recentMedian = latest.length == 0 ? median : SortedSample.quantile(latest, 0.5);
    this.originEpochSecond = originEpochSecond;
    this.stepSeconds = stepSeconds;
    int longest = 0;
    for (int lead : leads) {
      longest = Math.max(longest, lead + 1);
    }
    int buckets = Math.max(1, Math.min(Math.min(MAX_BUCKETS, longest), errors.length / MIN_PER_BUCKET));
    this.leadsPerBucket = Math.max(1, (longest + buckets - 1) / buckets);
    double[] deviation = new double[buckets];
    int[] count = new int[buckets];
    double pooled = 0;
    for (int i = 0; i < errors.length; i++) {
      int b = Math.min(buckets - 1, leads[i] / leadsPerBucket);
      double d = Math.abs(errors[i] - median);
      deviation[b] += d;
      count[b]++;
      pooled += d;
    }
    pooled = errors.length == 0 ? 0 : pooled / errors.length;
    this.widening = new double[buckets];
    double floor = 0;
    for (int b = 0; b < buckets; b++) {
      double ratio = pooled > 0 && count[b] > 0 ? deviation[b] / count[b] / pooled : 1;
      widening[b] = Math.max(floor, ratio);
      floor = widening[b];
    }
  }

  int size() {
    return sorted.length;
  }

  /**
   * The {@code probability} quantile of the errors, whatever their lead: the spread of them all
   * around the recent blocks' median.
   */
  double quantile(double probability) {
    return recentMedian + SortedSample.quantile(sorted, probability) - median;
  }

  /** The {@code probability} quantile of the error of a forecast for {@code epochSecond}. */
  double quantile(double probability, long epochSecond) {
    double spread = SortedSample.quantile(sorted, probability) - median;
    return recentMedian + spread * widening(epochSecond);
  }

  /** The factor on the pooled spread at {@code epochSecond}. */
  double widening(long epochSecond) {
    long lead = epochSecond <= originEpochSecond ? 0 : (epochSecond - originEpochSecond) / stepSeconds;
    return widening[(int) Math.min(widening.length - 1, lead / leadsPerBucket)];
  }
}
