package io.casinoperf.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one run measured and under which conditions: the file {@code run.json} that every
 * simulation (every shard too) writes beside its {@code simulation.log}. The layout is {@value
 * #FORMAT}, documented in docs/RUN-RECORD.md; {@link RunRecords} reads and writes it.
 *
 * @param format always {@value #FORMAT}
 * @param simulation the simulation's class name
 * @param profile the load profile's name and every value after overrides, before scale and shard
 * @param parameters scale, duration, mode and shard: what else shapes the load
 * @param target what the run loaded: scheme, host and port only, or the embedded platform
 * @param serviceLevels the SLOs the run was asserted against
 * @param versions Gatling, Java and project versions, and the project's commit when known
 * @param host the injector's machine
 * @param start first moment of the run, ISO-8601 UTC
 * @param end last moment of the run, ISO-8601 UTC
 * @param health the injector's own health through the run, with its verdict
 * @param shards for a record of merged shards, each shard's {@code i/n}; empty for one injector
 * @param phases the workload's phases (e.g. a steady base and a flash peak) as windows of the
 *     run's timeline, which the gate compares one by one; empty when the workload has one phase
 *     or the simulation does not say
 */
public record RunRecord(
    String format,
    String simulation,
    Profile profile,
    Parameters parameters,
    Target target,
    ServiceLevels serviceLevels,
    Versions versions,
    Host host,
    String start,
    String end,
    InjectorHealth health,
    List<String> shards,
    List<Phase> phases) {

  public static final String FORMAT = "casinoperf-run-record/1";
  /** The record's file name, beside simulation.log. */
  public static final String FILE_NAME = "run.json";

  public RunRecord {
    shards = shards == null ? List.of() : List.copyOf(shards);
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  /**
   * One phase of the workload: the requests that started inside its windows belong to it.
   *
   * @param name short and lower-case, e.g. {@code base} or {@code peak}
   * @param windows when, after the run's start (its log's start, when injection began)
   */
  public record Phase(String name, List<Window> windows) {
    public Phase {
      windows = windows == null ? List.of() : List.copyOf(windows);
    }
  }

  /**
   * A stretch of the run's timeline, from {@code fromMillis} (included) to {@code toMillis}
   * (excluded) after the run's start; {@code toMillis} empty: to the end of the run.
   */
  public record Window(long fromMillis, Optional<Long> toMillis) {
    public Window {
      toMillis = toMillis == null ? Optional.empty() : toMillis;
    }

    public static Window between(java.time.Duration from, java.time.Duration to) {
      return new Window(from.toMillis(), Optional.of(to.toMillis()));
    }

    public static Window from(java.time.Duration from) {
      return new Window(from.toMillis(), Optional.empty());
    }

    /** The end as a number: {@link Long#MAX_VALUE} when the window runs to the end. */
    public long endMillis() {
      return toMillis.orElse(Long.MAX_VALUE);
    }
  }

  /** @param values every key of {@code profiles/<name>.properties}, with overrides applied */
  public record Profile(String name, Map<String, String> values) {
    public Profile {
      values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
    }
  }

  /**
   * @param scale multiplies every count and rate
   * @param duration the steady phase's length as given ({@code -Dduration}), or empty for the
   *     profile's own
   * @param mode the embedded platform's mode (normal, degraded, faulty, queue); empty with a target
   * @param shardIndex this injector's shard, 1-based
   * @param shardCount injectors sharing the run
   * @param queue in {@code queue} mode, the platform's queue as {@code workers=8,serviceMillis=20,
   *     serviceScv=1}; empty otherwise (and in records written before it was kept)
   * @param rehearsal the forecast the run rehearsed ({@code -Drehearsal}); empty otherwise
   */
  public record Parameters(double scale, Optional<String> duration, Optional<String> mode,
      int shardIndex, int shardCount, Optional<String> queue, Optional<Rehearsal> rehearsal) {
    public Parameters {
      duration = duration == null ? Optional.empty() : duration;
      mode = mode == null ? Optional.empty() : mode;
      queue = queue == null ? Optional.empty() : queue;
      rehearsal = rehearsal == null ? Optional.empty() : rehearsal;
    }

    /** Parameters of a run on a platform without a queue, not a rehearsal. */
    public Parameters(double scale, Optional<String> duration, Optional<String> mode, int shardIndex,
        int shardCount) {
      this(scale, duration, mode, shardIndex, shardCount, Optional.empty(), Optional.empty());
    }
  }

  /**
   * A run that replayed a forecast's rehearsal profile.
   *
   * @param forecastId the forecast's id: rehearsals of one forecast, at one quantile and length,
   *     are the same workload
   * @param promotion the promotion's name
   * @param quantile the traffic quantile replayed: p50, p90 or p99
   * @param duration how long the profile took, as given
   * @param file the profile's file name (without its folder)
   * @param predictedP99Millis the p99 the forecast predicts at that quantile's peak, when it sized
   *     nodes by queueing
   */
  public record Rehearsal(String forecastId, String promotion, String quantile, String duration,
      String file, Optional<Double> predictedP99Millis) {
    public Rehearsal {
      predictedP99Millis = predictedP99Millis == null ? Optional.empty() : predictedP99Millis;
    }
  }

  /**
   * @param embedded true for the embedded platform, whose port changes every run
   * @param scheme http or https
   * @param host host name or address, lower case
   * @param port the port, explicit or the scheme's default
   */
  public record Target(boolean embedded, String scheme, String host, int port) {
    /** Scheme, host and port of {@code url} (the scheme's default port when it has none): never
     * its user info, path or query. */
    public static Target of(java.net.URI url, boolean embedded) {
      String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
      int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
      return new Target(embedded, scheme, url.getHost().toLowerCase(java.util.Locale.ROOT), port);
    }

    /** What makes two targets the same for comparing runs: "embedded" or scheme://host:port. */
    public String identity() {
      return embedded ? "embedded" : scheme + "://" + host + ":" + port;
    }
  }

  /**
   * @param p99Millis the highest allowed p99 of response time, ms
   * @param maxErrorPercent the highest allowed share of failed requests, percent
   * @param perRequest SLOs of single requests by path, when the simulation sets any
   * @param untimed requests judged on their errors only, by path: correctness checks the workload
   *     runs a fixed number of times whatever its length (the wallet simulation's one check of the
   *     platform's whole ledger), whose response time no run makes comparable; empty in records
   *     written before it was added
   */
  public record ServiceLevels(long p99Millis, double maxErrorPercent,
      Map<String, RequestServiceLevel> perRequest, List<String> untimed) {
    public ServiceLevels {
      perRequest = perRequest == null ? Map.of() : Map.copyOf(new TreeMap<>(perRequest));
      untimed = untimed == null ? List.of() : List.copyOf(new java.util.TreeSet<>(untimed));
    }

    /** SLOs with every request timed. */
    public ServiceLevels(long p99Millis, double maxErrorPercent,
        Map<String, RequestServiceLevel> perRequest) {
      this(p99Millis, maxErrorPercent, perRequest, List.of());
    }
  }

  public record RequestServiceLevel(long p99Millis, double maxErrorPercent) {}

  /** @param commit the project's git commit (40 hex digits) when the run started in a clone */
  public record Versions(String gatling, String java, String project, Optional<String> commit) {
    public Versions {
      commit = commit == null ? Optional.empty() : commit;
    }
  }

  /**
   * @param cores processors the injector's JVM could use
   * @param memoryBytes the machine's physical memory
   * @param maxHeapBytes the injector JVM's largest heap
   * @param os operating system name, version and architecture
   */
  public record Host(int cores, long memoryBytes, long maxHeapBytes, String os) {}

  /**
   * The run parameters that make two runs of this simulation measure the same workload: every
   * profile value (as {@code <profile>.<key>}), {@code scale}, {@code duration}, {@code mode}
   * and {@code shards}. The target and the simulation are compared separately.
   */
  public Map<String, String> workloadParameters() {
    TreeMap<String, String> keys = new TreeMap<>();
    profile.values().forEach((key, value) -> keys.put(profile.name() + "." + key, value));
    keys.put("scale", plain(parameters.scale()));
    keys.put("duration", parameters.duration().orElse("default"));
    keys.put("mode", parameters.mode().orElse("-"));
    keys.put("shards", Integer.toString(parameters.shardCount()));
    parameters.queue().ifPresent(queue -> keys.put("queue", queue));
    parameters.rehearsal().ifPresent(r -> keys.put("rehearsal", r.forecastId() + "@" + r.quantile() + "/" + r.duration()));
    return keys;
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }
}
