package io.casinoperf.gate.stats;

/**
 * A candidate run's percentile against a baseline's: the relative change and how sure it is.
 * Works on the log scale, where the two runs' independent errors add: ln(c/b) has standard error
 * √(se_c² + se_b²), and the change's distribution is taken as normal there.
 *
 * @param relativeChange c / b − 1 of the interpolated percentiles (0.10 is 10 % slower)
 * @param logStandardError standard error of ln(c / b)
 * @param degreesOfFreedom of the statistic ln(c / b) / se: infinite (normal) when the variance
 *     is sampling inside runs only; finite (Student's t) when part of it was estimated from a few
 *     stored runs
 */
public record PercentileChange(
    PercentileEstimate candidate,
    PercentileEstimate baseline,
    double relativeChange,
    double logStandardError,
    double degreesOfFreedom) {

  public static PercentileChange of(PercentileEstimate candidate, PercentileEstimate baseline) {
    if (candidate.percentile() != baseline.percentile()) {
      throw new IllegalArgumentException("comparing p" + candidate.percentile() + " with p"
          + baseline.percentile());
    }
    double log = Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, candidate.interpolatedMillis()))
        - Math.log(Math.max(PercentileEstimate.FLOOR_MILLIS, baseline.interpolatedMillis()));
    double se = Math.hypot(candidate.logStandardError(), baseline.logStandardError());
    return new PercentileChange(candidate, baseline, Math.expm1(log), se, Double.POSITIVE_INFINITY);
  }

  /**
   * The same change with {@code extraLogVariance} added to the variance of ln(c / b): the
   * run-to-run spread of the percentile, which no number of responses inside one run measures.
   * That spread was estimated from runs with {@code extraDegreesOfFreedom} degrees of freedom;
   * the statistic's own follow from Welch–Satterthwaite (the sampling part counts as exact).
   */
  public PercentileChange widened(double extraLogVariance, double extraDegreesOfFreedom) {
    double extra = Math.max(0, extraLogVariance);
    double total = logStandardError * logStandardError + extra;
    double df = extra == 0 ? degreesOfFreedom : total * total / (extra * extra / extraDegreesOfFreedom);
    return new PercentileChange(candidate, baseline, relativeChange, Math.sqrt(total), df);
  }

  /** Candidate minus baseline, in ms, of the interpolated percentiles. */
  public double absoluteChangeMillis() {
    return candidate.interpolatedMillis() - baseline.interpolatedMillis();
  }

  /** One-sided p-value of "the candidate is slower". */
  public double pValueSlower() {
    return upperTail(Math.log1p(relativeChange) / logStandardError);
  }

  /** One-sided p-value of "the candidate is faster". */
  public double pValueFaster() {
    return upperTail(-Math.log1p(relativeChange) / logStandardError);
  }

  private double upperTail(double statistic) {
    return Double.isInfinite(degreesOfFreedom)
        ? Normal.upperTail(statistic)
        : Normal.studentUpperTail(statistic, degreesOfFreedom);
  }

  /** Two-sided interval of the relative change at {@code confidence} (e.g. 0.98). */
  public Interval interval(double confidence) {
    double z = Double.isInfinite(degreesOfFreedom)
        ? Normal.quantile(1 - (1 - confidence) / 2)
        : Normal.studentQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
    double log = Math.log1p(relativeChange);
    return new Interval(Math.expm1(log - z * logStandardError), Math.expm1(log + z * logStandardError));
  }

  /** A closed interval of relative changes. */
  public record Interval(double lower, double upper) {}
}
