package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real run of {@link WalletTrafficSimulation} on the embedded platform, as the main job
 * runs it: the run ends with every player's wallet and the platform's ledger reconciled.
 */
class WalletTrafficEndToEndTest {
  @TempDir Path results;

  @Test
  void mixedTrafficWithRetriesReconcilesEveryWalletAndTheLedger() throws Exception {
    Map<String, String> properties =
        Map.of(
            "duration", "2s",
            // A cold JVM and a few hundred requests: p99 is about the slowest, often the first.
            "p99Millis", "2000",
            "walletTraffic.startUsersPerSecond", "2",
            "walletTraffic.usersPerSecond", "4",
            "walletTraffic.rampUp", "1s",
            "walletTraffic.operationsPerPlayer", "12",
            "walletTraffic.minThink", "0ms",
            "walletTraffic.maxThink", "10ms",
            "walletTraffic.retryPercent", "50");

    var run = GatlingProcess.run(
        WalletTrafficSimulation.class, properties, results, Duration.ofMinutes(2));

    var latency = run.assertSlosHeldWhereJudged();
    assertThat(run.stdout())
        .contains("Reconcile wallet: count of failed events is 0.0 : true (actual : 0.0)")
        .contains("Reconcile platform ledger: count of failed events is 0.0 : true (actual : 0.0)")
        .containsPattern("> Retry transfer \\(same key\\)\\s+\\|\\s+[1-9]");
    // The once-per-run ledger check is named untimed in the record: the gate judges its errors only.
    var record = io.casinoperf.run.RunRecords.read(
        run.runFolder().orElseThrow().resolve(io.casinoperf.run.RunRecord.FILE_NAME));
    assertThat(record.serviceLevels().untimed()).containsExactly(WalletTrafficSimulation.RECONCILE_LEDGER);
    latency.reportSkipped();
  }
}
