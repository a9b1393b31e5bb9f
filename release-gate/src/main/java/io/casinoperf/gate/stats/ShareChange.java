package io.casinoperf.gate.stats;

/**
 * A candidate run's error rate against a baseline's: a two-proportion z-test whose variance is
 * each side's binomial variance times its measured {@link DesignEffect} (errors come in bursts).
 *
 * @param candidateShare KOs / requests of the candidate
 * @param baselineShare KOs / requests of the baseline
 * @param standardError of the difference of the shares
 */
public record ShareChange(
    double candidateShare, long candidateCount, double baselineShare, long baselineCount,
    double standardError) {

  public static ShareChange of(
      long candidateEvents, long candidateCount, double candidateDeff,
      long baselineEvents, long baselineCount, double baselineDeff) {
    double c = candidateCount == 0 ? 0 : candidateEvents / (double) candidateCount;
    double b = baselineCount == 0 ? 0 : baselineEvents / (double) baselineCount;
    // Pooled share for the variance under "no change", so that 0 vs 0 errors is no evidence.
    double pooled = candidateCount + baselineCount == 0
        ? 0
        : (candidateEvents + baselineEvents) / (double) (candidateCount + baselineCount);
    double variance = pooled * (1 - pooled)
        * (candidateDeff / Math.max(1, candidateCount) + baselineDeff / Math.max(1, baselineCount));
    return new ShareChange(c, candidateCount, b, baselineCount, Math.sqrt(variance));
  }

  /**
   * The same comparison with {@code extraVariance} added to the difference's variance: the
   * run-to-run spread of the error rate, which no number of requests inside one run measures.
   */
  public ShareChange widened(double extraVariance) {
    // The normal is kept here: error-rate spreads are small beside the binomial variance of
    // thousands of requests, and a KO burst already widens the variance by its design effect.
    return new ShareChange(candidateShare, candidateCount, baselineShare, baselineCount,
        Math.sqrt(standardError * standardError + Math.max(0, extraVariance)));
  }

  /** Candidate share minus baseline share (0.002 is 0.2 percentage points more errors). */
  public double difference() {
    return candidateShare - baselineShare;
  }

  /** One-sided p-value of "the candidate fails more often"; 1 when neither side failed. */
  public double pValueHigher() {
    if (standardError == 0) {
      return difference() > 0 ? 0 : 1;
    }
    return Normal.upperTail(difference() / standardError);
  }
}
