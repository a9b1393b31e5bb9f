package io.casinoperf.simulations;

import io.casinoperf.simulations.run.Accounts;
import io.casinoperf.simulations.run.RunContext;
import io.casinoperf.simulations.run.ServiceLevels;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.SpinSessionShape;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.casinoperf.scenarios.BalanceChannelJourney;
import io.casinoperf.scenarios.Lobby;
import io.casinoperf.scenarios.Login;
import io.casinoperf.scenarios.PlatformProtocol;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Live sessions held open on the balance WebSocket: each player logs in, connects the channel,
 * spins over HTTP and waits for every balance push, then closes. A closed model keeps {@code
 * concurrentSessions} sessions live. Measures connect time (the awaited snapshot) and push latency
 * (group {@value BalanceChannelJourney#SPIN_TO_PUSH}); the SLOs apply to those and to the HTTP
 * requests, not to the 0 ms socket actions. Load numbers: {@code
 * profiles/webSocketSessions.properties}.
 */
public class WebSocketSessionsSimulation extends Simulation {

  record Load(
      int concurrentSessions,
      Duration rampUp,
      Duration duration,
      SpinSessionShape spins,
      Duration connectTimeout,
      Duration pushTimeout) {
    static Load from(LoadProfile profile) {
      return new Load(
          profile.count("concurrentSessions"),
          profile.duration("rampUp"),
          profile.duration("duration"),
          SpinSessionShape.from(profile),
          profile.duration("connectTimeout"),
          profile.duration("pushTimeout"));
    }
  }

  private final RunContext<Load> run = RunContext.open(getClass(), "webSocketSessions", Load::from);
  private final RunSettings settings = run.settings();
  private final Load load = run.load();

  private final ScenarioBuilder liveSessions =
      scenario("Live sessions")
          .exec(
              run.arrival(),
              Accounts.nextAccount(settings),
              Login.LOGIN,
              Lobby.OPEN,
              BalanceChannelJourney.connect(load.connectTimeout()),
              BalanceChannelJourney.spinsWithPush(
                  load.spins().spinsPerSession(),
                  load.spins().minThink(),
                  load.spins().maxThink(),
                  load.pushTimeout()),
              BalanceChannelJourney.CLOSE,
              run.departure());

  {
    int sessions = settings.users(load.concurrentSessions());
    setUp(
            liveSessions.injectClosed(
                rampConcurrentUsers(0).to(sessions).during(load.rampUp()),
                constantConcurrentUsers(sessions).during(settings.durationOr(load.duration()))))
        .protocols(PlatformProtocol.forBaseUrl(run.platform().baseUrl()))
        .assertions(
            ServiceLevels.forEach(
                settings,
                "Login",
                "Lobby",
                BalanceChannelJourney.SNAPSHOT,
                BalanceChannelJourney.SPIN_TO_PUSH));
  }

  @Override
  public void after() {
    run.close();
    MainJobSummary.atExit(run);
  }
}
