package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients moving one player's money at once, over HTTP: no update may be lost, and the
 * balance must equal what the clients themselves saw confirmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWalletTest {
  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 60;

  @RegisterExtension final RunningPlatform platform = RunningPlatform.instant();


  /** What one client saw confirmed: the net change of its calls and how many moved money. */
  record Seen(long netChangeCents, int movements) {}

  @Test
  void concurrentSpinsDepositsAndRetriesOnOnePlayerLoseNoUpdate() throws Exception {
    String token = platform.client().login("hot-player");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Seen>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> playHard(token)));
    }
    long net = 0;
    int movements = 0;
    for (Future<Seen> future : futures) {
      Seen seen = future.get();
      net += seen.netChangeCents();
      movements += seen.movements();
    }
    pool.shutdown();

    var wallet = platform.client().get("/api/wallet", token).body();
    assertThat(wallet.get("balanceCents").asLong()).isEqualTo(100_000 + net);
    assertThat(wallet.get("transactionCount").asLong()).isEqualTo(movements);
    var report = platform.client().get("/__admin/casino/reconciliation", null).body();
    assertThat(report.get("balanced").asBoolean()).isTrue();
    assertThat(report.get("transactions").asLong()).isEqualTo(movements);
  }

  private Seen playHard(String token) {
    long net = 0;
    int movements = 0;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
      String key = PlatformClient.newKey();
      if (random.nextInt(4) == 0) {
        var first = platform.client().deposit(token, key, 300);
        var retry = platform.client().deposit(token, key, 300);
        assertThat(retry.body().get("transactionId")).isEqualTo(first.body().get("transactionId"));
        net += 300;
        movements++;
      } else {
        var spin = platform.client().spin(token, key, "fruit-frenzy", 100);
        if (spin.status() == 200) {
          net += spin.body().get("winCents").asLong() - 100;
          movements++;
        } else {
          assertThat(spin.status()).isEqualTo(402);
        }
      }
    }
    return new Seen(net, movements);
  }
}
