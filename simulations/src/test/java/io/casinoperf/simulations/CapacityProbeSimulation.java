package io.casinoperf.simulations;

import io.casinoperf.simulations.run.Accounts;
import io.casinoperf.simulations.run.RunContext;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.casinoperf.scenarios.Lobby;
import io.casinoperf.scenarios.Login;
import io.casinoperf.scenarios.PlatformProtocol;
import io.casinoperf.scenarios.Spins;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much one node holds: concurrency rises in levels (a closed model — a player who finishes
 * is replaced at once), each held long enough to settle, players spinning without think time.
 * Per level it writes concurrency, spin throughput, p99 of the spin round trip, error rate, and
 * the round trip's mean and squared coefficient of variation as the CSV the {@code forecast}
 * command's {@code --load-steps} reads for its Universal Scalability Law fit and its queueing
 * model (which takes the lowest level's mean and variation as the service time). Load numbers: {@code profiles/capacityProbe.properties}.
 */
public class CapacityProbeSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(CapacityProbeSimulation.class);
  private static final String STARTED = "probeSpinStarted";

  record Load(List<Integer> levels, Duration stepDuration, Duration rampBetween, int spinsPerPlayer, Path output) {
    static Load from(LoadProfile profile) {
      return new Load(levels(profile), profile.duration("stepDuration"), profile.duration("rampBetween"),
          profile.count("spinsPerPlayer"), Path.of(profile.text("output")));
    }

    private static List<Integer> levels(LoadProfile profile) {
      String text = profile.text("levels");
      try {
        List<Integer> levels = Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
        for (int i = 0; i < levels.size(); i++) {
          if (levels.get(i) < 1 || (i > 0 && levels.get(i) <= levels.get(i - 1))) {
            throw new NumberFormatException();
          }
        }
        if (levels.size() >= 3) {
          return levels;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("levels=" + text
          + ": expected at least three rising whole numbers, e.g. 2,4,8,16");
    }
  }

  private final RunContext<Load> run = RunContext.open(getClass(), "capacityProbe", Load::from);
  private final RunSettings settings = run.settings();
  private final Load load = run.load();
  private final List<Integer> levels = load.levels().stream().map(settings::users).toList();
  private final ProbeSteps steps = new ProbeSteps(levels, load.stepDuration().toMillis(),
      load.rampBetween().toMillis());
  private final java.util.Optional<ProbeResources> resources = RunContext.setting(
      () -> ProbeResources.from(io.casinoperf.simulations.settings.SystemProperties.all(), System.getenv()));

  /** A spin timed from the player's side: feeder, top-up if needed, the request and its checks. */
  private final ChainBuilder timedSpin =
      exec(session -> session.set(STARTED, System.nanoTime()))
          .exec(Spins.SPIN)
          .exec(session -> {
            long micros = (System.nanoTime() - session.getLong(STARTED)) / 1_000;
            steps.record(System.currentTimeMillis(), micros, !session.isFailed());
            return session.markAsSucceeded();
          });

  private final ScenarioBuilder players = scenario("Probe players")
      .exec(run.arrival(), Accounts.nextAccount(settings), Login.LOGIN, Lobby.OPEN)
      .exec(repeat(load.spinsPerPlayer()).on(timedSpin), run.departure());

  {
    List<ClosedInjectionStep> profile = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) {
        profile.add(rampConcurrentUsers(levels.get(i - 1)).to(levels.get(i)).during(load.rampBetween()));
      }
      profile.add(constantConcurrentUsers(levels.get(i)).during(load.stepDuration()));
    }
    // No SLO assertions: a probe is meant to push past them to find the peak.
    setUp(players.injectClosed(profile))
        .protocols(PlatformProtocol.forBaseUrl(run.platform().baseUrl()));
  }

  @Override
  public void before() {
    steps.start(System.currentTimeMillis());
  }

  @Override
  public void after() {
    try {
      long end = System.currentTimeMillis();
      List<Integer> cut = steps.cutOff(end);
      if (!cut.isEmpty()) {
        LOG.warn("the run ended inside the measuring window of concurrency {}: left out of the"
            + " load steps (a partial window would understate throughput)", cut);
      }
      java.util.Map<String, double[]> used = java.util.Map.of();
      if (resources.isPresent()) {
        try {
          used = resources.get().measure(steps.windows(end));
        } catch (io.casinoperf.capacity.series.PrometheusException e) {
          LOG.error("the levels' resource use could not be read: {}; the load steps are written without it",
              e.getMessage());
        }
      }
      steps.writeCsv(load.output(), end, used);
      LOG.info("load steps written to {}{}", load.output().toAbsolutePath(),
          used.isEmpty() ? "" : " with the resources " + String.join(", ", used.keySet()));
    } catch (InterruptedException e) {
      // Interrupted while reading the resources: the probe's own columns are still written.
      Thread.currentThread().interrupt();
      try {
        steps.writeCsv(load.output(), System.currentTimeMillis());
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      run.close();
    }
  }
}
