package io.casinoperf.run;

import java.util.List;

/**
 * How healthy the injector was through a run, sampled inside its JVM every second, and whether
 * the run measured the platform at all: a run the injector limited is {@link Status#SATURATED}
 * and the gate calls it invalid. {@link HealthRules} decides; docs/RUN-RECORD.md explains the
 * rules and their thresholds.
 *
 * @param status healthy, or saturated with {@code reasons}
 * @param reasons one sentence per rule that fired, with the measured value and the bound
 * @param summary the whole run in a few numbers
 * @param thresholds the bounds the rules used
 * @param probeIntervalMicros how long the lag probe sleeps between wake-ups
 * @param seconds one sample per second of the run, in order
 */
public record InjectorHealth(
    Status status,
    List<String> reasons,
    Summary summary,
    HealthRules.Thresholds thresholds,
    long probeIntervalMicros,
    List<Second> seconds) {

  public InjectorHealth {
    reasons = List.copyOf(reasons);
    seconds = List.copyOf(seconds);
  }

  public enum Status {
    HEALTHY,
    SATURATED;

    /** Lower-case, as in the JSON and on the console. */
    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean saturated() {
    return status == Status.SATURATED;
  }

  /**
   * One second of the run.
   *
   * @param second seconds since the sampler started
   * @param lagP99Millis 99th percentile of how late the lag probe woke, ms (the jHiccup method)
   * @param lagMaxMillis the latest wake-up of the second, ms
   * @param gcPauseMillis time the JVM spent in stop-the-world collections during the second
   * @param longestGcPauseMillis the longest single collection that ended during the second
   * @param processCpuPercent the injector JVM's CPU, percent of the machine (all cores = 100)
   * @param machineCpuPercent the whole machine's CPU, percent (all cores = 100); −1 if unknown
   * @param loadAverage the one-minute load average; −1 if unknown
   * @param usersStarted virtual users started during the second (open injection models)
   * @param usersPlanned virtual users the injection profile planned for the second
   */
  public record Second(
      long second,
      double lagP99Millis,
      double lagMaxMillis,
      double gcPauseMillis,
      double longestGcPauseMillis,
      double processCpuPercent,
      double machineCpuPercent,
      double loadAverage,
      long usersStarted,
      long usersPlanned) {}

  /**
   * The whole run.
   *
   * @param lagP99Millis 99th percentile of every lag probe wake-up of the run, ms
   * @param lagMaxMillis the latest wake-up, ms
   * @param gcPauseMillis stop-the-world collection time of the run, ms
   * @param longestGcPauseMillis the longest single collection, ms
   * @param processCpuPercent the injector's mean CPU, percent of the machine
   * @param machineCpuPercent the machine's mean CPU, percent; −1 if unknown
   * @param contendedSeconds seconds in which the machine was saturated and other processes held
   *     a large share of it (see {@link HealthRules})
   * @param maxLoadPerCore the highest one-minute load average divided by the cores; −1 if unknown
   * @param usersPlanned virtual users the open injection profile planned; 0 for closed models
   * @param usersStarted virtual users that started
   * @param arrivalLateP99Millis 99th percentile of how late users started against the plan, ms
   */
  public record Summary(
      long durationSeconds,
      double lagP99Millis,
      double lagMaxMillis,
      double gcPauseMillis,
      double longestGcPauseMillis,
      double processCpuPercent,
      double machineCpuPercent,
      long contendedSeconds,
      double maxLoadPerCore,
      long usersPlanned,
      long usersStarted,
      double arrivalLateP99Millis) {}
}
