package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.conditions.Mode;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Latency and fault modes, switched at run time through the operator API of a real server. */
class ConditionsSwitchTest {
  @RegisterExtension final RunningPlatform platform = RunningPlatform.instant();

  @Test
  void faultyModeAnswersSomeRequestsWith503AndDropsSomeConnections() {
    String token = platform.client().login("faulty-player");
    var switched =
        platform.client().post("/__admin/casino/conditions", null, null,
            "{\"mode\":\"faulty\",\"faultyErrorPercent\":30,\"faultyDropPercent\":20}");
    assertThat(switched.status()).isEqualTo(200);
    assertThat(switched.body().get("mode").asText()).isEqualTo("faulty");

    int ok = 0;
    int unavailable = 0;
    int dropped = 0;
    for (int i = 0; i < 400; i++) {
      try {
        int status = platform.client().get("/api/wallet", token).status();
        if (status == 200) {
          ok++;
        } else if (status == 503) {
          unavailable++;
        }
      } catch (UncheckedIOException e) {
        dropped++;
      }
    }
    // Expected 200 / 120 / 80; bounds are about five standard deviations wide.
    assertThat(ok).isBetween(150, 250);
    assertThat(unavailable).isBetween(80, 160);
    assertThat(dropped).isBetween(40, 120);
  }

  @Test
  void faultsStrikeBeforeProcessingSoNoMoneyMovesOnA503() {
    String token = platform.client().login("faulty-depositor");
    platform.client().post("/__admin/casino/conditions", null, null,
        "{\"mode\":\"faulty\",\"faultyErrorPercent\":100,\"faultyDropPercent\":0}");

    assertThat(platform.client().deposit(token, PlatformClient.newKey(), 500).status()).isEqualTo(503);

    platform.mock().conditions().switchTo(platform.mock().conditions().current().withMode(Mode.NORMAL));
    assertThat(platform.client().balance(token)).isEqualTo(100_000);
  }

  @Test
  void switchingBackToNormalStopsFaults() {
    String token = platform.client().login("recovering-player");
    platform.client().post("/__admin/casino/conditions", null, null,
        "{\"mode\":\"faulty\",\"faultyErrorPercent\":100,\"faultyDropPercent\":0}");
    assertThat(platform.client().get("/api/wallet", token).status()).isEqualTo(503);

    platform.client().post("/__admin/casino/conditions", null, null, "{\"mode\":\"normal\"}");

    for (int i = 0; i < 50; i++) {
      assertThat(platform.client().get("/api/wallet", token).status()).isEqualTo(200);
    }
  }

  @Test
  void degradedModeAddsItsMedianLatency() {
    String token = platform.client().login("slow-player");
    platform.client().post("/__admin/casino/conditions", null, null,
        "{\"mode\":\"degraded\",\"degradedMedianMillis\":150,\"degradedSigma\":0}");

    long started = System.nanoTime();
    assertThat(platform.client().get("/api/wallet", token).status()).isEqualTo(200);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    // With no spread every answer waits exactly the median; it can never come sooner.
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
    assertThat(platform.client().get("/__admin/casino/conditions", null).body().get("mode").asText())
        .isEqualTo("degraded");
  }

  @Test
  void invalidSwitchIsRejectedAndChangesNothing() {
    var unknownMode =
        platform.client().post("/__admin/casino/conditions", null, null, "{\"mode\":\"chaos\"}");
    var negative =
        platform.client().post("/__admin/casino/conditions", null, null, "{\"normalSigma\":-1}");

    assertThat(unknownMode.status()).isEqualTo(400);
    assertThat(unknownMode.body().get("message").asText()).contains("normal, degraded, faulty, queue");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(platform.mock().conditions().current().mode()).isEqualTo(Mode.NORMAL);
    assertThat(platform.mock().conditions().current().normalSigma()).isZero();
  }

  @Test
  void queueModeServesRequestsOneWorkerAtATime() throws Exception {
    String token = platform.client().login("queued-player");
    var switched = platform.client().post("/__admin/casino/conditions", null, null,
        "{\"mode\":\"queue\",\"queueWorkers\":1,\"queueServiceMillis\":100,\"queueServiceScv\":0}");
    assertThat(switched.status()).isEqualTo(200);
    assertThat(switched.body().get("queueWorkers").asInt()).isEqualTo(1);

    // Four requests at once on one worker of 100 ms: nothing can be done before 400 ms.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      long sent = System.nanoTime();
      java.util.List<java.util.concurrent.Future<Long>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> {
          long start = System.nanoTime();
          assertThat(platform.client().get("/api/wallet", token).status()).isEqualTo(200);
          return (System.nanoTime() - start) / 1_000_000;
        }));
      }
      java.util.List<Long> millis = new java.util.ArrayList<>();
      for (var answer : answers) {
        millis.add(answer.get());
      }
      long allDone = (System.nanoTime() - sent) / 1_000_000;

      assertThat(allDone).isGreaterThanOrEqualTo(395);
      assertThat(millis).allMatch(m -> m >= 95, "each waits at least its own service");
      assertThat(java.util.Collections.max(millis)).isGreaterThanOrEqualTo(195);
    } finally {
      pool.shutdownNow();
      platform.mock().conditions().switchTo(platform.mock().conditions().current().withMode(Mode.NORMAL));
    }
  }

  @Test
  void aQueueWithoutWorkersIsRefusedAndChangesNothing() {
    var refused = platform.client().post("/__admin/casino/conditions", null, null,
        "{\"mode\":\"queue\",\"queueWorkers\":0}");
    var fraction = platform.client().post("/__admin/casino/conditions", null, null,
        "{\"queueWorkers\":2.5}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).contains("queue workers");
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.body().get("message").asText()).contains("whole number");
    assertThat(platform.mock().conditions().current().mode()).isNotEqualTo(Mode.QUEUE);
  }
}
