package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the run record that opens a {@code simulation.log} (layout in {@link SimulationLogReader})
 * and refuses one Gatling cannot have written, so that a damaged header never names a wrong
 * simulation or start:
 *
 * <ul>
 *   <li>the Gatling version: 1 to 32 characters, of a version this reader supports;
 *   <li>the simulation class: a Java class name (dot-separated Java identifiers), 1 to 65,536
 *       bytes;
 *   <li>the start: from 2000-01-01 up to (not including) 2100-01-01 UTC; never compared with the
 *       clock of the machine reading it;
 *   <li>the description: at most 65,536 bytes;
 *   <li>1 to 10,000 scenarios, each named (1 to 65,536 bytes), no name twice (Gatling refuses a
 *       simulation without a scenario, an empty name and a repeated one);
 *   <li>0 to 10,000 assertions of at most 65,536 bytes each.
 * </ul>
 *
 * A damaged byte that leaves a plausible value (another letter in a name, a start a few days off)
 * cannot be told from what Gatling wrote.
 */
final class RunHeaderReader {
  private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST_START = Instant.parse("2100-01-01T00:00:00Z");
  private static final int MAX_VERSION_BYTES = 32;
  private static final int MAX_FIELD_BYTES = 1 << 16;
  private static final int MAX_SCENARIOS = 10_000;
  private static final int MAX_ASSERTIONS = 10_000;

  private static final Pattern SUPPORTED = Pattern.compile("3\\.15\\.\\d+(-.*)?");
  private static final Pattern VERSION_TEXT = Pattern.compile("[0-9][0-9A-Za-z.\\-]{0,31}");
  private static final String EXAMPLE_CLASS = "io.casinoperf.simulations.FlashSpinPeakSimulation";

  private final Path file;
  private final ByteCursor in;
  private final LogStrings strings;

  RunHeaderReader(Path file, ByteCursor in, LogStrings strings) {
    this.file = file;
    this.in = in;
    this.strings = strings;
  }

  /** Reads the header; the cursor is then at the first record. */
  RunHeader read() throws IOException {
    try {
      byte type = in.readByte();
      if (type != RecordType.RUN) {
        throw refused(0, String.format(
            "not a Gatling simulation.log: expected a run record (type 0) first, found byte 0x%02x",
            type));
      }
      String version = version();
      String simulation = simulationClass();
      Instant start = start();
      String description = strings.read("run header, description", 0, MAX_FIELD_BYTES);
      List<String> scenarios = scenarios();
      int assertionCount = count("assertion count", 0, MAX_ASSERTIONS);
      List<RunHeader.SerializedAssertion> assertions = new ArrayList<>(assertionCount);
      for (int i = 1; i <= assertionCount; i++) {
        long offset = in.offset();
        int length = in.readInt();
        if (length < 0 || length > MAX_FIELD_BYTES) {
          throw refused(offset, "run header, assertion " + i + ": length " + length
              + " is out of range 0.." + MAX_FIELD_BYTES + " bytes");
        }
        assertions.add(new RunHeader.SerializedAssertion(in.readBytes(length)));
      }
      return new RunHeader(version, simulation, start, description, scenarios, assertions);
    } catch (ByteCursor.EndOfInput e) {
      throw refused(in.offset(), "the file ends inside the run header");
    }
  }

  private String version() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    String version = strings.read("run header, Gatling version", 1, MAX_VERSION_BYTES);
    if (!VERSION_TEXT.matcher(version).matches()) {
      throw refused(offset,
          "not a Gatling 3.10+ binary simulation.log (no version string at the start)");
    }
    if (!SUPPORTED.matcher(version).matches()) {
      throw refused(offset, "written by Gatling " + version
          + "; this reader supports logs of Gatling " + SimulationLogReader.SUPPORTED_VERSIONS);
    }
    return version;
  }

  private String simulationClass() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    String name = strings.read("run header, simulation class", 1, MAX_FIELD_BYTES);
    if (!isJavaClassName(name)) {
      throw refused(offset, "run header: simulation class "
          + InvalidSimulationLogException.shown(name)
          + " is not a Java class name; expected dot-separated Java identifiers such as "
          + EXAMPLE_CLASS);
    }
    return name;
  }

  private Instant start() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    long millis = in.readLong();
    if (millis < EARLIEST_START.toEpochMilli() || millis >= LATEST_START.toEpochMilli()) {
      throw refused(offset, "run header: start " + Instant.ofEpochMilli(millis) + " (" + millis
          + " ms since the epoch); expected a time from " + EARLIEST_START + " up to "
          + LATEST_START);
    }
    return Instant.ofEpochMilli(millis);
  }

  private List<String> scenarios() throws IOException, ByteCursor.EndOfInput {
    int count = count("scenario count", 1, MAX_SCENARIOS);
    List<String> scenarios = new ArrayList<>(count);
    Map<String, Integer> numbers = new HashMap<>();
    for (int number = 1; number <= count; number++) {
      long offset = in.offset();
      String field = "run header, scenario " + number;
      String name = strings.read(field, 1, MAX_FIELD_BYTES);
      Integer earlier = numbers.putIfAbsent(name, number);
      if (earlier != null) {
        throw refused(offset, field + ": " + InvalidSimulationLogException.shown(name)
            + " is also scenario " + earlier + "; expected distinct names, as Gatling requires");
      }
      scenarios.add(name);
    }
    return scenarios;
  }

  private int count(String what, int min, int max) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int count = in.readInt();
    if (count < min || count > max) {
      throw refused(offset,
          "run header: " + what + " " + count + " is out of range " + min + ".." + max);
    }
    return count;
  }

  /**
   * True for a binary class name as {@code Class.getName()} gives it: Java identifiers joined by
   * dots ({@code $} and {@code _} included, as in nested classes), with no identifier-ignorable
   * control character.
   */
  static boolean isJavaClassName(String name) {
    boolean partStart = true;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (c == '.') {
        if (partStart) {
          return false;
        }
        partStart = true;
        continue;
      }
      boolean allowed = partStart ? Character.isJavaIdentifierStart(c)
          : Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
      if (!allowed) {
        return false;
      }
      partStart = false;
    }
    return !partStart;
  }

  private InvalidSimulationLogException refused(long offset, String problem) {
    return new InvalidSimulationLogException(file, offset, problem);
  }
}
