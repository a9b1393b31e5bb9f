package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The strings of one {@code simulation.log} (layout in {@link SimulationLogReader}): plain strings
 * with their length limits, and the file's string cache. Gatling numbers new cache entries 1, 2,
 * 3… and never stores an index twice, so a new entry under any other index is damage, as is a
 * reference to an index never stored. Not thread-safe.
 */
final class LogStrings {
  private final Path file;
  private final ByteCursor in;
  /** Entry i is the string stored under index i; entry 0 is never used, as Gatling starts at 1. */
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
    if (length % 2 != 0) {
      throw new InvalidSimulationLogException(file, offset, field + ": a UTF-16 string of "
          + length + " bytes; expected an even length");
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
    if (index < 0) {
      long reference = -(long) index;
      if (reference >= cache.size()) {
        throw new InvalidSimulationLogException(file, offset, "reference to cached string "
            + reference + ", which was never stored");
      }
      return cache.get((int) reference);
    }
    // Anything but the next index is damage; a far one would otherwise grow the cache to it.
    if (index != cache.size()) {
      throw new InvalidSimulationLogException(file, offset, "cached string " + index
          + " out of sequence (the next is " + cache.size() + ")");
    }
    String value = read(field, 0, maxBytes);
    cache.add(value);
    return value;
  }
}
