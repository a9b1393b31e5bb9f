package io.casinoperf.gate.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real {@code simulation.log} files written by Gatling 3.15.1 (runs of this project's simulations
 * against the embedded platform), each beside the console summary Gatling printed for it. Our
 * counts must equal Gatling's exactly, and our percentiles the exact ones from the raw records.
 */
class GoldenGatlingLogsTest {

  @ParameterizedTest
  @ValueSource(strings = {"websocket-sessions", "wallet-traffic-faulty"})
  void countsEqualGatlingsOwnReport(String run) throws Exception {
    Path folder = golden(run);
    RunSummary summary = RunSummaries.read(List.of(folder.resolve("simulation.log")));
    var gatling = GatlingConsoleSummary.parse(Files.readString(folder.resolve("console.txt")));

    assertThat(gatling.countsByPath()).isNotEmpty();
    gatling.countsByPath().forEach((path, counts) -> {
      RequestStats ours = path.equals("Global")
          ? summary.all()
          : summary.requests().entrySet().stream()
              .filter(e -> e.getKey().path().equals(path))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no request " + path + " in our summary"));
      assertThat(new long[] {ours.count(), ours.okCount(), ours.koCount()})
          .as(path).containsExactly(counts);
    });
    assertThat(summary.requests()).hasSize(gatling.countsByPath().size() - 1);
    assertThat(summary.partial()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket-sessions", "wallet-traffic-faulty"})
  void koMessagesAndErrorRecordsAreGatlingsErrorList(String run) throws Exception {
    Path folder = golden(run);
    RunSummary summary = RunSummaries.read(List.of(folder.resolve("simulation.log")));
    var gatling = GatlingConsoleSummary.parse(Files.readString(folder.resolve("console.txt")));

    Map<String, Long> ours = new HashMap<>(summary.errors());
    summary.all().koMessages().forEach((message, n) -> ours.merge(message, n, Long::sum));

    assertThat(ours).isEqualTo(gatling.errors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket-sessions", "wallet-traffic-faulty"})
  void percentilesEqualTheExactOnesFromTheRawRecords(String run) throws Exception {
    Path log = golden(run).resolve("simulation.log");
    Map<String, List<Long>> raw = new HashMap<>();
    SimulationLogReader.read(log, new SimulationLogListener() {
      @Override
      public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
        raw.computeIfAbsent(new RequestKey(groups, name).path(), k -> new ArrayList<>())
            .add((long) end - start);
      }
    });
    RunSummary summary = RunSummaries.read(List.of(log));

    summary.requests().forEach((key, stats) -> {
      List<Long> sorted = raw.get(key.path()).stream().sorted().toList();
      for (double p : new double[] {50, 95, 99, 100}) {
        long exact = sorted.get((int) Math.ceil(p / 100 * sorted.size()) - 1);
        assertThat(stats.percentileMillis(p)).as("%s p%s", key, p).isEqualTo(exact);
      }
    });
  }

  private static Path golden(String run) throws URISyntaxException, IOException {
    var url = GoldenGatlingLogsTest.class.getClassLoader().getResource("golden/" + run);
    assertThat(url).as("test resource golden/" + run).isNotNull();
    return Path.of(url.toURI());
  }
}
