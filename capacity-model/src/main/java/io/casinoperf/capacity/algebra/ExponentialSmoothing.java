package io.casinoperf.capacity.algebra;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Exponential smoothing with additive errors of a series' level, with no trend, an additive one
 * or a damped one (ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N) in Hyndman and Athanasopoulos,
 * <i>Forecasting: Principles and Practice</i>, chapter 8). The smoothing parameters minimise the
 * squared one-step errors; the initial level and slope, on which those errors depend linearly,
 * are solved exactly for each choice of them. {@link #best} takes the kind with the lowest AICc.
 */
public final class ExponentialSmoothing {
  /** How the trend is smoothed. */
  public enum Trend {
    NONE, ADDITIVE, DAMPED
  }

  /** Bounds of the damping factor, as R's {@code ets}. */
  public static final double PHI_LOW = 0.8;
  public static final double PHI_HIGH = 0.98;

  private final Trend trend;
  private final double alpha;
  private final double beta;
  private final double phi;
  private final double level;
  private final double slope;
  private final double aicc;

  private ExponentialSmoothing(Trend trend, double alpha, double beta, double phi, double level,
      double slope, double aicc) {
    this.trend = trend;
    this.alpha = alpha;
    this.beta = beta;
    this.phi = phi;
    this.level = level;
    this.slope = slope;
    this.aicc = aicc;
  }

  /** The kind with the lowest AICc; null when the series is too short for any. */
  public static ExponentialSmoothing best(double[] y) {
    ExponentialSmoothing best = null;
    for (Trend trend : Trend.values()) {
      ExponentialSmoothing s = fit(y, trend);
      if (s != null && (best == null || s.aicc < best.aicc)) {
        best = s;
      }
    }
    return best;
  }

  /** One kind fitted; null when the series is too short for its parameters (and three more points). */
  public static ExponentialSmoothing fit(double[] y, Trend trend) {
    int parameters = trend == Trend.NONE ? 2 : trend == Trend.ADDITIVE ? 4 : 5;
    int n = y.length;
    if (n < parameters + 3) {
      return null;
    }
    double[] p;
    if (trend == Trend.NONE) {
      UnivariatePointValuePair best = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(500),
          new UnivariateObjectiveFunction(new LevelOnly(y)), GoalType.MINIMIZE,
          new SearchInterval(1e-4, 0.9999, 0.3));
      p = new double[] {best.getPoint(), 0, 1};
    } else {
      // α, β as a share of α, and φ, each through a logistic map onto its bounds.
      double[] start = trend == Trend.DAMPED ? new double[] {-0.85, -2.2, 1.7} : new double[] {-0.85, -2.2};
      PointValuePair best = new SimplexOptimizer(1e-9, 1e-12).optimize(new MaxEval(4000), new MaxIter(4000),
          new ObjectiveFunction(new Sloped(y, trend)), GoalType.MINIMIZE, new InitialGuess(start),
          new NelderMeadSimplex(start.length, 1.0));
      p = parameters(best.getPoint(), trend);
    }
    double[] state = new double[2];
    double sse = sse(y, trend, p[0], p[1], p[2], state);
    double variance = Math.max(sse / n, Double.MIN_NORMAL);
    int k = parameters + 1;
    double aicc = n * Math.log(variance) + 2 * k + 2.0 * k * (k + 1) / Math.max(1, n - k - 1);
    return new ExponentialSmoothing(trend, p[0], p[1], p[2], state[0], state[1], aicc);
  }

  /** The forecast {@code h} steps after the last point (1: the next one). */
  public double forecast(long h) {
    return switch (trend) {
      case NONE -> level;
      case ADDITIVE -> level + h * slope;
      case DAMPED -> level + dampedSum(phi, h) * slope;
    };
  }

  /** φ + φ² + … + φⁿ. */
  public static double dampedSum(double phi, long n) {
    return phi * (1 - Math.pow(phi, n)) / (1 - phi);
  }

  public Trend trend() {
    return trend;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  public double phi() {
    return phi;
  }

  public double aicc() {
    return aicc;
  }

  /**
   * The sum of squared one-step errors with the best initial level (and slope); with {@code last}
   * non-null, the final level and slope go into it. One pass: the errors are linear in the start,
   * e = e₀ − l₀ m₁ − b₀ m₂, with e₀ the errors from a zero start and m₁, m₂ the forecasts of a
   * series of zeros from a unit level and a unit slope; the best start solves the normal equations
   * of that least-squares problem and leaves e₀ᵀe₀ − cᵀs of squares (c = Mᵀe₀).
   */
  public static double sse(double[] y, Trend trend, double alpha, double beta, double phi, double[] last) {
    boolean sloped = trend != Trend.NONE;
    double l = 0;
    double b = 0;
    double l1 = 1;
    double b1 = 0;
    double l2 = 0;
    double b2 = sloped ? 1 : 0;
    double ee = 0;
    double a11 = 0;
    double a12 = 0;
    double a22 = 0;
    double c1 = 0;
    double c2 = 0;
    for (double v : y) {
      double f = l + phi * b;
      double e = v - f;
      double m1 = l1 + phi * b1;
      double m2 = l2 + phi * b2;
      ee += e * e;
      a11 += m1 * m1;
      a12 += m1 * m2;
      a22 += m2 * m2;
      c1 += m1 * e;
      c2 += m2 * e;
      l = f + alpha * e;
      l1 = (1 - alpha) * m1;
      l2 = (1 - alpha) * m2;
      if (sloped) {
        b = phi * b + beta * e;
        b1 = phi * b1 - beta * m1;
        b2 = phi * b2 - beta * m2;
      }
    }
    double l0 = c1 / a11;
    double b0 = 0;
    double det = a11 * a22 - a12 * a12;
    if (sloped && Math.abs(det) > 1e-12 * a11 * a22) {
      l0 = (c1 * a22 - c2 * a12) / det;
      b0 = (a11 * c2 - a12 * c1) / det;
    }
    if (last != null) {
      last[0] = l + l0 * l1 + b0 * l2;
      last[1] = b + l0 * b1 + b0 * b2;
    }
    return Math.max(0, ee - (c1 * l0 + c2 * b0));
  }

  private static double[] parameters(double[] u, Trend trend) {
    double alpha = 1e-4 + (0.9999 - 1e-4) * logistic(u[0]);
    double beta = alpha * (1e-4 + (1 - 2e-4) * logistic(u[1]));
    double phi = trend == Trend.DAMPED ? PHI_LOW + (PHI_HIGH - PHI_LOW) * logistic(u[2]) : 1;
    return new double[] {alpha, beta, phi};
  }

  private static double logistic(double u) {
    return 1 / (1 + Math.exp(-u));
  }

  // Named classes rather than lambdas: commons-math's interfaces are older than class-data sharing
  // can archive, and a lambda implementing one crashes the JVM writing the start-up archive.

  /** The sum of squared errors of smoothing without a trend, by α. */
  private static final class LevelOnly implements UnivariateFunction {
    private final double[] y;

    LevelOnly(double[] y) {
      this.y = y;
    }

    @Override
    public double value(double alpha) {
      return sse(y, Trend.NONE, alpha, 0, 1, null);
    }
  }

  /** The sum of squared errors of smoothing with a trend, by the mapped parameters. */
  private static final class Sloped implements MultivariateFunction {
    private final double[] y;
    private final Trend trend;

    Sloped(double[] y, Trend trend) {
      this.y = y;
      this.trend = trend;
    }

    @Override
    public double value(double[] u) {
      double[] q = parameters(u, trend);
      return sse(y, trend, q[0], q[1], q[2], null);
    }
  }
}
