package io.casinoperf.capacity.queueing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A first-come-first-served queue of {@code servers} identical servers, simulated: each arrival
 * takes the server that frees first and waits until then. Service times: gamma of the given mean
 * and SCV (Marsaglia–Tsang), exponential at SCV 1, constant at SCV 0.
 */
public final class SimulatedQueue {
  final double[] waits;
  final double[] responses;

  public SimulatedQueue(double arrivalRate, double meanService, double scv, int servers,
      int customers,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] freeAt = new double[servers];
    waits = new double[customers];
    responses = new double[customers];
    double now = 0;
    int warmUp = customers / 10;
    for (int i = -warmUp; i < customers; i++) {
      now += -Math.log(1 - random.nextDouble()) / arrivalRate;
      int earliest = 0;
      for (int s = 1; s < servers; s++) {
        if (freeAt[s] < freeAt[earliest]) {
          earliest = s;
        }
      }
      double start = Math.max(now, freeAt[earliest]);
      double service = service(random, meanService, scv);
      freeAt[earliest] = start + service;
      if (i >= 0) {
        waits[i] = start - now;
        responses[i] = start - now + service;
      }
    }
  }

  static double service(SplittableRandom random, double mean, double scv) {
    if (scv == 0) {
      return mean;
    }
    double shape = 1 / scv;
    return gamma(random, shape, mean / shape);
  }

  /** Marsaglia and Tsang's method; a shape under 1 through Gamma(shape + 1) × U^(1/shape). */
  static double gamma(SplittableRandom random, double shape, double scale) {
    if (shape < 1) {
      return gamma(random, shape + 1, scale) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = gaussian(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v * scale;
      }
    }
  }

  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  public double meanWait() {
    return Arrays.stream(waits).average().orElseThrow();
  }

  public double waitShare() {
    return Arrays.stream(waits).filter(w -> w > 0).count() / (double) waits.length;
  }

  public double responsePercentile(double percentile) {
    double[] sorted = responses.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(percentile / 100 * sorted.length) - 1];
  }
}
