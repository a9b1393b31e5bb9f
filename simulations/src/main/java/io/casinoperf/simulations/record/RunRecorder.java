package io.casinoperf.simulations.record;

import io.casinoperf.run.InjectorHealth;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecords;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the {@link RunRecord} of a simulation run from its settings, profile, target and health,
 * with the versions and the host it ran on.
 */
public final class RunRecorder {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private RunRecorder() {}

  /**
   * @param target the platform's base URL; only scheme, host and port are kept
   * @param embedded whether the run served itself with the embedded platform
   * @param phases the workload's phases, empty for a workload of one phase
   */
  public static RunRecord record(String simulationClass, LoadProfile profile, RunSettings settings,
      URI target, boolean embedded, Instant start, Instant end, InjectorHealth health,
      List<RunRecord.Phase> phases) {
    return record(simulationClass, profile, settings, target, embedded, start, end, health, phases,
        List.of());
  }

  /**
   * As {@link #record(String, LoadProfile, RunSettings, URI, boolean, Instant, Instant,
   * InjectorHealth, List)}, naming the requests judged on their errors only ({@link
   * RunRecord.ServiceLevels#untimed()}).
   */
  public static RunRecord record(String simulationClass, LoadProfile profile, RunSettings settings,
      URI target, boolean embedded, Instant start, Instant end, InjectorHealth health,
      List<RunRecord.Phase> phases, List<String> untimed) {
    return new RunRecord(
        RunRecord.FORMAT,
        simulationClass,
        new RunRecord.Profile(profile.name(), profile.values()),
        new RunRecord.Parameters(settings.scale(),
            settings.duration().map(io.casinoperf.run.Durations::format),
            embedded ? Optional.of(settings.mode().label()) : Optional.empty(),
            settings.shard().index(), settings.shard().count(),
            embedded ? queue(settings) : Optional.empty(),
            settings.rehearsal().map(r -> new RunRecord.Rehearsal(r.forecastId(), r.promotion(), r.quantile(),
                io.casinoperf.run.Durations.format(r.duration()), String.valueOf(r.file().getFileName()),
                r.predictedP99Millis()))),
        target(target, embedded),
        new RunRecord.ServiceLevels(settings.p99Millis(), settings.maxErrorPercent(), null, untimed),
        new RunRecord.Versions(gatlingVersion(), System.getProperty("java.version"),
            RunRecords.projectVersion(), commit(Path.of("").toAbsolutePath())),
        host(),
        start.truncatedTo(ChronoUnit.MILLIS).toString(),
        end.truncatedTo(ChronoUnit.MILLIS).toString(),
        health,
        null,
        phases);
  }

  /**
   * In queue mode, the platform's effective queue (what was given, else the platform's default),
   * so that runs on queues of different sizes are not taken for the same workload.
   */
  static Optional<String> queue(RunSettings settings) {
    if (settings.mode() != io.casinoperf.mocks.conditions.Mode.QUEUE) {
      return Optional.empty();
    }
    io.casinoperf.mocks.conditions.Conditions defaults = io.casinoperf.mocks.conditions.Conditions.defaults();
    Optional<RunSettings.Queue> given = settings.queue();
    int workers = given.map(q -> q.workers().orElse(defaults.queueWorkers())).orElse(defaults.queueWorkers());
    double service = given.map(q -> q.serviceMillis().orElse(defaults.queueServiceMillis()))
        .orElse(defaults.queueServiceMillis());
    double scv = given.map(q -> q.serviceScv().orElse(defaults.queueServiceScv())).orElse(defaults.queueServiceScv());
    return Optional.of("workers=" + workers + ",serviceMillis=" + plain(service) + ",serviceScv=" + plain(scv));
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** Scheme, host and port of {@code url}: never its user info, path or query. */
  static RunRecord.Target target(URI url, boolean embedded) {
    return RunRecord.Target.of(url, embedded);
  }

  static RunRecord.Host host() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new RunRecord.Host(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
        Runtime.getRuntime().maxMemory(), System.getProperty("os.name") + " "
            + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** Gatling's version, from its jar's manifest. */
  static String gatlingVersion() {
    String version = io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /**
   * The commit checked out in the git clone that holds {@code folder}, read from {@code .git}
   * (a detached HEAD, a loose ref or a packed ref); empty outside a clone.
   */
  static Optional<String> commit(Path folder) {
    for (Path dir = folder; dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isDirectory(git)) {
        return commitIn(git);
      }
      if (Files.isRegularFile(git)) {
        // a worktree: "gitdir: <path>"
        try {
          String pointer = Files.readString(git, StandardCharsets.UTF_8).strip();
          if (pointer.startsWith("gitdir:")) {
            Path gitDir = dir.resolve(pointer.substring("gitdir:".length()).strip());
            Optional<String> head = commitIn(gitDir);
            if (head.isPresent()) {
              return head;
            }
            Path common = gitDir.resolve("commondir");
            if (Files.isRegularFile(common)) {
              Path commonDir = gitDir.resolve(Files.readString(common).strip());
              return ref(commonDir, headRef(gitDir).orElse(""));
            }
          }
        } catch (IOException e) {
          return Optional.empty();
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> commitIn(Path gitDir) {
    try {
      String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
      if (COMMIT.matcher(head).matches()) {
        return Optional.of(head);
      }
      if (head.startsWith("ref:")) {
        return ref(gitDir, head.substring(4).strip());
      }
    } catch (IOException e) {
      // not readable
    }
    return Optional.empty();
  }

  private static Optional<String> headRef(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
    return head.startsWith("ref:") ? Optional.of(head.substring(4).strip()) : Optional.empty();
  }

  private static Optional<String> ref(Path gitDir, String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path loose = gitDir.resolve(name);
      if (Files.isRegularFile(loose)) {
        String value = Files.readString(loose, StandardCharsets.UTF_8).strip();
        return COMMIT.matcher(value).matches() ? Optional.of(value) : Optional.empty();
      }
      Path packed = gitDir.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
          String[] parts = line.split(" ");
          if (parts.length == 2 && parts[1].equals(name) && COMMIT.matcher(parts[0]).matches()) {
            return Optional.of(parts[0]);
          }
        }
      }
    } catch (IOException e) {
      // not readable
    }
    return Optional.empty();
  }
}
