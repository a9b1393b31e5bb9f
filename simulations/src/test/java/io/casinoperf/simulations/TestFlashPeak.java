package io.casinoperf.simulations;

import java.util.HashMap;
import java.util.Map;

/**
 * The flash-peak workload of an end-to-end test, as the system properties a run takes: players
 * arriving at {@code baseUsersPerSecond} for {@code duration}, {@code peakUsers} more within 1 s
 * from {@code peakAfter}, each spinning {@code spins} times with 0 to {@code maxThink} between
 * spins. The p99 SLO is relaxed to 2 s: a cold JVM's first requests are the slowest, and these
 * runs check the workload and the plumbing, not the platform's speed.
 */
final class TestFlashPeak {
  private TestFlashPeak() {}

  /** A mutable map, so that a test can add its target, shard or breaker settings. */
  static Map<String, String> properties(String duration, int baseUsersPerSecond, String peakAfter,
      int peakUsers, int spins, String maxThink) {
    Map<String, String> properties = new HashMap<>();
    properties.put("p99Millis", "2000");
    properties.put("duration", duration);
    properties.put("flashSpinPeak.baseUsersPerSecond", Integer.toString(baseUsersPerSecond));
    properties.put("flashSpinPeak.peakAfter", peakAfter);
    properties.put("flashSpinPeak.peakUsers", Integer.toString(peakUsers));
    properties.put("flashSpinPeak.peakRamp", "1s");
    properties.put("flashSpinPeak.spinsPerSession", Integer.toString(spins));
    properties.put("flashSpinPeak.minThink", "0ms");
    properties.put("flashSpinPeak.maxThink", maxThink);
    return properties;
  }
}
