package io.casinoperf.simulations.run;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.casinoperf.run.HealthRules;
import io.casinoperf.run.InjectorHealth;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecords;
import io.casinoperf.scenarios.breaker.CircuitBreaker;
import io.casinoperf.scenarios.breaker.Guard;
import io.casinoperf.simulations.health.ArrivalPlan;
import io.casinoperf.scenarios.live.Users;
import io.casinoperf.simulations.health.InjectorHealthSampler;
import io.casinoperf.simulations.metrics.LiveMetrics;
import io.casinoperf.simulations.record.RunFolder;
import io.casinoperf.simulations.record.RunRecorder;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.SystemProperties;
import io.gatling.javaapi.core.ChainBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a simulation needs before its first request, and leaves behind after its last: the
 * run settings, its load numbers and the platform under test, checked together; the injector's
 * health, sampled through the run; and the run record ({@code run.json}) written beside the
 * run's {@code simulation.log} when it ends.
 *
 * <p>A bad value is an {@link IllegalArgumentException} naming the property, the value and what
 * was expected. Under Gatling's command-line entry point (the JVM the build plugin forks for a
 * run), which would print it as two stack traces of Gatling's frames and then end the JVM with
 * exit code 1 anyway, the run ends before any load with that one line on standard error and the
 * same exit code 1 (which the plugin reports as "Gatling failed"; its 2 would claim that
 * assertions failed). Anywhere else (an IDE, a test, a program that runs Gatling in-process) the
 * exception propagates to the caller.
 *
 * @param <L> the simulation's typed load numbers
 */
public final class RunContext<L> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);
  public static final int EXIT_BAD_SETTING = 1;
  /** Gatling's command-line entry point, which the build plugins' forked JVM runs. */
  private static final String GATLING_MAIN = "io.gatling.app.Gatling";
  /** The longest run whose arrivals are counted per second: two days. */
  private static final int MAX_SECONDS = 2 * 86_400;

  private final String simulation;
  private final RunSettings settings;
  private final LoadProfile profile;
  private final L load;
  private final PlatformUnderTest platform;
  private final InjectorHealthSampler health;
  private final Optional<LiveMetrics> metrics;
  private final Instant start = Instant.now();
  private Optional<RunRecord> record = Optional.empty();
  private Optional<Path> folder = Optional.empty();
  private List<RunRecord.Phase> phases = List.of();
  private List<String> untimed = List.of();
  /** Whether the run was opened under Gatling's command-line entry point (a build's fork). */
  private final boolean gatlingMain = calledFromGatlingsMain();

  private RunContext(String simulation, RunSettings settings, LoadProfile profile, L load,
      PlatformUnderTest platform, HealthRules.Thresholds thresholds) {
    this.simulation = simulation;
    this.settings = settings;
    this.profile = profile;
    this.load = load;
    this.platform = platform;
    this.health = new InjectorHealthSampler(thresholds, MAX_SECONDS);
    this.metrics = settings.metrics().flatMap(endpoint -> LiveMetrics.start(endpoint,
        simulation.substring(simulation.lastIndexOf('.') + 1), platform.baseUrl().toString(), health,
        Guard::installed));
    metrics.ifPresent(live -> {
      Guard.observe(live);
      LOG.info("live metrics for Prometheus: {}", live.url());
    });
  }

  /** The load profile of the one simulation that replays a forecast's rehearsal profile. */
  static final String REHEARSING_PROFILE = "flashSpinPeak";

  /**
   * Reads the settings from system properties and the environment (the passwords), the load
   * numbers from {@code profiles/<profileName>.properties}, then starts (or checks) the platform.
   */
  public static <L> RunContext<L> open(Class<?> simulation, String profileName,
      Function<LoadProfile, L> loadNumbers) {
    return setting(() -> open(simulation, SystemProperties.all(), System.getenv(), profileName, loadNumbers));
  }

  /**
   * A run parameter a simulation reads beyond the common ones (a file it replays, say), with the
   * same answer to a bad value as {@link #open}: one line and exit code 2 under Gatling's entry
   * point, the exception elsewhere.
   */
  public static <T> T setting(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      if (calledFromGatlingsMain()) {
        System.err.println("casinoperf: " + e.getMessage());
        System.err.flush();
        System.exit(EXIT_BAD_SETTING);
      }
      throw e;
    }
  }

  /**
   * Whether this call runs under Gatling's command-line entry point, {@code Gatling.main}, as a
   * run started by Gatling's build plugins (through their fork launcher) or its bundle does: that
   * entry point ends the JVM after a failure in any case.
   */
  static boolean calledFromGatlingsMain() {
    return StackWalker.getInstance().walk(frames -> frames.anyMatch(
        frame -> frame.getClassName().equals(GATLING_MAIN) && frame.getMethodName().equals("main")));
  }

  /**
   * As {@link #open(Class, String, Function)}, from the given properties and environment; throws
   * on a bad value.
   */
  public static <L> RunContext<L> open(Class<?> simulation, Map<String, String> properties,
      Map<String, String> environment, String profileName, Function<LoadProfile, L> loadNumbers) {
    RunSettings settings = RunSettings.from(properties, environment);
    if (settings.rehearsal().isPresent() && !profileName.equals(REHEARSING_PROFILE)) {
      throw new RunSettings.InvalidSettingException("-Drehearsal: only the flash-peak simulation replays a"
          + " rehearsal profile, not " + simulation.getSimpleName() + " (give"
          + " -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation)");
    }
    HealthRules.Thresholds thresholds = healthThresholds(properties);
    LoadProfile profile = LoadProfile.load(profileName, properties);
    L load;
    try {
      load = loadNumbers.apply(profile);
    } catch (RunSettings.InvalidSettingException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new RunSettings.InvalidSettingException(
          profileName + " profile: " + e.getMessage() + " (override with -D" + profileName + ".<key>)");
    }
    PlatformUnderTest platform = PlatformUnderTest.start(settings);
    Guard.install(settings.circuitBreaker().map(CircuitBreaker::new).orElse(null));
    LOG.info("{} against {} (scale {}, shard {})", profileName, platform.baseUrl(), settings.scale(),
        settings.shard());
    if (settings.shard().count() > 1 && settings.target().isEmpty()) {
      LOG.warn("shard {} runs against its own embedded platform: give -Dtarget so all shards load one",
          settings.shard());
    }
    return new RunContext<>(simulation.getName(), settings, profile, load, platform, thresholds);
  }

  /** The injector-health bounds, with any {@code -Dhealth.<name>=<value>} applied. */
  static HealthRules.Thresholds healthThresholds(Map<String, String> properties) {
    Map<String, String> overrides = new java.util.TreeMap<>();
    properties.forEach((name, value) -> {
      if (name.startsWith("health.")) {
        overrides.put(name.substring("health.".length()), value);
      }
    });
    try {
      return HealthRules.Thresholds.defaults().with(overrides);
    } catch (IllegalArgumentException e) {
      throw new RunSettings.InvalidSettingException("-D" + e.getMessage());
    }
  }

  public RunSettings settings() {
    return settings;
  }

  public L load() {
    return load;
  }

  public PlatformUnderTest platform() {
    return platform;
  }

  /**
   * The first action of every virtual user: counts it for the injector-health check of arrivals
   * against the plan.
   */
  public ChainBuilder arrival() {
    return exec(session -> {
      health.userStarted();
      Users.arrive();
      return session;
    });
  }

  /** The last action of every journey that runs to its end: the user leaves the live count. */
  public ChainBuilder departure() {
    return Users.LEAVE;
  }


  /**
   * The open injection profiles of the run's scenarios: arrivals are checked against them. Call
   * before {@code setUp}; closed models need no plan.
   */
  public void plan(ArrivalPlan... plans) {
    health.plan(ArrivalPlan.merged(plans));
  }

  /**
   * The workload's phases, when it has more than one (a steady base and a flash peak): the gate
   * compares each phase of the run with the same phase of the baseline. Windows are measured
   * from the start of injection; call before {@code setUp}.
   */
  public void phases(List<RunRecord.Phase> phases) {
    this.phases = List.copyOf(phases);
  }

  /**
   * Names requests the gate judges on their errors only: correctness checks the workload runs a
   * fixed number of times however long it runs, whose response time no run makes comparable
   * ({@link RunRecord.ServiceLevels#untimed()}).
   */
  public void untimed(String... requests) {
    this.untimed = List.of(requests);
  }

  /** The folder of the run's {@code simulation.log}, once {@link #close} found it. */
  public Optional<Path> runFolder() {
    return folder;
  }

  /**
   * Whether the run was opened under Gatling's command-line entry point, as a build plugin's
   * forked JVM runs it (not a test or an IDE running Gatling in-process).
   */
  public boolean underGatlingMain() {
    return gatlingMain;
  }

  /** The run's record, once {@link #close} wrote it. */
  public Optional<RunRecord> record() {
    return record;
  }

  /**
   * Ends the run: judges the injector's health (one line on the console), writes {@code run.json}
   * beside the run's log, and stops the embedded platform.
   */
  @Override
  public void close() {
    InjectorHealth injector = health.stop();
    Guard.installed().flatMap(CircuitBreaker::trip).ifPresent(trip -> LOG.error(
        "the circuit breaker stopped this run: {}; Gatling's report covers the run up to then,"
            + " and the gate will call it aborted", trip.reason()));
    System.out.println(InjectorHealthSampler.summaryLine(injector));
    if (injector.saturated()) {
      System.out.println("  an SLO assertion that fails below measured the injector, not the"
          + " platform: the gate calls this run invalid (exit 4)");
    }
    System.out.flush();
    RunRecord written = RunRecorder.record(simulation, profile, settings, platform.baseUrl(),
        platform.embedded(), start, Instant.now(), injector, phases, untimed);
    folder = health.logFolder()
        .or(RunFolder::ofOpenLog)
        .or(() -> RunFolder.newest(RunFolder.resultsFolder(), simulation, start.toEpochMilli()));
    if (folder.isPresent()) {
      RunRecords.write(folder.get().resolve(RunRecord.FILE_NAME), written);
      record = Optional.of(written);
    } else {
      LOG.warn("cannot find this run's results folder: no {} written", RunRecord.FILE_NAME);
    }
    Users.runEnded();
    metrics.ifPresent(live -> {
      long linger = settings.metrics().orElseThrow().linger().toMillis();
      if (linger > 0) {
        try {
          Thread.sleep(linger);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Guard.observe(null);
      live.close();
    });
    platform.close();
  }
}
