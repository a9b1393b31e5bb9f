package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.mocks.wallet.Transaction;
import io.casinoperf.mocks.wallet.Wallet;
import io.casinoperf.scenarios.MoneyChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short real runs of {@link WalletTrafficSimulation} against a platform on loopback, read back
 * from {@code simulation.log}: a reader tells a lost deposit from a flaky request by the KO message
 * of {@code Reconcile wallet} alone, and a player whose wallet could not be read leaves without
 * breaking later steps.
 */
class MoneyReconciliationEndToEndTest {
  private static final String RECONCILE_WALLET = WalletTrafficSimulation.RECONCILE_WALLET;

  @TempDir Path results;

  /** What one run left in its simulation.log. */
  private static final class Records implements SimulationLogListener {
    final List<String> reconcileFailures = new ArrayList<>();
    final Map<String, Integer> okByRequest = new HashMap<>();
    final Map<String, Integer> koByRequest = new HashMap<>();
    final List<String> messages = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    int usersStarted;
    int usersEnded;

    @Override
    public void onRequest(
        List<String> groups, String name, int start, int end, boolean ok, String message) {
      (ok ? okByRequest : koByRequest).merge(name, 1, Integer::sum);
      if (!ok) {
        messages.add(name + ": " + message);
        if (name.equals(RECONCILE_WALLET)) {
          reconcileFailures.add(message);
        }
      }
    }

    @Override
    public void onError(String message, int timestampMillis) {
      errors.add(message);
    }

    @Override
    public void onUser(String scenario, boolean start, int timestampMillis) {
      if (scenario.equals("Wallet traffic")) {
        if (start) {
          usersStarted++;
        } else {
          usersEnded++;
        }
      }
    }

    int ok(String request) {
      return okByRequest.getOrDefault(request, 0);
    }

    int ko(String request) {
      return koByRequest.getOrDefault(request, 0);
    }
  }

  private static Map<String, String> shortRun(PlatformMock platform, String duration, int usersPerSecond) {
    Map<String, String> properties = new HashMap<>();
    properties.put("target", platform.baseUrl().toString());
    properties.put("duration", duration);
    properties.put("p99Millis", "2000");
    properties.put("walletTraffic.startUsersPerSecond", "2");
    properties.put("walletTraffic.usersPerSecond", Integer.toString(usersPerSecond));
    properties.put("walletTraffic.rampUp", "1s");
    properties.put("walletTraffic.operationsPerPlayer", "12");
    properties.put("walletTraffic.minThink", "0ms");
    properties.put("walletTraffic.maxThink", "10ms");
    return properties;
  }

  private Records run(Map<String, String> properties) throws Exception {
    GatlingProcess.Result run = GatlingProcess.run(
        WalletTrafficSimulation.class, properties, results, Duration.ofMinutes(2));
    Path log = run.runFolder().orElseThrow(
        () -> new AssertionError("no run folder:\n" + run.stdout() + run.stderr()))
        .resolve("simulation.log");
    Records records = new Records();
    SimulationLogReader.read(log, records);
    return records;
  }

  @Test
  void aLostDepositFailsOnlyThatPlayersReconcileWithAMoneyMismatchNamingTheNumbers()
      throws Exception {
    String victim = "player-000002";
    Records records;
    Wallet wallet;
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults())) {
      platform.wallets().loseNextDeposit(victim);
      Map<String, String> properties = shortRun(platform, "2s", 4);
      // Mostly deposits, and no retries: the victim surely deposits, and nothing is replayed.
      properties.put("walletTraffic.mix.spin", "40");
      properties.put("walletTraffic.mix.deposit", "60");
      properties.put("walletTraffic.mix.withdrawal", "0");
      properties.put("walletTraffic.mix.balance", "0");
      properties.put("walletTraffic.mix.transactions", "0");
      properties.put("walletTraffic.retryPercent", "0");
      records = run(properties);
      wallet = platform.wallets().find(victim).orElseThrow();
    }

    assertThat(wallet.lostDeposits()).as("deposits the platform lost").hasSize(1);
    Transaction lost = wallet.lostDeposits().get(0);
    long balance = wallet.balanceCents();
    long transactions = wallet.transactionCount();
    assertThat(records.reconcileFailures).containsExactly(
        MoneyChecks.MISMATCH_PREFIX + "found player " + victim
            + ": balance " + balance + " cents, expected " + (balance + lost.amountCents())
            + " cents (-" + lost.amountCents() + "); transactions " + transactions
            + ", expected " + (transactions + 1) + "; missing " + lost.id() + "; unexpected none");
    assertThat(records.ok(RECONCILE_WALLET)).as("every other player reconciled")
        .isEqualTo(records.usersStarted - 1)
        .isPositive();
    assertThat(records.messages).filteredOn(m -> m.contains(MoneyChecks.MISMATCH_PREFIX))
        .as("no other request carries the mismatch").hasSize(1);
  }

  @Test
  void onAFaultyPlatformReconcileFailuresAreOrdinaryAndPlayersWithoutAWalletLeaveCleanly()
      throws Exception {
    Records records;
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults().withConditions(
        PlatformMockConfig.defaults().conditions().withMode(Mode.FAULTY).withFaults(30, 1, 0)))) {
      // 30 % 503s: of about 65 players, some 30 get to read their wallet and some 20 to reconcile,
      // so both fail for a few (none would, with odds under 1 in 2,000).
      Map<String, String> properties = shortRun(platform, "5s", 12);
      properties.put("walletTraffic.operationsPerPlayer", "6");
      properties.put("circuitBreaker", "off");
      records = run(properties);
    }

    assertThat(records.ko("Wallet")).as("players whose first wallet read failed").isPositive();
    assertThat(records.reconcileFailures).as("reconciles that failed").isNotEmpty()
        .noneMatch(message -> message.startsWith(MoneyChecks.MISMATCH_PREFIX))
        .as("Gatling's own message for a 503").contains("status.find.is(200), found 503");
    assertThat(records.messages).noneMatch(message -> message.contains(MoneyChecks.MISMATCH_PREFIX));
    assertThat(records.messages).noneMatch(message -> message.contains("No attribute named"));
    assertThat(records.errors).noneMatch(message -> message.contains("No attribute named"));
    assertThat(records.usersEnded).as("every player ended").isEqualTo(records.usersStarted);
  }

  @Test
  void aHealthyRunReconcilesEveryPlayerAgainstItsTransactionsWithoutAFailure() throws Exception {
    Records records;
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults())) {
      Map<String, String> properties = shortRun(platform, "2s", 4);
      properties.put("walletTraffic.retryPercent", "50");
      records = run(properties);
    }

    assertThat(records.messages).as("KOs").isEmpty();
    assertThat(records.errors).as("error records").isEmpty();
    assertThat(records.usersStarted).isGreaterThanOrEqualTo(5);
    assertThat(records.ok("Reconcile transactions")).isEqualTo(records.usersStarted);
    assertThat(records.ok(RECONCILE_WALLET)).isEqualTo(records.usersStarted);
  }
}
