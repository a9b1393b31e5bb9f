package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Merging injector logs into one log, read back with the project's reader. */
class SimulationLogMergeTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  private Path merged() {
    return dir.resolve("merged/simulation.log");
  }

  private static List<String> events(Path log) {
    SimulationLogReaderTest.Recorder recorder = new SimulationLogReaderTest.Recorder();
    SimulationLogReader.read(log, recorder);
    return recorder.events;
  }

  /** Shard 1: starts at START, users of "Regulars" and "Drop", a group, a KO and an error. */
  private Path firstShard() {
    return new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", START, List.of("Regulars", "Drop"))
        .user(1, true, 5)
        .request(List.of(), "Login", 6, 20, true, "")
        .request(List.of("Spin to push"), "Spin", 21, 35, false, "status.find.is(200), but actually found 503")
        .group(List.of("Spin to push"), 21, 40, 14, false)
        .error("No attribute named 'token' is defined", 41)
        .user(1, false, 42)
        .writeTo(dir.resolve("shard-1.log"));
  }

  /** Shard 2: starts 1,500 ms later, its own scenario order and one scenario shard 1 never had. */
  private Path secondShard() {
    return new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", START + 1_500, List.of("Whales", "Drop"))
        .user(1, true, 0)
        .request(List.of(), "Login", 1, 9, true, "")
        .user(0, true, 10)
        .request(List.of("Spin to push"), "Spin", 10, 30, true, "")
        .group(List.of("Spin to push"), 10, 31, 20, true)
        .user(1, false, 32)
        .user(0, false, 33)
        .writeTo(dir.resolve("shard-2.log"));
  }

  @Test
  void twoShardsMergeIntoOneLogOnTheEarlierClockWithEveryRecord() throws Exception {
    SimulationLogMerge.MergedLog result =
        SimulationLogMerge.merge(List.of(secondShard(), firstShard()), merged());

    assertThat(result.records()).isEqualTo(6 + 7);
    // These two shards do not overlap (shard 1 ends at 42 ms, shard 2 starts at 1,500 ms).
    assertThat(result.warnings()).containsExactly(dir.resolve("shard-2.log") + " started 1.5 s after "
        + dir.resolve("shard-1.log") + " had ended, and no log overlaps both: injectors of one run"
        + " load at the same time; were these two runs?");
    assertThat(events(merged())).containsExactly(
        "run 3.15.1 casino.FlashSpinPeakSimulation 2026-11-27T10:00:00Z [Regulars, Drop, Whales] assertions=1",
        "user Drop start 5",
        "request [] Login 6..20 OK",
        "request [Spin to push] Spin 21..35 KO status.find.is(200), but actually found 503",
        "group [Spin to push] 21..40 cumulated=14 KO",
        "error No attribute named 'token' is defined 41",
        "user Drop end 42",
        "user Drop start 1500",
        "request [] Login 1501..1509 OK",
        "user Whales start 1510",
        "request [Spin to push] Spin 1510..1530 OK",
        "group [Spin to push] 1510..1531 cumulated=20 OK",
        "user Drop end 1532",
        "user Whales end 1533");
  }

  @Test
  void recordsOfOverlappingShardsInterleaveByTheTimeTheyCompleted() throws Exception {
    Path early = new LogFileWriter().run("3.15.1", "casino.Sim", START, List.of("p"))
        .user(0, true, 0)
        .request(List.of(), "A", 0, 100, true, "")
        .request(List.of(), "A", 50, 300, true, "")
        .user(0, false, 301)
        .writeTo(dir.resolve("early.log"));
    Path late = new LogFileWriter().run("3.15.1", "casino.Sim", START + 40, List.of("p"))
        .user(0, true, 0)
        .request(List.of(), "B", 10, 60, true, "")
        .request(List.of(), "B", 100, 200, true, "")
        .user(0, false, 261)
        .writeTo(dir.resolve("late.log"));

    SimulationLogMerge.merge(List.of(early, late), merged());

    assertThat(events(merged())).containsExactly(
        "run 3.15.1 casino.Sim 2026-11-27T10:00:00Z [p] assertions=1",
        "user p start 0",
        "user p start 40",
        "request [] A 0..100 OK",
        "request [] B 50..100 OK",
        "request [] B 140..240 OK",
        "request [] A 50..300 OK",
        "user p end 301",
        "user p end 301");
  }

  @Test
  void namesBeyondLatin1SurviveTheMerge() throws Exception {
    Path a = new LogFileWriter().run("3.15.1", "casino.Sim", START, List.of("Spieler ⚡"))
        .user(0, true, 0)
        .request(List.of("Einzahlung €"), "Dépôt €", 1, 2, false, "Kontostand zu niedrig ⚠")
        .writeTo(dir.resolve("a.log"));
    Path b = new LogFileWriter().run("3.15.1", "casino.Sim", START, List.of("Spieler ⚡"))
        .user(0, true, 0)
        .request(List.of("Einzahlung €"), "Dépôt €", 3, 5, false, "Kontostand zu niedrig ⚠")
        .writeTo(dir.resolve("b.log"));

    SimulationLogMerge.merge(List.of(a, b), merged());

    assertThat(events(merged())).containsExactly(
        "run 3.15.1 casino.Sim 2026-11-27T10:00:00Z [Spieler ⚡] assertions=1",
        "user Spieler ⚡ start 0",
        "user Spieler ⚡ start 0",
        "request [Einzahlung €] Dépôt € 1..2 KO Kontostand zu niedrig ⚠",
        "request [Einzahlung €] Dépôt € 3..5 KO Kontostand zu niedrig ⚠");
  }

  @Test
  void logsOfDifferentSimulationsAreRefusedAndNothingIsWritten() throws Exception {
    Path other = new LogFileWriter().run("3.15.1", "casino.WalletTrafficSimulation", START, List.of("p"))
        .writeTo(dir.resolve("other.log"));
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, other), merged()))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessage(other + ": a log of casino.WalletTrafficSimulation, while " + shard
            + " is of casino.FlashSpinPeakSimulation; merge only the injectors of one run");
    assertThat(merged()).doesNotExist();
  }

  @Test
  void logsOfDifferentGatlingVersionsAreRefused() {
    Path newer = new LogFileWriter().run("3.15.2", "casino.FlashSpinPeakSimulation", START, List.of("p"))
        .writeTo(dir.resolve("newer.log"));
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, newer), merged()))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessageContaining(newer + ": written by Gatling 3.15.2, while " + shard
            + " was written by Gatling 3.15.1");
  }

  @Test
  void aFailedMergeLeavesAnExistingTargetAsItWas() throws Exception {
    Files.createDirectories(merged().getParent());
    Files.writeString(merged(), "earlier merge");
    Path other = new LogFileWriter().run("3.15.1", "casino.OtherSimulation", START, List.of("p"))
        .writeTo(dir.resolve("other.log"));
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, other), merged()))
        .isInstanceOf(UnmergeableLogsException.class);

    assertThat(merged()).hasContent("earlier merge");
    assertThat(Files.list(merged().getParent())).containsExactly(merged());
  }

  @Test
  void aFileGivenTwiceOrAsTheTargetIsRefused() {
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, dir.resolve("./shard-1.log")), merged()))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard), shard))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessageContaining("would replace its input");
  }

  @Test
  void logsStartedFurtherApartThanTheFormatsMillisecondsCanHoldAreRefused() {
    long days25 = 25L * 24 * 3_600_000;
    Path later = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation", START + days25, List.of("p"))
        .writeTo(dir.resolve("later.log"));
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, later), merged()))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessageContaining(later + ": started 25.0 days after " + shard);
  }

  @Test
  void aTimestampThatWouldOverflowOnTheMergedClockIsRefusedNotWrapped() throws Exception {
    long days20 = 20L * 24 * 3_600_000;
    Path later = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation", START + days20, List.of("p"))
        .request(List.of(), "Login", 0, 6 * 24 * 3_600_000, true, "")
        .writeTo(dir.resolve("later.log"));
    Path shard = firstShard();

    assertThatThrownBy(() -> SimulationLogMerge.merge(List.of(shard, later), merged()))
        .isInstanceOf(UnmergeableLogsException.class)
        .hasMessageContaining("beyond the 32-bit milliseconds");
    assertThat(merged().getParent()).as("no temporary file, nor the folder the merge made").doesNotExist();
  }

  @Test
  void aCutLogGivesItsWholeRecordsAndAWarning() throws Exception {
    byte[] whole = Files.readAllBytes(firstShard());
    Path cut = Files.write(dir.resolve("cut.log"), Arrays.copyOf(whole, whole.length - 3));

    SimulationLogMerge.MergedLog result = SimulationLogMerge.merge(List.of(cut, secondShard()), merged());

    assertThat(result.partial()).isTrue();
    assertThat(result.records()).isEqualTo(5 + 7);
    assertThat(result.warnings()).filteredOn(w -> w.startsWith(cut + ": cut off")).singleElement()
        .asString().startsWith(cut + ": cut off inside a record after 5 whole records")
        .endsWith("its whole records are merged");
    assertThat(events(merged())).doesNotContain("user Drop end 42").contains("user Whales end 1533");
  }

  @Test
  void theMergedHeaderKeepsTheFirstLogsAssertionsAndWarnsWhenAnotherDiffers() throws Exception {
    List<RunHeader.SerializedAssertion> p99 = List.of(new RunHeader.SerializedAssertion(new byte[] {1, 2}));
    List<RunHeader.SerializedAssertion> p95 = List.of(new RunHeader.SerializedAssertion(new byte[] {1, 3}));
    Path a = new LogFileWriter().run(new RunHeader("3.15.1", "casino.Sim", Instant.ofEpochMilli(START + 10),
        "", List.of("p"), p95)).writeTo(dir.resolve("a.log"));
    Path b = new LogFileWriter().run(new RunHeader("3.15.1", "casino.Sim", Instant.ofEpochMilli(START),
        "nightly", List.of("p"), p99)).writeTo(dir.resolve("b.log"));

    SimulationLogMerge.MergedLog result = SimulationLogMerge.merge(List.of(a, b), merged());

    RunHeader header = SimulationLogReader.read(merged(), new SimulationLogListener() {}).header();
    assertThat(header.assertions()).isEqualTo(p99);
    assertThat(header.description()).isEqualTo("nightly");
    assertThat(header.start()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(result.warnings()).containsExactly(
        a + ": its assertions differ from those of " + b + "; the merged log keeps the latter's");
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket-sessions", "wallet-traffic-faulty"})
  void theGateReadsAMergedRealLogAsItReadsTheLogsItCameFrom(String golden) throws Exception {
    Path log = Path.of("src/test/resources/golden", golden, "simulation.log");
    Path again = Files.copy(log, dir.resolve("second-injector.log"));

    SimulationLogMerge.MergedLog result = SimulationLogMerge.merge(List.of(log, again), merged());

    // The gate refuses a log beside its own copy (its responses would count twice), so what the
    // two injectors' logs hold is the log read once, twice over.
    RunSummary shard = RunSummaries.read(List.of(log));
    RunSummary one = RunSummaries.read(List.of(merged()));
    assertThat(result.records()).isEqualTo(2 * SimulationLogReader.read(log, new SimulationLogListener() {}).records());
    assertThat(one.all().count()).isEqualTo(2 * shard.all().count());
    assertThat(one.all().all()).isEqualTo(twice(shard.all().all()));
    assertThat(one.requests().keySet()).isEqualTo(shard.requests().keySet());
    shard.requests().forEach((key, stats) -> {
      assertThat(one.requests().get(key).all()).as(key.toString()).isEqualTo(twice(stats.all()));
      stats.koMessages().forEach((message, count) ->
          assertThat(one.requests().get(key).koMessages()).containsEntry(message, 2 * count));
    });
    assertThat(one.groups().keySet()).isEqualTo(shard.groups().keySet());
    shard.errors().forEach((message, count) -> assertThat(one.errors()).containsEntry(message, 2 * count));
    assertThat(one.usersStarted()).isEqualTo(2 * shard.usersStarted());
    assertThat(one.injectors().get(0).assertions()).isEqualTo(shard.injectors().get(0).assertions());
  }

  private static org.HdrHistogram.Histogram twice(org.HdrHistogram.Histogram histogram) {
    org.HdrHistogram.Histogram doubled = histogram.copy();
    doubled.add(histogram);
    return doubled;
  }
}
