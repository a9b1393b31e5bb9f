package io.casinoperf.mocks.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The platform's own metrics: the modelled resources' formulas and what a scrape shows. */
class PlatformTelemetryTest {
  @Test
  void theModelledDatabaseConnectionsAreIdlePlusPlayersPlusLittlesLawAndStopAtThePool() {
    assertThat(PlatformTelemetry.dbConnections(0, 0)).isEqualTo(5);
    // 5 idle + 1,000 ÷ 50 players + 2,500 requests/s × 0.004 s = 5 + 20 + 10
    assertThat(PlatformTelemetry.dbConnections(1_000, 2_500)).isCloseTo(35, within(1e-9));
    assertThat(PlatformTelemetry.dbConnections(100_000, 1e6)).isEqualTo(400);
  }

  @Test
  void theModelledRedisMemoryGrowsWithPlayersAndLoad() {
    double mib = 1024 * 1024;
    assertThat(PlatformTelemetry.redisBytes(0, 0)).isEqualTo(64 * mib);
    // 64 MiB + 2,048 × 48 KiB (96 MiB) + 10 requests/s × 1 MiB
    assertThat(PlatformTelemetry.redisBytes(2_048, 10)).isEqualTo(170 * mib);
  }

  @Test
  void aScrapeShowsTheRequestsPlayersAndLockWaitsItWasTold() {
    PlatformTelemetry telemetry = new PlatformTelemetry();
    telemetry.served("spin", 200, "player-1");
    telemetry.served("spin", 503, "player-2");
    telemetry.served("login", 401, null);
    telemetry.lockWaited(2_000); // 2 µs

    String text = new String(telemetry.scrape(), StandardCharsets.UTF_8);

    assertThat(telemetry.activePlayers()).isEqualTo(2);
    assertThat(text).contains("casino_platform_requests_total{code=\"200\",operation=\"spin\"} 1.0")
        .contains("casino_platform_requests_total{code=\"503\",operation=\"spin\"} 1.0")
        .contains("casino_platform_requests_total{code=\"401\",operation=\"login\"} 1.0")
        .contains("casino_platform_active_players 2.0")
        .contains("casino_platform_wallet_lock_wait_seconds_bucket{le=\"1.0E-5\"} 1")
        .contains("casino_platform_wallet_lock_wait_seconds_bucket{le=\"1.0E-6\"} 0")
        .contains("casino_platform_db_connections_max 400.0")
        .contains("process_cpu_seconds_total");
    assertThat(PlatformTelemetry.contentType()).startsWith("text/plain; version=0.0.4");
  }

  @Test
  void theRequestRateCountsEveryRequestOfTheLastWholeSecondsFromManyThreads() throws Exception {
    PlatformTelemetry telemetry = new PlatformTelemetry();
    // Four threads serving 2,000 requests each, all within the first second of the telemetry.
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          telemetry.served("spin", 200, null);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(telemetry.requestsPerSecond()).as("the current second is not counted yet").isZero();
    Thread.sleep(1_100);
    // Seen from the next second: 8,000 requests in one of the seconds so far (one whole second).
    assertThat(telemetry.requestsPerSecond()).isEqualTo(8_000);
  }
}
