package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The strings of one {@code simulation.log} (layout in {@link SimulationLogReader}): plain strings
 * with their length limits, and the file's string cache. Not thread-safe.
 */
final class LogStrings {
  private final Path file;
  private final ByteCursor in;
  /** Entry i is the string stored under index i. */
  private final List<String> cache = new ArrayList<>();

  LogStrings(Path file, ByteCursor in) {
    this.file = file;
    this.in = in;
    cache.add(null);
  }

  /**
   * Reads a plain string of {@code minBytes} to {@code maxBytes} bytes.
   *
   * @param field what the string is, for the message of a refusal
   */
  String read(String field, int minBytes, int maxBytes) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int length = in.readInt();
    if (length < minBytes || length > maxBytes) {
      throw new InvalidSimulationLogException(file, offset, field + ": length " + length
          + " is out of range " + minBytes + ".." + maxBytes + " bytes");
    }
    if (length == 0) {
      return "";
    }
    byte[] bytes = in.readBytes(length);
    byte coder = in.readByte();
    if (coder == 0) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (coder != 1) {
      throw new InvalidSimulationLogException(file, offset, field + ": string coder " + coder
          + " (expected 0 Latin-1 or 1 UTF-16)");
    }
    return new String(bytes, StandardCharsets.UTF_16LE);
  }

  /**
   * Reads a cached string: a new entry (its index, then a plain string of at most {@code
   * maxBytes}) or a reference to one stored earlier.
   */
  String readCached(String field, int maxBytes) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int index = in.readInt();
    if (index >= 0) {
      // Gatling numbers new strings 1, 2, 3…: an index beyond the next one is damage, and would
      // otherwise grow the cache to it.
      if (index > cache.size()) {
        throw new InvalidSimulationLogException(file, offset, "cached string " + index
            + " out of sequence (the next is " + cache.size() + ")");
      }
      String value = read(field, 0, maxBytes);
      while (cache.size() <= index) {
        cache.add(null);
      }
      cache.set(index, value);
      return value;
    }
    int reference = -index;
    String value = reference < cache.size() ? cache.get(reference) : null;
    if (value == null) {
      throw new InvalidSimulationLogException(file, offset, "reference to cached string "
          + reference + ", which was never stored");
    }
    return value;
  }
}
