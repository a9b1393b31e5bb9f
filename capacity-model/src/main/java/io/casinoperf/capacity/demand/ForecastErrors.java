package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.Distributions;
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
 * the forecast itself: the errors give their spread around their median, not a shift. A bias the
 * blocks saw was that of fits made before them; the model is refitted up to now, with its level
 * anchored or followed, and shifting it by the old fits' median error counted a change of level
 * twice (docs/STATISTICS.md, "Beside R's forecast package and Prophet").
 *
 * <p>Where the errors are many, a forecast takes the spread of those made where the model
 * forecast a similar level (bands at its 50th and 80th percentiles), so a peak gets the width
 * peaks had. Every spread is widened for the few blocks it came from: by √(1 + 1/B), and with
 * fewer than {@link #FEW_BLOCKS} blocks also checked against the blocks' biases spread by
 * Student's t (the wider of the two is taken).
 */
final class ForecastErrors {
  static final int MAX_BUCKETS = 4;
  static final int MIN_PER_BUCKET = 30;
  /** Below this many blocks, their biases are spread by Student's t rather than by quantiles. */
  static final int FEW_BLOCKS = 8;
  /** Fewest errors a block must hold on average for its mean to be its bias. */
  static final int MIN_PER_BLOCK = 10;
  /** Fewest errors in a level band. */
  static final int MIN_PER_LEVEL = 200;
  /** Where the level bands are cut, as quantiles of the forecast's level on the validation points. */
  private static final double[] LEVEL_CUTS = {0.5, 0.8};

  /**
   * Where the forecast's level is cut into bands (its quantiles over the validation points: the
   * lower half, up to the 80th percentile, the top fifth), as many as hold {@link #MIN_PER_LEVEL}
   * errors each; empty when the spread is pooled. Finer bands at the top were tried: with a week
   * or two of validation errors their quantiles follow a few peaks, and covered fewer.
   */
  private final double[] levelBounds;
  /** The errors of each level band, sorted. */
  private final double[][] byLevel;
  private final double[] sorted;
  private final int blocks;
  /** The spread of the blocks' biases (× √(1 + 1/B)) when few blocks hold many points; else 0. */
  private final double betweenSpread;
  private final java.util.function.DoubleUnaryOperator betweenDistribution;
  /** The split view, when few blocks of many points call for it; null otherwise. */
  private final ForecastErrors splitView;
  private final double median;
  private final double[] widening;
  private final int leadsPerBucket;
  private final long originEpochSecond;
  private final long stepSeconds;

  /**
   * @param errors validation errors (the model's transformed scale)
   * @param leads for each error, how many steps after its block's start it came (0 for the first)
   * @param originEpochSecond where the model's forecasts start
   * @param stepSeconds the series' step
   */
  ForecastErrors(double[] errors, int[] leads, long originEpochSecond, long stepSeconds) {
    this(errors, leads, null, originEpochSecond, stepSeconds);
  }

  /**
   * @param errors validation errors (the model's transformed scale)
   * @param leads for each error, how many steps after its block's start it came (0 for the first)
   * @param levels for each error, the value the model forecast there (its scale); null to
   *     take the errors' spread as the same at every level
   * @param originEpochSecond where the model's forecasts start
   * @param stepSeconds the series' step
   */
  ForecastErrors(double[] errors, int[] leads, double[] levels, long originEpochSecond, long stepSeconds) {
    this(errors, leads, levels, originEpochSecond, stepSeconds, false);
  }

  /**
   * @param split whether this is the view that splits the spread into the blocks' biases and the
   *     errors around them (see below); the public view is the pooled one, holding the split one
   *     when few blocks call for it
   */
  private ForecastErrors(double[] errors, int[] leads, double[] levels, long originEpochSecond,
      long stepSeconds, boolean split) {
    if (errors.length != leads.length || (levels != null && levels.length != errors.length)) {
      throw new IllegalArgumentException("one lead (and level) per error");
    }
    // A block starts where the lead does not grow (a block whose first points are missing, after
    // one whose last points are, counts with it: one block fewer, a band a little wider).
    int[] block = new int[errors.length];
    int blocks = errors.length == 0 ? 0 : 1;
    for (int i = 1; i < leads.length; i++) {
      blocks += leads[i] <= leads[i - 1] ? 1 : 0;
      block[i] = blocks - 1;
    }
    this.blocks = blocks;
    // The errors of one block share its bias (the level that week had). With many blocks their
    // spread shows how much biases vary, and a new block's is one more draw: the spread is widened
    // by √(1 + 1/B), as a prediction from a mean of B values is. With few blocks of many points
    // that can understate it: two weeks whose levels differed by much give errors in two clumps,
    // and a third week's level falls outside both as often as not. The split view then takes the
    // errors around their block's mean as they are, and the biases' next draw as Student's t with
    // B − 1 degrees of freedom around their mean, scaled by their standard deviation × √(1 + 1/B),
    // the two added in quadrature; each quantile is the wider of the pooled and the split one. Like
    // the pooled view it spreads around the forecast: a bias all blocks shared is not carried
    // (the intervals are centred on the forecast, see above), only how much the biases differ.
    boolean fewBlocksOfMany = blocks >= 2 && blocks < FEW_BLOCKS && errors.length >= MIN_PER_BLOCK * blocks;
    this.splitView = !split && fewBlocksOfMany
        ? new ForecastErrors(errors, leads, levels, originEpochSecond, stepSeconds, true)
        : null;
    double[] spreadOf = errors;
    double between = 0;
    if (split) {
      double[] sum = new double[blocks];
      int[] size = new int[blocks];
      for (int i = 0; i < errors.length; i++) {
        sum[block[i]] += errors[i];
        size[block[i]]++;
      }
      double grand = 0;
      for (int k = 0; k < blocks; k++) {
        grand += sum[k] / size[k] / blocks;
      }
      double squares = 0;
      for (int k = 0; k < blocks; k++) {
        double d = sum[k] / size[k] - grand;
        squares += d * d;
      }
      between = Math.sqrt(squares / (blocks - 1)) * Math.sqrt(1 + 1.0 / blocks);
      spreadOf = new double[errors.length];
      for (int i = 0; i < errors.length; i++) {
        spreadOf[i] = errors[i] - sum[block[i]] / size[block[i]];
      }
    }
    this.betweenSpread = between;
    this.betweenDistribution = between > 0 ? Distributions.studentTQuantile(blocks - 1) : null;
    this.levelBounds = levels == null ? new double[0] : levelBounds(levels);
    this.byLevel = new double[levelBounds.length + 1][];
    if (levelBounds.length > 0) {
      int[] counts = new int[byLevel.length];
      for (double level : levels) {
        counts[level(level)]++;
      }
      for (int b = 0; b < byLevel.length; b++) {
        byLevel[b] = new double[counts[b]];
        counts[b] = 0;
      }
      for (int i = 0; i < errors.length; i++) {
        int b = level(levels[i]);
        byLevel[b][counts[b]++] = spreadOf[i];
      }
      for (double[] bucket : byLevel) {
        Arrays.sort(bucket);
      }
    }
    this.sorted = spreadOf.clone();
    Arrays.sort(sorted);
    this.median = sorted.length == 0 ? 0 : SortedSample.quantile(sorted, 0.5);
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
      double d = Math.abs(spreadOf[i] - median);
      deviation[b] += d;
      count[b]++;
      pooled += d;
    }
    pooled = errors.length == 0 ? 0 : pooled / errors.length;
    double fewBlocks = between > 0 || blocks == 0 ? 1 : Math.sqrt(1 + 1.0 / blocks);
    this.widening = new double[buckets];
    double floor = 0;
    for (int b = 0; b < buckets; b++) {
      double ratio = pooled > 0 && count[b] > 0 ? deviation[b] / count[b] / pooled : 1;
      widening[b] = Math.max(floor, ratio * fewBlocks);
      floor = widening[b];
    }
  }

  /** The cuts of {@link #LEVEL_CUTS} whose every band holds enough errors. */
  private static double[] levelBounds(double[] levels) {
    double[] sortedLevels = levels.clone();
    Arrays.sort(sortedLevels);
    for (int cuts = LEVEL_CUTS.length; cuts > 0; cuts--) {
      double smallestShare = Math.min(LEVEL_CUTS[0], 1 - LEVEL_CUTS[cuts - 1]);
      for (int c = 1; c < cuts; c++) {
        smallestShare = Math.min(smallestShare, LEVEL_CUTS[c] - LEVEL_CUTS[c - 1]);
      }
      if (smallestShare * levels.length >= MIN_PER_LEVEL) {
        double[] bounds = new double[cuts];
        for (int c = 0; c < cuts; c++) {
          bounds[c] = SortedSample.quantile(sortedLevels, LEVEL_CUTS[c]);
        }
        return bounds;
      }
    }
    return new double[0];
  }

  /** The band of a level. */
  private int level(double level) {
    int b = 0;
    while (b < levelBounds.length && level > levelBounds[b]) {
      b++;
    }
    return b;
  }

  /** How many validation blocks the errors came from. */
  int blocks() {
    return blocks;
  }

  int size() {
    return sorted.length;
  }

  /**
   * The {@code probability} quantile of the errors, whatever their lead: the spread of them all
   * around their median.
   */
  double quantile(double probability) {
    double spread = withBetween(SortedSample.predictive(sorted, probability) - median, probability);
    return splitView == null ? spread : wider(spread, splitView.quantile(probability));
  }

  /** Of two deviations on the same side of the centre, the one farther from it. */
  private static double wider(double a, double b) {
    return Math.abs(a) >= Math.abs(b) ? a : b;
  }

  /** The {@code probability} quantile of the error of a forecast for {@code epochSecond}. */
  double quantile(double probability, long epochSecond) {
    double spread = withBetween((SortedSample.predictive(sorted, probability) - median)
        * widening(epochSecond), probability);
    return splitView == null ? spread : wider(spread, splitView.quantile(probability, epochSecond));
  }

  /** A spread of the errors around their blocks' means, with the blocks' own spread added. */
  private double withBetween(double spread, double probability) {
    if (betweenSpread == 0 || probability == 0.5) {
      return spread;
    }
    double t = betweenDistribution.applyAsDouble(probability) * betweenSpread;
    return Math.copySign(Math.sqrt(spread * spread + t * t), probability - 0.5);
  }

  /**
   * The {@code probability} quantile of the error of a forecast of {@code level} (the model's
   * scale) for {@code epochSecond}: the errors the model made where it forecast a similar level,
   * their deviations from their own median widened with the lead time.
   */
  double quantile(double probability, long epochSecond, double level) {
    if (levelBounds.length == 0) {
      return quantile(probability, epochSecond);
    }
    double[] band = byLevel[level(level)];
    double spread = withBetween((SortedSample.predictive(band, probability)
        - SortedSample.quantile(band, 0.5)) * widening(epochSecond), probability);
    return splitView == null ? spread : wider(spread, splitView.quantile(probability, epochSecond, level));
  }

  /** The factor on the pooled spread at {@code epochSecond}. */
  double widening(long epochSecond) {
    long lead = epochSecond <= originEpochSecond ? 0 : (epochSecond - originEpochSecond) / stepSeconds;
    return widening[(int) Math.min(widening.length - 1, lead / leadsPerBucket)];
  }
}
