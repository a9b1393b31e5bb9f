package io.casinoperf.mocks.conditions;

import java.util.random.RandomGenerator;

/**
 * The platform's current conditions, switchable while it serves requests. Thread-safe: a switch
 * applies to requests that arrive after it.
 */
public final class PlatformConditions {
  private volatile Conditions current;

  public PlatformConditions(Conditions initial) {
    this.current = initial;
  }

  public Conditions current() {
    return current;
  }

  public void switchTo(Conditions conditions) {
    this.current = conditions;
  }

  /** Draws the delay and fault for one request. */
  public Disturbance draw(RandomGenerator random) {
    Conditions now = current;
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

  /** A log-normal draw with the given median and log-spread, rounded to whole milliseconds. */
  static long logNormalMillis(double medianMillis, double sigma, RandomGenerator random) {
    if (medianMillis == 0) {
      return 0;
    }
    return Math.round(medianMillis * Math.exp(sigma * random.nextGaussian()));
  }
}
