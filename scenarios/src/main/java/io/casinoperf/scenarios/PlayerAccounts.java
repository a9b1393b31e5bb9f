package io.casinoperf.scenarios;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Player accounts for the journeys. Every journey expects {@value SessionKeys#PLAYER_ID} and
 * {@value SessionKeys#PASSWORD} in the session; they come from a CSV file of real test accounts
 * (with Gatling's {@code csv(...)}) or from {@link #generated}.
 */
public final class PlayerAccounts {
  private PlayerAccounts() {}

  /**
   * An endless feeder of distinct accounts {@code <prefix>000001}, {@code <prefix>000002}, … all
   * with one password, as the embedded platform accepts. Distinct accounts keep each virtual
   * user's balance arithmetic its own. Thread-safe.
   *
   * @param firstNumber the number of the first account, at least 1
   */
  public static Iterator<Map<String, Object>> generated(
      String prefix, long firstNumber, String password) {
    if (firstNumber < 1) {
      throw new IllegalArgumentException("firstNumber must be >= 1, was " + firstNumber);
    }
    AtomicLong next = new AtomicLong(firstNumber);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        String id = String.format(java.util.Locale.ROOT, "%s%06d", prefix, next.getAndIncrement());
        return Map.of(SessionKeys.PLAYER_ID, id, SessionKeys.PASSWORD, password);
      }
    };
  }
}
