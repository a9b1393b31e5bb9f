package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.log.ReadOutcome;
import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.gate.testing.LogDamage;
import io.casinoperf.gate.testing.LogFileWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge-logs command end to end: injector logs in, one log and the next command out. */
class MergeLogsCommandTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private static Result mergeLogs(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("merge-logs"));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A shard's log with {@code spins} spins, one a second, in a Gatling run folder. */
  private Path shardRun(String folder, String simulation, long start, int spins) throws Exception {
    LogFileWriter log = new LogFileWriter().run("3.15.1", simulation, start, List.of("Players"));
    log.user(0, true, 0);
    for (int i = 0; i < spins; i++) {
      log.request(List.of(), "Spin", i * 1_000, i * 1_000 + 25, true, "");
    }
    log.user(0, false, spins * 1_000);
    Path run = Files.createDirectories(dir.resolve(folder));
    log.writeTo(run.resolve("simulation.log"));
    return run;
  }

  private static ReadOutcome read(Path log) {
    return SimulationLogReader.read(log, new SimulationLogListener() {});
  }

  @Test
  void mergesRunFoldersAndPrintsGatlingsReportsOnlyCommand() throws Exception {
    Path first = shardRun("shard-1/flashspinpeaksimulation-20261127100000000", "casino.FlashSpinPeakSimulation", START, 30);
    Path second = shardRun("shard-2/flashspinpeaksimulation-20261127100000450", "casino.FlashSpinPeakSimulation", START + 450, 20);
    Path out = dir.resolve("merged run");

    Result result = mergeLogs(first.toString(), dir.resolve("shard-2").toString(), "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("read " + first.resolve("simulation.log"),
        "read " + second.resolve("simulation.log"));
    ReadOutcome merged = read(out.resolve("simulation.log"));
    assertThat(merged.records()).isEqualTo(32 + 22);
    assertThat(merged.header().start()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(result.out()).isEqualTo(String.join(System.lineSeparator(),
        "merged 2 logs of casino.FlashSpinPeakSimulation (54 records) into " + out.resolve("simulation.log"),
        "Gatling's report of the merged run, from the repository root:",
        "  ./mvnw gatling:test -Dgatling.reportsOnly='" + out.toAbsolutePath() + "'",
        ""));
  }

  @Test
  void anExistingMergedLogIsReplacedOnlyWithForce() throws Exception {
    Path first = shardRun("a", "casino.FlashSpinPeakSimulation", START, 3);
    Path second = shardRun("b", "casino.FlashSpinPeakSimulation", START, 4);
    Path out = dir.resolve("merged");
    assertThat(mergeLogs(first.toString(), "--out", out.toString()).exitCode()).isZero();

    Result refused = mergeLogs(first.toString(), second.toString(), "--out", out.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip()).isEqualTo("casinoperf: " + out.resolve("simulation.log")
        + " exists; give --force to replace it");
    assertThat(read(out.resolve("simulation.log")).records()).isEqualTo(5);

    Result forced = mergeLogs(first.toString(), second.toString(), "--out", out.toString(), "--force");

    assertThat(forced.exitCode()).isZero();
    assertThat(read(out.resolve("simulation.log")).records()).isEqualTo(5 + 6);
  }

  @Test
  void aCutLogIsMergedUpToItsLastWholeRecordWithAWarning() throws Exception {
    Path first = shardRun("a", "casino.FlashSpinPeakSimulation", START, 3);
    Path log = first.resolve("simulation.log");
    byte[] whole = Files.readAllBytes(log);
    Files.write(log, Arrays.copyOf(whole, whole.length - 4));
    Path second = shardRun("b", "casino.FlashSpinPeakSimulation", START, 4);

    Result result = mergeLogs(first.toString(), second.toString(), "--out", dir.resolve("merged").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("warning: " + log + ": cut off inside a record after 4 whole records");
    assertThat(read(dir.resolve("merged/simulation.log")).records()).isEqualTo(4 + 6);
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws Exception {
    Path flash = shardRun("a", "casino.FlashSpinPeakSimulation", START, 3);
    Path wallet = shardRun("b", "casino.WalletTrafficSimulation", START, 3);
    Path text = Files.writeString(dir.resolve("text.log"), "not a log\n");
    Path notAFolder = Files.writeString(dir.resolve("file"), "");

    Result mixed = mergeLogs(flash.toString(), wallet.toString(), "--out", dir.resolve("m1").toString());
    Result notALog = mergeLogs(flash.toString(), text.toString(), "--out", dir.resolve("m2").toString());
    Result missing = mergeLogs(dir.resolve("absent").toString(), "--out", dir.resolve("m3").toString());
    Result twice = mergeLogs(flash.toString(), flash.resolve("simulation.log").toString(), "--out", dir.resolve("m4").toString());
    Result outIsAFile = mergeLogs(flash.toString(), "--out", notAFolder.toString());
    Result noOut = mergeLogs(flash.toString());
    Result outUnderAFile = mergeLogs(flash.toString(), "--out", notAFolder.resolve("x").toString());

    for (Result result : List.of(mixed, notALog, missing, twice, outIsAFile, noOut, outUnderAFile)) {
      assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
      assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(lastLine(mixed.err())).isEqualTo("casinoperf: " + wallet.resolve("simulation.log")
        + ": a log of casino.WalletTrafficSimulation, while " + flash.resolve("simulation.log")
        + " is of casino.FlashSpinPeakSimulation; merge only the injectors of one run");
    assertThat(lastLine(notALog.err())).startsWith("casinoperf: " + text + " (byte 0): not a Gatling simulation.log");
    assertThat(missing.err().strip()).isEqualTo("casinoperf: " + dir.resolve("absent") + ": no such file or folder");
    assertThat(twice.err()).contains("given twice");
    assertThat(outIsAFile.err().strip()).isEqualTo("casinoperf: " + notAFolder + ": not a folder");
    assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    assertThat(lastLine(outUnderAFile.err())).isEqualTo("casinoperf: " + notAFolder.resolve("x") + ": Not a directory");
    assertThat(dir.resolve("m1")).doesNotExist();
  }

  @Test
  void aDamagedLogIsOneLineAndExitCodeTwoWithNothingWrittenIntoOut() throws Exception {
    Path first = shardRun("a", "casino.FlashSpinPeakSimulation", START, 3);
    Path second = shardRun("b", "casino.FlashSpinPeakSimulation", START + 450, 4);
    Path log = second.resolve("simulation.log");
    // After the header and the user's 10-byte start record, the first spin: type, group depth,
    // then its name as a new cache entry (index, length, "Spin", coder), then its start (0 ms).
    int headerBytes = new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", START + 450, List.of("Players")).bytes().length;
    int spinAt = headerBytes + 10;
    LogDamage.setByte(log, spinAt + 1 + 4 + 4 + 4 + "Spin".length() + 1, 0x01);
    Path out = dir.resolve("merged");

    Result result = mergeLogs(first.toString(), second.toString(), "--out", out.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).containsExactly("casinoperf: " + log + " (byte " + spinAt
        + "): request \"Spin\": start 16777216 ms, end 25 ms after the run start; expected an end"
        + " at or after the start");
    assertThat(out).as("the folder merge-logs made for the refused merge").doesNotExist();
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }
}
