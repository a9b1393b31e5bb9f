package io.casinoperf.gate.testing;

import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.log.SimulationLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes logs in Gatling 3.15's binary {@code simulation.log} layout for tests: known records
 * through the project's {@link SimulationLogWriter}, and the damaged files real injectors leave
 * through {@link #raw}. The run header carries one placeholder assertion of three bytes, so that
 * readers are seen to step over assertions.
 */
public final class LogFileWriter {
  private static final List<RunHeader.SerializedAssertion> PLACEHOLDER_ASSERTION =
      List.of(new RunHeader.SerializedAssertion(new byte[] {7, 7, 7}));

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private SimulationLogWriter writer;
  private List<String> scenarios = List.of();

  public LogFileWriter run(String version, String simulation, long startEpochMillis, List<String> scenarios) {
    return run(new RunHeader(version, simulation, Instant.ofEpochMilli(startEpochMillis), "", scenarios,
        PLACEHOLDER_ASSERTION));
  }

  public LogFileWriter run(RunHeader header) {
    try {
      flush();
      writer = new SimulationLogWriter(bytes, header);
      scenarios = header.scenarios();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter request(List<String> groups, String name, int start, int end, boolean ok, String message) {
    try {
      writer().request(groups, name, start, end, ok, message);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A user record naming the header's scenario {@code scenario}; an index the header does not have
   * is written as it is, as a corrupt log would hold it.
   */
  public LogFileWriter user(int scenario, boolean start, int timestamp) {
    if (scenario < 0 || scenario >= scenarios.size()) {
      byte[] record = ByteBuffer.allocate(10).put((byte) 2).putInt(scenario).put((byte) (start ? 1 : 0))
          .putInt(timestamp).array();
      return raw(record);
    }
    try {
      writer().user(scenarios.get(scenario), start, timestamp);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter group(List<String> groups, int start, int end, int cumulated, boolean ok) {
    try {
      writer().group(groups, start, end, cumulated, ok);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LogFileWriter error(String message, int timestamp) {
    try {
      writer().error(message, timestamp);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends bytes as they are, each given as an int (only its low 8 bits count). */
  public LogFileWriter raw(int... more) {
    byte[] record = new byte[more.length];
    for (int i = 0; i < more.length; i++) {
      record[i] = (byte) more[i];
    }
    return raw(record);
  }

  private LogFileWriter raw(byte[] more) {
    flush();
    bytes.writeBytes(more);
    return this;
  }

  public byte[] bytes() {
    flush();
    return bytes.toByteArray();
  }

  public Path writeTo(Path file) {
    try {
      return Files.write(file, bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SimulationLogWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("run(...) first: a log opens with its run record");
    }
    return writer;
  }

  private void flush() {
    if (writer == null) {
      return;
    }
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
