package io.casinoperf.capacity.usl;

/**
 * A fitted Universal Scalability Law, {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))} (N. J. Gunther,
 * <i>Guerrilla Capacity Planning</i>, Springer 2007, ch. 4; the three-parameter form with λ in
 * N. J. Gunther, "USL Scalability Modeling with Three Parameters", 2018).
 *
 * <p>Throughput is in the unit of the steps it was fitted to (requests per second for {@link
 * LoadStep}), concurrency in users or threads.
 *
 * @param sigma contention σ (serial fraction, Amdahl), {@code 0..1}
 * @param kappa coherency κ (pairwise crosstalk), {@code >= 0}
 * @param lambda throughput of a single user, {@code X(1)}, {@code > 0}
 * @param sigmaStandardError standard error of σ from the covariance at the optimum; NaN when it
 *     cannot be computed (as many steps as parameters, or a singular Jacobian)
 * @param kappaStandardError standard error of κ, likewise
 * @param lambdaStandardError standard error of λ, likewise
 * @param rSquared {@code 1 − RSS/TSS}; NaN when all throughputs are equal (nothing to explain)
 * @param residualStandardError {@code sqrt(RSS / (steps − 3))}, in throughput units; NaN for
 *     three steps
 * @param steps number of steps fitted
 */
public record UslModel(double sigma, double kappa, double lambda, double sigmaStandardError,
    double kappaStandardError, double lambdaStandardError, double rSquared,
    double residualStandardError, int steps) {

  /** Modelled throughput at concurrency {@code n}. */
  public double throughputAt(double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }

  /**
   * Concurrency at which throughput peaks, {@code N* = sqrt((1 − σ) / κ)}; beyond it throughput
   * goes retrograde.
   *
   * <p>{@code Double.POSITIVE_INFINITY} when κ = 0: there is no peak, throughput then only
   * saturates toward the Amdahl asymptote λ/σ, or grows linearly when σ = κ = 0. The value may be
   * below 1 for a system that does not scale at all; see {@link #maxThroughput()}.
   */
  public double peakConcurrency() {
    if (kappa == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.sqrt((1 - sigma) / kappa);
  }

  /**
   * Highest throughput the model allows: {@code X(N*)} at {@link #peakConcurrency()}; the
   * asymptote λ/σ when κ = 0 (approached, never reached); {@code Double.POSITIVE_INFINITY} when
   * σ = κ = 0. When the peak lies below one user it is λ = X(1), since less than one user is no
   * load.
   */
  public double maxThroughput() {
    if (kappa == 0) {
      return sigma == 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
    }
    return throughputAt(Math.max(1, peakConcurrency()));
  }
}
