package io.casinoperf.simulations;

import io.casinoperf.simulations.run.Accounts;
import io.casinoperf.simulations.run.RunContext;
import io.casinoperf.simulations.run.ServiceLevels;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.Lobby;
import io.casinoperf.scenarios.Login;
import io.casinoperf.scenarios.PlatformProtocol;
import io.casinoperf.scenarios.SessionKeys;
import io.casinoperf.scenarios.Spins;
import io.casinoperf.scenarios.WalletFlows;
import io.gatling.javaapi.core.Assertion;
import io.casinoperf.simulations.health.ArrivalPlan;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everyday wallet traffic: players spin (bets and wins), deposit, withdraw, read their balance and
 * list transactions, and retry some deposits and withdrawals with the same idempotency key. Each
 * player ends by reconciling the wallet against its own ledger ({@code Reconcile wallet}); against
 * the embedded platform the run ends by checking every wallet's ledger ({@code Reconcile platform
 * ledger}). Any lost or duplicated transaction fails the run. Load numbers: {@code
 * profiles/walletTraffic.properties}.
 */
public class WalletTrafficSimulation extends Simulation {
  static final String RECONCILE_WALLET = "Reconcile wallet";
  static final String RECONCILE_LEDGER = "Reconcile platform ledger";

  /** The operation mix in percent; the five shares must add up to 100. */
  record Mix(double spin, double deposit, double withdrawal, double balance, double transactions) {
    Mix {
      double total = spin + deposit + withdrawal + balance + transactions;
      if (Math.abs(total - 100) > 1e-9) {
        throw new IllegalArgumentException("mix.* must add up to 100, they add up to " + total);
      }
    }
  }

  record Load(
      double startUsersPerSecond,
      double usersPerSecond,
      Duration rampUp,
      Duration duration,
      int operationsPerPlayer,
      Duration minThink,
      Duration maxThink,
      Mix mix,
      double retryPercent,
      long depositCents,
      long withdrawalCents) {
    Load {
      if (maxThink.compareTo(minThink) < 0) {
        throw new IllegalArgumentException("minThink must not exceed maxThink");
      }
      if (retryPercent > 100) {
        throw new IllegalArgumentException("retryPercent must be within 0..100, was " + retryPercent);
      }
      if (depositCents < 1 || withdrawalCents < 1) {
        throw new IllegalArgumentException("depositCents and withdrawalCents must be >= 1");
      }
    }

    static Load from(LoadProfile profile) {
      return new Load(
          profile.rate("startUsersPerSecond"),
          profile.rate("usersPerSecond"),
          profile.duration("rampUp"),
          profile.duration("duration"),
          profile.count("operationsPerPlayer"),
          profile.duration("minThink"),
          profile.duration("maxThink"),
          new Mix(
              profile.rate("mix.spin"),
              profile.rate("mix.deposit"),
              profile.rate("mix.withdrawal"),
              profile.rate("mix.balance"),
              profile.rate("mix.transactions")),
          profile.rate("retryPercent"),
          profile.count("depositCents"),
          profile.count("withdrawalCents"));
    }
  }

  private final RunContext<Load> run = RunContext.open(getClass(), "walletTraffic", Load::from);
  private final RunSettings settings = run.settings();
  private final Load load = run.load();

  private final ChainBuilder retrySometimes =
      doIf(
              session ->
                  session.contains(SessionKeys.TRANSACTION_ID)
                      && ThreadLocalRandom.current().nextDouble(100) < load.retryPercent())
          .then(WalletFlows.RETRY_LAST_TRANSFER);

  private final ChainBuilder oneOperation =
      randomSwitch()
          .on(
              percent(load.mix().spin()).then(Spins.SPIN),
              percent(load.mix().deposit())
                  .then(exec(WalletFlows.deposit(load.depositCents()), retrySometimes)),
              percent(load.mix().withdrawal())
                  .then(
                      doIf(session -> session.getLong(SessionKeys.BALANCE) >= load.withdrawalCents())
                          .then(exec(WalletFlows.withdraw(load.withdrawalCents()), retrySometimes))),
              percent(load.mix().balance()).then(WalletFlows.CHECK_BALANCE),
              percent(load.mix().transactions()).then(WalletFlows.LIST_TRANSACTIONS));

  private final ScenarioBuilder players =
      scenario("Wallet traffic")
          .exec(
              run.arrival(),
              Accounts.nextAccount(settings),
              Login.LOGIN,
              Lobby.OPEN,
              WalletFlows.READ_WALLET,
              repeat(load.operationsPerPlayer())
                  .on(exec(oneOperation).pause(load.minThink(), load.maxThink())),
              WalletFlows.RECONCILE,
              run.departure());

  private final ScenarioBuilder ledgerCheck =
      scenario("Ledger check")
          .exec(
              http(RECONCILE_LEDGER)
                  .get("/__admin/casino/reconciliation")
                  .check(status().is(200), jsonPath("$.balanced").ofBoolean().is(true)));

  {
    ArrivalPlan arrivals = new ArrivalPlan()
        .rampRate(settings.rate(load.startUsersPerSecond()), settings.rate(load.usersPerSecond()),
            load.rampUp())
        .constantRate(settings.rate(load.usersPerSecond()), settings.durationOr(load.duration()));
    run.plan(arrivals);
    PopulationBuilder traffic = players.injectOpen(arrivals.steps());
    List<Assertion> assertions = new ArrayList<>(ServiceLevels.forAllRequests(settings));
    assertions.add(details(RECONCILE_WALLET).failedRequests().count().is(0L));
    if (run.platform().embedded()) {
      traffic = traffic.andThen(ledgerCheck.injectOpen(atOnceUsers(1)));
      // Once per run, however long: the gate judges its errors, not its time.
      run.untimed(RECONCILE_LEDGER);
      assertions.add(details(RECONCILE_LEDGER).failedRequests().count().is(0L));
      assertions.add(details(RECONCILE_LEDGER).requestsPerSec().gt(0.0));
    }
    setUp(traffic)
        .protocols(PlatformProtocol.forBaseUrl(run.platform().baseUrl()))
        .assertions(assertions);
  }

  @Override
  public void after() {
    run.close();
    MainJobSummary.atExit(run);
  }
}
