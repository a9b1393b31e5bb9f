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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal of a forecast is named in every output with its p99 at the peak beside the one the
 * forecast predicted, and is compared only with rehearsals of the same forecast.
 */
class GateRehearsalTest {
  private static final long START = 1_795_000_000_000L;
  private static final String SIMULATION = "casino.FlashSpinPeakSimulation";

  @TempDir Path dir;

  private static RunRecord rehearsing(String forecastId) {
    RunRecord base = RunRecordSamples.withPhases(
        RunRecordSamples.withServiceLevels(RunRecordSamples.healthy(SIMULATION), 10_000, 1),
        RunRecordSamples.baseWithPeak(20, 40));
    RunRecord.Parameters p = base.parameters();
    return new RunRecord(base.format(), base.simulation(), base.profile(),
        new RunRecord.Parameters(p.scale(), p.duration(), p.mode(), p.shardIndex(), p.shardCount(), Optional.empty(),
            Optional.of(new RunRecord.Rehearsal(forecastId, "Black Friday", "p90", "1m", "rehearsal.json",
                Optional.of(700.0)))),
        base.target(), base.serviceLevels(), base.versions(), base.host(), base.start(), base.end(), base.health(),
        base.shards(), base.phases());
  }

  /** 60 s of spins every 10 ms, around 20 ms, and around 300 ms in the peak from 20 s to 40 s. */
  private Path run(String name, long start, int seed, RunRecord record, List<Integer> peakResponses) {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", SIMULATION, start, List.of("p"));
    for (int at = 0; at < 60_000; at += 10) {
      boolean peak = at >= 20_000 && at < 40_000;
      int response = (int) Math.round((peak ? 300 : 20) * Math.exp(0.4 * random.nextGaussian()));
      log.request(List.of(), "Spin", at, at + response, true, "");
      if (peak) {
        peakResponses.add(response);
      }
    }
    Path path = log.writeTo(dir.resolve(name));
    RunRecords.write(RunRecords.fileFor(path), record);
    return path;
  }

  private String gate(Path log) {
    StringWriter out = new StringWriter();
    CasinoPerf.execute(new String[] {"gate", "--history", dir.resolve("history").toString(),
        "--out", dir.resolve("report").toString(), log.toString()}, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  @Test
  void theRehearsalsP99AtThePeakStandsBesideThePredictionInEveryOutput() throws Exception {
    List<Integer> peak = new ArrayList<>();
    String console = gate(run("r1.log", START, 1, rehearsing("00aa11bb22cc33dd"), peak));

    // The peak phase's exact p99 at the nearest rank, from the responses the log was written with.
    Collections.sort(peak);
    int p99 = peak.get((int) Math.ceil(0.99 * peak.size()) - 1);
    String expected = String.format(java.util.Locale.ROOT, "Black Friday (forecast 00aa11bb22cc33dd) at P90 in"
        + " 1m: p99 at the peak %d ms, predicted 700 ms by the forecast's queueing model (%+.0f %%)", p99,
        100 * (p99 - 700.0) / 700);
    JsonNode verdict = new ObjectMapper().readTree(dir.resolve("report/verdict.json").toFile());
    JsonNode fact = null;
    for (JsonNode f : verdict.at("/conditions/whatRan")) {
      if (f.get("name").asText().equals("rehearsal")) {
        fact = f;
      }
    }
    assertThat(fact).as(verdict.at("/conditions").toString()).isNotNull();
    assertThat(fact.get("value").asText()).isEqualTo(expected);
    assertThat(Files.readString(dir.resolve("report/summary.md"))).contains(expected);
    assertThat(console).contains("\nrehearsal: " + expected + "\n");
    assertThat(Files.readString(dir.resolve("report/gate.html"))).contains(expected.replace("'", "&#39;"));
  }

  @Test
  void rehearsalsOfOneForecastAreComparedAndOfAnotherNot() throws Exception {
    gate(run("r1.log", START, 1, rehearsing("00aa11bb22cc33dd"), new ArrayList<>()));
    gate(run("other.log", START + 3_600_000, 2, rehearsing("ffee00ddcc11bb22"), new ArrayList<>()));
    JsonNode other = new ObjectMapper().readTree(dir.resolve("report/verdict.json").toFile());
    assertThat(other.get("baseline").isNull()).as("another forecast: no baseline").isTrue();

    gate(run("r2.log", START + 7_200_000, 3, rehearsing("00aa11bb22cc33dd"), new ArrayList<>()));
    JsonNode same = new ObjectMapper().readTree(dir.resolve("report/verdict.json").toFile());
    assertThat(same.get("baseline").isNull()).as("the same forecast: compared").isFalse();
    // Run ids carry their start: r1 at 11:06:40, the other forecast's an hour later.
    assertThat(same.at("/baseline/runIds").toString()).contains("T110640Z").doesNotContain("T120640Z");
  }
}
