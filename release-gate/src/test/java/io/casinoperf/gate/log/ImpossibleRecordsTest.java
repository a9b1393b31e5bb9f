package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.testing.LogDamage;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records whose values Gatling 3.15 cannot write (its clock is monotonic and starts before the
 * run's first event; it writes records as they complete): each is refused with the file, the
 * record's byte offset and what was expected, never read into a summary or a merged log.
 */
class ImpossibleRecordsTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  private static final String KO_MESSAGE = "status.find.is(200), but actually found 503";

  @TempDir Path dir;

  private static LogFileWriter aHeader() {
    return new LogFileWriter().run("3.15.1", "casino.FlashSimulation", START, List.of("Regulars", "Drop"));
  }

  private static ReadOutcome read(Path log) {
    return SimulationLogReader.read(log, new SimulationLogListener() {});
  }

  /** Offset of the next record {@code log} will write. */
  private static int next(LogFileWriter log) {
    return log.bytes().length;
  }

  @Test
  void refusesARequestThatEndsBeforeItStarts() {
    LogFileWriter written = aHeader().user(1, true, 5);
    int request = next(written);
    Path log = written.request(List.of(), "Spin", 21, 16, true, "").writeTo(dir.resolve("negative.log"));

    assertThatThrownBy(() -> read(log)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(log + " (byte " + request + "): request \"Spin\": start 21 ms, end 16 ms after"
            + " the run start; expected an end at or after the start");
  }

  @Test
  void refusesARequestWhoseStartAFlippedHighByteMovedPastItsEnd() {
    LogFileWriter written = aHeader().user(1, true, 5);
    int request = next(written);
    written.request(List.of(), "Spin", 21, 35, true, "");
    // type, group depth, cached name (index, length, "Spin", coder), then the start.
    int startAt = request + 1 + 4 + 4 + 4 + "Spin".length() + 1;
    Path log = LogDamage.setByte(written.writeTo(dir.resolve("flipped.log")), startAt, 0x01);

    assertThatThrownBy(() -> read(log))
        .hasMessage(log + " (byte " + request + "): request \"Spin\": start 16777237 ms, end 35 ms"
            + " after the run start; expected an end at or after the start");
  }

  @Test
  void refusesTimestampsBeforeTheRunStart() {
    Path request = aHeader().request(List.of(), "Spin", -2, 16, true, "").writeTo(dir.resolve("request.log"));
    Path user = aHeader().user(0, true, -1).writeTo(dir.resolve("user.log"));
    Path group = aHeader().group(List.of("Spin to push"), Integer.MIN_VALUE + 21, 60, 26, true)
        .writeTo(dir.resolve("group.log"));
    Path error = aHeader().error("No attribute named 'token' is defined", -61).writeTo(dir.resolve("error.log"));
    int first = next(aHeader());

    assertThatThrownBy(() -> read(request)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(request + " (byte " + first + "): request \"Spin\": start -2 ms after the run"
            + " start; expected 0 or later");
    assertThatThrownBy(() -> read(user))
        .hasMessage(user + " (byte " + first + "): user record of scenario \"Regulars\": timestamp"
            + " -1 ms after the run start; expected 0 or later");
    assertThatThrownBy(() -> read(group))
        .hasMessage(group + " (byte " + first + "): group \"Spin to push\": start -2147483627 ms"
            + " after the run start; expected 0 or later");
    assertThatThrownBy(() -> read(error))
        .hasMessage(error + " (byte " + first + "): error record: timestamp -61 ms after the run"
            + " start; expected 0 or later");
  }

  @Test
  void refusesARecordCompletingMoreThanAnHourBeforeOneReadEarlier() {
    LogFileWriter written = aHeader().user(1, true, 5);
    int late = next(written);
    written.request(List.of(), "Login", 6, 3_600_099, true, "");
    written.request(List.of(), "Spin", 40, 99, true, "");
    Path accepted = written.writeTo(dir.resolve("an-hour-back.log"));
    int beyond = next(written);
    Path refused = written.request(List.of(), "Spin", 40, 98, true, "").writeTo(dir.resolve("beyond.log"));

    assertThat(read(accepted).records()).isEqualTo(3);
    assertThatThrownBy(() -> read(refused)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(refused + " (byte " + beyond + "): request \"Spin\" completes at 98 ms after"
            + " the run start, 3600001 ms before the record at byte " + late + " (3600099 ms);"
            + " expected at most 3600000 ms (1 h) before it: Gatling writes each record as it"
            + " completes");
  }

  @Test
  void aFlippedHighByteInAnEndIsRefusedAtTheNextRecordNamingBoth() {
    LogFileWriter written = aHeader().user(1, true, 5);
    int request = next(written);
    written.request(List.of("Spin to push"), "Spin", 21, 35, true, "");
    int group = next(written);
    written.group(List.of("Spin to push"), 21, 60, 14, true);
    // type, group depth, cached group (index, length, name, coder), cached name, start, then the end.
    int endAt = request + 1 + 4 + (4 + 4 + "Spin to push".length() + 1) + (4 + 4 + "Spin".length() + 1) + 4;
    Path log = LogDamage.setByte(written.writeTo(dir.resolve("end.log")), endAt, 0x01);

    assertThatThrownBy(() -> read(log))
        .hasMessage(log + " (byte " + group + "): group \"Spin to push\" completes at 60 ms after the"
            + " run start, 16777191 ms before the record at byte " + request + " (16777251 ms);"
            + " expected at most 3600000 ms (1 h) before it: Gatling writes each record as it"
            + " completes");
  }

  @Test
  void refusesAGroupThatEndsBeforeItStartsOrNamesNoGroup() {
    LogFileWriter backwards = aHeader();
    int first = next(backwards);
    Path ended = backwards.group(List.of("Spin to push"), 60, 21, 14, true).writeTo(dir.resolve("ended.log"));
    Path nameless = aHeader().group(List.of(), 21, 60, 14, true).writeTo(dir.resolve("nameless.log"));

    assertThatThrownBy(() -> read(ended)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(ended + " (byte " + first + "): group \"Spin to push\": start 60 ms, end 21 ms"
            + " after the run start; expected an end at or after the start");
    assertThatThrownBy(() -> read(nameless))
        .hasMessage(nameless + " (byte " + first + "): group record without a group; expected the"
            + " group's path, at least its name");
  }

  @Test
  void refusesAnOkRequestCarryingAKoMessage() {
    LogFileWriter written = aHeader().user(1, true, 5);
    int request = next(written);
    written.request(List.of(), "Spin", 21, 35, false, KO_MESSAGE);
    // The status byte comes just before the message: a new cache entry (index, length, text, coder).
    int statusAt = next(written) - (4 + 4 + KO_MESSAGE.length() + 1) - 1;
    Path log = LogDamage.setByte(written.writeTo(dir.resolve("ko-to-ok.log")), statusAt, 1);

    assertThatThrownBy(() -> read(log)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(log + " (byte " + request + "): request \"Spin\": status OK with the message \""
            + KO_MESSAGE + "\"; expected KO (status byte 0): Gatling writes a message only for a KO");
  }

  @Test
  void refusesACachedStringStoredOutOfSequence() {
    LogFileWriter twoStored = aHeader().request(List.of(), "Login", 6, 20, true, "");
    int again = next(twoStored);
    // An error record whose message is stored again under index 1 ("Login"), then one under 0.
    Path storedAgain = twoStored.raw(4, 0, 0, 0, 1, 0, 0, 0, 1, 'x', 0, 0, 0, 0, 61).writeTo(dir.resolve("again.log"));
    LogFileWriter fresh = aHeader();
    int zero = next(fresh);
    Path indexZero = fresh.raw(4, 0, 0, 0, 0, 0, 0, 0, 1, 'x', 0, 0, 0, 0, 61).writeTo(dir.resolve("zero.log"));

    assertThatThrownBy(() -> read(storedAgain)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(storedAgain + " (byte " + (again + 1) + "): cached string 1 out of sequence"
            + " (the next is 3)");
    assertThatThrownBy(() -> read(indexZero))
        .hasMessage(indexZero + " (byte " + (zero + 1) + "): cached string 0 out of sequence"
            + " (the next is 1)");
  }

  @Test
  void refusesAReferenceToTheMostNegativeIndex() {
    LogFileWriter fresh = aHeader();
    int error = next(fresh);
    Path log = fresh.raw(4, 0x80, 0, 0, 0, 0, 0, 0, 61).writeTo(dir.resolve("min.log"));

    assertThatThrownBy(() -> read(log)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(log + " (byte " + (error + 1) + "): reference to cached string 2147483648,"
            + " which was never stored");
  }

  @Test
  void refusesAUtf16StringOfOddLength() {
    LogFileWriter fresh = aHeader();
    int error = next(fresh);
    Path log = fresh.raw(4, 0, 0, 0, 1, 0, 0, 0, 3, 'a', 0, 'b', 1, 0, 0, 0, 61).writeTo(dir.resolve("odd.log"));

    assertThatThrownBy(() -> read(log)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(log + " (byte " + (error + 5) + "): error message: a UTF-16 string of 3 bytes;"
            + " expected an even length");
  }
}
