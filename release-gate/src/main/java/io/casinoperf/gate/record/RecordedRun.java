package io.casinoperf.gate.record;

import io.casinoperf.run.HealthRules;
import io.casinoperf.run.InjectorHealth;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecordException;
import io.casinoperf.run.RunRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run records ({@code run.json}) beside a run's logs, one per injector, checked against each
 * other: the shards of one run share the simulation, the profile, the target and every parameter
 * but the shard index. A run judged without records is still judged; what made baselines
 * comparable then came from the command line only.
 *
 * @param records the record of each log, in the order of the logs; empty when none had one
 */
public record RecordedRun(List<RunRecord> records) {

  public RecordedRun {
    records = List.copyOf(records);
  }

  /**
   * Reads the record beside each log. Refuses ({@link RunRecordException}) records that cannot
   * be read, a run where only some logs have one, and shards that disagree.
   */
  public static RecordedRun beside(List<Path> logs) {
    List<RunRecord> records = new ArrayList<>();
    List<Path> without = new ArrayList<>();
    for (Path log : logs) {
      Optional<RunRecord> record = RunRecords.besideLog(log);
      record.ifPresentOrElse(records::add, () -> without.add(log));
    }
    if (!records.isEmpty() && !without.isEmpty()) {
      throw new RunRecordException(RunRecords.fileFor(without.get(0)), "missing, while the run's other logs have one: give the"
          + " logs of one run, each with its record, or none with a record");
    }
    for (int i = 1; i < records.size(); i++) {
      String difference = difference(records.get(0), records.get(i));
      if (difference != null) {
        throw new RunRecordException(RunRecords.fileFor(logs.get(i)),
            "not a shard of the same run as " + RunRecords.fileFor(logs.get(0)) + ": " + difference);
      }
    }
    return new RecordedRun(records);
  }

  /** Whether the run had records. */
  public boolean recorded() {
    return !records.isEmpty();
  }

  /** The record of the run's first log. */
  public Optional<RunRecord> first() {
    return records.stream().findFirst();
  }

  /** The shards as {@code i/n}, in the order of the logs (a merged record lists its own). */
  public List<String> shards() {
    if (records.size() == 1 && !records.get(0).shards().isEmpty()) {
      return records.get(0).shards();
    }
    return records.stream()
        .map(r -> r.parameters().shardIndex() + "/" + r.parameters().shardCount())
        .toList();
  }

  /**
   * Why the injector limited the run, when it did on any shard: each saturated shard's reasons
   * (named by shard when there are several).
   */
  public Optional<String> injectorSaturation() {
    List<String> reasons = new ArrayList<>();
    for (RunRecord record : records) {
      if (record.health().saturated()) {
        String reason = String.join("; ", record.health().reasons());
        reasons.add(records.size() > 1
            ? "shard " + record.parameters().shardIndex() + "/" + record.parameters().shardCount()
                + ": " + reason
            : reason);
      }
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" | ", reasons));
  }

  /** The parameters that make runs comparable (see {@link RunRecord#workloadParameters()}). */
  public Map<String, String> workloadParameters() {
    return first().map(RunRecord::workloadParameters).orElse(new TreeMap<>());
  }

  /**
   * One record for the merged run: the first shard's, spanning every shard's start to end,
   * listing the shards, and saturated when any shard was (with each shard's reasons). The
   * per-second health series stay in the shards' own records.
   */
  public Optional<RunRecord> merged() {
    if (records.size() <= 1) {
      return first();
    }
    RunRecord first = records.get(0);
    String start = records.stream().map(RunRecord::start).min(java.util.Comparator.comparing(java.time.Instant::parse)).orElseThrow();
    String end = records.stream().map(RunRecord::end).max(java.util.Comparator.comparing(java.time.Instant::parse)).orElseThrow();
    List<String> reasons = new ArrayList<>();
    for (RunRecord record : records) {
      String shard = "shard " + record.parameters().shardIndex() + "/" + record.parameters().shardCount();
      record.health().reasons().forEach(reason -> reasons.add(shard + ": " + reason));
    }
    List<InjectorHealth.Summary> summaries = records.stream().map(r -> r.health().summary()).toList();
    InjectorHealth.Summary worst = new InjectorHealth.Summary(
        summaries.stream().mapToLong(InjectorHealth.Summary::durationSeconds).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::lagP99Millis).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::lagMaxMillis).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::gcPauseMillis).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::longestGcPauseMillis).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::processCpuPercent).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::machineCpuPercent).max().orElse(-1),
        summaries.stream().mapToLong(InjectorHealth.Summary::contendedSeconds).max().orElse(0),
        summaries.stream().mapToDouble(InjectorHealth.Summary::maxLoadPerCore).max().orElse(-1),
        summaries.stream().mapToLong(InjectorHealth.Summary::usersPlanned).sum(),
        summaries.stream().mapToLong(InjectorHealth.Summary::usersStarted).sum(),
        summaries.stream().mapToDouble(InjectorHealth.Summary::arrivalLateP99Millis).max().orElse(0));
    InjectorHealth health = new InjectorHealth(HealthRules.status(reasons), reasons, worst,
        first.health().thresholds(), first.health().probeIntervalMicros(), List.of());
    return Optional.of(new RunRecord(first.format(), first.simulation(), first.profile(),
        first.parameters(), first.target(), first.serviceLevels(), first.versions(), first.host(),
        start, end, health, shards(), first.phases()));
  }

  private static String difference(RunRecord a, RunRecord b) {
    if (!a.simulation().equals(b.simulation())) {
      return "simulation " + b.simulation() + " (first: " + a.simulation() + ")";
    }
    if (!a.target().identity().equals(b.target().identity())) {
      return "target " + b.target().identity() + " (first: " + a.target().identity() + ")";
    }
    if (!a.profile().equals(b.profile())) {
      return "load profile " + b.profile().values() + " (first: " + a.profile().values() + ")";
    }
    RunRecord.Parameters p = a.parameters();
    RunRecord.Parameters q = b.parameters();
    if (p.scale() != q.scale() || !p.duration().equals(q.duration()) || !p.mode().equals(q.mode())
        || p.shardCount() != q.shardCount()) {
      return "parameters scale " + q.scale() + ", duration " + q.duration().orElse("default")
          + ", mode " + q.mode().orElse("-") + ", shards " + q.shardCount() + " (first: scale "
          + p.scale() + ", duration " + p.duration().orElse("default") + ", mode "
          + p.mode().orElse("-") + ", shards " + p.shardCount() + ")";
    }
    if (p.shardIndex() == q.shardIndex()) {
      return "both are shard " + p.shardIndex() + "/" + p.shardCount();
    }
    if (!Objects.equals(a.serviceLevels(), b.serviceLevels())) {
      return "SLOs differ";
    }
    return null;
  }
}
