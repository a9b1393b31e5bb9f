package io.casinoperf.gate.stats;

import java.util.List;

/**
 * How much one request's p99 and error rate differ between unchanged runs of the same workload,
 * beyond what sampling inside each run explains: the environment's own variation (another
 * machine's neighbours, JIT and GC timing, one flash peak per run), which no number of requests in
 * one run measures.
 *
 * <p>Method of moments (as in DerSimonian and Laird's random-effects meta-analysis): the
 * between-run variance is the variance of the runs' values less the mean of their within-run
 * variances, floored at 0. The p99 is taken on the log scale, where a run's environment scales
 * its response times.
 *
 * @param runs the runs it was estimated from
 * @param logP99Sd between-run standard deviation of ln(p99)
 * @param errorRateSd between-run standard deviation of the error rate (a share, 0..1)
 */
public record RunToRunNoise(int runs, double logP99Sd, double errorRateSd) {

  /** Fewest runs to estimate a spread from: with two, one difference decides everything. */
  public static final int MIN_RUNS = 3;

  /**
   * One stored run of a request.
   *
   * @param p99Millis the interpolated p99
   * @param logStandardError the within-run standard error of ln(p99)
   * @param errorRate KOs / requests
   * @param count requests
   * @param errorDesignEffect the variance inflation of its errors (bursts), at least 1
   */
  public record Sample(double p99Millis, double logStandardError, double errorRate, long count,
      double errorDesignEffect) {}

  /** The spread of these runs; throws when there are fewer than {@link #MIN_RUNS}. */
  public static RunToRunNoise estimate(List<Sample> samples) {
    if (samples.size() < MIN_RUNS) {
      throw new IllegalArgumentException("at least " + MIN_RUNS + " runs, not " + samples.size());
    }
    int k = samples.size();
    double[] logs = new double[k];
    double within = 0;
    double[] rates = new double[k];
    double rateWithin = 0;
    for (int i = 0; i < k; i++) {
      Sample s = samples.get(i);
      logs[i] = Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, s.p99Millis()));
      double se = Double.isFinite(s.logStandardError()) ? s.logStandardError() : 0;
      within += se * se / k;
      rates[i] = s.errorRate();
      rateWithin += s.errorRate() * (1 - s.errorRate()) * Math.max(1, s.errorDesignEffect())
          / Math.max(1, s.count()) / k;
    }
    double logBetween = Math.max(0, variance(logs) - within);
    double rateBetween = Math.max(0, variance(rates) - rateWithin);
    return new RunToRunNoise(k, Math.sqrt(logBetween), Math.sqrt(rateBetween));
  }

  /** The unbiased sample variance. */
  private static double variance(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (values.length - 1);
  }

  /**
   * Variance of ln(candidate p99 / baseline p99) that the environment adds: the candidate run's
   * own, and the baseline's, averaged over the {@code baselineRuns} runs pooled into it.
   */
  public double comparisonLogVariance(int baselineRuns) {
    return logP99Sd * logP99Sd * (1 + 1.0 / Math.max(1, baselineRuns));
  }

  /** As {@link #comparisonLogVariance}, for the difference of error rates. */
  public double comparisonErrorVariance(int baselineRuns) {
    return errorRateSd * errorRateSd * (1 + 1.0 / Math.max(1, baselineRuns));
  }
}
