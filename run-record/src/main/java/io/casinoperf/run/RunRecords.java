package io.casinoperf.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@link RunRecord run records} ({@code run.json}). Reading checks what a reader
 * relies on and refuses the rest with a {@link RunRecordException} naming the file and the field;
 * writing goes through a temporary file, so a reader never sees half a record.
 */
public final class RunRecords {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private RunRecords() {}

  /** The record beside {@code log}, if there is one (see {@link #fileFor(Path)}). */
  public static Optional<RunRecord> besideLog(Path log) {
    Path file = fileFor(log);
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /**
   * Where the record of {@code log} lives: {@value RunRecord#FILE_NAME} beside a {@code
   * simulation.log} (as Gatling's run folders hold it); {@code <name>.run.json} beside any other
   * log, so that logs gathered into one folder keep their records apart ({@code shard-1.log} and
   * {@code shard-1.run.json}).
   */
  public static Path fileFor(Path log) {
    Path absolute = log.toAbsolutePath();
    String name = absolute.getFileName().toString();
    if (name.equals("simulation.log")) {
      return absolute.resolveSibling(RunRecord.FILE_NAME);
    }
    String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
    return absolute.resolveSibling(stem + "." + RunRecord.FILE_NAME);
  }

  /** Reads and checks one record. */
  public static RunRecord read(Path file) {
    RunRecord record;
    try {
      record = JSON.readValue(Files.readAllBytes(file), RunRecord.class);
    } catch (NoSuchFileException e) {
      throw new RunRecordException(file, "no such file");
    } catch (JsonProcessingException e) {
      throw new RunRecordException(file, "not a run record: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new RunRecordException(file, "cannot read it (" + e.getMessage() + ")");
    }
    if (record == null) {
      throw new RunRecordException(file, "empty");
    }
    check(file, record);
    return record;
  }

  /** The record as JSON text. */
  public static String toJson(RunRecord record) {
    try {
      return JSON.writeValueAsString(record) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a run record", e);
    }
  }

  /** Reads a record from JSON text; {@code origin} names it in messages. */
  public static RunRecord fromJson(String json, Path origin) {
    try {
      RunRecord record = JSON.readValue(json, RunRecord.class);
      check(origin, record);
      return record;
    } catch (JsonProcessingException e) {
      throw new RunRecordException(origin, "not a run record: " + e.getOriginalMessage());
    }
  }

  /** Writes {@code record} to {@code file}, replacing it whole. */
  public static void write(Path file, RunRecord record) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".run-", ".json.tmp");
      try {
        Files.writeString(temporary, toJson(record));
        try {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** This project's version, as built. */
  public static String projectVersion() {
    Properties properties = new Properties();
    try (InputStream in = RunRecords.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // unknown
    }
    return properties.getProperty("version", "unknown");
  }

  private static void check(Path file, RunRecord r) {
    if (!RunRecord.FORMAT.equals(r.format())) {
      throw new RunRecordException(file, "format " + (r.format() == null ? "missing" : "\"" + r.format() + "\"")
          + "; this version reads " + RunRecord.FORMAT);
    }
    require(file, r.simulation() != null && !r.simulation().isBlank(), "simulation is missing");
    require(file, r.profile() != null && r.profile().name() != null, "profile.name is missing");
    require(file, r.parameters() != null, "parameters is missing");
    require(file, r.parameters().scale() > 0 && Double.isFinite(r.parameters().scale()),
        "parameters.scale must be a number above 0");
    require(file, r.parameters().shardCount() >= 1 && r.parameters().shardIndex() >= 1
        && r.parameters().shardIndex() <= r.parameters().shardCount(),
        "parameters.shardIndex/shardCount must be i/n with 1 <= i <= n");
    require(file, r.target() != null, "target is missing");
    require(file, r.target().embedded() || (r.target().scheme() != null && r.target().host() != null
        && r.target().port() > 0 && r.target().port() < 65536), "target needs scheme, host and port");
    require(file, r.serviceLevels() != null && r.serviceLevels().p99Millis() > 0
        && r.serviceLevels().maxErrorPercent() >= 0 && r.serviceLevels().maxErrorPercent() <= 100,
        "serviceLevels needs p99Millis > 0 and maxErrorPercent within 0..100");
    require(file, r.versions() != null, "versions is missing");
    Instant start = instant(file, "start", r.start());
    Instant end = instant(file, "end", r.end());
    require(file, !end.isBefore(start), "end " + r.end() + " is before start " + r.start());
    require(file, r.health() != null && r.health().status() != null && r.health().summary() != null,
        "health needs status and summary");
    require(file, r.health().saturated() == !r.health().reasons().isEmpty(),
        "health.status " + r.health().status() + " does not match its reasons");
    checkPhases(file, r.phases());
  }

  /** Named, each with windows, and no moment of the run in two phases. */
  private static void checkPhases(Path file, List<RunRecord.Phase> phases) {
    java.util.Set<String> names = new java.util.HashSet<>();
    List<long[]> windows = new java.util.ArrayList<>();
    for (RunRecord.Phase phase : phases) {
      require(file, phase != null && phase.name() != null && !phase.name().isBlank(),
          "phases: every phase needs a name");
      require(file, names.add(phase.name()), "phases: \"" + phase.name() + "\" is given twice");
      require(file, !phase.windows().isEmpty(), "phases: \"" + phase.name() + "\" has no window");
      for (RunRecord.Window window : phase.windows()) {
        require(file, window != null && window.fromMillis() >= 0
            && window.endMillis() > window.fromMillis(),
            "phases: \"" + phase.name() + "\" needs windows with 0 <= fromMillis < toMillis");
        windows.add(new long[] {window.fromMillis(), window.endMillis()});
      }
    }
    windows.sort(java.util.Comparator.comparingLong(w -> w[0]));
    for (int i = 1; i < windows.size(); i++) {
      require(file, windows.get(i)[0] >= windows.get(i - 1)[1],
          "phases: windows overlap at " + windows.get(i)[0] + " ms");
    }
  }

  private static Instant instant(Path file, String field, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new RunRecordException(file, field + " must be an ISO-8601 UTC time, e.g."
          + " 2026-12-06T10:15:30Z");
    }
  }

  private static void require(Path file, boolean condition, String problem) {
    if (!condition) {
      throw new RunRecordException(file, problem);
    }
  }
}
