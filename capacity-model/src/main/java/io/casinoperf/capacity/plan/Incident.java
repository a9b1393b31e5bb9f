package io.casinoperf.capacity.plan;

/**
 * A time window whose metrics do not show normal behaviour (an outage, a failover, a bad deploy)
 * and are left out of fitting, both ends included.
 *
 * @param startEpochSecond first excluded second, epoch seconds (UTC)
 * @param endEpochSecond last excluded second, epoch seconds; after the start
 * @throws IllegalArgumentException for a blank name or an end not after the start
 */
public record Incident(String name, long startEpochSecond, long endEpochSecond) {
  public Incident {
    name = InvalidField.requireText("name", name);
    InvalidField.requireEndAfterStart(startEpochSecond, endEpochSecond);
  }
}
