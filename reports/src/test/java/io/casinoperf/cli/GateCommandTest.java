package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.gate.testing.LogDamage;
import io.casinoperf.gate.testing.LogFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate command end to end: logs in, history and reports out, exit codes. */
class GateCommandTest {
  private static final long START = 1_795_000_000_000L;

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

  /** A run of 3,000 spins and 3,000 logins, log-normal response times with this spins median. */
  private Path log(String name, long start, double spinMedian, int seed) {
    return log(name, start, spinMedian, seed, log -> { });
  }

  private Path log(String name, long start, double spinMedian, int seed,
      java.util.function.Consumer<LogFileWriter> more) {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation", start, List.of("p"));
    for (int i = 0; i < 3_000; i++) {
      int at = i * 20;
      log.request(List.of(), "Login", at, at + (int) Math.round(15 * Math.exp(0.4 * random.nextGaussian())), true, "");
      log.request(List.of(), "Spin", at + 5,
          at + 5 + (int) Math.round(spinMedian * Math.exp(0.5 * random.nextGaussian())), true, "");
    }
    more.accept(log);
    return log.writeTo(dir.resolve(name));
  }

  private JsonNode verdictJson() throws Exception {
    return new ObjectMapper().readTree(dir.resolve("report/verdict.json").toFile());
  }

  @Test
  void firstRunHasNoBaselinePassesOnItsSlosAndBecomesTheBaseline() throws Exception {
    Result first = gate(log("v1.log", START, 20, 1).toString(), "--label", "v1");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).startsWith("WARNING no baseline: the history folder ")
        .contains("\nPASS: ").contains("baseline: none, SLOs only");
    assertThat(verdictJson().get("verdict").asText()).isEqualTo("pass");
    assertThat(verdictJson().get("baseline").isNull()).isTrue();
    assertThat(Files.list(dir.resolve("history"))).hasSize(1);

    Result second = gate(log("v2.log", START + 3_600_000, 20, 2).toString(), "--label", "v2");

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(verdictJson().get("baseline").get("description").asText()).contains("(v1)");
    assertThat(verdictJson().get("requestsToDetectTenPercent").asLong()).isPositive();
    assertThat(dir.resolve("report/summary.md")).content().contains("### Release gate: **pass**");
  }

  /** The same log given twice, by name or as a copy, would count every request twice: refused. */
  @Test
  void theSameLogTwiceIsRefusedInOneLineAndNothingIsStored() throws Exception {
    Path log = log("v1.log", START, 20, 1);
    Path copy = Files.copy(log, dir.resolve("copy.log"));

    Result twice = gate(log.toString(), log.toString());
    Result copied = gate(log.toString(), copy.toString());

    for (Result result : List.of(twice, copied)) {
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err().strip()).startsWith("casinoperf: ").doesNotContain("\n")
          .contains("twice");
      assertThat(result.out()).isEmpty();
    }
    assertThat(dir.resolve("history")).doesNotExist();
    assertThat(dir.resolve("report")).doesNotExist();
  }

  /**
   * Without a baseline the comparisons did not run: n/a in the console and summary.md tables,
   * skipped (not passed) in JUnit.
   */
  @Test
  void checksThatCouldNotRunAreNaInEveryOutputAndSkippedInJunit() throws Exception {
    Result first = gate(log("v1.log", START, 20, 1).toString(), "--no-save");

    assertThat(first.exitCode()).isZero();
    String spin = first.out().lines().filter(line -> line.startsWith("Spin ")).findFirst().orElseThrow();
    assertThat(spin).containsPattern("Spin\\s+pass\\s+–\\s+✓");
    assertThat(dir.resolve("report/summary.md")).content().contains("| Spin | pass | – | ✓ |")
        .contains("n/a");
    String junit = Files.readString(dir.resolve("report/junit.xml"));
    assertThat(junit).containsPattern("<testcase classname=\"Spin\" name=\"p99 vs baseline\">"
        + "\\s*<skipped message=\"n/a");
    // The SLO did run: a pass, neither skipped nor failed; the six comparisons are skipped.
    assertThat(junit).contains("<testcase classname=\"Spin\" name=\"SLO\"><system-out>pass")
        .contains("failures=\"0\"").contains("skipped=\"6\"");
  }

  @Test
  void slowerSpinsAreARegressionWithAFailingJUnitCase() throws Exception {
    gate(log("v1.log", START, 20, 1).toString(), "--label", "v1");

    Result slower = gate(log("v2.log", START + 3_600_000, 30, 2).toString(), "--label", "v2");

    assertThat(slower.exitCode()).isEqualTo(1);
    assertThat(slower.out()).startsWith("REGRESSION: ");
    JsonNode json = verdictJson();
    assertThat(json.get("verdict").asText()).isEqualTo("regression");
    JsonNode worst = json.get("requests").get(1);
    assertThat(worst.get("path").asText()).isEqualTo("Spin");
    assertThat(worst.get("checks").get(0).get("rule").asText()).isEqualTo("SIGNIFICANTLY_SLOWER");
    // The interval shown is the one the decision used: wider than the uncorrected 96 % (one-sided
    // 2 %), since three p99 tests and the drift test share the run's 2 %, and above zero.
    double level = worst.get("intervalConfidence").asDouble();
    assertThat(level).isGreaterThan(0.96).isLessThan(1);
    JsonNode spinP99 = worst.get("percentiles").get(2);
    assertThat(spinP99.get("percentile").asDouble()).isEqualTo(99);
    assertThat(spinP99.get("changeLower").asDouble()).isPositive();
    assertThat(worst.get("checks").get(0).get("reason").asText())
        .contains(String.format(java.util.Locale.ROOT, "%+.1f..%+.1f %%)",
            100 * spinP99.get("changeLower").asDouble(), 100 * spinP99.get("changeUpper").asDouble()));
    // summary.md and gate.html show that same interval at that same confidence.
    String interval = String.format(java.util.Locale.ROOT, "%+.1f..%+.1f",
        100 * spinP99.get("changeLower").asDouble(), 100 * spinP99.get("changeUpper").asDouble());
    String confidence = io.casinoperf.gate.verdict.Percentages.confidence(level);
    assertThat(dir.resolve("report/summary.md")).content()
        .contains("- **Spin**, p99 vs baseline: regression by rule `SIGNIFICANTLY_SLOWER`: p99 ")
        .contains("| Spin | regression | ✗ | ✓ | ")
        .contains(interval + ") at " + confidence);
    assertThat(dir.resolve("report/gate.html")).content().contains(interval).contains(confidence);
    assertThat(dir.resolve("report/junit.xml")).content()
        .contains("<testcase classname=\"Spin\" name=\"p99 vs baseline\"><failure type=\"SIGNIFICANTLY_SLOWER\"");
    // A regression is stored as such and never becomes the baseline.
    Result third = gate(log("v3.log", START + 7_200_000, 20, 3).toString(), "--label", "v3");
    assertThat(third.out()).contains("(v1)");
  }

  @Test
  void aRunItsCircuitBreakerStoppedIsAbortedFailsAndNeverBecomesTheBaseline() throws Exception {
    gate(log("v1.log", START, 20, 1).toString(), "--label", "v1");
    // As fast as v1, but stopped by its breaker: Gatling left the mark in its log.
    Path stopped = log("v2-stopped.log", START + 3_600_000, 20, 2,
        log -> log.error("Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: "
            + "error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %", 60_000));

    Result aborted = gate(stopped.toString(), "--label", "v2");

    assertThat(aborted.exitCode()).isEqualTo(1);
    assertThat(aborted.out()).startsWith("ABORTED: the circuit breaker stopped the run: error rate 43.1 %");
    assertThat(verdictJson().get("verdict").asText()).isEqualTo("aborted");
    assertThat(dir.resolve("report/junit.xml")).content()
        .contains("tests=\"10\" failures=\"1\"")
        .contains("<testcase classname=\"run\" name=\"ran to its end\"><failure "
            + "type=\"STOPPED_BY_CIRCUIT_BREAKER\" message=\"the circuit breaker stopped the run: error rate");
    assertThat(dir.resolve("report/summary.md")).content().startsWith("### Release gate: **aborted**");
    assertThat(dir.resolve("report/gate.html")).content().contains("<div class=\"verdict aborted\"><b>ABORTED</b>");
    // Stored as aborted: the next run is still compared with v1.
    Result third = gate(log("v3.log", START + 7_200_000, 20, 3).toString(), "--label", "v3");
    assertThat(third.out()).contains("(v1)");
    assertThat(third.exitCode()).isZero();
  }

  @Test
  void theRunIsStoredWithTheRequestThatDecidedAndWhereItsGateHtmlIs() throws Exception {
    gate(log("v1.log", START, 20, 1).toString(), "--label", "v1");
    // Spins' p99 is near 64 ms: outside their own SLO of 50 ms, the rest within theirs.
    Result breach = gate(log("v2.log", START + 3_600_000, 20, 2).toString(), "--label", "v2",
        "--slo", "Spin=50/1");

    assertThat(breach.out()).startsWith("SLO BREACH: Spin: p99 ");
    // As fast as its baseline, outside its SLO: two cells, so the breach is not read as a
    // regression against the baseline.
    assertThat(dir.resolve("report/summary.md")).content().contains("| Spin | regression | ✓ | ✗ | ");
    assertThat(breach.out()).containsPattern("\nSpin +regression +✓ +✗ ");
    assertThat(dir.resolve("report/gate.html")).content()
        .contains("<td class=\"mark\">✓</td><td class=\"mark\">✗</td>");
    List<JsonNode> stored = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("history")).sorted()) {
      for (Path file : files.toList()) {
        stored.add(new ObjectMapper().readTree(file.toFile()));
      }
    }
    String gateHtml = dir.resolve("report/gate.html").toAbsolutePath().toString();
    assertThat(stored).extracting(run -> run.get("label").asText()).containsExactly("v1", "v2");
    assertThat(stored.get(0).get("decidedBy").isNull()).as("a pass is decided by no request").isTrue();
    assertThat(stored.get(1).get("verdict").asText()).isEqualTo("slo breach");
    assertThat(stored.get(1).get("decidedBy").asText()).isEqualTo("Spin");
    assertThat(stored).extracting(run -> run.get("gateReport").asText()).containsOnly(gateHtml);
    assertThat(Path.of(gateHtml)).content().contains(stored.get(1).get("id").asText());
  }

  @Test
  void differentParametersAreNotComparedAutomatically() {
    gate(log("v1.log", START, 20, 1).toString(), "--param", "scale=1");

    Result other = gate(log("v2.log", START + 3_600_000, 30, 2).toString(), "--param", "scale=2");

    assertThat(other.out()).startsWith("WARNING no baseline: ").contains("baseline: none, SLOs only");
  }

  @Test
  void aForcedBaselineSaysWhatDiffers() {
    gate(log("v1.log", START, 20, 1).toString(), "--param", "scale=1");
    String id = dir.resolve("history").toFile().list()[0].replace(".json", "");

    Result forced = gate(log("v2.log", START + 3_600_000, 20, 2).toString(), "--param", "scale=2",
        "--baseline", id);

    assertThat(forced.out()).contains("differs: scale: 2 (baseline 1)");
  }

  @Test
  void aCutLogIsInconclusiveNeverAPass() throws Exception {
    Path whole = log("whole.log", START, 20, 1);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.log"), Arrays.copyOf(bytes, bytes.length - 5));

    Result result = gate(cut.toString());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("cut off inside a record");
    // Every output says what the exit code says.
    assertThat(result.out()).contains("\nINCONCLUSIVE: a log was cut off");
    assertThat(verdictJson().get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(verdictJson().get("run").get("rule").asText()).isEqualTo("PARTIAL_LOG");
    assertThat(dir.resolve("report/summary.md")).content().contains("**inconclusive**");
    assertThat(dir.resolve("report/gate.html")).content().contains("<b>INCONCLUSIVE</b>");
    assertThat(dir.resolve("report/junit.xml")).content()
        .contains("<testcase classname=\"run\" name=\"logs complete\"><skipped");
    assertThat(gate(cut.toString(), "--inconclusive", "fail").exitCode()).isEqualTo(1);
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws Exception {
    Path text = Files.writeString(dir.resolve("simulation.log"), "not a log\n");

    Result notALog = gate(text.toString());
    Result missing = gate(dir.resolve("absent").toString());
    Result badBaseline = gate(log("v1.log", START, 20, 1).toString(), "--baseline", "nope");
    Result badOption = gate(log("v2.log", START, 20, 1).toString(), "--confidence", "2");
    Result noArguments = gate();

    assertThat(notALog.exitCode()).isEqualTo(2);
    assertThat(lastLine(notALog.err())).startsWith("casinoperf: " + text + " (byte 0): not a Gatling simulation.log");
    assertThat(notALog.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(missing.err().strip()).isEqualTo("casinoperf: " + dir.resolve("absent") + ": no such file or folder");
    assertThat(badBaseline.exitCode()).isEqualTo(2);
    assertThat(badBaseline.err()).contains("casinoperf: not a run id: 'nope'");
    assertThat(badOption.exitCode()).isEqualTo(2);
    assertThat(badOption.err().strip())
        .isEqualTo("casinoperf: --confidence=2: expected a fraction above 0.5 and below 1, such as 0.98");
    assertThat(noArguments.exitCode()).isEqualTo(2);
    assertThat(noArguments.err()).contains("Missing required parameter");
  }

  @Test
  void aDamagedLogIsOneLineAndExitCodeTwoWithNoReportWrittenAndNothingStored() throws Exception {
    gate(log("v1.log", START, 20, 1).toString(), "--label", "v1");
    Map<Path, byte[]> stored = contents(dir.resolve("history"));
    // The header's simulation class, "casino.FlashSpinPeakSimulation", after its int32 length:
    // the type byte, then the version "3.15.1" as int32 length, 6 bytes and a coder byte.
    int classAt = 1 + 4 + "3.15.1".length() + 1;
    Path header = LogDamage.setByte(log("header.log", START + 3_600_000, 20, 2),
        classAt + 4 + "casino".length(), '/');
    int[] spinAt = new int[1];
    Path record = log("record.log", START + 3_600_000, 20, 2, log -> {
      spinAt[0] = log.bytes().length;
      log.request(List.of(), "Spin", 60_005, 60_030, true, "");
    });
    // A flipped high byte in the last spin's start (after type, group depth and its cached name).
    LogDamage.setByte(record, spinAt[0] + 1 + 4 + 4, 0x01);

    Result damagedHeader = gateInto(dir.resolve("out-header"), header.toString());
    Result damagedRecord = gateInto(dir.resolve("out-record"), record.toString());

    assertThat(damagedHeader.exitCode()).isEqualTo(2);
    assertThat(damagedHeader.out()).isEmpty();
    assertThat(damagedHeader.err().lines()).containsExactly("casinoperf: " + header + " (byte "
        + classAt + "): run header: simulation class \"casino/FlashSpinPeakSimulation\" is not a"
        + " Java class name; expected dot-separated Java identifiers such as"
        + " io.casinoperf.simulations.FlashSpinPeakSimulation");
    assertThat(damagedRecord.exitCode()).isEqualTo(2);
    assertThat(damagedRecord.out()).isEmpty();
    assertThat(damagedRecord.err().lines()).containsExactly("casinoperf: " + record + " (byte "
        + spinAt[0] + "): request \"Spin\": start " + (60_005 | 1 << 24) + " ms, end 60030 ms after"
        + " the run start; expected an end at or after the start");
    assertThat(dir.resolve("out-header")).doesNotExist();
    assertThat(dir.resolve("out-record")).doesNotExist();
    assertThat(contents(dir.resolve("history"))).containsOnlyKeys(stored.keySet())
        .allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(stored.get(file)));
  }

  private Result gateInto(Path out, String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("gate", "--history", dir.resolve("history").toString(),
        "--out", out.toString()));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(err, true));
    return new Result(code, stdout.toString(), err.toString());
  }

  private static Map<Path, byte[]> contents(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        files.put(file, Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void aResultsFolderGivesItsNewestRun() throws Exception {
    Path results = dir.resolve("gatling");
    Files.createDirectories(results.resolve("flashspinpeaksimulation-20261127100000000"));
    Files.createDirectories(results.resolve("flashspinpeaksimulation-20261127110000000"));
    Files.copy(log("old.log", START, 20, 1), results.resolve("flashspinpeaksimulation-20261127100000000/simulation.log"));
    Files.copy(log("new.log", START, 20, 2), results.resolve("flashspinpeaksimulation-20261127110000000/simulation.log"));

    Result result = gate(results.toString());

    assertThat(result.err()).contains("read " + results.resolve("flashspinpeaksimulation-20261127110000000/simulation.log"));
  }

  private Result gateWithHistory(Path history, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("gate", "--history", history.toString(),
        "--out", dir.resolve("report").toString()));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aHistoryThatIsAFileOrALinkToNothingIsRefusedNotReadAsEmpty() throws Exception {
    Path log = log("v1.log", START, 20, 1);
    Path file = java.nio.file.Files.writeString(dir.resolve("history.txt"), "not a folder");
    Path dangling = java.nio.file.Files.createSymbolicLink(dir.resolve("history-link"), dir.resolve("gone"));

    Result onFile = gateWithHistory(file, log.toString(), "--no-save");
    Result onLink = gateWithHistory(dangling, log.toString(), "--no-save");

    assertThat(onFile.exitCode()).isEqualTo(2);
    assertThat(onFile.err().strip()).isEqualTo("casinoperf: --history " + file
        + ": not a folder; give the history folder");
    assertThat(onLink.exitCode()).isEqualTo(2);
    assertThat(onLink.err().strip()).endsWith(": a link to nothing; give the history folder");
    assertThat(onFile.out()).isEmpty();
    assertThat(dir.resolve("report")).doesNotExist();
  }

  @Test
  void poolBesideBaselineIsRefusedInsteadOfIgnored() {
    Result result = gate(log("v1.log", START, 20, 1).toString(), "--pool", "3", "--baseline", "some-run");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).startsWith("casinoperf: --pool and --baseline contradict each other");
    assertThat(dir.resolve("history")).doesNotExist();
  }

  @Test
  void aFolderOfSeveralInjectorsLogsIsReadWholeNotOnlyItsSimulationLog() throws Exception {
    Path gathered = java.nio.file.Files.createDirectories(dir.resolve("gathered"));
    java.nio.file.Files.move(log("simulation.log", START, 20, 1), gathered.resolve("simulation.log"));
    java.nio.file.Files.move(log("shard-2.log", START + 40, 20, 2), gathered.resolve("shard-2.log"));

    Result result = gate(gathered.toString(), "--no-save");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("shard-2.log");
    // Both injectors' 6,000 responses, not the 6,000 of simulation.log alone.
    assertThat(verdictJson().get("requests").get(0).get("candidateCount").asLong()).isEqualTo(12_000);
  }

  @Test
  void theReportsShowTheRunOverTimeItsErrorsAndWhatRan() throws Exception {
    gate(log("v1.log", START, 20, 1, log -> {
      for (int i = 0; i < 30; i++) {
        log.request(List.of(), "Spin", 100 * i, 100 * i + 5, false, "status.find.in(200), but actually found 503");
      }
    }).toString(), "--label", "v1", "--param", "scale=1");
    Path stopped = log("v2.log", START + 3_600_000, 20, 2, log -> {
      for (int i = 0; i < 12; i++) {
        log.request(List.of(), "Spin", 100 * i, 100 * i + 5, false, "status.find.in(200), but actually found 503");
      }
      log.request(List.of(), "Spin", 500, 505, false, "j.n.ConnectException: Connection refused");
      log.error("Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: error rate 43.1 %", 45_000);
    });

    Result result = gate(stopped.toString(), "--label", "v2", "--param", "scale=1");

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode overTime = verdictJson().get("overTime");
    // A little over 60 s in at most 60 windows: 2 s each; every response in one of them.
    assertThat(overTime.get("windowSeconds").asInt()).isEqualTo(2);
    long counted = 0;
    for (JsonNode window : overTime.get("candidate")) {
      counted += window.get("count").asLong();
    }
    assertThat(counted).isEqualTo(verdictJson().get("requests").get(0).get("candidateCount").asLong());
    assertThat(overTime.get("baseline")).isNotEmpty();
    assertThat(overTime.get("stoppedAtSecond").asLong()).isEqualTo(45);
    assertThat(overTime.get("sloP99Millis").asLong()).isEqualTo(200);
    JsonNode errors = verdictJson().get("errors");
    assertThat(errors.get(0).get("message").asText()).isEqualTo("status.find.in(200), but actually found 503");
    assertThat(errors.get(0).get("candidate").asLong()).isEqualTo(12);
    assertThat(errors.get(0).get("baseline").asLong()).isEqualTo(30);
    assertThat(errors.get(1).get("message").asText()).isEqualTo("j.n.ConnectException: Connection refused");
    assertThat(errors.get(1).get("baseline").asLong()).isZero();
    JsonNode whatRan = verdictJson().get("conditions").get("whatRan");
    assertThat(whatRan.get(0).get("value").asText()).isEqualTo("casino.FlashSpinPeakSimulation");
    assertThat(whatRan.get(1).get("value").asText()).isEqualTo("embedded");
    assertThat(whatRan.get(2).get("value").asText()).isEqualTo("scale=1");
    String ran = whatRan.toString();
    // How long it ran (the log spans a little over 60 s) and with which versions.
    assertThat(ran).containsPattern("\"duration\",\"value\":\"6\\d\\.\\d s, ").contains("Gatling 3.15.1")
        .contains("Java " + System.getProperty("java.version"));

    String html = Files.readString(dir.resolve("report/gate.html"));
    assertThat(html).contains("<svg id='latency-over-time'").contains("<svg id='load-over-time'")
        .contains("SLO p99 200 ms").contains("circuit breaker stopped the run")
        .contains("<td class=\"text\">j.n.ConnectException: Connection refused</td><td>0</td><td>1</td>")
        .contains("<th class=\"text\">target</th><td class=\"text\">embedded</td>");
    assertThat(dir.resolve("report/summary.md")).content()
        .contains("**Errors** (candidate vs baseline): `status.find.in(200), but actually found 503` 12 vs 30;")
        .contains("**What ran:** simulation casino.FlashSpinPeakSimulation · target embedded · parameters scale=1 · ");
  }

  @Test
  void timingsNameEveryStepInOrderOnStderrAndOnlyWhenAsked() {
    Path run = log("timed.log", START, 20, 5);

    Result timed = gate(run.toString(), "--no-save", "--timings");
    Result plain = gate(run.toString(), "--no-save");

    assertThat(timed.exitCode()).isEqualTo(plain.exitCode());
    assertThat(timed.out()).doesNotContain("timing:");
    List<String> lines = timed.err().lines().filter(l -> l.startsWith("timing: ")).toList();
    assertThat(lines).extracting(l -> l.substring("timing: ".length(), l.indexOf(" at ")).strip())
        .containsExactly("JVM start, command line", "run records read", "logs read and summarised",
            "history and baseline read", "judged", "verdict.json",
            "junit.xml, summary.md", "gate.html", "stored, console table");
    List<Long> ends = lines.stream()
        .map(l -> Long.parseLong(l.replaceAll(".* at +([0-9,]+) ms.*", "$1").replace(",", "")))
        .toList();
    assertThat(ends).isSorted();
    assertThat(plain.err()).doesNotContain("timing:");
  }
}
