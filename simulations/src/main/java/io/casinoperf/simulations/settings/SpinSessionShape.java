package io.casinoperf.simulations.settings;

import java.time.Duration;

/**
 * How a player plays: spins per session and the think time between spins (uniform in {@code
 * minThink..maxThink}). Read from the profile keys {@code spinsPerSession}, {@code minThink} and
 * {@code maxThink}.
 */
public record SpinSessionShape(int spinsPerSession, Duration minThink, Duration maxThink) {
  public SpinSessionShape {
    if (spinsPerSession < 1) {
      throw new IllegalArgumentException("spinsPerSession must be >= 1, was " + spinsPerSession);
    }
    if (maxThink.compareTo(minThink) < 0) {
      throw new IllegalArgumentException(
          "minThink (" + minThink.toMillis() + " ms) must not exceed maxThink ("
              + maxThink.toMillis() + " ms)");
    }
  }

  public static SpinSessionShape from(LoadProfile profile) {
    return new SpinSessionShape(
        profile.count("spinsPerSession"), profile.duration("minThink"), profile.duration("maxThink"));
  }

  /** The longest a session thinks between its spins: every pause at {@code maxThink}. */
  public Duration longestThinking() {
    return maxThink.multipliedBy(spinsPerSession);
  }
}
