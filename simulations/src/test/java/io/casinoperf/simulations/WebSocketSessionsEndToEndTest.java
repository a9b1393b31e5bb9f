package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Conditions;
import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.mocks.wallet.WalletReconciliation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short real runs of {@link WebSocketSessionsSimulation} against a platform this test starts. */
class WebSocketSessionsEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private PlatformMock platform;

  @TempDir Path results;

  @AfterEach
  void stop() {
    platform.close();
  }

  private Map<String, String> fewShortSessions() {
    Map<String, String> properties = new HashMap<>();
    properties.put("target", platform.baseUrl().toString());
    // A few dozen requests in a cold JVM: p99 is about the slowest one, often the first (~200 ms).
    // The runs check the workload and the plumbing; the 200 ms SLO is for real run lengths.
    properties.put("p99Millis", "2000");
    properties.put("duration", "2s");
    properties.put("webSocketSessions.concurrentSessions", "4");
    properties.put("webSocketSessions.rampUp", "1s");
    properties.put("webSocketSessions.spinsPerSession", "2");
    properties.put("webSocketSessions.minThink", "0ms");
    properties.put("webSocketSessions.maxThink", "20ms");
    return properties;
  }

  @Test
  void everySpinsPushArrivesAndEverySocketIsClosed() throws Exception {
    platform = PlatformMock.start(PlatformMockConfig.defaults());

    var run = GatlingProcess.run(WebSocketSessionsSimulation.class, fewShortSessions(), results, TIMEOUT);

    var latency = run.assertSlosHeldWhereJudged();
    assertThat(run.stdout())
        .contains("Spin to balance push: percentage of failed events is less than or equal to 1.0"
            + " : true (actual : 0.0)")
        .contains("Balance snapshot: percentage of failed events is less than or equal to 1.0"
            + " : true (actual : 0.0)");
    assertThat(platform.balanceChannel().openSockets()).isZero();
    assertThat(platform.wallets().reconcileAll())
        .isNotEmpty()
        .allMatch(WalletReconciliation::balanced)
        .allMatch(wallet -> wallet.transactionCount() >= 2);
    latency.reportSkipped();
  }

  @Test
  void lostPushesFailTheSpinToPushGroupAndTheRun() throws Exception {
    platform =
        PlatformMock.start(
            PlatformMockConfig.defaults()
                .withConditions(Conditions.none().withMode(Mode.FAULTY).withFaults(0, 0, 100)));
    Map<String, String> properties = fewShortSessions();
    properties.put("webSocketSessions.pushTimeout", "200ms");

    var run = GatlingProcess.run(WebSocketSessionsSimulation.class, properties, results, TIMEOUT);

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(2);
    assertThat(run.stdout())
        .contains("Spin to balance push: percentage of failed events is less than or equal to 1.0"
            + " : false (actual : 100.0)")
        .contains("Login: percentage of failed events is less than or equal to 1.0 : true");
  }
}
