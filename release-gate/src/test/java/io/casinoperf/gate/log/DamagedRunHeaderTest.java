package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.testing.LogDamage;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run headers a flipped or overwritten byte turned into values Gatling cannot write: each is
 * refused with the file, the field's byte offset, the field and what was expected there.
 */
class DamagedRunHeaderTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  private static final String VERSION = "3.15.1";
  private static final String SIMULATION = "casino.FlashSimulation";

  // Where each field of aRun()'s header starts: the type byte, then every string is an int32
  // length, its bytes and a coder byte; the start is an int64; the description is empty (int32 0).
  private static final int VERSION_AT = 1;
  private static final int CLASS_AT = VERSION_AT + 4 + VERSION.length() + 1;
  private static final int START_AT = CLASS_AT + 4 + SIMULATION.length() + 1;
  private static final int DESCRIPTION_AT = START_AT + 8;
  private static final int SCENARIO_COUNT_AT = DESCRIPTION_AT + 4;
  private static final int FIRST_SCENARIO_AT = SCENARIO_COUNT_AT + 4;
  private static final int SECOND_SCENARIO_AT = FIRST_SCENARIO_AT + 4 + "Regulars".length() + 1;
  private static final int ASSERTION_COUNT_AT = SECOND_SCENARIO_AT + 4 + "Drop".length() + 1;
  private static final int FIRST_ASSERTION_AT = ASSERTION_COUNT_AT + 4;

  @TempDir Path dir;
  private int logs;

  /** A whole log: the header, then a user, a request and the user's end. */
  private Path aRun(List<String> scenarios) {
    return new LogFileWriter()
        .run(VERSION, SIMULATION, START, scenarios)
        .user(0, true, 5)
        .request(List.of(), "Login", 6, 20, true, "")
        .user(0, false, 21)
        .writeTo(dir.resolve("run-" + logs++ + ".log"));
  }

  private Path aRun() {
    return aRun(List.of("Regulars", "Drop"));
  }

  private static String read(Path log) {
    return SimulationLogReader.read(log, new SimulationLogListener() {}).header().simulationClass();
  }

  @Test
  void theOffsetsUsedHerePointAtTheFieldsTheWriterWrote() throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(aRun()));

    assertThat(bytes.getInt(VERSION_AT)).isEqualTo(VERSION.length());
    assertThat(bytes.getInt(CLASS_AT)).isEqualTo(SIMULATION.length());
    assertThat(bytes.getLong(START_AT)).isEqualTo(START);
    assertThat(bytes.getInt(DESCRIPTION_AT)).isZero();
    assertThat(bytes.getInt(SCENARIO_COUNT_AT)).isEqualTo(2);
    assertThat(bytes.getInt(SECOND_SCENARIO_AT)).isEqualTo("Drop".length());
    assertThat(bytes.getInt(ASSERTION_COUNT_AT)).isEqualTo(1);
    assertThat(bytes.getInt(FIRST_ASSERTION_AT)).isEqualTo(3);
  }

  @Test
  void refusesASimulationClassThatIsNotAJavaClassName() {
    Path slash = LogDamage.setByte(aRun(), CLASS_AT + 4 + "casino".length(), '/');
    Path control = LogDamage.setByte(aRun(), CLASS_AT + 4 + "casino.Fl".length(), 0x01);
    Path emptyPart = LogDamage.setByte(aRun(), CLASS_AT + 4 + "casino.".length(), '.');
    Path digitFirst = LogDamage.setByte(aRun(), CLASS_AT + 4, '4');

    String expected = " is not a Java class name; expected dot-separated Java identifiers such as"
        + " io.casinoperf.simulations.FlashSpinPeakSimulation";
    assertThatThrownBy(() -> read(slash)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(slash + " (byte " + CLASS_AT + "): run header: simulation class"
            + " \"casino/FlashSimulation\"" + expected);
    assertThatThrownBy(() -> read(control))
        .hasMessage(control + " (byte " + CLASS_AT + "): run header: simulation class"
            + " \"casino.Fl\\u0001shSimulation\"" + expected);
    assertThatThrownBy(() -> read(emptyPart))
        .hasMessageEndingWith("\"casino..lashSimulation\"" + expected);
    assertThatThrownBy(() -> read(digitFirst))
        .hasMessageEndingWith("\"4asino.FlashSimulation\"" + expected);
  }

  @Test
  void acceptsJavaClassNamesOfNestedClassesAndNonAsciiLetters() {
    Path nested = new LogFileWriter().run(VERSION, "io.casino.Peaks$Flash_2", START, List.of("s"))
        .writeTo(dir.resolve("nested.log"));
    Path letters = new LogFileWriter().run(VERSION, "casino.SpielÜbungSimulation", START, List.of("s"))
        .writeTo(dir.resolve("letters.log"));

    assertThat(read(nested)).isEqualTo("io.casino.Peaks$Flash_2");
    assertThat(read(letters)).isEqualTo("casino.SpielÜbungSimulation");
  }

  @Test
  void refusesARunStartBefore2000OrFrom2100() {
    long justBefore2000 = Instant.parse("1999-12-31T23:59:59.999Z").toEpochMilli();
    long from2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    Path early = LogDamage.setLong(aRun(), START_AT, justBefore2000);
    Path late = LogDamage.setLong(aRun(), START_AT, from2100);
    Path highByteFlipped = LogDamage.setLong(aRun(), START_AT, START | 1L << 56);
    Path negative = LogDamage.setLong(aRun(), START_AT, START | 1L << 63);
    Path first = LogDamage.setLong(aRun(), START_AT, Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
    Path last = LogDamage.setLong(aRun(), START_AT, from2100 - 1);

    String expected = "; expected a time from 2000-01-01T00:00:00Z up to 2100-01-01T00:00:00Z";
    assertThatThrownBy(() -> read(early)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(early + " (byte " + START_AT + "): run header: start 1999-12-31T23:59:59.999Z"
            + " (946684799999 ms since the epoch)" + expected);
    assertThatThrownBy(() -> read(late))
        .hasMessage(late + " (byte " + START_AT + "): run header: start 2100-01-01T00:00:00Z"
            + " (4102444800000 ms since the epoch)" + expected);
    assertThatThrownBy(() -> read(highByteFlipped))
        .hasMessageContaining("(" + (START | 1L << 56) + " ms since the epoch)" + expected);
    assertThatThrownBy(() -> read(negative))
        .hasMessageContaining("(" + (START | 1L << 63) + " ms since the epoch)" + expected);
    assertThat(read(first)).isEqualTo(SIMULATION);
    assertThat(read(last)).isEqualTo(SIMULATION);
  }

  @Test
  void refusesStringLengthsBeyondWhatTheirFieldCanHoldNamingTheField() {
    Path version = LogDamage.setInt(aRun(), VERSION_AT, -1);
    Path simulation = LogDamage.setInt(aRun(), CLASS_AT, 70_000);
    Path description = LogDamage.setInt(aRun(), DESCRIPTION_AT, 1 << 24);
    Path scenario = LogDamage.setInt(aRun(), SECOND_SCENARIO_AT, 1 << 17);
    Path assertion = LogDamage.setInt(aRun(), FIRST_ASSERTION_AT, 1 << 20);

    assertThatThrownBy(() -> read(version)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(version + " (byte 1): run header, Gatling version: length -1 is out of range"
            + " 1..32 bytes");
    assertThatThrownBy(() -> read(simulation))
        .hasMessage(simulation + " (byte " + CLASS_AT + "): run header, simulation class: length"
            + " 70000 is out of range 1..65536 bytes");
    assertThatThrownBy(() -> read(description))
        .hasMessage(description + " (byte " + DESCRIPTION_AT + "): run header, description: length"
            + " 16777216 is out of range 0..65536 bytes");
    assertThatThrownBy(() -> read(scenario))
        .hasMessage(scenario + " (byte " + SECOND_SCENARIO_AT + "): run header, scenario 2: length"
            + " 131072 is out of range 1..65536 bytes");
    assertThatThrownBy(() -> read(assertion))
        .hasMessage(assertion + " (byte " + FIRST_ASSERTION_AT + "): run header, assertion 1:"
            + " length 1048576 is out of range 0..65536 bytes");
  }

  @Test
  void refusesScenarioAndAssertionCountsGatlingCannotWrite() {
    Path noScenario = LogDamage.setInt(aRun(), SCENARIO_COUNT_AT, 0);
    Path manyScenarios = LogDamage.setInt(aRun(), SCENARIO_COUNT_AT, 0x00010002);
    Path manyAssertions = LogDamage.setInt(aRun(), ASSERTION_COUNT_AT, 0x00010001);

    assertThatThrownBy(() -> read(noScenario)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(noScenario + " (byte " + SCENARIO_COUNT_AT + "): run header: scenario count 0"
            + " is out of range 1..10000");
    assertThatThrownBy(() -> read(manyScenarios))
        .hasMessage(manyScenarios + " (byte " + SCENARIO_COUNT_AT + "): run header: scenario count"
            + " 65538 is out of range 1..10000");
    assertThatThrownBy(() -> read(manyAssertions))
        .hasMessage(manyAssertions + " (byte " + ASSERTION_COUNT_AT + "): run header: assertion"
            + " count 65537 is out of range 0..10000");
  }

  @Test
  void refusesAnEmptyOrRepeatedScenarioName() {
    Path empty = aRun(List.of("Regulars", ""));
    // "Regularz" overwritten into "Regulars": the two scenarios now share a name.
    Path repeated = LogDamage.setByte(aRun(List.of("Regulars", "Regularz")),
        SECOND_SCENARIO_AT + 4 + "Regular".length(), 's');

    assertThatThrownBy(() -> read(empty)).isInstanceOf(InvalidSimulationLogException.class)
        .hasMessage(empty + " (byte " + SECOND_SCENARIO_AT + "): run header, scenario 2: length 0"
            + " is out of range 1..65536 bytes");
    assertThatThrownBy(() -> read(repeated))
        .hasMessage(repeated + " (byte " + SECOND_SCENARIO_AT + "): run header, scenario 2:"
            + " \"Regulars\" is also scenario 1; expected distinct names, as Gatling requires");
  }
}
