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
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate reads each log's run record: comparability, SLOs and the injector's health. */
class GateRunRecordTest {
  private static final long START = 1_795_000_000_000L;
  private static final String SIMULATION = "casino.FlashSpinPeakSimulation";

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result gate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("gate", "--history", dir.resolve("history").toString(),
        "--out", dir.resolve("report").toString()));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** 3,000 logins and 3,000 spins, log-normal times with this spin median, and its record. */
  private Path run(String name, long start, double spinMedian, int seed, RunRecord record) {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", SIMULATION, start, List.of("p"));
    for (int i = 0; i < 3_000; i++) {
      int at = i * 20;
      log.request(List.of(), "Login", at, at + (int) Math.round(15 * Math.exp(0.4 * random.nextGaussian())), true, "");
      log.request(List.of(), "Spin", at + 5,
          at + 5 + (int) Math.round(spinMedian * Math.exp(0.5 * random.nextGaussian())), true, "");
    }
    Path path = log.writeTo(dir.resolve(name));
    if (record != null) {
      RunRecords.write(RunRecords.fileFor(path), record);
    }
    return path;
  }

  private JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  private List<JsonNode> stored() throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      for (Path file : files.sorted().toList()) {
        runs.add(json(file));
      }
    }
    return runs;
  }

  @Test
  void theRecordsSlosJudgeTheRunWithoutOptions() throws Exception {
    // Spins have a median of 20 ms: well within 200 ms, far above the record's 10 ms.
    RunRecord strict = RunRecordSamples.withServiceLevels(RunRecordSamples.healthy(SIMULATION), 10, 1);

    Result result = gate(run("v1.log", START, 20, 1, strict).toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
    assertThat(result.out()).startsWith("SLO BREACH: ").contains("above the SLO of 10 ms");
    assertThat(json(dir.resolve("report/verdict.json")).get("verdict").asText()).isEqualTo("slo breach");
    assertThat(json(dir.resolve("report/verdict.json")).get("settings").get("sloP99Millis").asLong())
        .isEqualTo(10);
    // An explicit option still wins over the record.
    assertThat(gate(run("v2.log", START, 20, 1, strict).toString(), "--slo-p99-ms", "500",
        "--no-save").exitCode()).isZero();
  }

  @Test
  void comparabilityComesFromTheRecordAndIsStoredWithTheRun() throws Exception {
    Result first = gate(run("v1.log", START, 20, 1, RunRecordSamples.healthy(SIMULATION)).toString());
    Result second = gate(run("v2.log", START + 3_600_000, 20, 2,
        RunRecordSamples.healthy(SIMULATION)).toString());
    // The same workload with another peak is not comparable.
    Result other = gate(run("v3.log", START + 7_200_000, 20, 3, RunRecordSamples.withProfileValue(
        RunRecordSamples.healthy(SIMULATION), "peakUsers", "400")).toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("run record: comparability and SLOs from run.json")
        .contains("injector: healthy");
    assertThat(second.out()).doesNotContain("no baseline");
    assertThat(other.out()).startsWith("WARNING no baseline: none of the 2 stored runs in ")
        .containsPattern("  differs: \\S+: flashSpinPeak.peakUsers: 400 \\(stored \\d+\\)");
    JsonNode stored = stored().get(0);
    assertThat(stored.get("comparability").get("parameters").get("flashSpinPeak.peakUsers").asText())
        .isEqualTo("200");
    assertThat(stored.get("comparability").get("target").asText()).isEqualTo("embedded");
    assertThat(stored.get("comparability").get("injectorCores").asInt()).isEqualTo(2);
    assertThat(stored.get("runRecord").get("format").asText()).isEqualTo(RunRecord.FORMAT);
  }

  @Test
  void withoutARecordTheVerdictSaysComparabilityCameFromTheCommandLine() throws Exception {
    Result result = gate(run("v1.log", START, 20, 1, null).toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("note: no run record (run.json) beside the logs");
    assertThat(dir.resolve("report/summary.md")).content().contains("no run record");
    assertThat(dir.resolve("report/gate.html")).content().contains("no run record");
  }

  @Test
  void aSaturatedInjectorMakesTheRunInvalidInEveryOutputAndNeverABaseline() throws Exception {
    gate(run("v1.log", START, 20, 1, RunRecordSamples.healthy(SIMULATION)).toString());
    // Twice as slow as the baseline: a regression on its numbers, but the injector was saturated.
    Result invalid = gate(run("v2.log", START + 3_600_000, 40, 2, RunRecordSamples.saturated(
        SIMULATION, "scheduling lag p99 80 ms (at most 50 ms)")).toString());

    assertThat(invalid.exitCode()).as(invalid.out() + invalid.err()).isEqualTo(4);
    assertThat(invalid.out()).startsWith("INVALID: the injector, not the platform, limited the run:"
        + " scheduling lag p99 80 ms");
    JsonNode verdict = json(dir.resolve("report/verdict.json"));
    assertThat(verdict.get("verdict").asText()).isEqualTo("invalid");
    assertThat(verdict.get("exitCode").asInt()).isEqualTo(4);
    String junit = Files.readString(dir.resolve("report/junit.xml"));
    assertThat(junit).contains("errors=\"1\"").contains("failures=\"0\"")
        .contains("<error type=\"INJECTOR_SATURATED\"")
        .doesNotContain("<failure");
    assertThat(dir.resolve("report/summary.md")).content().contains("**invalid**");
    assertThat(dir.resolve("report/gate.html")).content().contains("<b>INVALID</b>")
        .contains("injector: saturated");
    assertThat(stored()).extracting(run -> run.get("verdict").asText())
        .containsExactly("pass", "invalid");

    // The next run is compared with the last valid one, never with the invalid run.
    Result next = gate(run("v3.log", START + 7_200_000, 20, 3,
        RunRecordSamples.healthy(SIMULATION)).toString(), "--no-save");
    assertThat(next.exitCode()).isZero();
    assertThat(json(dir.resolve("report/verdict.json")).get("baseline").get("runIds").get(0).asText())
        .isEqualTo(stored().get(0).get("id").asText());
  }

  @Test
  void optionsThatContradictTheRecordAreRefusedInOneLine() {
    Path log = run("v1.log", START, 20, 1, RunRecordSamples.healthy(SIMULATION));

    Result param = gate(log.toString(), "--param", "scale=2");
    Result target = gate(log.toString(), "--target", "https://staging.example");
    Result agreeing = gate(log.toString(), "--param", "scale=1.0", "--param", "flashSpinPeak.duration=30",
        "--param", "build=nightly", "--no-save");

    assertThat(param.exitCode()).isEqualTo(2);
    assertThat(param.err().strip()).isEqualTo("casinoperf: --param scale=2: the run record says"
        + " scale=1; give --param only for keys the record lacks");
    assertThat(target.exitCode()).isEqualTo(2);
    assertThat(target.err().strip().lines()).singleElement().asString()
        .contains("--target https://staging.example: the run record says the run loaded embedded");
    assertThat(agreeing.exitCode()).as(agreeing.err()).isZero();
  }

  @Test
  void shardsOfDifferentRunsAreRefused() throws Exception {
    Path first = run("shard-1.log", START, 20, 1, RunRecordSamples.shard(SIMULATION, 1, 2,
        RunRecordSamples.health(List.of())));
    Path second = run("shard-2.log", START, 20, 2, RunRecordSamples.withProfileValue(
        RunRecordSamples.shard(SIMULATION, 2, 2, RunRecordSamples.health(List.of())), "peakUsers", "300"));
    Path sameShard = run("shard-3.log", START, 20, 3, RunRecordSamples.shard(SIMULATION, 1, 2,
        RunRecordSamples.health(List.of())));
    Path unrecorded = run("shard-4.log", START, 20, 4, null);

    Result profiles = gate(first.toString(), second.toString());
    Result twice = gate(first.toString(), sameShard.toString());
    Result mixed = gate(first.toString(), unrecorded.toString());

    assertThat(profiles.exitCode()).isEqualTo(2);
    assertThat(profiles.err().strip()).contains("shard-2.run.json: not a shard of the same run as")
        .contains("load profile");
    assertThat(twice.err().strip()).endsWith("both are shard 1/2");
    assertThat(mixed.exitCode()).isEqualTo(2);
    assertThat(mixed.err().strip()).contains("shard-4.run.json: missing, while the run's other logs have one");
    assertThat(dir.resolve("history")).doesNotExist();
  }

  @Test
  void aSaturatedShardMakesTheMergedRunInvalidAndMergeLogsSaysWhichShards() throws Exception {
    Path first = run("shard-1.log", START, 20, 1, RunRecordSamples.shard(SIMULATION, 1, 2,
        RunRecordSamples.health(List.of())));
    Path second = run("shard-2.log", START, 20, 2, RunRecordSamples.shard(SIMULATION, 2, 2,
        RunRecordSamples.health(List.of("a GC pause of 340 ms (at most 200 ms)"))));

    Result gated = gate(first.toString(), second.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int merged = CasinoPerf.execute(new String[] {"merge-logs", first.toString(), second.toString(),
        "--out", dir.resolve("merged").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(gated.exitCode()).isEqualTo(4);
    assertThat(gated.out()).contains("shard 2/2: a GC pause of 340 ms").contains("(shards 1/2, 2/2)");
    assertThat(merged).as(err.toString()).isZero();
    RunRecord record = RunRecords.read(dir.resolve("merged/run.json"));
    assertThat(record.shards()).containsExactly("1/2", "2/2");
    assertThat(record.health().saturated()).isTrue();
    assertThat(record.health().reasons()).containsExactly("shard 2/2: a GC pause of 340 ms (at most 200 ms)");
    // The merged run judged alone is invalid too.
    assertThat(gate(dir.resolve("merged/simulation.log").toString(), "--no-save").exitCode()).isEqualTo(4);
  }

  @Test
  void oncePassingRunsAreStoredTheirSpreadIsKnownAndTheyArePooled() throws Exception {
    Result first = gate(run("v1.log", START, 20, 1, RunRecordSamples.healthy(SIMULATION)).toString());
    gate(run("v2.log", START + 3_600_000, 20, 2, RunRecordSamples.healthy(SIMULATION)).toString());
    Result third = gate(run("v3.log", START + 7_200_000, 20, 3, RunRecordSamples.healthy(SIMULATION)).toString());
    Result fourth = gate(run("v4.log", START + 10_800_000, 20, 4, RunRecordSamples.healthy(SIMULATION)).toString());

    assertThat(first.out()).contains("run-to-run noise not known yet: 0 of 3 comparable passing runs");
    assertThat(third.out()).contains("run-to-run noise not known yet: 2 of 3 comparable passing runs")
        .contains("baseline: run ");
    assertThat(fourth.exitCode()).as(fourth.out()).isZero();
    assertThat(fourth.out()).containsPattern("run-to-run noise: the p99 varies ±[0-9.]+ % between unchanged"
        + " runs \\(from 3 comparable runs; the baseline pools 3\\)")
        .contains("baseline: 3 pooled runs: ");
    assertThat(dir.resolve("report/summary.md")).content().contains("run-to-run noise: the p99 varies");
    // An explicit pool still decides.
    Result single = gate(run("v5.log", START + 14_400_000, 20, 5, RunRecordSamples.healthy(SIMULATION)).toString(),
        "--pool", "1", "--no-save");
    assertThat(single.out()).contains("baseline: run ").contains("the baseline pools 1");
  }

  @Test
  void aMoneyMismatchFailsTheRunFirstInEveryOutput() throws Exception {
    String mismatch = io.casinoperf.gate.verdict.Gate.MONEY_MISMATCH_PREFIX
        + "found player player-000007: balance 97500 cents, expected 100000 cents (-2500)";
    LogFileWriter log = new LogFileWriter().run("3.15.1", SIMULATION, START, List.of("p"));
    for (int i = 0; i < 360; i++) {
      log.request(List.of(), "Reconcile wallet", i * 50, i * 50 + 20, i != 7, i != 7 ? "" : mismatch);
    }
    Path path = log.writeTo(dir.resolve("money.log"));

    Result result = gate(path.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines().findFirst().orElseThrow())
        .isEqualTo("REGRESSION: 1 money mismatch in Reconcile wallet, e.g. " + mismatch);
    assertThat(json(dir.resolve("report/verdict.json")).get("run").get("rule").asText())
        .isEqualTo("MONEY_MISMATCH");
    assertThat(dir.resolve("report/junit.xml")).content()
        .contains("<testcase classname=\"run\" name=\"every wallet reconciles\"><failure type=\"MONEY_MISMATCH\"");
    // summary.md and gate.html lead with it too: the heading's verdict, then the money.
    List<String> summary = Files.readString(dir.resolve("report/summary.md")).lines()
        .filter(line -> !line.isBlank()).toList();
    assertThat(summary.get(0)).isEqualTo("### Release gate: **regression**");
    assertThat(summary.get(1)).isEqualTo("1 money mismatch in Reconcile wallet, e.g. " + mismatch);
    String html = Files.readString(dir.resolve("report/gate.html"));
    int banner = html.indexOf("1 money mismatch in Reconcile wallet");
    assertThat(banner).isPositive();
    assertThat(html.substring(0, banner)).doesNotContain("<table");
    assertThat(stored()).extracting(run -> run.get("verdict").asText()).containsExactly("regression");
  }
}
