package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogMerge;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.wallet.WalletReconciliation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run on two injectors, as Gatling's own way scales out: the platform runs on its own (here
 * in this JVM, on loopback), two Gatling JVMs run shards 1/2 and 2/2 of the flash peak at the same
 * time, and their two simulation.log files are merged into one result: by the gate, and into one
 * simulation.log that Gatling's own reports-only mode turns into one report.
 */
class ShardedRunEndToEndTest {
  private static final int SPINS = 3;
  private static final int PEAK_USERS = 13;

  @TempDir Path results;

  private Map<String, String> shard(PlatformMock platform, String shard) {
    Map<String, String> properties = TestFlashPeak.properties("2s", 2, "1s", PEAK_USERS, SPINS, "20ms");
    properties.put("target", platform.baseUrl().toString());
    properties.put("shard", shard);
    return properties;
  }

  @Test
  void twoShardsAtOnceSplitTheLoadNeverShareAWalletAndMergeExactlyIntoOneGatlingReport() throws Exception {
    List<Path> logs = new ArrayList<>();
    long gatlingRequests = 0;
    List<GatlingProcess.LatencyJudgement> latency = new ArrayList<>();
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults())) {
      var first = GatlingProcess.start(FlashSpinPeakSimulation.class, shard(platform, "1/2"), results.resolve("shard-1"));
      var second = GatlingProcess.start(FlashSpinPeakSimulation.class, shard(platform, "2/2"), results.resolve("shard-2"));
      for (GatlingProcess.Result run : List.of(first.await(Duration.ofMinutes(3)), second.await(Duration.ofMinutes(3)))) {
        latency.add(run.assertSlosHeldWhereJudged());
        gatlingRequests += run.requestCount();
        logs.add(run.runFolder().orElseThrow().resolve("simulation.log"));
      }

      // Disjoint accounts: shard 1 from player-000001, shard 2 from player-10000001; no wallet
      // saw both, every wallet balances, and each player logged in once, opened the lobby and spun.
      List<WalletReconciliation> wallets = platform.wallets().reconcileAll();
      long fromFirst = wallets.stream().filter(w -> number(w.playerId()) < RunSettings.Shard.ACCOUNTS_PER_SHARD).count();
      long fromSecond = wallets.size() - fromFirst;
      assertThat(fromFirst).isPositive();
      assertThat(fromSecond).isPositive();
      assertThat(wallets).allMatch(WalletReconciliation::balanced);
      assertThat(wallets).allMatch(w -> w.transactionCount() == SPINS);
      assertThat(gatlingRequests).isEqualTo(wallets.size() * (2L + SPINS));
      // The peak was split 7 + 6, not run twice.
      assertThat(wallets.size()).isLessThan(2 * PEAK_USERS);
    }

    RunSummary merged = RunSummaries.read(logs);
    assertThat(merged.warnings()).as("shards that ran at once overlap").isEmpty();
    List<Long> everySample = new ArrayList<>();
    long spins = 0;
    for (Path log : logs) {
      RunSummary alone = RunSummaries.read(List.of(log));
      spins += alone.requests().get(RequestKey.of("Spin")).count();
      SimulationLogReader.read(log, new SimulationLogListener() {
        @Override
        public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
          everySample.add((long) end - start);
        }
      });
    }

    Collections.sort(everySample);
    assertThat(merged.all().count()).isEqualTo(gatlingRequests).isEqualTo(everySample.size());
    assertThat(merged.requests().get(RequestKey.of("Spin")).count()).isEqualTo(spins);
    for (double p : new double[] {50, 90, 95, 99, 100}) {
      long exact = everySample.get((int) Math.ceil(p / 100 * everySample.size()) - 1);
      assertThat(merged.all().percentileMillis(p)).as("p%s", p).isEqualTo(exact);
    }

    // One simulation.log of both shards, and Gatling's own report of it.
    Path mergedRun = results.resolve("merged");
    SimulationLogMerge.MergedLog mergedLog = SimulationLogMerge.merge(logs, mergedRun.resolve("simulation.log"));
    assertThat(mergedLog.warnings()).isEmpty();
    assertThat(RunSummaries.read(List.of(mergedRun.resolve("simulation.log"))).all().count())
        .isEqualTo(gatlingRequests);

    GatlingProcess.Result report = GatlingProcess.reportsOnly(mergedRun, Duration.ofMinutes(2));

    assertThat(GatlingProcess.reportedRequestCount(mergedRun)).isEqualTo(gatlingRequests);
    assertThat(report.requestCount()).isEqualTo(gatlingRequests);
    // The simulation's assertions came through the merge and were checked over the whole run:
    // the latency one is judged only when both shards' injectors were healthy.
    assertThat(report.stdout()).contains("99th percentile of response time is less than or equal to 2000.0 : ");
    if (latency.stream().allMatch(GatlingProcess.LatencyJudgement::judged)) {
      assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
      assertThat(report.stdout()).doesNotContain(": false");
    } else {
      assertThat(report.failedAssertions()).allMatch(line -> line.contains("response time"));
    }
    latency.forEach(GatlingProcess.LatencyJudgement::reportSkipped);
  }

  private static long number(String playerId) {
    return Long.parseLong(playerId.substring(playerId.indexOf('-') + 1));
  }
}
