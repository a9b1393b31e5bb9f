package io.casinoperf.capacity.usl;

import io.casinoperf.capacity.algebra.CurveFit;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the Universal Scalability Law {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))} to the steps of
 * a load test by nonlinear least squares on throughput (N. J. Gunther, <i>Guerrilla Capacity
 * Planning</i>, Springer 2007, ch. 4–5; N. J. Gunther, "A General Theory of Computational
 * Scalability Based on Rational Functions", arXiv:0808.1431, 2008).
 *
 * <p>All three parameters are free, as in the R package {@code usl} 2.0 and later: λ is not
 * pinned to a measured X(1), so no step at one user is needed. Constraints are 0 ≤ σ ≤ 1,
 * 0 ≤ κ ≤ 1 and λ > 0 (the bounds R's {@code usl} uses), enforced by projection during the
 * Levenberg–Marquardt iterations. Standard errors come from the linearised covariance
 * {@code s²(JᵀJ)⁻¹} at the optimum. Each step counts once, so repeated measurements of one
 * level weigh that level more.
 *
 * <p>Stateless and thread-safe.
 */
public final class UslFit {
  private static final int SIGMA = 0;
  private static final int KAPPA = 1;
  private static final int LAMBDA = 2;
  private static final double[] LOWER = {0, 0, Double.MIN_NORMAL};
  private static final double[] UPPER = {1, 1, Double.POSITIVE_INFINITY};

  private static final CurveFit.Curve USL = new CurveFit.Curve() {
    @Override
    public double value(double n, double[] p) {
      return p[LAMBDA] * n / (1 + p[SIGMA] * (n - 1) + p[KAPPA] * n * (n - 1));
    }

    @Override
    public void gradient(double n, double[] p, double[] gradient) {
      double denominator = 1 + p[SIGMA] * (n - 1) + p[KAPPA] * n * (n - 1);
      double squared = denominator * denominator;
      gradient[SIGMA] = -p[LAMBDA] * n * (n - 1) / squared;
      gradient[KAPPA] = -p[LAMBDA] * n * n * (n - 1) / squared;
      gradient[LAMBDA] = n / denominator;
    }
  };

  private UslFit() {}

  /**
   * The least-squares USL for these steps.
   *
   * @throws IllegalArgumentException when the steps span fewer than three distinct concurrency
   *     levels (three parameters need three levels), or the fit does not converge
   */
  public static UslModel fit(List<LoadStep> steps) {
    double[] n = steps.stream().mapToDouble(LoadStep::concurrency).toArray();
    double[] x = steps.stream().mapToDouble(LoadStep::throughputPerSecond).toArray();
    double[] levels = Arrays.stream(n).distinct().sorted().toArray();
    if (levels.length < 3) {
      throw new IllegalArgumentException("the Universal Scalability Law has three parameters "
          + "(sigma, kappa, lambda) and needs steps at 3 or more distinct concurrency levels; got "
          + levels.length + " " + Arrays.toString(levels));
    }

    // Two starts: the linearisation, and the one R's usl package uses in case that misleads.
    CurveFit.Fit fit = best(n, x, linearisedStart(n, x, levels[0]),
        new double[] {0.01, 0.0001, maxPerUser(n, x)});

    double[] p = fit.parameters();
    double[] se = fit.standardErrors();
    double mean = Arrays.stream(x).average().orElseThrow();
    double totalSumOfSquares = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
    double rSquared = totalSumOfSquares == 0 ? Double.NaN
        : 1 - fit.residualSumOfSquares() / totalSumOfSquares;
    double residualStandardError = n.length > 3
        ? Math.sqrt(fit.residualSumOfSquares() / (n.length - 3)) : Double.NaN;
    return new UslModel(p[SIGMA], p[KAPPA], p[LAMBDA], se[SIGMA], se[KAPPA], se[LAMBDA],
        rSquared, residualStandardError, n.length);
  }

  /**
   * λ from the lowest level's throughput per user; σ and κ from Gunther's linearisation
   * {@code λN/X − 1 = σ(N−1) + κN(N−1)}, solved by ordinary least squares through the origin
   * and clipped into the bounds.
   */
  private static double[] linearisedStart(double[] n, double[] x, double lowest) {
    double lambda = 0;
    int count = 0;
    for (int i = 0; i < n.length; i++) {
      if (n[i] == lowest) {
        lambda += x[i] / n[i];
        count++;
      }
    }
    lambda /= count;
    // Normal equations of d = σ·u + κ·v with u = N−1, v = N(N−1).
    double uu = 0;
    double uv = 0;
    double vv = 0;
    double ud = 0;
    double vd = 0;
    for (int i = 0; i < n.length; i++) {
      double u = n[i] - 1;
      double v = n[i] * (n[i] - 1);
      double d = lambda * n[i] / x[i] - 1;
      uu += u * u;
      uv += u * v;
      vv += v * v;
      ud += u * d;
      vd += v * d;
    }
    double determinant = uu * vv - uv * uv;
    double sigma = 0.01;
    double kappa = 0.0001;
    if (determinant != 0 && Double.isFinite(determinant)) {
      sigma = (ud * vv - vd * uv) / determinant;
      kappa = (vd * uu - ud * uv) / determinant;
    }
    return new double[] {sigma, kappa, lambda};
  }

  private static double maxPerUser(double[] n, double[] x) {
    double max = 0;
    for (int i = 0; i < n.length; i++) {
      max = Math.max(max, x[i] / n[i]);
    }
    return max;
  }

  private static CurveFit.Fit best(double[] n, double[] x, double[]... starts) {
    CurveFit.Fit best = null;
    IllegalArgumentException failure = null;
    for (double[] start : starts) {
      try {
        CurveFit.Fit fit = CurveFit.fit(USL, n, x, start, LOWER, UPPER);
        if (best == null || fit.residualSumOfSquares() < best.residualSumOfSquares()) {
          best = fit;
        }
      } catch (IllegalArgumentException e) {
        failure = e;
      }
    }
    if (best == null) {
      throw failure;
    }
    return best;
  }
}
