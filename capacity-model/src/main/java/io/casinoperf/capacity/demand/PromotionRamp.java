package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;
import java.util.Optional;

/**
 * How traffic rose into and fell out of past promotions of one type: the share of the promotion's
 * effect present at each offset from the window's start (the rise) and from its end (the fall),
 * averaged over the promotions. A share of 0 is organic traffic, 1 the full effect: at time t,
 * traffic ÷ organic = 1 + share × (multiplier − 1), with the multiplier the past promotions'.
 *
 * <p>The demand model treats a promotion as a step (its multiplier inside the window, nothing
 * outside); this is the shape the step stands for, for a load test that should rise and fall the
 * way the real traffic did.
 *
 * @param type the promotion type
 * @param promotions how many past promotions the shape averages; 0 for {@link #step}
 * @param stepSeconds the spacing of {@code rise} and {@code fall}
 * @param riseFromSeconds the offset from the window's start of {@code rise[0]} (negative: before)
 * @param rise the effect's share at {@code riseFromSeconds + i × stepSeconds}
 * @param fallFromSeconds the offset from the window's end of {@code fall[0]}
 * @param fall the effect's share at {@code fallFromSeconds + i × stepSeconds}
 * @param riseSeconds how long the rise took from 10 % to 90 % of the effect
 * @param fallSeconds how long the fall took from 90 % to 10 % of the effect
 */
public record PromotionRamp(String type, int promotions, long stepSeconds, long riseFromSeconds,
    double[] rise, long fallFromSeconds, double[] fall, long riseSeconds, long fallSeconds) {

  /** How far before the start and after the end the shape is looked at. */
  static final long MARGIN_SECONDS = 2 * 3_600L;
  /** How far into the window from either side. */
  static final long INSIDE_SECONDS = 3 * 3_600L;

  /** The demand model's own shape: the whole effect inside the window, none outside. */
  public static PromotionRamp step(String type) {
    return new PromotionRamp(type, 0, 1, 0, new double[] {1}, 0, new double[] {0}, 0, 0);
  }

  /**
   * The shape of past promotions of {@code type} in the traffic, against the demand model's
   * organic median, scaled so that the plateau inside the windows (the upper quartile of the
   * shares there) is 1; empty when none lies in the traffic with its margins, or when their effect
   * is too small to measure a shape on (a multiplier within 5 % of 1, or a plateau under a fifth
   * of it).
   *
   * @param windows the past promotions of the type, each {@code [start, end)} in epoch seconds
   */
  public static Optional<PromotionRamp> learn(RegularSeries traffic, DemandModel demand, String type,
      List<long[]> windows) {
    if (demand.effect(type) == null) {
      return Optional.empty();
    }
    double multiplier = demand.effect(type).multiplier();
    if (!(Math.abs(multiplier - 1) >= 0.05)) {
      return Optional.empty();
    }
    long step = traffic.stepSeconds();
    long first = traffic.epochSecond(0);
    long last = traffic.epochSecond(traffic.slots() - 1);
    int before = (int) (MARGIN_SECONDS / step);
    // Offsets reach INSIDE_SECONDS into a window from either side; a shorter window reaches only
    // to its middle and leaves the deeper points to the longer ones.
    int deepest = (int) (INSIDE_SECONDS / step);
    double[] riseSum = new double[before + deepest + 1];
    int[] riseCount = new int[riseSum.length];
    double[] fallSum = new double[deepest + before + 1];
    int[] fallCount = new int[fallSum.length];
    int used = 0;
    for (long[] window : windows) {
      long start = window[0];
      long end = window[1];
      int into = (int) (Math.min(INSIDE_SECONDS, (end - start) / 2) / step);
      if (start - MARGIN_SECONDS < first || end + MARGIN_SECONDS > last || into < 1) {
        continue;
      }
      used++;
      // rise[i] is at start + (i − before) steps, fall[i] at end + (i − deepest) steps.
      for (int i = 0; i <= before + into; i++) {
        add(riseSum, riseCount, i, share(traffic, demand, multiplier, start + (i - before) * step));
      }
      for (int i = deepest - into; i < fallSum.length; i++) {
        add(fallSum, fallCount, i, share(traffic, demand, multiplier, end + (i - deepest) * step));
      }
    }
    if (used == 0) {
      return Optional.empty();
    }
    double[] rise = mean(riseSum, riseCount);
    double[] fall = mean(fallSum, fallCount);
    // The model's multiplier is the window's average effect: ramps inside the window pull it
    // below the plateau. The plateau, the upper quartile of the shares inside the windows, is 1.
    int into = fall.length - 1 - before;
    double[] inside = new double[rise.length - before + into];
    System.arraycopy(rise, before, inside, 0, rise.length - before);
    System.arraycopy(fall, 0, inside, rise.length - before, into);
    java.util.Arrays.sort(inside);
    double plateau = inside[(int) Math.floor(0.75 * (inside.length - 1))];
    if (!(plateau > 0.2)) {
      return Optional.empty();
    }
    for (int i = 0; i < rise.length; i++) {
      rise[i] /= plateau;
    }
    for (int i = 0; i < fall.length; i++) {
      fall[i] /= plateau;
    }
    long riseFrom = -before * step;
    long fallFrom = -(long) (fall.length - 1 - before) * step;
    long riseTime = riseTime(rise, step);
    long fallTime = fallTime(fall, step);
    return Optional.of(new PromotionRamp(type, used, step, riseFrom, rise, fallFrom, fall,
        Math.max(0, riseTime), Math.max(0, fallTime)));
  }

  /** The effect's share at t: (traffic ÷ organic − 1) ÷ (multiplier − 1); NaN in a gap. */
  private static double share(RegularSeries traffic, DemandModel demand, double multiplier, long t) {
    long slot = traffic.slotOf(t);
    if (slot < 0 || slot >= traffic.slots()) {
      return Double.NaN;
    }
    double actual = traffic.value((int) slot);
    double organic = demand.median(t, PromotionScenario.organic());
    if (!(organic > 0) || Double.isNaN(actual)) {
      return Double.NaN;
    }
    return (actual / organic - 1) / (multiplier - 1);
  }

  private static void add(double[] sum, int[] count, int i, double value) {
    if (!Double.isNaN(value)) {
      sum[i] += value;
      count[i]++;
    }
  }

  private static double[] mean(double[] sum, int[] count) {
    double[] mean = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
    }
    // A gap takes its neighbours' mean, or the nearest side's value at an end.
    for (int i = 0; i < mean.length; i++) {
      if (Double.isNaN(mean[i])) {
        double left = i > 0 ? mean[i - 1] : Double.NaN;
        double right = Double.NaN;
        for (int j = i + 1; j < mean.length && Double.isNaN(right); j++) {
          right = mean[j];
        }
        mean[i] = Double.isNaN(left) ? (Double.isNaN(right) ? 0 : right)
            : Double.isNaN(right) ? left : (left + right) / 2;
      }
    }
    return mean;
  }

  /**
   * From the last time the curve was under 10 % before it first reached 90 % to that moment, in
   * seconds, interpolated between points: dips inside the plateau do not count.
   */
  private static long riseTime(double[] curve, long step) {
    int high = 0;
    while (high < curve.length - 1 && curve[high] < 0.9) {
      high++;
    }
    int low = high;
    while (low > 0 && curve[low] >= 0.1) {
      low--;
    }
    return Math.round((at(curve, high, 0.9) - at(curve, low + 1, 0.1)) * step);
  }

  /** From the last time the curve was at 90 % to the first time after it fell to 10 %, in seconds. */
  private static long fallTime(double[] curve, long step) {
    int high = curve.length - 1;
    while (high > 0 && curve[high] < 0.9) {
      high--;
    }
    int low = high;
    while (low < curve.length - 1 && curve[low] > 0.1) {
      low++;
    }
    return Math.round((at(curve, low, 0.1) - at(curve, high + 1, 0.9)) * step);
  }

  /**
   * Where, in points, the curve crosses {@code level} between point {@code i − 1} and point
   * {@code i} (linearly); {@code i} itself at the curve's ends or when the two are equal.
   */
  private static double at(double[] curve, int i, double level) {
    if (i <= 0 || i >= curve.length) {
      return Math.max(0, Math.min(i, curve.length - 1));
    }
    double from = curve[i - 1];
    double to = curve[i];
    if (from == to) {
      return i;
    }
    return i - 1 + Math.max(0, Math.min(1, (level - from) / (to - from)));
  }

  /**
   * The effect's share at {@code t} in a window {@code [start, end)}: the rise's, up to the
   * window's middle, then the fall's, interpolated linearly between points and held at the
   * curve's first or last value beyond it.
   */
  public double shareAt(long t, long start, long end) {
    long middle = start + (end - start) / 2;
    if (promotions == 0) {
      return t >= start && t < end ? 1 : 0;
    }
    if (t < middle) {
      return Math.max(0, interpolate(rise, riseFromSeconds, t - start));
    }
    return Math.max(0, interpolate(fall, fallFromSeconds, t - end));
  }

  private double interpolate(double[] curve, long from, long offset) {
    double position = (offset - from) / (double) stepSeconds;
    if (position <= 0) {
      return curve[0];
    }
    if (position >= curve.length - 1) {
      return curve[curve.length - 1];
    }
    int i = (int) Math.floor(position);
    double fraction = position - i;
    return curve[i] + fraction * (curve[i + 1] - curve[i]);
  }
}
