package io.casinoperf.gate.stats;

/**
 * A candidate run's percentile against a baseline's: the relative change and how sure it is.
 * Works on the log scale, where the two runs' independent errors add: ln(c/b) has standard error
 * √(se_c² + se_b²), and the change's distribution is taken as normal there.
 *
 * @param relativeChange c / b − 1 of the interpolated percentiles (0.10 is 10 % slower)
 * @param logStandardError standard error of ln(c / b)
 */
public record PercentileChange(
    PercentileEstimate candidate,
    PercentileEstimate baseline,
    double relativeChange,
    double logStandardError) {

  public static PercentileChange of(PercentileEstimate candidate, PercentileEstimate baseline) {
    if (candidate.percentile() != baseline.percentile()) {
      throw new IllegalArgumentException("comparing p" + candidate.percentile() + " with p"
          + baseline.percentile());
    }
    double log = Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, candidate.interpolatedMillis()))
        - Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, baseline.interpolatedMillis()));
    double se = Math.hypot(candidate.logStandardError(), baseline.logStandardError());
    return new PercentileChange(candidate, baseline, Math.expm1(log), se);
  }

  /** Candidate minus baseline, in ms, of the interpolated percentiles. */
  public double absoluteChangeMillis() {
    return candidate.interpolatedMillis() - baseline.interpolatedMillis();
  }

  /** One-sided p-value of "the candidate is slower". */
  public double pValueSlower() {
    return Normal.upperTail(Math.log1p(relativeChange) / logStandardError);
  }

  /** One-sided p-value of "the candidate is faster". */
  public double pValueFaster() {
    return Normal.upperTail(-Math.log1p(relativeChange) / logStandardError);
  }

  /** Two-sided interval of the relative change at {@code confidence} (e.g. 0.98). */
  public Interval interval(double confidence) {
    double z = Normal.quantile(1 - (1 - confidence) / 2);
    double log = Math.log1p(relativeChange);
    return new Interval(Math.expm1(log - z * logStandardError), Math.expm1(log + z * logStandardError));
  }

  /** A closed interval of relative changes. */
  public record Interval(double lower, double upper) {}
}
