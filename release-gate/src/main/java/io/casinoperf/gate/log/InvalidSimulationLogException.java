package io.casinoperf.gate.log;

import java.nio.file.Path;

/**
 * A file that is not a readable Gatling {@code simulation.log}: not a Gatling log at all, written
 * by an unsupported Gatling version, or corrupt. A user's mistake, not a bug: the message is one
 * line naming the file, the byte offset and what was expected there.
 */
public final class InvalidSimulationLogException extends RuntimeException {
  private final Path file;
  private final long offset;

  InvalidSimulationLogException(Path file, long offset, String problem) {
    super(file + " (byte " + offset + "): " + problem, null, false, false);
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  /** Offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
