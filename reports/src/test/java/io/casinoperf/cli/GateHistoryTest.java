package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.gate.testing.LogFileWriter;
import java.io.IOException;
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

/**
 * The history as pipelines really leave it: a damaged run file, the same run gated twice, a run
 * stored twice by an older version, a report folder that cannot be written, no baseline at all.
 */
class GateHistoryTest {
  private static final long START = 1_795_000_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {
    String storedId() {
      return err.lines().filter(l -> l.startsWith("stored as ")).map(l -> l.split(" ")[2])
          .findFirst().orElseThrow(() -> new AssertionError("not stored: " + err));
    }
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Result gate(Path log, String... options) {
    return gateInto(dir.resolve("report"), log, options);
  }

  private Result gateInto(Path out, Path log, String... options) {
    List<String> args = new ArrayList<>(List.of("gate", log.toString(), "--history",
        history().toString(), "--out", out.toString()));
    args.addAll(Arrays.asList(options));
    return run(args.toArray(String[]::new));
  }

  private Path history() {
    return dir.resolve("history");
  }

  /** 3,000 logins and 3,000 spins an hour after the previous run, spins at this median. */
  private Path log(String name, int hour, double spinMedian) {
    SplittableRandom random = new SplittableRandom(hour + 1);
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation",
        START + hour * 3_600_000L, List.of("players"));
    for (int i = 0; i < 3_000; i++) {
      int at = i * 20;
      log.request(List.of(), "Login", at, at + (int) Math.round(15 * Math.exp(0.4 * random.nextGaussian())), true, "");
      log.request(List.of(), "Spin", at + 5,
          at + 5 + (int) Math.round(spinMedian * Math.exp(0.5 * random.nextGaussian())), true, "");
    }
    return log.writeTo(dir.resolve(name));
  }

  private JsonNode verdictJson() throws IOException {
    return JSON.readTree(dir.resolve("report/verdict.json").toFile());
  }

  private List<Path> storedFiles() throws IOException {
    if (!Files.isDirectory(history())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(history())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private List<String> baselineIds() throws IOException {
    List<String> ids = new ArrayList<>();
    verdictJson().get("baseline").get("runIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  @Test
  void aRunFileWhoseCountsDisagreeIsReportedAndSkippedAndNeverBlocksTheGateOrTheTrend()
      throws Exception {
    String v1 = gate(log("v1.log", 0, 20), "--label", "v1").storedId();
    String v2 = gate(log("v2.log", 1, 20), "--label", "v2").storedId();
    // The newest passing run's file still parses, but one request's count no longer matches
    // its histogram: a hand edit, a bad merge of two history caches.
    Path damaged = history().resolve(v2 + ".json");
    ObjectNode file = (ObjectNode) JSON.readTree(damaged.toFile());
    ((ObjectNode) file.get("requests").get(0)).put("count", 1);
    JSON.writeValue(damaged.toFile(), file);

    Result v3 = gate(log("v3.log", 2, 20), "--label", "v3");

    assertThat(v3.exitCode()).as(v3.out() + v3.err()).isZero();
    assertThat(v3.err()).contains("warning: " + damaged + ": unreadable (count 1 ")
        .contains(", skipped");
    // The next older passing run took its place.
    assertThat(baselineIds()).containsExactly(v1);
    Result trend = run("report", "trend", "--history", history().toString(), "--out",
        dir.resolve("trend").toString());
    assertThat(trend.exitCode()).as(trend.err()).isZero();
    assertThat(trend.err()).contains("warning: " + damaged + ": unreadable");
    assertThat(dir.resolve("trend/trend.html")).content().contains("v1").contains("v3");
  }

  @Test
  void theSameLogsGatedAgainAreStoredOnceAndNeverTheirOwnBaseline() throws Exception {
    Path v1 = log("v1.log", 0, 20);
    String first = gate(v1, "--label", "v1").storedId();

    Result again = gate(v1, "--label", "v1");

    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("already stored as " + first + " in " + history()
        + " (the same logs, judged pass then): not stored again");
    assertThat(storedFiles()).hasSize(1);
    // Still its history's only run: compared with nothing, not with itself.
    assertThat(verdictJson().get("baseline").isNull()).isTrue();
    assertThat(verdictJson().get("candidate").get("id").asText()).isEqualTo(first);

    // A copy of the log elsewhere is the same run too.
    Path copy = Files.copy(v1, dir.resolve("copy-of-v1.log"));
    assertThat(gate(copy).err()).contains("already stored as " + first);
    assertThat(storedFiles()).hasSize(1);

    String second = gate(log("v2.log", 1, 20), "--label", "v2").storedId();
    Result secondAgain = gate(log("v2.log", 1, 20), "--pool", "5");
    assertThat(secondAgain.err()).contains("already stored as " + second);
    assertThat(baselineIds()).containsExactly(first);

    Result itself = gate(v1, "--baseline", first);
    assertThat(itself.exitCode()).isEqualTo(2);
    assertThat(itself.err().strip()).endsWith("\ncasinoperf: --baseline " + first
        + " is this very run (the same logs): a run cannot be its own baseline");
  }

  @Test
  void aRunStoredTwiceBeforeFingerprintsIsPooledOnce() throws Exception {
    String v1 = gate(log("v1.log", 0, 20), "--label", "v1").storedId();
    // An older version stored the same run twice, without fingerprints.
    Path original = history().resolve(v1 + ".json");
    ObjectNode file = (ObjectNode) JSON.readTree(original.toFile());
    file.remove("fingerprint");
    JSON.writeValue(original.toFile(), file);
    String copyId = v1.substring(0, v1.length() - 6) + "0c0c0c";
    file.put("id", copyId);
    file.put("recordedAt", java.time.Instant.parse(file.get("recordedAt").asText())
        .plusSeconds(60).toString());
    JSON.writeValue(history().resolve(copyId + ".json").toFile(), file);

    Result v2 = gate(log("v2.log", 1, 20), "--pool", "5", "--no-save");

    assertThat(v2.exitCode()).as(v2.err()).isZero();
    assertThat(baselineIds()).containsExactly(v1);
    // And gating the first run again finds it by its start and end: not stored a third time.
    assertThat(gate(log("v1.log", 0, 20)).err()).contains("already stored as " + v1);
  }

  @Test
  void aReportThatCannotBeWrittenLeavesTheHistoryAsItWas() throws Exception {
    Path blocked = Files.writeString(dir.resolve("not-a-folder"), "a file where --out points");

    Result result = gateInto(blocked, log("v1.log", 0, 20), "--label", "v1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().filter(l -> l.startsWith("casinoperf: "))).hasSize(1);
    assertThat(result.err()).doesNotContain("stored as").doesNotContain("\tat ");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void noBaselineIsSaidFirstInEveryOutputWithTheKeysAndTheStoredRunsThatDiffer() throws Exception {
    Result missing = gate(log("v1.log", 0, 20), "--param", "scale=1", "--label", "v1");

    assertThat(missing.exitCode()).isZero();
    assertThat(missing.out().lines().findFirst().orElseThrow()).isEqualTo("WARNING no baseline:"
        + " the history folder " + history() + " does not exist: a first run, a mistyped"
        + " --history, or a history cache that was not restored; judged on its SLOs only");
    String v1 = missing.storedId();

    Result other = gate(log("v2.log", 1, 20), "--param", "scale=2");

    List<String> lines = other.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("WARNING no baseline: none of the 1 stored run in "
        + history() + " is of this workload (simulation, target and parameters);"
        + " judged on its SLOs only");
    assertThat(lines.get(1)).isEqualTo("  a baseline shares simulation=casino.FlashSpinPeakSimulation,"
        + " target=embedded, scale=2");
    assertThat(lines.get(2)).isEqualTo("  differs: " + v1 + " (v1): scale: 2 (stored 1)");
    assertThat(lines.get(3)).startsWith("PASS: ");
    JsonNode noBaseline = verdictJson().get("noBaseline");
    assertThat(noBaseline.get("reason").asText()).startsWith("none of the 1 stored run in ");
    assertThat(noBaseline.get("keys").get("scale").asText()).isEqualTo("2");
    assertThat(noBaseline.get("nearest").get(0).asText()).isEqualTo(v1 + " (v1): scale: 2 (stored 1)");
    assertThat(noBaseline.get("required").asBoolean()).isFalse();
    assertThat(dir.resolve("report/summary.md")).content()
        .startsWith("> **no baseline: none of the 1 stored run in ")
        .contains("> - differs: " + v1 + " (v1): scale: 2 (stored 1)");
    assertThat(dir.resolve("report/gate.html")).content()
        .contains("<div class=\"warn no-baseline\"><b>no baseline: none of the 1 stored run in ");

    // With a baseline there is no such warning anywhere.
    Result compared = gate(log("v3.log", 2, 20), "--param", "scale=1");
    assertThat(compared.out()).startsWith("PASS: ").doesNotContain("no baseline");
    assertThat(verdictJson().get("noBaseline").isNull()).isTrue();
    assertThat(dir.resolve("report/summary.md")).content().startsWith("### Release gate: **pass**");
  }

  /**
   * An existing history folder that is empty, or holds only files that cannot be read (a cache
   * restored half-way), is no baseline either, and is said so first, with the count of what was
   * skipped.
   */
  @Test
  void anEmptyOrUnreadableHistoryIsSaidFirst() throws Exception {
    Files.createDirectories(history());

    Result empty = gate(log("v1.log", 0, 20), "--no-save");

    assertThat(empty.exitCode()).isZero();
    assertThat(empty.out().lines().findFirst().orElseThrow()).isEqualTo("WARNING no baseline:"
        + " the history folder " + history() + " holds no readable run; judged on its SLOs only");
    assertThat(verdictJson().get("noBaseline").get("reason").asText())
        .isEqualTo("the history folder " + history() + " holds no readable run");

    Files.writeString(history().resolve("20261206T100000Z-flashspinpeaksimulation-aaaaaa.json"), "{\"cut\": ");
    Files.writeString(history().resolve("20261206T110000Z-flashspinpeaksimulation-bbbbbb.json"), "not json");

    Result unreadable = gate(log("v1.log", 0, 20), "--no-save");

    assertThat(unreadable.exitCode()).isZero();
    assertThat(unreadable.out().lines().findFirst().orElseThrow()).isEqualTo("WARNING no baseline:"
        + " the history folder " + history() + " holds no readable run (2 unreadable files"
        + " skipped); judged on its SLOs only");
    assertThat(unreadable.err()).contains("20261206T100000Z-flashspinpeaksimulation-aaaaaa.json");
    assertThat(dir.resolve("report/summary.md")).content()
        .startsWith("> **no baseline: the history folder " + history() + " holds no readable run (2 unreadable files skipped)");
  }

  @Test
  void aStoredRunOfTheWorkloadThatDidNotPassIsNamed() throws Exception {
    String slow = gate(log("v1.log", 0, 300), "--label", "v1").storedId();

    Result next = gate(log("v2.log", 1, 20));

    assertThat(next.out().lines().findFirst().orElseThrow()).isEqualTo("WARNING no baseline: 1"
        + " stored run is of this workload in " + history() + ", none passed (latest " + slow
        + ": slo breach); `casinoperf history mark RUN_ID --verdict pass` makes one the baseline;"
        + " judged on its SLOs only");
  }

  @Test
  void requireBaselineFailsWithoutOneUntilARunIsMarkedAsTheBaseline() throws Exception {
    Result first = gate(log("v1.log", 0, 20), "--require-baseline", "--label", "v1");

    assertThat(first.exitCode()).isEqualTo(1);
    // The run failed: its cause first, then what the history held.
    assertThat(first.out().lines().toList().get(0)).startsWith("NO BASELINE: no comparable"
        + " baseline in the history, and this gate requires one");
    assertThat(first.out().lines().toList().get(1)).startsWith("WARNING no baseline: the history"
        + " folder ").endsWith("; --require-baseline: the run fails");
    JsonNode verdict = verdictJson();
    assertThat(verdict.get("verdict").asText()).isEqualTo("no baseline");
    assertThat(verdict.get("exitCode").asInt()).isEqualTo(1);
    assertThat(verdict.get("noBaseline").get("required").asBoolean()).isTrue();
    assertThat(dir.resolve("report/junit.xml")).content()
        .contains("<testcase classname=\"run\" name=\"compared with a baseline\"><failure"
            + " type=\"NO_BASELINE\"");
    assertThat(dir.resolve("report/summary.md")).content().contains("### Release gate: **no baseline**");
    assertThat(dir.resolve("report/gate.html")).content().contains("<b>NO BASELINE</b>");
    String v1 = first.storedId();
    assertThat(JSON.readTree(history().resolve(v1 + ".json").toFile()).get("verdict").asText())
        .isEqualTo("no baseline");

    // A run that failed for want of a baseline is no baseline itself: the next fails too.
    assertThat(gate(log("v2.log", 1, 20), "--require-baseline").exitCode()).isEqualTo(1);
    // Until someone says which run is the baseline.
    assertThat(run("history", "mark", v1, "--verdict", "pass", "--history", history().toString())
        .exitCode()).isZero();
    Result third = gate(log("v3.log", 2, 20), "--require-baseline");
    assertThat(third.exitCode()).as(third.out()).isZero();
    assertThat(baselineIds()).containsExactly(v1);

    // As the release-gate profile passes it: an explicit value.
    Path fresh = dir.resolve("fresh-history");
    assertThat(run("gate", log("v5.log", 4, 20).toString(), "--history", fresh.toString(), "--out",
        dir.resolve("report").toString(), "--require-baseline=false", "--no-save").exitCode()).isZero();
    assertThat(run("gate", log("v5.log", 4, 20).toString(), "--history", fresh.toString(), "--out",
        dir.resolve("report").toString(), "--require-baseline=true", "--no-save").exitCode()).isEqualTo(1);

    // An SLO breach is still named as such, not hidden behind the missing baseline.
    Path otherHistory = dir.resolve("other-history");
    Result breach = run("gate", log("v4.log", 3, 300).toString(), "--history",
        otherHistory.toString(), "--out", dir.resolve("report").toString(), "--require-baseline");
    assertThat(breach.exitCode()).isEqualTo(1);
    assertThat(verdictJson().get("verdict").asText()).isEqualTo("slo breach");
  }
}
