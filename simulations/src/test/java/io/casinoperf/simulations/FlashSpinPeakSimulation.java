package io.casinoperf.simulations;

import io.casinoperf.simulations.run.Accounts;
import io.casinoperf.simulations.run.RunContext;
import io.casinoperf.simulations.run.ServiceLevels;
import io.casinoperf.simulations.run.WorkloadPhases;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.SpinSessionShape;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.casinoperf.scenarios.Lobby;
import io.casinoperf.scenarios.Login;
import io.casinoperf.scenarios.PlatformProtocol;
import io.casinoperf.scenarios.Spins;
import io.casinoperf.simulations.health.ArrivalPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A free-spins drop: regular players arrive at a steady rate all through the run; at {@code
 * peakAfter} a promotion brings {@code peakUsers} more within {@code peakRamp}. Every player logs
 * in, opens the lobby and plays a short spin session. Load numbers: {@code
 * profiles/flashSpinPeak.properties}.
 *
 * <p>With {@code -Drehearsal=FILE} (the rehearsal.json of {@code forecast}) the players arrive as
 * the forecast says the promotion's traffic will, instead: its ramp, peak and base at {@code
 * -Drehearsal.quantile} (P90), the window's hours played in {@code -Drehearsal.duration} (2m).
 */
public class FlashSpinPeakSimulation extends Simulation {

  record Load(
      double baseUsersPerSecond,
      Duration duration,
      Duration peakAfter,
      int peakUsers,
      Duration peakRamp,
      SpinSessionShape spins) {
    static Load from(LoadProfile profile) {
      return new Load(
          profile.rate("baseUsersPerSecond"),
          profile.duration("duration"),
          profile.duration("peakAfter"),
          profile.count("peakUsers"),
          profile.duration("peakRamp"),
          SpinSessionShape.from(profile));
    }
  }

  private final RunContext<Load> run = RunContext.open(getClass(), "flashSpinPeak", Load::from);
  private final RunSettings settings = run.settings();
  private final Load load = run.load();

  private final RehearsalReplay rehearsal =
      RunContext.setting(() -> settings.rehearsal().map(r -> RehearsalReplay.of(r, settings)).orElse(null));

  private final ChainBuilder playerSession =
      exec(
          run.arrival(),
          Accounts.nextAccount(settings),
          Login.LOGIN,
          Lobby.OPEN,
          Spins.session(rehearsal != null ? rehearsal.spinsPerSession() : load.spins().spinsPerSession(),
              load.spins().minThink(), load.spins().maxThink()),
          run.departure());

  private final ScenarioBuilder regulars = scenario("Regular players").exec(playerSession);
  private final ScenarioBuilder freeSpinsDrop = scenario("Free-spins drop").exec(playerSession);
  private final ScenarioBuilder rehearsed = scenario("Rehearsed promotion").exec(playerSession);

  {
    if (rehearsal != null) {
      rehearse();
    } else {
      drop();
    }
  }

  /** The forecast's promotion, as its rehearsal profile says. */
  private void rehearse() {
    ArrivalPlan arrivals = rehearsal.arrivals();
    run.plan(arrivals);
    java.time.Duration[] peak = rehearsal.peak();
    // The peak phase: from the first moment the rate stands at 90 % of its highest to the last,
    // plus a session's longest thinking and a second for the responses.
    run.phases(WorkloadPhases.baseWithPeak(peak[0], peak[1].plus(load.spins().longestThinking()).plusSeconds(1)));
    setUp(rehearsed.injectOpen(arrivals.steps()))
        .protocols(PlatformProtocol.forBaseUrl(run.platform().baseUrl()))
        .assertions(ServiceLevels.forAllRequests(settings));
  }

  /** The properties' steady base and drop. */
  private void drop() {
    ArrivalPlan regularArrivals = new ArrivalPlan()
        .constantRate(settings.rate(load.baseUsersPerSecond()), settings.durationOr(load.duration()));
    ArrivalPlan dropArrivals = new ArrivalPlan()
        .nothingFor(load.peakAfter())
        .stressPeak(settings.users(load.peakUsers()), load.peakRamp());
    run.plan(regularArrivals, dropArrivals);
    // The peak's requests: from the drop's first player until its last could have finished (every
    // think time at its longest, and a second for the responses). The gate compares this phase and
    // the steady base around it apart: the peak varies far more from run to run.
    Duration peakEnd = load.peakAfter().plus(load.peakRamp())
        .plus(load.spins().longestThinking()).plusSeconds(1);
    run.phases(WorkloadPhases.baseWithPeak(load.peakAfter(), peakEnd));
    setUp(
            regulars.injectOpen(regularArrivals.steps()),
            freeSpinsDrop.injectOpen(dropArrivals.steps()))
        .protocols(PlatformProtocol.forBaseUrl(run.platform().baseUrl()))
        .assertions(ServiceLevels.forAllRequests(settings));
  }

  @Override
  public void after() {
    run.close();
    MainJobSummary.atExit(run);
  }
}
