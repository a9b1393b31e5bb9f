package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The platform's HTTP API, driven through a real server on loopback, with no added latency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformApiTest {
  @RegisterExtension final RunningPlatform platform = RunningPlatform.instant();


  @Test
  void loginReturnsTokenAndOpeningBalance() {
    var reply =
        platform.client().post("/api/auth/login", null, null,
            "{\"playerId\":\"api-login\",\"password\":\"spin-to-win\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("token").asText()).hasSize(32);
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(100_000);
  }

  @Test
  void loginWithWrongPasswordIsUnauthorized() {
    var reply =
        platform.client().post("/api/auth/login", null, null, "{\"playerId\":\"api-x\",\"password\":\"guess\"}");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  void malformedLoginBodyIsBadRequest() {
    assertThat(platform.client().post("/api/auth/login", null, null, "not json").status()).isEqualTo(400);
  }

  @Test
  void lobbyNeedsAValidToken() {
    assertThat(platform.client().get("/api/lobby", null).status()).isEqualTo(401);
    assertThat(platform.client().get("/api/lobby", "forged-token").status()).isEqualTo(401);

    var lobby = platform.client().get("/api/lobby", platform.client().login("api-lobby"));
    assertThat(lobby.status()).isEqualTo(200);
    assertThat(lobby.body().get("games")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void newLoginRevokesThePreviousToken() {
    String first = platform.client().login("api-relogin");
    String second = platform.client().login("api-relogin");

    assertThat(platform.client().get("/api/wallet", first).status()).isEqualTo(401);
    assertThat(platform.client().get("/api/wallet", second).status()).isEqualTo(200);
  }

  @Test
  void spinDebitsStakeAndCreditsWin() {
    String token = platform.client().login("api-spin");
    var reply = platform.client().spin(token, PlatformClient.newKey(), "lucky-sevens", 250);

    assertThat(reply.status()).isEqualTo(200);
    long win = reply.body().get("winCents").asLong();
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(100_000 - 250 + win);
    assertThat(platform.client().balance(token)).isEqualTo(100_000 - 250 + win);
    assertThat(reply.header("Idempotent-Replayed")).isEqualTo("false");
  }

  @Test
  void retriedSpinWithSameKeyMovesMoneyOnce() {
    String token = platform.client().login("api-retry");
    String key = PlatformClient.newKey();
    var first = platform.client().spin(token, key, "neon-nights", 500);
    var retry = platform.client().spin(token, key, "neon-nights", 500);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(platform.client().balance(token)).isEqualTo(first.body().get("balanceCents").asLong());
    assertThat(platform.client().get("/api/wallet", token).body().get("transactionCount").asLong()).isOne();
  }

  @Test
  void keyReusedForADifferentRequestIsRejected() {
    String token = platform.client().login("api-reuse");
    String key = PlatformClient.newKey();
    platform.client().deposit(token, key, 1_000);

    var reused = platform.client().deposit(token, key, 2_000);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.body().get("error").asText()).isEqualTo("idempotency_key_reused");
    assertThat(platform.client().balance(token)).isEqualTo(101_000);
  }

  @Test
  void moneyCallsWithoutKeyAreRejected() {
    String token = platform.client().login("api-nokey");

    assertThat(platform.client().spin(token, null, "lucky-sevens", 100).status()).isEqualTo(400);
    assertThat(platform.client().deposit(token, null, 100).status()).isEqualTo(400);
    assertThat(platform.client().balance(token)).isEqualTo(100_000);
  }

  @Test
  void spinBeyondBalanceIsInsufficientFundsAndMovesNothing() {
    String token = platform.client().login("api-poor");
    platform.client().withdraw(token, PlatformClient.newKey(), 99_950);

    var reply = platform.client().spin(token, PlatformClient.newKey(), "lucky-sevens", 100);

    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.body().get("error").asText()).isEqualTo("insufficient_funds");
    assertThat(reply.body().get("balanceCents").asLong()).isEqualTo(50);
    assertThat(platform.client().balance(token)).isEqualTo(50);
  }

  @Test
  void withdrawalBeyondBalanceIsInsufficientFunds() {
    String token = platform.client().login("api-overdraw");

    assertThat(platform.client().withdraw(token, PlatformClient.newKey(), 100_001).status()).isEqualTo(402);
    assertThat(platform.client().balance(token)).isEqualTo(100_000);
  }

  @Test
  void unknownGameAndStakeOutsideLimitsAreRejected() {
    String token = platform.client().login("api-badspin");

    assertThat(platform.client().spin(token, PlatformClient.newKey(), "no-such-game", 100).status())
        .isEqualTo(404);
    assertThat(platform.client().spin(token, PlatformClient.newKey(), "neon-nights", 10).status())
        .isEqualTo(400);
    assertThat(platform.client().spin(token, PlatformClient.newKey(), "lucky-sevens", 0).status())
        .isEqualTo(400);
    assertThat(platform.client().balance(token)).isEqualTo(100_000);
  }

  @Test
  void transactionsAreListedNewestFirst() {
    String token = platform.client().login("api-list");
    platform.client().deposit(token, PlatformClient.newKey(), 700);
    platform.client().withdraw(token, PlatformClient.newKey(), 300);

    var list = platform.client().get("/api/wallet/transactions?limit=5", token);

    assertThat(list.status()).isEqualTo(200);
    var transactions = list.body().get("transactions");
    assertThat(transactions).hasSize(2);
    assertThat(transactions.get(0).get("type").asText()).isEqualTo("WITHDRAWAL");
    assertThat(transactions.get(0).get("balanceAfterCents").asLong()).isEqualTo(100_400);
    assertThat(transactions.get(1).get("type").asText()).isEqualTo("DEPOSIT");
    assertThat(platform.client().get("/api/wallet/transactions?limit=0", token).status()).isEqualTo(400);
  }

  @Test
  void reconciliationReportsEveryWalletBalanced() {
    String token = platform.client().login("api-reconcile");
    platform.client().deposit(token, PlatformClient.newKey(), 5_000);
    platform.client().spin(token, PlatformClient.newKey(), "dragon-drop", 200);

    var report = platform.client().get("/__admin/casino/reconciliation", null);

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().get("balanced").asBoolean()).isTrue();
    assertThat(report.body().get("players").asInt()).isPositive();
    assertThat(report.body().get("unbalancedPlayers").asInt()).isZero();
  }

  @Test
  void theOperatorCanLoseAPlayersNextDeposit() {
    String token = platform.client().login("api-lost-deposit");
    var armed = platform.client().post(
        "/__admin/casino/lost-deposits", null, null, "{\"playerId\":\"api-lost-deposit\"}");

    var lost = platform.client().deposit(token, PlatformClient.newKey(), 2_500);
    var kept = platform.client().deposit(token, PlatformClient.newKey(), 100);

    assertThat(armed.status()).isEqualTo(200);
    assertThat(lost.status()).isEqualTo(200);
    assertThat(lost.body().get("balanceCents").asLong()).isEqualTo(102_500);
    assertThat(kept.body().get("balanceCents").asLong()).isEqualTo(100_100);
    assertThat(platform.client().balance(token)).isEqualTo(100_100);
    assertThat(platform.client().post("/__admin/casino/lost-deposits", null, null, "{\"playerId\":\"a b\"}")
        .status()).isEqualTo(400);
  }

  @Test
  void healthAnswersWithoutToken() {
    assertThat(platform.client().get("/health", null).status()).isEqualTo(200);
  }

  @Test
  void aBodyOfExactlyTheLimitIsServedAndOneByteMoreIsRefusedWith413() {
    String token = platform.client().login("api-body-limit");
    String deposit = "{\"amountCents\":100}";
    int limit = PlatformMockConfig.DEFAULT_MAX_BODY_BYTES;
    String atTheLimit = deposit + " ".repeat(limit - deposit.length());

    var served = platform.client().post("/api/wallet/deposits", token, PlatformClient.newKey(), atTheLimit);
    var refused = platform.client().post("/api/wallet/deposits", token, PlatformClient.newKey(), atTheLimit + " ");

    assertThat(served.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body().get("error").asText()).isEqualTo("payload_too_large");
    assertThat(platform.client().balance(token)).as("only the first deposit moved money").isEqualTo(100_100);
  }

  @Test
  void aTenMegabyteBodyIsRefusedWithOrWithoutAContentLength() {
    String token = platform.client().login("api-huge-body");
    byte[] huge = ("{\"amountCents\":100}" + " ".repeat(10_000_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    var declared = platform.client().postBytes("/api/wallet/deposits", token, PlatformClient.newKey(), huge, true);
    var chunked = platform.client().postBytes("/api/wallet/deposits", token, PlatformClient.newKey(), huge, false);
    var login = platform.client().post("/api/auth/login", null, null,
        "{\"playerId\":\"api-huge-login\",\"password\":\"" + " ".repeat(100_000) + "\"}");

    assertThat(declared.status()).isEqualTo(413);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(login.status()).isEqualTo(413);
    assertThat(platform.client().balance(token)).isEqualTo(100_000);
  }
}
