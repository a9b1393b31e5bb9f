package io.casinoperf.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run records of known content, for tests here and in the modules that read records. */
public final class RunRecordSamples {
  private RunRecordSamples() {}

  /** A healthy one-injector run of the flash peak on the embedded platform. */
  public static RunRecord healthy(String simulation) {
    return shard(simulation, 1, 1, health(List.of()));
  }

  /** The same run, its injector saturated for the given reasons. */
  public static RunRecord saturated(String simulation, String... reasons) {
    return shard(simulation, 1, 1, health(List.of(reasons)));
  }

  /** Shard {@code index} of {@code count}, with this health. */
  public static RunRecord shard(String simulation, int index, int count, InjectorHealth health) {
    return new RunRecord(RunRecord.FORMAT, simulation,
        new RunRecord.Profile("flashSpinPeak", Map.of("peakUsers", "200", "duration", "30s")),
        new RunRecord.Parameters(1.0, Optional.empty(), Optional.of("normal"), index, count),
        new RunRecord.Target(true, "http", "127.0.0.1", 40000 + index),
        new RunRecord.ServiceLevels(200, 1.0, Map.of()),
        new RunRecord.Versions("3.15.1", "17.0.15", "0.1.0-SNAPSHOT",
            Optional.of("0123456789abcdef0123456789abcdef01234567")),
        new RunRecord.Host(2, 24L << 30, 1L << 30, "Linux 6.1 amd64"),
        "2026-12-06T10:00:00Z", "2026-12-06T10:00:40Z", health, List.of(), List.of());
  }

  /** A health verdict with these reasons (healthy when none) and plain figures. */
  public static InjectorHealth health(List<String> reasons) {
    InjectorHealth.Summary summary = new InjectorHealth.Summary(40, 2.5, 12, 80, 9, 45, 55, 0,
        0.8, 500, 500, 3);
    return new InjectorHealth(HealthRules.status(reasons), reasons, summary,
        HealthRules.Thresholds.defaults(), 1000,
        List.of(new InjectorHealth.Second(0, 2.1, 5.0, 0, 0, 40, 50, 0.7, 10, 10)));
  }

  /** A copy of {@code record} with other service levels. */
  public static RunRecord withServiceLevels(RunRecord record, long p99Millis, double maxErrorPercent) {
    return new RunRecord(record.format(), record.simulation(), record.profile(),
        record.parameters(), record.target(),
        new RunRecord.ServiceLevels(p99Millis, maxErrorPercent, Map.of()), record.versions(),
        record.host(), record.start(), record.end(), record.health(), record.shards(),
        record.phases());
  }

  /** A copy of {@code record} with another profile value. */
  public static RunRecord withProfileValue(RunRecord record, String key, String value) {
    Map<String, String> values = new java.util.TreeMap<>(record.profile().values());
    values.put(key, value);
    return new RunRecord(record.format(), record.simulation(),
        new RunRecord.Profile(record.profile().name(), values), record.parameters(),
        record.target(), record.serviceLevels(), record.versions(), record.host(),
        record.start(), record.end(), record.health(), record.shards(), record.phases());
  }

  /** A copy of {@code record} with these phases. */
  public static RunRecord withPhases(RunRecord record, List<RunRecord.Phase> phases) {
    return new RunRecord(record.format(), record.simulation(), record.profile(),
        record.parameters(), record.target(), record.serviceLevels(), record.versions(),
        record.host(), record.start(), record.end(), record.health(), record.shards(), phases);
  }

  /** A base all through the run with a peak from {@code fromSeconds} to {@code toSeconds}. */
  public static List<RunRecord.Phase> baseWithPeak(int fromSeconds, int toSeconds) {
    return List.of(
        new RunRecord.Phase("base", List.of(
            RunRecord.Window.between(java.time.Duration.ZERO, java.time.Duration.ofSeconds(fromSeconds)),
            RunRecord.Window.from(java.time.Duration.ofSeconds(toSeconds)))),
        new RunRecord.Phase("peak", List.of(RunRecord.Window.between(
            java.time.Duration.ofSeconds(fromSeconds), java.time.Duration.ofSeconds(toSeconds)))));
  }
}
