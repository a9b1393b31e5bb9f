package io.casinoperf.gate.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the binary {@code simulation.log} that Gatling 3.15 writes, streaming, record by record.
 *
 * <h2>Layout</h2>
 *
 * Written by Gatling's {@code LogFileDataWriter}; big-endian; no magic number, no record lengths,
 * no end marker: records follow each other to the end of the file. Each record starts with a type
 * byte.
 *
 * <ul>
 *   <li><b>0 run</b> (first, once): string Gatling version, string simulation class, int64 start
 *       (epoch ms), string description, int32 n + n strings (scenario names, in index order),
 *       int32 m + m × (int32 length + bytes) (assertions, in Gatling's own serialization: kept
 *       as opaque bytes).
 *   <li><b>1 request</b>: groups, cached name, int32 start, int32 end, byte ok (1) / KO (0),
 *       cached message (empty when OK).
 *   <li><b>2 user</b>: int32 scenario index, byte start (1) / end (0), int32 timestamp.
 *   <li><b>3 group</b>: groups, int32 start, int32 end, int32 cumulated response time, byte ok.
 *   <li><b>4 error</b>: cached message, int32 timestamp.
 * </ul>
 *
 * Timestamps are int32 milliseconds since the run's start. <i>Groups</i> are an int32 count then
 * that many cached strings, outermost first. A <i>string</i> is an int32 byte length, then the
 * bytes of the writing JVM's internal {@code String} value, then one coder byte (0 Latin-1, 1
 * UTF-16 in the writer's native order, read here as little-endian, the order of x86 and ARM); a
 * length of 0 is the empty string with no coder byte. A <i>cached string</i> is an int32 index: a
 * positive (or zero) index is followed by a string, stored under that index; a negative index
 * refers to the string stored under its opposite. One cache per file.
 *
 * <p>A file that ends inside a record (a crashed injector) is read up to its last whole record and
 * reported {@link ReadOutcome#partial() partial}. A cut that falls exactly between records cannot
 * be told from a complete log: the format has no end marker.
 *
 * <p>{@link #read} streams a whole file to a listener. {@link #open} reads one record at a time
 * instead, for consumers that walk several logs side by side (a merge); the file stays open until
 * {@link #close}.
 *
 * <p>Not thread-safe; an instance reads one file.
 */
public final class SimulationLogReader implements AutoCloseable {
  /** Gatling versions whose log layout this reader was written and tested against. */
  public static final String SUPPORTED_VERSIONS = "3.15.x";

  private static final Pattern SUPPORTED = Pattern.compile("3\\.15\\.\\d+(-.*)?");
  private static final Pattern VERSION_TEXT = Pattern.compile("[0-9][0-9A-Za-z.\\-]{0,31}");
  private static final int BUFFER_BYTES = 1 << 18;
  private static final int MAX_STRING_BYTES = 1 << 24;
  private static final int MAX_GROUP_DEPTH = 1_000;

  private final Path file;
  private final FileChannel channel;
  private final ByteCursor in;
  private final long fileBytes;
  private final List<String> stringCache = new ArrayList<>();
  private final Map<List<String>, List<String>> groupPaths = new HashMap<>();
  private RunHeader header;
  private long records;
  private long validBytes;
  private boolean partial;
  private boolean done;

  private SimulationLogReader(Path file, FileChannel channel, long fileBytes) {
    this.file = file;
    this.channel = channel;
    this.in = new ByteCursor(channel, BUFFER_BYTES);
    this.fileBytes = fileBytes;
    stringCache.add(null);
  }

  /**
   * Reads {@code file} and hands every record to {@code listener}, in file order.
   *
   * @throws InvalidSimulationLogException when the file is missing, empty, not a Gatling log, of
   *     an unsupported version, or corrupt before its end
   */
  public static ReadOutcome read(Path file, SimulationLogListener listener) {
    try (SimulationLogReader reader = open(file)) {
      listener.onRun(reader.header());
      while (reader.next(listener)) {
        // every record went to the listener
      }
      return reader.outcome();
    }
  }

  /**
   * Opens {@code file} and reads its run header; the records are then read one by one with
   * {@link #next}. The caller closes the reader.
   *
   * @throws InvalidSimulationLogException as {@link #read} does, for the header
   */
  public static SimulationLogReader open(Path file) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      long size = channel.size();
      if (size == 0) {
        throw new InvalidSimulationLogException(file, 0, "empty file, not a Gatling simulation.log");
      }
      SimulationLogReader reader = new SimulationLogReader(file, channel, size);
      reader.header = reader.readHeader();
      reader.validBytes = reader.in.offset();
      return reader;
    } catch (NoSuchFileException e) {
      throw new InvalidSimulationLogException(file, 0, "no such file");
    } catch (IOException e) {
      closeQuietly(channel);
      if (Files.isDirectory(file)) {
        throw new InvalidSimulationLogException(file, 0, "a directory, not a simulation.log file");
      }
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** The run record at the start of the file. */
  public RunHeader header() {
    return header;
  }

  /**
   * Reads the next record and hands it to {@code listener} ({@code onRun} excepted: see {@link
   * #header}).
   *
   * @return false, without calling the listener, at the end of the file or when the file ends
   *     inside the next record (then {@link #outcome()} says partial)
   * @throws InvalidSimulationLogException when the record is corrupt
   */
  public boolean next(SimulationLogListener listener) {
    if (done) {
      return false;
    }
    try {
      if (in.atEnd()) {
        done = true;
        return false;
      }
      readRecord(header, listener);
      records++;
      validBytes = in.offset();
      return true;
    } catch (ByteCursor.EndOfInput e) {
      done = true;
      partial = true;
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** What has been read so far; the whole file's outcome once {@link #next} returned false. */
  public ReadOutcome outcome() {
    return new ReadOutcome(header, records, partial, validBytes, fileBytes);
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // the error that made us close it is the one worth reporting
    }
  }

  private RunHeader readHeader() throws IOException {
    try {
      byte type = in.readByte();
      if (type != RecordType.RUN) {
        throw corrupt(0, String.format(
            "not a Gatling simulation.log: expected a run record (type 0) first, found byte 0x%02x",
            type));
      }
      String version = readString();
      if (!VERSION_TEXT.matcher(version).matches()) {
        throw corrupt(1, "not a Gatling 3.10+ binary simulation.log (no version string at the start)");
      }
      if (!SUPPORTED.matcher(version).matches()) {
        throw corrupt(1, "written by Gatling " + version + "; this reader supports logs of Gatling "
            + SUPPORTED_VERSIONS);
      }
      String simulation = readString();
      long start = in.readLong();
      String description = readString();
      int scenarioCount = readCount("scenario count", 100_000);
      List<String> scenarios = new ArrayList<>(scenarioCount);
      for (int i = 0; i < scenarioCount; i++) {
        scenarios.add(readString());
      }
      int assertionCount = readCount("assertion count", 100_000);
      List<RunHeader.SerializedAssertion> assertions = new ArrayList<>(assertionCount);
      for (int i = 0; i < assertionCount; i++) {
        assertions.add(new RunHeader.SerializedAssertion(
            in.readBytes(readCount("assertion length", MAX_STRING_BYTES))));
      }
      return new RunHeader(
          version, simulation, Instant.ofEpochMilli(start), description, scenarios, assertions);
    } catch (ByteCursor.EndOfInput e) {
      throw corrupt(in.offset(), "the file ends inside the run header");
    }
  }

  private void readRecord(RunHeader header, SimulationLogListener listener)
      throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    byte type = in.readByte();
    switch (type) {
      case RecordType.REQUEST -> {
        List<String> groups = readGroups();
        String name = readCachedString();
        int start = in.readInt();
        int end = in.readInt();
        boolean ok = readFlag();
        String message = readCachedString();
        listener.onRequest(groups, name, start, end, ok, message);
      }
      case RecordType.USER -> {
        int scenario = in.readInt();
        boolean start = readFlag();
        int timestamp = in.readInt();
        if (scenario < 0 || scenario >= header.scenarios().size()) {
          throw corrupt(offset, "user record names scenario " + scenario + " of "
              + header.scenarios().size());
        }
        listener.onUser(header.scenarios().get(scenario), start, timestamp);
      }
      case RecordType.GROUP -> {
        List<String> groups = readGroups();
        int start = in.readInt();
        int end = in.readInt();
        int cumulated = in.readInt();
        boolean ok = readFlag();
        listener.onGroup(groups, start, end, cumulated, ok);
      }
      case RecordType.ERROR -> {
        String message = readCachedString();
        int timestamp = in.readInt();
        listener.onError(message, timestamp);
      }
      default -> throw corrupt(offset, String.format(
          "unknown record type 0x%02x (expected 1 request, 2 user, 3 group or 4 error)", type));
    }
  }

  private List<String> readGroups() throws IOException, ByteCursor.EndOfInput {
    int depth = readCount("group depth", MAX_GROUP_DEPTH);
    if (depth == 0) {
      return List.of();
    }
    List<String> path = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      path.add(readCachedString());
    }
    // One shared list per distinct path: records of the same group cost no new list.
    return groupPaths.computeIfAbsent(path, List::copyOf);
  }

  private String readCachedString() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int index = in.readInt();
    if (index >= 0) {
      // Gatling numbers new strings 1, 2, 3…: an index beyond the next one is damage, and would
      // otherwise grow the cache to it.
      if (index > stringCache.size()) {
        throw corrupt(offset, "cached string " + index + " out of sequence (the next is "
            + stringCache.size() + ")");
      }
      String value = readString();
      while (stringCache.size() <= index) {
        stringCache.add(null);
      }
      stringCache.set(index, value);
      return value;
    }
    int reference = -index;
    String value = reference < stringCache.size() ? stringCache.get(reference) : null;
    if (value == null) {
      throw corrupt(offset, "reference to cached string " + reference + ", which was never stored");
    }
    return value;
  }

  private String readString() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int length = in.readInt();
    if (length == 0) {
      return "";
    }
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw corrupt(offset, "string length " + length + " is out of range");
    }
    byte[] bytes = in.readBytes(length);
    byte coder = in.readByte();
    return switch (coder) {
      case 0 -> new String(bytes, StandardCharsets.ISO_8859_1);
      case 1 -> new String(bytes, StandardCharsets.UTF_16LE);
      default -> throw corrupt(offset, "string coder " + coder + " (expected 0 Latin-1 or 1 UTF-16)");
    };
  }

  private boolean readFlag() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    byte flag = in.readByte();
    if (flag != 0 && flag != 1) {
      throw corrupt(offset, "status byte " + flag + " (expected 0 or 1)");
    }
    return flag == 1;
  }

  private int readCount(String what, int max) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int count = in.readInt();
    if (count < 0 || count > max) {
      throw corrupt(offset, what + " " + count + " is out of range 0.." + max);
    }
    return count;
  }

  private InvalidSimulationLogException corrupt(long offset, String problem) {
    return new InvalidSimulationLogException(file, offset, problem);
  }
}
