package io.casinoperf.mocks.conditions;

import java.util.random.RandomGenerator;

/**
 * The platform's current conditions, switchable while it serves requests. Thread-safe: a switch
 * applies to requests that arrive after it.
 */
public final class PlatformConditions {
  private volatile Conditions current;
  /** The workers of {@code queue} mode; new ones, all free, whenever the conditions switch. */
  private volatile QueueSlots queue;

  public PlatformConditions(Conditions initial) {
    this.current = initial;
    this.queue = new QueueSlots(initial.queueWorkers());
  }

  public Conditions current() {
    return current;
  }

  public void switchTo(Conditions conditions) {
    this.queue = new QueueSlots(conditions.queueWorkers());
    this.current = conditions;
  }

  /** Draws the delay and fault for one request. */
  public Disturbance draw(RandomGenerator random) {
    Conditions now = current;
    if (now.mode() == Mode.QUEUE) {
      long service = serviceNanos(now, random);
      long untilServed = queue.admit(System.nanoTime(), service);
      return new Disturbance(Math.round(untilServed / 1e6), Disturbance.Fault.NONE);
    }
    Disturbance.Fault fault = Disturbance.Fault.NONE;
    if (now.mode() == Mode.FAULTY) {
      double percent = random.nextDouble() * 100;
      if (percent < now.faultyErrorPercent()) {
        fault = Disturbance.Fault.SERVICE_UNAVAILABLE;
      } else if (percent < now.faultyErrorPercent() + now.faultyDropPercent()) {
        fault = Disturbance.Fault.CONNECTION_DROPPED;
      }
    }
    return new Disturbance(logNormalMillis(now.medianMillis(), now.sigma(), random), fault);
  }

  /** Whether one balance push is lost: only in {@code faulty} mode, at its push-loss share. */
  public boolean losePush(RandomGenerator random) {
    Conditions now = current;
    return now.mode() == Mode.FAULTY && random.nextDouble() * 100 < now.faultyPushLossPercent();
  }

  /**
   * One service time of {@code queue} mode, in ns: exponential for an SCV of 1, constant for 0,
   * otherwise log-normal with the mean and SCV asked for (σ² = ln(1 + SCV), median = mean / e^(σ²/2)).
   */
  static long serviceNanos(Conditions conditions, RandomGenerator random) {
    double mean = conditions.queueServiceMillis() * 1e6;
    double scv = conditions.queueServiceScv();
    if (scv == 0) {
      return Math.round(mean);
    }
    if (scv == 1) {
      return Math.round(-mean * Math.log(1 - random.nextDouble()));
    }
    double variance = Math.log(1 + scv);
    return Math.round(mean * Math.exp(Math.sqrt(variance) * random.nextGaussian() - variance / 2));
  }

  /** A log-normal draw with the given median and log-spread, rounded to whole milliseconds. */
  static long logNormalMillis(double medianMillis, double sigma, RandomGenerator random) {
    if (medianMillis == 0) {
      return 0;
    }
    return Math.round(medianMillis * Math.exp(sigma * random.nextGaussian()));
  }
}
