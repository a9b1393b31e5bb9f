package io.casinoperf.gate.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes logs in Gatling 3.15's binary {@code simulation.log} layout (see {@code
 * SimulationLogReader}) for tests: known records, and the damaged files real injectors leave.
 */
public final class LogFileWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(bytes);
  private final Map<String, Integer> cache = new HashMap<>();
  private boolean utf16;

  /** Writes non-Latin-1 strings as UTF-16 (little-endian), as the JVM holds them. */
  public LogFileWriter preferUtf16() {
    utf16 = true;
    return this;
  }

  public LogFileWriter run(String version, String simulation, long startEpochMillis, List<String> scenarios) {
    try {
      out.writeByte(0);
      string(version);
      string(simulation);
      out.writeLong(startEpochMillis);
      string("");
      out.writeInt(scenarios.size());
      for (String scenario : scenarios) {
        string(scenario);
      }
      out.writeInt(1);
      out.writeInt(3);
      out.write(new byte[] {7, 7, 7});
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter request(List<String> groups, String name, int start, int end, boolean ok, String message) {
    try {
      out.writeByte(1);
      groups(groups);
      cached(name);
      out.writeInt(start);
      out.writeInt(end);
      out.writeByte(ok ? 1 : 0);
      cached(message);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter user(int scenario, boolean start, int timestamp) {
    try {
      out.writeByte(2);
      out.writeInt(scenario);
      out.writeByte(start ? 1 : 0);
      out.writeInt(timestamp);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter group(List<String> groups, int start, int end, int cumulated, boolean ok) {
    try {
      out.writeByte(3);
      groups(groups);
      out.writeInt(start);
      out.writeInt(end);
      out.writeInt(cumulated);
      out.writeByte(ok ? 1 : 0);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter error(String message, int timestamp) {
    try {
      out.writeByte(4);
      cached(message);
      out.writeInt(timestamp);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends bytes as they are, each given as an int (only its low 8 bits count). */
  public LogFileWriter raw(int... more) {
    try {
      for (int b : more) {
        out.writeByte(b);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes() {
    return bytes.toByteArray();
  }

  public Path writeTo(Path file) {
    try {
      return Files.write(file, bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void groups(List<String> groups) throws IOException {
    out.writeInt(groups.size());
    for (String group : groups) {
      cached(group);
    }
  }

  private void cached(String value) throws IOException {
    Integer index = cache.get(value);
    if (index != null) {
      out.writeInt(-index);
      return;
    }
    int next = cache.size() + 1;
    cache.put(value, next);
    out.writeInt(next);
    string(value);
  }

  private void string(String value) throws IOException {
    if (value.isEmpty()) {
      out.writeInt(0);
      return;
    }
    boolean latin1 = !utf16 && value.chars().allMatch(c -> c < 256);
    byte[] raw = value.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    out.writeInt(raw.length);
    out.write(raw);
    out.writeByte(latin1 ? 0 : 1);
  }
}
