package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.gate.testing.LogFileWriter;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecordSamples;
import io.casinoperf.run.RunRecords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose record names its phases is judged phase by phase: a slower steady base that the
 * flash peak's slow responses hide in the whole run is a regression named by its phase, in every
 * output.
 */
class GatePhasesTest {
  private static final long START = 1_795_000_000_000L;
  private static final String SIMULATION = "casino.FlashSpinPeakSimulation";
  /** SLOs far above the peak's p99: the comparison with the baseline decides. */
  private static final RunRecord RECORD = RunRecordSamples.withPhases(
      RunRecordSamples.withServiceLevels(RunRecordSamples.healthy(SIMULATION), 10_000, 1),
      RunRecordSamples.baseWithPeak(20, 40));

  @TempDir Path dir;

  private int gate(StringWriter out, String log) {
    return CasinoPerf.execute(new String[] {"gate", "--history", dir.resolve("history").toString(),
        "--out", dir.resolve("report").toString(), log}, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
  }

  /**
   * 60 s of spins every 10 ms: log-normal around {@code baseMedian} ms, except from 20 s to 40 s,
   * the peak, around 300 ms.
   */
  private Path run(String name, long start, double baseMedian, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", SIMULATION, start, List.of("p"));
    for (int at = 0; at < 60_000; at += 10) {
      double median = at >= 20_000 && at < 40_000 ? 300 : baseMedian;
      log.request(List.of(), "Spin", at, at + (int) Math.round(median * Math.exp(0.4 * random.nextGaussian())),
          true, "");
    }
    Path path = log.writeTo(dir.resolve(name));
    RunRecords.write(RunRecords.fileFor(path), RECORD);
    return path;
  }

  @Test
  void aSlowerBaseHiddenByThePeakIsARegressionNamedByItsPhase() throws Exception {
    assertThat(gate(new StringWriter(), run("v1.log", START, 20, 1).toString())).isZero();

    StringWriter out = new StringWriter();
    int exit = gate(out, run("v2.log", START + 3_600_000, 26, 2).toString());

    assertThat(exit).as(out.toString()).isEqualTo(1);
    assertThat(out.toString()).startsWith("REGRESSION: base: ");
    JsonNode verdict = new ObjectMapper().readTree(dir.resolve("report/verdict.json").toFile());
    assertThat(verdict.get("verdict").asText()).isEqualTo("regression");
    assertThat(verdict.get("reason").asText()).startsWith("base: ");
    JsonNode rows = verdict.get("requests");
    assertThat(row(rows, "Spin").get("verdict").asText()).isNotEqualTo("regression");
    assertThat(row(rows, "base: Spin").get("verdict").asText()).isEqualTo("regression");
    assertThat(row(rows, "peak: Spin").get("verdict").asText()).isNotEqualTo("regression");
    // The phase's SLO and error rate are not checked on their own: n/a, never a green pass.
    assertThat(row(rows, "peak: Spin").get("checks").findValuesAsText("verdict"))
        .hasSize(3).endsWith("n/a", "n/a");

    // The regressed phase's distribution chart is drawn from the phase's own responses.
    JsonNode chart = null;
    for (JsonNode distribution : verdict.get("distributions")) {
      chart = distribution.get("path").asText().equals("base: Spin") ? distribution : chart;
    }
    assertThat(chart).as("a distribution for base: Spin").isNotNull();
    assertThat(chart.get("points").findValues("candidateMillis")).isNotEmpty()
        .allMatch(v -> v.asLong() > 0);

    String junit = Files.readString(dir.resolve("report/junit.xml"));
    assertThat(junit).contains("classname=\"base: Spin\" name=\"p99 vs baseline\"><failure")
        .contains("classname=\"peak: Spin\" name=\"SLO\"><skipped message=\"n/a: ");
    String markdown = Files.readString(dir.resolve("report/summary.md"));
    assertThat(markdown).contains("| base: Spin | regression |").doesNotContain("SLO: n/a");
    assertThat(Files.readString(dir.resolve("report/gate.html"))).contains("base: Spin")
        .contains("class=\"badge na\">n/a<");
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      for (Path stored : files.toList()) {
        JsonNode run = new ObjectMapper().readTree(stored.toFile());
        assertThat(run.get("phases").findValuesAsText("name")).contains("base", "peak");
        // Stored as decided by the request the reason names, without its phase.
        if (run.get("verdict").asText().equals("regression")) {
          assertThat(verdict.get("reason").asText()).startsWith("base: " + run.get("decidedBy").asText() + ": ");
          assertThat(run.get("decidedBy").asText()).isIn("Spin", "All requests");
        }
      }
    }
  }

  private static JsonNode row(JsonNode rows, String path) {
    for (JsonNode row : rows) {
      if (row.get("path").asText().equals(path)) {
        return row;
      }
    }
    throw new AssertionError("no row " + path + " in " + rows);
  }
}
