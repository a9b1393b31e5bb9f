package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The main job's closing summary: one row per simulation the build ran, the failed ones with
 * why, the tally, and the gate command to run next; and the build keeps going after a failed
 * simulation so that every one of the three gets its row.
 */
class MainJobSummaryTest {

  @Test
  void everySimulationHasItsRowTheFailedOnesSayWhyAndTheTallyCountsThem() {
    Path gatling = Path.of("target", "gatling").toAbsolutePath();
    List<String> ledger = List.of(
        "FlashSpinPeakSimulation\tpassed\twithin the SLOs\t" + gatling.resolve("flash-1"),
        "WalletTrafficSimulation\tSLO failed\tAll requests: errors 5.62 % are above the SLO of 1.00 %\t"
            + gatling.resolve("wallet-2"),
        "WebSocketSessionsSimulation\tstopped by the breaker\tp99 over 30 s was 2,100 ms\t"
            + gatling.resolve("ws-3"));

    String text = MainJobSummary.render(ledger);

    assertThat(text).contains("casinoperf main job: 3 simulations run by this build so far");
    List<String> rows = text.lines().filter(line -> line.startsWith("  ") && line.contains("index.html")).toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).contains("FlashSpinPeakSimulation").contains("passed")
        .contains("flash-1" + java.io.File.separator + "index.html");
    assertThat(rows.get(1)).contains("WalletTrafficSimulation").contains("SLO failed");
    assertThat(rows.get(2)).contains("WebSocketSessionsSimulation").contains("stopped by the breaker");
    // Why, for the failed ones only.
    assertThat(text).contains("All requests: errors 5.62 % are above the SLO of 1.00 %")
        .contains("p99 over 30 s was 2,100 ms").doesNotContain("within the SLOs");
    assertThat(text).contains("2 of 3 did not pass; the build fails after the last one");
    assertThat(text).contains("java -jar reports/target/casinoperf.jar gate ")
        .containsPattern("gate \\S*ws-3 --label <version>");
  }

  @Test
  void allPassedSaysSo() {
    String text = MainJobSummary.render(List.of("FlashSpinPeakSimulation\tpassed\twithin the SLOs\t"
        + Path.of("target", "gatling", "flash-1").toAbsolutePath()));

    assertThat(text).contains("every simulation met its SLOs").doesNotContain("did not pass");
  }

  /** Gatling's plugin goes on after a simulation's failed assertions, so all three run. */
  @Test
  void theBuildRunsEverySimulationEvenAfterOneFails() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<continueOnAssertionFailure>true</continueOnAssertionFailure>")
        .contains("<runMultipleSimulations>true</runMultipleSimulations>");
  }
}
