package io.casinoperf.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import io.casinoperf.mocks.api.Json;
import io.casinoperf.mocks.channel.BalanceChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a freshly started embedded platform up to working speed before a run measures it, as a
 * staging platform that has been serving traffic is: a few warm-up players go through every
 * endpoint (login, lobby, balance, spins, deposit, withdrawal, transactions, the balance channel)
 * over loopback, so class loading and the first JIT compilations of the server side happen here
 * rather than in the first measured seconds. In a fresh JVM the first requests otherwise take
 * 100–450 ms where a warm platform answers in 10–30 ms.
 *
 * <p>The warm-up players ({@value #PLAYER_PREFIX}1, …) are removed afterwards: their wallets do not
 * appear in the platform's reconciliation. A warm-up request that fails is logged at DEBUG and
 * otherwise ignored: warming is an optimisation, never a reason to stop a run.
 */
public final class PlatformWarmUp {
  /** Player ids of the warm-up players start with this; no generated account does. */
  public static final String PLAYER_PREFIX = "warm-up-";

  private static final Logger LOG = LoggerFactory.getLogger(PlatformWarmUp.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final PlatformMock platform;
  private final String password;
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  private PlatformWarmUp(PlatformMock platform, String password) {
    this.platform = platform;
    this.password = password;
  }

  /**
   * What the warm-up sent: requests answered with 2xx (and balance channels opened), and the rest.
   */
  public record Result(int succeeded, int failed) {}

  /**
   * Sends {@code rounds} rounds of every operation, from {@code parallelPlayers} players at once,
   * then forgets the warm-up players' wallets. A player whose login fails stops there.
   *
   * @param password the password the platform accepts (its configured one)
   */
  public static Result run(PlatformMock platform, String password, int parallelPlayers, int rounds) {
    long started = System.nanoTime();
    PlatformWarmUp warmUp = new PlatformWarmUp(platform, password);
    ExecutorService threads = Executors.newFixedThreadPool(parallelPlayers, runnable -> {
      Thread thread = new Thread(runnable, "platform-warm-up");
      thread.setDaemon(true);
      return thread;
    });
    List<CompletableFuture<Void>> players = new ArrayList<>();
    for (int p = 1; p <= parallelPlayers; p++) {
      String playerId = PLAYER_PREFIX + p;
      players.add(CompletableFuture.runAsync(() -> warmUp.play(playerId, rounds), threads));
    }
    try {
      CompletableFuture.allOf(players.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("warm-up did not finish", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      threads.shutdownNow();
      for (int p = 1; p <= parallelPlayers; p++) {
        platform.wallets().discard(PLAYER_PREFIX + p);
      }
    }
    Result result = new Result(warmUp.succeeded.get(), warmUp.failed.get());
    LOG.info("platform warmed up in {} ms: {} requests answered, {} failed",
        (System.nanoTime() - started) / 1_000_000, result.succeeded(), result.failed());
    return result;
  }

  private void play(String playerId, int rounds) {
    try {
      for (int round = 0; round < rounds; round++) {
        Optional<JsonNode> login = send(post("/api/auth/login", null,
            Map.of("playerId", playerId, "password", password)));
        Optional<String> token = login.map(body -> body.path("token").asText(null));
        if (token.isEmpty()) {
          LOG.debug("warm-up login of {} failed", playerId);
          return;
        }
        String bearer = token.get();
        String gameId = send(get("/api/lobby", bearer))
            .map(lobby -> lobby.path("games").path(0).path("id").asText("unknown"))
            .orElse("unknown");
        send(get("/api/wallet", bearer));
        for (int spin = 0; spin < 5; spin++) {
          send(post("/api/spins", bearer, Map.of("gameId", gameId, "stakeCents", 100)));
        }
        send(post("/api/wallet/deposits", bearer, Map.of("amountCents", 2500)));
        send(post("/api/wallet/withdrawals", bearer, Map.of("amountCents", 1000)));
        send(get("/api/wallet/transactions?limit=20", bearer));
        openBalanceChannel(bearer);
      }
    } catch (IOException e) {
      LOG.debug("warm-up request of {} failed", playerId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void openBalanceChannel(String bearer) throws InterruptedException {
    URI channel = platform.balanceChannelUrl();
    try {
      WebSocket socket = http.newWebSocketBuilder()
          .header("Authorization", "Bearer " + bearer)
          .connectTimeout(REQUEST_TIMEOUT)
          .buildAsync(channel, new WebSocket.Listener() {})
          .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "warm-up done")
          .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      succeeded.incrementAndGet();
    } catch (ExecutionException | TimeoutException e) {
      failed.incrementAndGet();
      LOG.debug("warm-up of {} failed", BalanceChannel.PATH, e);
    }
  }

  private HttpRequest get(String path, String bearer) {
    return HttpRequest.newBuilder(platform.baseUrl().resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + bearer)
        .GET()
        .build();
  }

  private HttpRequest post(String path, String bearer, Map<String, Object> body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(platform.baseUrl().resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request.build();
  }

  /** The reply's JSON object, empty when the reply is not one. */
  private Optional<JsonNode> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    (response.statusCode() / 100 == 2 ? succeeded : failed).incrementAndGet();
    return Json.readObject(response.body());
  }
}
