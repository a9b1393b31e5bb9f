package io.casinoperf.capacity.algebra;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/** Definite integrals of smooth, bounded functions, for the models that need one. */
public final class Integrals {
  private static final int POINTS = 16;
  private static final double RELATIVE_ACCURACY = 1e-8;
  private static final double ABSOLUTE_ACCURACY = 1e-11;
  private static final int MAX_EVALUATIONS = 1_000_000;

  private Integrals() {}

  /**
   * ∫ from {@code from} to {@code to} of {@code f}, by iterated 16-point Gauss–Legendre rules to
   * a relative 1e-8 (or an absolute 1e-11).
   *
   * @throws IllegalStateException when it does not converge within a million evaluations
   */
  public static double integrate(DoubleUnaryOperator f, double from, double to) {
    if (from == to) {
      return 0;
    }
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(POINTS, RELATIVE_ACCURACY, ABSOLUTE_ACCURACY);
    try {
      return integrator.integrate(MAX_EVALUATIONS, f::applyAsDouble, from, to);
    } catch (TooManyEvaluationsException e) {
      throw new IllegalStateException("the integral from " + from + " to " + to
          + " did not converge", e);
    }
  }
}
