package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.conditions.Conditions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The platform's HTTP API, driven through a real server on loopback, with no added latency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformApiTest {
  private PlatformMock mock;
  private PlatformClient client;

  @BeforeAll
  void start() {
    mock =
        PlatformMock.start(
            PlatformMockConfig.defaults()
                .withConditions(Conditions.none()));
    client = new PlatformClient(mock.baseUrl());
  }

  @AfterAll
  void stop() {
    mock.close();
  }

  @Test
  void loginReturnsTokenAndOpeningBalance() {
    var reply =
        client.post("/api/auth/login", null, null,
            "{\"playerId\":\"api-login\",\"password\":\"spin-to-win\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("token").asText()).hasSize(32);
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(100_000);
  }

  @Test
  void loginWithWrongPasswordIsUnauthorized() {
    var reply =
        client.post("/api/auth/login", null, null, "{\"playerId\":\"api-x\",\"password\":\"guess\"}");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  void malformedLoginBodyIsBadRequest() {
    assertThat(client.post("/api/auth/login", null, null, "not json").status()).isEqualTo(400);
  }

  @Test
  void lobbyNeedsAValidToken() {
    assertThat(client.get("/api/lobby", null).status()).isEqualTo(401);
    assertThat(client.get("/api/lobby", "forged-token").status()).isEqualTo(401);

    var lobby = client.get("/api/lobby", client.login("api-lobby"));
    assertThat(lobby.status()).isEqualTo(200);
    assertThat(lobby.body().get("games")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void newLoginRevokesThePreviousToken() {
    String first = client.login("api-relogin");
    String second = client.login("api-relogin");

    assertThat(client.get("/api/wallet", first).status()).isEqualTo(401);
    assertThat(client.get("/api/wallet", second).status()).isEqualTo(200);
  }

  @Test
  void spinDebitsStakeAndCreditsWin() {
    String token = client.login("api-spin");
    var reply = client.spin(token, PlatformClient.newKey(), "lucky-sevens", 250);

    assertThat(reply.status()).isEqualTo(200);
    long win = reply.body().get("winCents").asLong();
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(100_000 - 250 + win);
    assertThat(client.balance(token)).isEqualTo(100_000 - 250 + win);
    assertThat(reply.header("Idempotent-Replayed")).isEqualTo("false");
  }

  @Test
  void retriedSpinWithSameKeyMovesMoneyOnce() {
    String token = client.login("api-retry");
    String key = PlatformClient.newKey();
    var first = client.spin(token, key, "neon-nights", 500);
    var retry = client.spin(token, key, "neon-nights", 500);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(client.balance(token)).isEqualTo(first.body().get("balanceCents").asLong());
    assertThat(client.get("/api/wallet", token).body().get("transactionCount").asLong()).isOne();
  }

  @Test
  void keyReusedForADifferentRequestIsRejected() {
    String token = client.login("api-reuse");
    String key = PlatformClient.newKey();
    client.deposit(token, key, 1_000);

    var reused = client.deposit(token, key, 2_000);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.body().get("error").asText()).isEqualTo("idempotency_key_reused");
    assertThat(client.balance(token)).isEqualTo(101_000);
  }

  @Test
  void moneyCallsWithoutKeyAreRejected() {
    String token = client.login("api-nokey");

    assertThat(client.spin(token, null, "lucky-sevens", 100).status()).isEqualTo(400);
    assertThat(client.deposit(token, null, 100).status()).isEqualTo(400);
    assertThat(client.balance(token)).isEqualTo(100_000);
  }

  @Test
  void spinBeyondBalanceIsInsufficientFundsAndMovesNothing() {
    String token = client.login("api-poor");
    client.withdraw(token, PlatformClient.newKey(), 99_950);

    var reply = client.spin(token, PlatformClient.newKey(), "lucky-sevens", 100);

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.body().get("error").asText()).isEqualTo("insufficient_funds");
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(50);
    assertThat(client.balance(token)).isEqualTo(50);
  }

  @Test
  void withdrawalBeyondBalanceIsInsufficientFunds() {
    String token = client.login("api-overdraw");

    assertThat(client.withdraw(token, PlatformClient.newKey(), 100_001).status()).isEqualTo(402);
    assertThat(client.balance(token)).isEqualTo(100_000);
  }

  @Test
  void unknownGameAndStakeOutsideLimitsAreRejected() {
    String token = client.login("api-badspin");

    assertThat(client.spin(token, PlatformClient.newKey(), "no-such-game", 100).status())
        .isEqualTo(404);
    assertThat(client.spin(token, PlatformClient.newKey(), "neon-nights", 10).status())
        .isEqualTo(400);
    assertThat(client.spin(token, PlatformClient.newKey(), "lucky-sevens", 0).status())
        .isEqualTo(400);
    assertThat(client.balance(token)).isEqualTo(100_000);
  }

  @Test
  void transactionsAreListedNewestFirst() {
    String token = client.login("api-list");
    client.deposit(token, PlatformClient.newKey(), 700);
    client.withdraw(token, PlatformClient.newKey(), 300);

    var list = client.get("/api/wallet/transactions?limit=5", token);

    assertThat(list.status()).isEqualTo(200);
    var transactions = list.body().get("transactions");
    assertThat(transactions).hasSize(2);
    assertThat(transactions.get(0).get("type").asText()).isEqualTo("WITHDRAWAL");
    assertThat(transactions.get(0).get("balanceAfterCents").asLong()).isEqualTo(100_400);
    assertThat(transactions.get(1).get("type").asText()).isEqualTo("DEPOSIT");
    assertThat(client.get("/api/wallet/transactions?limit=0", token).status()).isEqualTo(400);
  }

  @Test
  void reconciliationReportsEveryWalletBalanced() {
    String token = client.login("api-reconcile");
    client.deposit(token, PlatformClient.newKey(), 5_000);
    client.spin(token, PlatformClient.newKey(), "dragon-drop", 200);

    var report = client.get("/__admin/casino/reconciliation", null);

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().get("balanced").asBoolean()).isTrue();
    assertThat(report.body().get("players").asInt()).isPositive();
    assertThat(report.body().get("unbalancedPlayers").asInt()).isZero();
  }

  @Test
  void healthAnswersWithoutToken() {
    assertThat(client.get("/health", null).status()).isEqualTo(200);
  }
}
