package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationLogWriterTest {
  private static final RunHeader HEADER = new RunHeader("3.15.1", "casino.Sim",
      Instant.parse("2026-11-27T10:00:00Z"), "", List.of("Players"), List.of());

  @TempDir Path dir;

  /** Copies every record of a log through the writer. */
  private static final class Copy implements SimulationLogListener {
    final SimulationLogWriter writer;

    Copy(SimulationLogWriter writer) {
      this.writer = writer;
    }

    @Override
    public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
      try {
        writer.request(groups, name, start, end, ok, message);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onUser(String scenario, boolean start, int timestamp) {
      try {
        writer.user(scenario, start, timestamp);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onGroup(List<String> groups, int start, int end, int cumulated, boolean ok) {
      try {
        writer.group(groups, start, end, cumulated, ok);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onError(String message, int timestamp) {
      try {
        writer.error(message, timestamp);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket-sessions", "wallet-traffic-faulty"})
  void rewritingARealGatlingLogReproducesItByteForByte(String golden) throws Exception {
    Path original = Path.of("src/test/resources/golden", golden, "simulation.log");
    Path copy = dir.resolve("copy.log");

    try (SimulationLogReader reader = SimulationLogReader.open(original);
        SimulationLogWriter writer = SimulationLogWriter.create(copy, reader.header())) {
      assertThat(reader.header().assertionCount()).isPositive();
      Copy records = new Copy(writer);
      while (reader.next(records)) {
        // copied
      }
    }

    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(original));
  }

  @Test
  void writesLatin1WhenEveryCharacterFitsAndUtf16LittleEndianOtherwise() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int headerLength;
    try (SimulationLogWriter writer = new SimulationLogWriter(bytes, HEADER)) {
      writer.flush();
      headerLength = bytes.size();
      writer.error("Dépôt", 7);
      writer.error("€", 8);
      writer.error("Dépôt", 9);
    }

    byte[] records = java.util.Arrays.copyOfRange(bytes.toByteArray(), headerLength, bytes.size());
    assertThat(records).containsExactly(
        4, 0, 0, 0, 1, 0, 0, 0, 5, 'D', 0xe9, 'p', 0xf4, 't', 0, 0, 0, 0, 7,
        4, 0, 0, 0, 2, 0, 0, 0, 2, 0xac, 0x20, 1, 0, 0, 0, 8,
        4, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 9);
  }

  @Test
  void theHeaderKeepsAssertionBytesAndScenarioOrder() throws Exception {
    RunHeader header = new RunHeader("3.15.1", "casino.Sim", Instant.parse("2026-11-27T10:00:00Z"),
        "nightly ⚡", List.of("Regulars", "Drop"),
        List.of(new RunHeader.SerializedAssertion(new byte[] {1, 2, 3}),
            new RunHeader.SerializedAssertion(new byte[0])));
    Path log = dir.resolve("header.log");
    try (SimulationLogWriter writer = SimulationLogWriter.create(log, header)) {
      writer.user("Drop", true, 5);
    }

    SimulationLogReaderTest.Recorder recorder = new SimulationLogReaderTest.Recorder();
    ReadOutcome outcome = SimulationLogReader.read(log, recorder);

    assertThat(outcome.header()).isEqualTo(header);
    assertThat(recorder.events).containsExactly(
        "run 3.15.1 casino.Sim 2026-11-27T10:00:00Z [Regulars, Drop] assertions=2", "user Drop start 5");
  }

  @Test
  void aUserOfAScenarioTheHeaderDoesNotNameIsRefused() throws Exception {
    try (SimulationLogWriter writer = new SimulationLogWriter(new ByteArrayOutputStream(), HEADER)) {
      assertThatThrownBy(() -> writer.user("Whales", true, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Whales");
    }
  }
}
