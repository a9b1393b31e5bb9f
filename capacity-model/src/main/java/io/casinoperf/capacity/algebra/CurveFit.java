package io.casinoperf.capacity.algebra;

import java.util.Arrays;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Nonlinear least squares for a curve {@code y = f(x; p)} with box bounds on the parameters:
 * minimises {@code Σ (y_i − f(x_i; p))²} by Levenberg–Marquardt (J. J. Moré, "The
 * Levenberg-Marquardt algorithm: implementation and theory", Numerical Analysis, Lecture Notes
 * in Mathematics 630, Springer 1978), as implemented by commons-math3.
 *
 * <p>Bounds are enforced by projecting every trial point onto the box, so an optimum may lie on
 * a bound (e.g. a contention coefficient of exactly 0).
 *
 * <p>Standard errors follow the usual linearisation at the optimum (as R's {@code nls} does):
 * covariance {@code = s² (JᵀJ)⁻¹} with {@code s² = RSS / (n − p)} and {@code J} the model's
 * Jacobian. They are NaN when {@code n ≤ p} or {@code JᵀJ} is singular.
 *
 * <p>Stateless and thread-safe.
 */
public final class CurveFit {
  private static final int MAX_ITERATIONS = 10_000;
  private static final double SINGULARITY_THRESHOLD = 1e-14;

  private CurveFit() {}

  /** A curve with its partial derivatives with respect to the parameters. */
  public interface Curve {
    /** The curve's value at {@code x} for the given parameters. */
    double value(double x, double[] parameters);

    /** Fills {@code gradient[j]} with {@code ∂f(x; p)/∂p_j}. */
    void gradient(double x, double[] parameters, double[] gradient);
  }

  /**
   * A fitted curve.
   *
   * @param parameters the least-squares estimates, within the bounds
   * @param standardErrors square roots of the covariance diagonal; NaN where not computable
   * @param covariance the parameters' covariance matrix, all NaN when not computable
   * @param residuals {@code y_i − f(x_i; p)} in input order
   * @param residualSumOfSquares {@code Σ residual²}
   * @param iterations Levenberg–Marquardt iterations used
   */
  public record Fit(double[] parameters, double[] standardErrors, double[][] covariance,
      double[] residuals, double residualSumOfSquares, int iterations) {}

  /**
   * Fits {@code curve} to the points {@code (x_i, y_i)}.
   *
   * @param start the starting point; clipped into the bounds first
   * @param lower lower bounds ({@code Double.NEGATIVE_INFINITY} for none)
   * @param upper upper bounds ({@code Double.POSITIVE_INFINITY} for none)
   * @throws IllegalArgumentException when the array lengths disagree, there are fewer points
   *     than parameters, or the optimiser does not converge
   */
  public static Fit fit(Curve curve, double[] x, double[] y, double[] start, double[] lower,
      double[] upper) {
    int n = x.length;
    int p = start.length;
    if (y.length != n || lower.length != p || upper.length != p) {
      throw new IllegalArgumentException("x and y, and start and bounds, must have equal lengths");
    }
    if (n < p) {
      throw new IllegalArgumentException(n + " points cannot determine " + p + " parameters");
    }
    double[] initial = clip(start, lower, upper);

    MultivariateJacobianFunction model = point -> {
      double[] parameters = point.toArray();
      double[] values = new double[n];
      double[][] jacobian = new double[n][p];
      for (int i = 0; i < n; i++) {
        values[i] = curve.value(x[i], parameters);
        curve.gradient(x[i], parameters, jacobian[i]);
      }
      return new Pair<>(new ArrayRealVector(values, false),
          new Array2DRowRealMatrix(jacobian, false));
    };
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .model(model)
        .target(y)
        .start(initial)
        .parameterValidator(point -> new ArrayRealVector(clip(point.toArray(), lower, upper), false))
        .maxEvaluations(MAX_ITERATIONS * 10)
        .maxIterations(MAX_ITERATIONS)
        .build();
    Optimum optimum;
    try {
      optimum = new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(1e-14)
          .withParameterRelativeTolerance(1e-14)
          .withOrthoTolerance(1e-14)
          .optimize(problem);
    } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
      throw new IllegalArgumentException("least squares did not converge: " + e.getMessage(), e);
    }

    double[] parameters = optimum.getPoint().toArray();
    double[] residuals = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - curve.value(x[i], parameters);
      rss += residuals[i] * residuals[i];
    }
    double[][] covariance = covariance(optimum, rss, n, p);
    double[] standardErrors = new double[p];
    for (int j = 0; j < p; j++) {
      standardErrors[j] = Math.sqrt(covariance[j][j]);
    }
    return new Fit(parameters, standardErrors, covariance, residuals, rss,
        optimum.getIterations());
  }

  private static double[][] covariance(Optimum optimum, double rss, int n, int p) {
    double[][] nan = new double[p][p];
    for (double[] row : nan) {
      Arrays.fill(row, Double.NaN);
    }
    if (n <= p) {
      return nan;
    }
    RealMatrix unscaled;
    try {
      // (JᵀJ)⁻¹ at the optimum, by QR decomposition of JᵀJ.
      unscaled = optimum.getCovariances(SINGULARITY_THRESHOLD);
    } catch (SingularMatrixException e) {
      return nan;
    }
    return unscaled.scalarMultiply(rss / (n - p)).getData();
  }

  private static double[] clip(double[] point, double[] lower, double[] upper) {
    double[] clipped = point.clone();
    for (int j = 0; j < clipped.length; j++) {
      clipped[j] = Math.max(lower[j], Math.min(upper[j], clipped[j]));
    }
    return clipped;
  }
}
