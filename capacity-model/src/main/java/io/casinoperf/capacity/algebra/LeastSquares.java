package io.casinoperf.capacity.algebra;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Linear least squares from the normal equations {@code (XᵀX + λI) β = Xᵀy}: the caller
 * accumulates {@code XᵀX} and {@code Xᵀy} in one pass over its primitive arrays (a year of
 * one-minute points never becomes a matrix), and this class solves the small p × p system with
 * commons-math3.
 *
 * <p>A well-conditioned system is solved by Cholesky decomposition with no penalty. When the
 * system is singular or its condition number exceeds {@code maxCondition} (terms that nearly
 * repeat each other, such as a promotion type that always coincides with another), a ridge
 * penalty λ is added to the diagonal — λ = (e<sub>max</sub> − c·e<sub>min</sub>) / (c − 1), the
 * smallest penalty that brings the condition number down to c (Hoerl and Kennard, 1970). The
 * intercept, column 0, is penalised like the rest; with centred data that changes nothing
 * material.
 */
public final class LeastSquares {
  private LeastSquares() {}

  /**
   * A solution.
   *
   * @param coefficients β
   * @param ridge the penalty added to the diagonal; 0 when the system was well-conditioned
   * @param conditionNumber of {@code XᵀX} before any penalty (an estimate from the Cholesky
   *     factor when that succeeded: a lower bound, exact for diagonal systems)
   */
  public record Solution(double[] coefficients, double ridge, double conditionNumber) {}

  /**
   * Solves the system. {@code xtx} is read as symmetric from its upper triangle.
   *
   * @throws IllegalArgumentException when the sizes disagree or the matrix has no positive
   *     eigenvalue (all-zero data)
   */
  public static Solution solve(double[][] xtx, double[] xty, double maxCondition) {
    int p = xty.length;
    if (xtx.length != p || maxCondition <= 1) {
      throw new IllegalArgumentException("a " + p + "-term system needs a " + p + " × " + p
          + " matrix and a condition limit above 1");
    }
    RealMatrix a = symmetric(xtx);
    try {
      CholeskyDecomposition cholesky = new CholeskyDecomposition(a, 1e-9, 1e-12);
      RealMatrix l = cholesky.getL();
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (int i = 0; i < p; i++) {
        double d = l.getEntry(i, i);
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
      double condition = (max / min) * (max / min);
      if (condition <= maxCondition) {
        double[] beta = cholesky.getSolver().solve(new ArrayRealVector(xty, false)).toArray();
        return new Solution(beta, 0, condition);
      }
    } catch (NonPositiveDefiniteMatrixException e) {
      // Singular or nearly so: the ridge path below handles it.
    }
    return ridge(a, xty, maxCondition);
  }

  /** {@code (XᵀX + λI)⁻¹}, the unscaled covariance of the coefficients, for the given penalty. */
  public static double[][] inverse(double[][] xtx, double ridge) {
    RealMatrix a = symmetric(xtx);
    for (int i = 0; i < a.getRowDimension(); i++) {
      a.addToEntry(i, i, ridge);
    }
    EigenDecomposition eigen = new EigenDecomposition(a);
    return eigen.getSolver().getInverse().getData();
  }

  private static Solution ridge(RealMatrix a, double[] xty, double maxCondition) {
    EigenDecomposition eigen = new EigenDecomposition(a);
    double[] values = eigen.getRealEigenvalues();
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    if (!(max > 0)) {
      throw new IllegalArgumentException("the design matrix is all zeros: no data to fit");
    }
    double lambda = Math.max(0, (max - maxCondition * min) / (maxCondition - 1));
    RealMatrix penalised = a.copy();
    for (int i = 0; i < a.getRowDimension(); i++) {
      penalised.addToEntry(i, i, lambda);
    }
    double[] beta = new EigenDecomposition(penalised).getSolver()
        .solve(new ArrayRealVector(xty, false)).toArray();
    double condition = min > 0 ? max / min : Double.POSITIVE_INFINITY;
    return new Solution(beta, lambda, condition);
  }

  private static RealMatrix symmetric(double[][] upper) {
    int p = upper.length;
    double[][] full = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        full[i][j] = upper[i][j];
        full[j][i] = upper[i][j];
      }
    }
    return new Array2DRowRealMatrix(full, false);
  }
}
