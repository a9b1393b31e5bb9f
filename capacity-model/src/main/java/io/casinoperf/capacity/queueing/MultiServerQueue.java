package io.casinoperf.capacity.queueing;

import io.casinoperf.capacity.algebra.Distributions;
import io.casinoperf.capacity.algebra.Integrals;
import java.util.function.DoubleUnaryOperator;

/**
 * A pool of {@code servers} identical servers with one first-come-first-served queue, Poisson
 * arrivals and service times of a given mean and squared coefficient of variation (SCV: variance
 * over mean squared): M/M/c when the SCV is 1, an M/G/c approximation otherwise. What a pool of
 * nodes behind a load balancer looks like to a request, when each node serves one request at a
 * time per worker and {@code servers} counts the workers of all nodes.
 *
 * <h2>Formulas</h2>
 *
 * <ul>
 *   <li><b>P(wait)</b>, the probability that an arrival finds every server busy: Erlang's C
 *       formula for offered load a = λ × mean service time, computed through Erlang's B recursion
 *       (B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁), C = c·B / (c − a(1 − B))), which stays exact for
 *       thousands of servers where the textbook sums of aᵏ/k! overflow. For M/G/c it is the same
 *       value, the usual approximation.
 *   <li><b>Mean wait</b>: Wq = C / (cμ − λ) for M/M/c; for M/G/c, Allen and Cunneen's
 *       approximation Wq ≈ Wq(M/M/c) × (1 + SCV) / 2 (Poisson arrivals have an SCV of 1), exact
 *       for one server (the Pollaczek–Khinchine formula) and good to a few per cent at high
 *       utilisation for more.
 *   <li><b>Response time</b> (wait plus service): a wait of 0 with probability 1 − C, else
 *       exponential with mean Wq / C (exact for M/M/c, the standard approximation for M/G/c),
 *       plus an independent service time: exponential for SCV 1, gamma with the given mean and
 *       SCV otherwise, constant for SCV 0. Its tail P(T > t) is integrated numerically over the
 *       wait; its percentiles are found by bisection on the tail.
 * </ul>
 *
 * All times are in the unit of the mean service time; the arrival rate is per that unit.
 *
 * @param arrivalRate λ, arrivals per time unit, ≥ 0
 * @param meanService the mean service time, > 0
 * @param serviceScv the service time's squared coefficient of variation, ≥ 0
 * @param servers c, ≥ 1
 */
public record MultiServerQueue(double arrivalRate, double meanService, double serviceScv,
    int servers) {

  /**
   * @throws IllegalArgumentException for a value outside its range (NaN included)
   */
  public MultiServerQueue {
    if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate)) {
      throw new IllegalArgumentException("arrival rate must be finite and >= 0: " + arrivalRate);
    }
    if (!(meanService > 0) || Double.isInfinite(meanService)) {
      throw new IllegalArgumentException("mean service time must be finite and > 0: " + meanService);
    }
    if (!(serviceScv >= 0) || Double.isInfinite(serviceScv)) {
      throw new IllegalArgumentException(
          "service time SCV must be finite and >= 0: " + serviceScv);
    }
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1: " + servers);
    }
  }

  /** M/M/c: exponential service times of this mean. */
  public static MultiServerQueue markovian(double arrivalRate, double meanService, int servers) {
    return new MultiServerQueue(arrivalRate, meanService, 1, servers);
  }

  /** Offered load a = λ × mean service time, in Erlangs: the servers busy on average. */
  public double offeredLoad() {
    return arrivalRate * meanService;
  }

  /** ρ = a / c, the share of time each server is busy. */
  public double utilisation() {
    return offeredLoad() / servers;
  }

  /** True when the servers keep up (ρ < 1): only then is there a steady state. */
  public boolean stable() {
    return utilisation() < 1;
  }

  /** Erlang's B formula: the share of arrivals a loss system of these servers would turn away. */
  public double blockingProbability() {
    double a = offeredLoad();
    double b = 1;
    for (int k = 1; k <= servers; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  /**
   * Erlang's C formula: the probability that an arrival waits; 1 when the queue is unstable.
   */
  public double waitProbability() {
    if (!stable()) {
      return 1;
    }
    double a = offeredLoad();
    double b = blockingProbability();
    return servers * b / (servers - a * (1 - b));
  }

  /** The mean wait before service; infinite when unstable. */
  public double meanWait() {
    if (!stable()) {
      return Double.POSITIVE_INFINITY;
    }
    double markovian = waitProbability() * meanService / (servers - offeredLoad());
    return markovian * (1 + serviceScv) / 2;
  }

  /** The mean response time, wait plus service; infinite when unstable. */
  public double meanResponse() {
    return meanWait() + meanService;
  }

  /** P(T > t): the share of responses slower than {@code t}; 1 for every t when unstable. */
  public double responseTail(double t) {
    if (!stable()) {
      return 1;
    }
    return new Tail().at(t);
  }

  /**
   * The response-time tail with what does not depend on t worked out once: P(wait), the mean of
   * a wait and the service distribution, for the many evaluations a percentile's search makes.
   */
  private final class Tail {
    final DoubleUnaryOperator gamma = gamma();
    final double waits = waitProbability();
    final double waitMean = waits == 0 ? 0 : meanWait() / waits;

    double at(double t) {
      if (t <= 0) {
        return 1;
      }
      double serviceTail = serviceTail(t, gamma);
      if (waits == 0) {
        return serviceTail;
      }
      return (1 - waits) * serviceTail + waits * serviceAfterWaitTail(t, waitMean, gamma);
    }
  }

  /**
   * The {@code percentile}-th percentile of the response time, e.g. 99 for p99: the t with
   * P(T > t) = 1 − percentile / 100, to a relative 1e-9.
   *
   * @param percentile in (0, 100)
   * @throws IllegalStateException when the queue is unstable: no percentile is finite
   */
  public double responsePercentile(double percentile) {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100): " + percentile);
    }
    if (!stable()) {
      throw new IllegalStateException("utilisation " + utilisation() + " >= 1: the queue grows"
          + " without bound and has no response-time percentiles");
    }
    double tail = 1 - percentile / 100;
    Tail responses = new Tail();
    double low = 0;
    double high = meanResponse();
    while (responses.at(high) > tail) {
      low = high;
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-9 * high; i++) {
      double middle = (low + high) / 2;
      if (responses.at(middle) > tail) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }

  /** P(S > t) for one service time; {@code gamma} is its tail unless the SCV is 0 or 1. */
  private double serviceTail(double t, DoubleUnaryOperator gamma) {
    if (serviceScv == 0) {
      return t < meanService ? 1 : 0;
    }
    if (serviceScv == 1) {
      return Math.exp(-t / meanService);
    }
    return gamma.applyAsDouble(t);
  }

  /**
   * P(W + S > t) for an exponential wait W of mean {@code waitMean} and an independent service
   * time S: P(W > t) + ∫₀ᵗ f_W(w) P(S > t − w) dw, whose integrand is smooth and bounded.
   */
  private double serviceAfterWaitTail(double t, double waitMean, DoubleUnaryOperator gamma) {
    if (serviceScv == 1 && Math.abs(waitMean - meanService) > 1e-12 * meanService) {
      // Two exponentials: the hypoexponential tail, in closed form.
      double waitRate = 1 / waitMean;
      double serviceRate = 1 / meanService;
      return (waitRate * Math.exp(-serviceRate * t) - serviceRate * Math.exp(-waitRate * t))
          / (waitRate - serviceRate);
    }
    if (serviceScv == 1) {
      double rate = 1 / meanService;
      return Math.exp(-rate * t) * (1 + rate * t);
    }
    if (serviceScv == 0) {
      return t < meanService ? 1 : Math.exp(-(t - meanService) / waitMean);
    }
    double waitTail = Math.exp(-t / waitMean);
    double convolved = Integrals.integrate(
        w -> Math.exp(-w / waitMean) / waitMean * serviceTail(t - w, gamma), 0, t);
    return Math.min(1, waitTail + convolved);
  }

  /** The gamma tail of this mean and SCV; null for SCV 0 (constant) and 1 (exponential). */
  private DoubleUnaryOperator gamma() {
    if (serviceScv == 0 || serviceScv == 1) {
      return null;
    }
    double shape = 1 / serviceScv;
    return Distributions.gammaTail(shape, meanService / shape);
  }
}
