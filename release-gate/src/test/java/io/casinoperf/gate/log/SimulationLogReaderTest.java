package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationLogReaderTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  /** Every record, as text, in the order received. */
  static final class Recorder implements SimulationLogListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onRun(RunHeader run) {
      events.add("run " + run.gatlingVersion() + " " + run.simulationClass() + " " + run.start()
          + " " + run.scenarios() + " assertions=" + run.assertionCount());
    }

    @Override
    public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
      events.add("request " + groups + " " + name + " " + start + ".." + end + " " + (ok ? "OK" : "KO " + message));
    }

    @Override
    public void onUser(String scenario, boolean start, int timestamp) {
      events.add("user " + scenario + " " + (start ? "start" : "end") + " " + timestamp);
    }

    @Override
    public void onGroup(List<String> groups, int start, int end, int cumulated, boolean ok) {
      events.add("group " + groups + " " + start + ".." + end + " cumulated=" + cumulated + " " + (ok ? "OK" : "KO"));
    }

    @Override
    public void onError(String message, int timestamp) {
      events.add("error " + message + " " + timestamp);
    }
  }

  private static LogFileWriter aRun() {
    return new LogFileWriter()
        .run("3.15.1", "casino.FlashSimulation", START, List.of("Regulars", "Drop"))
        .user(1, true, 5)
        .request(List.of(), "Login", 6, 20, true, "")
        .request(List.of("Spin to push"), "Spin", 21, 35, false, "status.find.is(200), but actually found 503")
        .request(List.of("Spin to push"), "Spin", 40, 52, true, "")
        .group(List.of("Spin to push"), 21, 60, 26, false)
        .error("No attribute named 'token' is defined", 61)
        .user(1, false, 62);
  }

  @Test
  void readsEveryKindOfRecordInOrder() {
    Recorder recorder = new Recorder();
    ReadOutcome outcome = SimulationLogReader.read(aRun().writeTo(dir.resolve("simulation.log")), recorder);

    assertThat(recorder.events).containsExactly(
        "run 3.15.1 casino.FlashSimulation 2026-11-27T10:00:00Z [Regulars, Drop] assertions=1",
        "user Drop start 5",
        "request [] Login 6..20 OK",
        "request [Spin to push] Spin 21..35 KO status.find.is(200), but actually found 503",
        "request [Spin to push] Spin 40..52 OK",
        "group [Spin to push] 21..60 cumulated=26 KO",
        "error No attribute named 'token' is defined 61",
        "user Drop end 62");
    assertThat(outcome.records()).isEqualTo(7);
    assertThat(outcome.partial()).isFalse();
    assertThat(outcome.validBytes()).isEqualTo(outcome.fileBytes());
  }

  @Test
  void readsUtf16StringsAndCacheReferences() {
    // "€" and "⚡" are beyond Latin-1: these strings are written as UTF-16.
    Path log = new LogFileWriter()
        .run("3.15.1", "Sim", START, List.of("Spieler ⚡"))
        .user(0, true, 0)
        .request(List.of("Ärger ⚡"), "Dépôt €", 1, 2, true, "")
        .request(List.of("Ärger ⚡"), "Dépôt €", 3, 5, true, "")
        .writeTo(dir.resolve("utf16.log"));
    Recorder recorder = new Recorder();

    SimulationLogReader.read(log, recorder);

    assertThat(recorder.events).contains("user Spieler ⚡ start 0",
        "request [Ärger ⚡] Dépôt € 1..2 OK", "request [Ärger ⚡] Dépôt € 3..5 OK");
  }

  @Test
  void logCutInsideARecordGivesTheWholeRecordsAndIsPartial() throws Exception {
    byte[] whole = aRun().bytes();
    Path cut = Files.write(dir.resolve("cut.log"), Arrays.copyOf(whole, whole.length - 3));
    Recorder recorder = new Recorder();

    ReadOutcome outcome = SimulationLogReader.read(cut, recorder);

    assertThat(outcome.partial()).isTrue();
    assertThat(outcome.records()).isEqualTo(6);
    assertThat(recorder.events).hasSize(7).last().asString().startsWith("error ");
    assertThat(outcome.fileBytes()).isEqualTo(whole.length - 3);
    assertThat(outcome.validBytes()).isEqualTo(whole.length - 10);
  }

  @Test
  void everyCutPointReadsWithoutErrorAndNeverInventsRecords() throws Exception {
    byte[] whole = aRun().bytes();
    int headerEnd = new LogFileWriter()
        .run("3.15.1", "casino.FlashSimulation", START, List.of("Regulars", "Drop")).bytes().length;
    long previous = 0;
    for (int length = headerEnd; length <= whole.length; length++) {
      Path cut = Files.write(dir.resolve("cut-" + length + ".log"), Arrays.copyOf(whole, length));
      ReadOutcome outcome = SimulationLogReader.read(cut, new Recorder());
      assertThat(outcome.records()).isBetween(previous, 7L);
      assertThat(outcome.validBytes()).isLessThanOrEqualTo(length);
      assertThat(outcome.partial()).isEqualTo(outcome.validBytes() < length);
      previous = outcome.records();
    }
    assertThat(previous).isEqualTo(7);
  }

  @Test
  void fileEndingInsideTheHeaderIsAnError() throws Exception {
    byte[] whole = aRun().bytes();
    Path cut = Files.write(dir.resolve("header-cut.log"), Arrays.copyOf(whole, 12));

    assertThatThrownBy(() -> SimulationLogReader.read(cut, new Recorder()))
        .isInstanceOf(InvalidSimulationLogException.class)
        .hasMessageEndingWith("the file ends inside the run header");
  }

  @Test
  void textFileIsNotAGatlingLog() throws Exception {
    Path text = Files.writeString(dir.resolve("simulation.log"), "RUN\tcasino.Sim\tsim\t1700000000000\t \t3.9.5\n");

    assertThatThrownBy(() -> SimulationLogReader.read(text, new Recorder()))
        .isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(text + " (byte 0): not a Gatling simulation.log: expected a run record (type 0)"
            + " first, found byte 0x52");
  }

  @Test
  void otherGatlingVersionsAreNamedAndRefused() {
    Path old = new LogFileWriter().run("3.9.5", "Sim", START, List.of("s")).writeTo(dir.resolve("old.log"));

    assertThatThrownBy(() -> SimulationLogReader.read(old, new Recorder()))
        .hasMessage(old + " (byte 1): written by Gatling 3.9.5; this reader supports logs of Gatling 3.15.x");
  }

  @Test
  void emptyMissingAndDirectoryPathsAreErrors() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.log"));

    assertThatThrownBy(() -> SimulationLogReader.read(empty, new Recorder()))
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> SimulationLogReader.read(dir.resolve("absent.log"), new Recorder()))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> SimulationLogReader.read(dir, new Recorder()))
        .isInstanceOf(InvalidSimulationLogException.class);
  }

  @Test
  void corruptRecordsNameTheirOffset() {
    int headerEnd = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s")).bytes().length;
    Path unknownType = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s"))
        .raw(9, 0, 0, 0, 0).writeTo(dir.resolve("type.log"));
    Path danglingReference = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s"))
        .raw(4, 0xff, 0xff, 0xff, 0xf6, 0, 0, 0, 1)
        .writeTo(dir.resolve("ref.log"));
    Path badScenario = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s"))
        .user(3, true, 1).writeTo(dir.resolve("scenario.log"));
    // An error record whose message claims cache slot 2,000,000,000 (0x77359400) of a fresh cache.
    Path farIndex = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s"))
        .raw(4, 0x77, 0x35, 0x94, 0x00, 0, 0, 0, 1, 'x', 0, 0, 0, 0, 1)
        .writeTo(dir.resolve("index.log"));

    assertThatThrownBy(() -> SimulationLogReader.read(unknownType, new Recorder()))
        .hasMessage(unknownType + " (byte " + headerEnd + "): unknown record type 0x09"
            + " (expected 1 request, 2 user, 3 group or 4 error)");
    assertThatThrownBy(() -> SimulationLogReader.read(danglingReference, new Recorder()))
        .hasMessageContaining("reference to cached string 10, which was never stored");
    assertThatThrownBy(() -> SimulationLogReader.read(badScenario, new Recorder()))
        .hasMessageContaining("user record names scenario 3 of 1");
    assertThatThrownBy(() -> SimulationLogReader.read(farIndex, new Recorder()))
        .hasMessage(farIndex + " (byte " + (headerEnd + 1) + "): cached string 2000000000 out of"
            + " sequence (the next is 1)");
  }

  @Test
  void headerOnlyLogHasNoRecords() {
    // Gatling refuses a simulation without a scenario: a header names at least one.
    Path log = new LogFileWriter().run("3.15.1", "Sim", START, List.of("s")).writeTo(dir.resolve("h.log"));

    ReadOutcome outcome = SimulationLogReader.read(log, new Recorder());

    assertThat(outcome.records()).isZero();
    assertThat(outcome.partial()).isFalse();
    assertThat(outcome.header().scenarios()).containsExactly("s");
  }
}
