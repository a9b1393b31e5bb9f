package io.casinoperf.gate.log;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code simulation.log} in the binary layout of Gatling 3.15 (documented once, in {@link
 * SimulationLogReader}): the run record first, on construction, then one record per call, streamed
 * through a buffer. Timestamps are milliseconds since the header's {@link RunHeader#start() start}.
 *
 * <p>Strings are written as a JVM with compact strings (the default) holds them: Latin-1 (coder 0)
 * when every character fits in one byte, else UTF-16 little-endian (coder 1). This matters to
 * Gatling: its reader rebuilds each {@code String} from the bytes and coder as they are, and {@code
 * String.equals} compares coders first, so Latin-1 text written as UTF-16 would not equal the same
 * name elsewhere in the report. Request names, messages and group names go through one string
 * cache per file (indexes from 1, as Gatling numbers them); scenario names, version, class and
 * description are plain strings.
 *
 * <p>Memory: the buffer and the cache, which grows with the number of distinct names and messages,
 * not with the number of records. Not thread-safe.
 */
public final class SimulationLogWriter implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final DataOutputStream out;
  private final Map<String, Integer> scenarioIndexes = new HashMap<>();
  private final Map<String, Integer> stringCache = new HashMap<>();

  /**
   * Writes {@code header} to {@code out}, which this writer then owns: {@link #close()} closes it.
   */
  public SimulationLogWriter(OutputStream out, RunHeader header) throws IOException {
    this.out = new DataOutputStream(new BufferedOutputStream(out, BUFFER_BYTES));
    List<String> scenarios = header.scenarios();
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarioIndexes.putIfAbsent(scenarios.get(i), i) != null) {
        throw new IllegalArgumentException("scenario " + scenarios.get(i) + " named twice");
      }
    }
    writeRun(header);
  }

  /** Creates (or truncates) {@code file} and writes {@code header} to it. */
  public static SimulationLogWriter create(Path file, RunHeader header) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    try {
      return new SimulationLogWriter(stream, header);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /**
   * One request and its response.
   *
   * @param groups enclosing groups, outermost first; empty outside any group
   * @param message the KO's message; empty for OK
   */
  public void request(
      List<String> groups, String name, int startMillis, int endMillis, boolean ok, String message)
      throws IOException {
    out.writeByte(RecordType.REQUEST);
    writeGroups(groups);
    writeCached(name);
    out.writeInt(startMillis);
    out.writeInt(endMillis);
    out.writeBoolean(ok);
    writeCached(message);
  }

  /**
   * A virtual user starting or ending.
   *
   * @throws IllegalArgumentException when {@code scenario} is not one of the header's
   */
  public void user(String scenario, boolean start, int timestampMillis) throws IOException {
    Integer index = scenarioIndexes.get(scenario);
    if (index == null) {
      throw new IllegalArgumentException(
          "scenario " + scenario + " is not in the run header " + scenarioIndexes.keySet());
    }
    out.writeByte(RecordType.USER);
    out.writeInt(index);
    out.writeBoolean(start);
    out.writeInt(timestampMillis);
  }

  /**
   * A group closing.
   *
   * @param groups the group's own path, ending with its name
   * @param cumulatedResponseMillis the sum of its requests' response times
   */
  public void group(
      List<String> groups, int startMillis, int endMillis, int cumulatedResponseMillis, boolean ok)
      throws IOException {
    out.writeByte(RecordType.GROUP);
    writeGroups(groups);
    out.writeInt(startMillis);
    out.writeInt(endMillis);
    out.writeInt(cumulatedResponseMillis);
    out.writeBoolean(ok);
  }

  /** An action that could not be built; not a request. */
  public void error(String message, int timestampMillis) throws IOException {
    out.writeByte(RecordType.ERROR);
    writeCached(message);
    out.writeInt(timestampMillis);
  }

  /** Pushes the buffered records to the underlying stream. */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void writeRun(RunHeader header) throws IOException {
    out.writeByte(RecordType.RUN);
    writeString(header.gatlingVersion());
    writeString(header.simulationClass());
    out.writeLong(header.start().toEpochMilli());
    writeString(header.description());
    out.writeInt(header.scenarios().size());
    for (String scenario : header.scenarios()) {
      writeString(scenario);
    }
    out.writeInt(header.assertions().size());
    for (RunHeader.SerializedAssertion assertion : header.assertions()) {
      byte[] bytes = assertion.bytes();
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private void writeGroups(List<String> groups) throws IOException {
    out.writeInt(groups.size());
    for (String group : groups) {
      writeCached(group);
    }
  }

  private void writeCached(String value) throws IOException {
    Integer index = stringCache.get(value);
    if (index != null) {
      out.writeInt(-index);
      return;
    }
    int next = stringCache.size() + 1;
    stringCache.put(value, next);
    out.writeInt(next);
    writeString(value);
  }

  private void writeString(String value) throws IOException {
    if (value.isEmpty()) {
      out.writeInt(0);
      return;
    }
    boolean latin1 = fitsLatin1(value);
    byte[] bytes = value.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    out.writeInt(bytes.length);
    out.write(bytes);
    out.writeByte(latin1 ? 0 : 1);
  }

  private static boolean fitsLatin1(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
