package io.casinoperf.simulations;

import io.casinoperf.scenarios.breaker.CircuitBreaker;
import io.casinoperf.scenarios.breaker.Guard;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a simulation needs before its first request: the run settings, its load numbers and
 * the platform under test, checked together. A bad value ends the run before any load with one
 * line on standard error (naming the property, the value and what was expected) instead of a stack
 * trace. The forked JVM exits with 1, which the Gatling plugin reports as "Gatling failed" (its
 * exit code 2 would claim that assertions failed).
 *
 * @param <L> the simulation's typed load numbers
 */
final class RunContext<L> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);
  static final int EXIT_BAD_SETTING = 1;

  private final RunSettings settings;
  private final L load;
  private final PlatformUnderTest platform;

  private RunContext(RunSettings settings, L load, PlatformUnderTest platform) {
    this.settings = settings;
    this.load = load;
    this.platform = platform;
  }

  /**
   * Reads the settings from system properties and the environment (the passwords), the load
   * numbers from {@code profiles/<profileName>.properties}, then starts (or checks) the platform.
   */
  static <L> RunContext<L> open(String profileName, Function<LoadProfile, L> loadNumbers) {
    try {
      return open(SystemProperties.all(), System.getenv(), profileName, loadNumbers);
    } catch (IllegalArgumentException e) {
      System.err.println("casinoperf: " + e.getMessage());
      System.err.flush();
      System.exit(EXIT_BAD_SETTING);
      throw e;
    }
  }

  /**
   * As {@link #open(String, Function)}, from the given properties and environment; throws on a
   * bad value.
   */
  static <L> RunContext<L> open(Map<String, String> properties, Map<String, String> environment,
      String profileName, Function<LoadProfile, L> loadNumbers) {
    RunSettings settings = RunSettings.from(properties, environment);
    L load;
    try {
      load = loadNumbers.apply(LoadProfile.load(profileName, properties));
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
    return new RunContext<>(settings, load, platform);
  }

  RunSettings settings() {
    return settings;
  }

  L load() {
    return load;
  }

  PlatformUnderTest platform() {
    return platform;
  }

  @Override
  public void close() {
    Guard.installed().flatMap(CircuitBreaker::trip).ifPresent(trip -> LOG.error(
        "the circuit breaker stopped this run: {}; Gatling's report covers the run up to then,"
            + " and the gate will call it aborted", trip.reason()));
    platform.close();
  }
}
