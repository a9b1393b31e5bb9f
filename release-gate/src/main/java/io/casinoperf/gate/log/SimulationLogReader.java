package io.casinoperf.gate.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
 * positive index is followed by a string, stored under that index; a negative index refers to the
 * string stored under its opposite. Gatling numbers new strings 1, 2, 3… in order, one cache per
 * file.
 *
 * <h2>What is refused</h2>
 *
 * The format has no checksum, so a damaged byte is found only where it makes a value Gatling
 * cannot write; each such value throws {@link InvalidSimulationLogException} with the byte offset
 * of its field or record. The run header must be plausible ({@code RunHeaderReader}). Gatling's
 * clock is monotonic and read after the run start, and its writer appends each record as it
 * completes, so: no timestamp lies before the run start, no request or group ends before it
 * starts, no record completes more than an hour ({@code RecordReader}) before one read earlier.
 * Gatling writes a message only with a KO, so an OK request with a message is a flipped status
 * byte. Strings must have a known coder (UTF-16 ones an even length) and a cached string must be
 * the next index or a reference to one already stored. These are a few comparisons per record.
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

  private static final int BUFFER_BYTES = 1 << 18;

  private final Path file;
  private final FileChannel channel;
  private final ByteCursor in;
  private final long fileBytes;
  private final RunHeader header;
  private final RecordReader recordReader;
  private long records;
  private long validBytes;
  private boolean partial;
  private boolean done;

  /** Reads the run header; the cursor is then at the first record. */
  private SimulationLogReader(Path file, FileChannel channel, long fileBytes) throws IOException {
    this.file = file;
    this.channel = channel;
    this.in = new ByteCursor(channel, BUFFER_BYTES);
    this.fileBytes = fileBytes;
    LogStrings strings = new LogStrings(file, in);
    this.header = new RunHeaderReader(file, in, strings).read();
    this.recordReader = new RecordReader(file, in, strings, header);
    this.validBytes = in.offset();
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
      return new SimulationLogReader(file, channel, size);
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
      recordReader.read(listener);
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
}
