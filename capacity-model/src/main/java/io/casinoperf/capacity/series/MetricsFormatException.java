package io.casinoperf.capacity.series;

import java.nio.file.Path;

/**
 * A metrics file that cannot be used: one line naming the file, the line (0 when the problem is
 * the whole file) and what was expected. A user's mistake, not a bug.
 */
public final class MetricsFormatException extends RuntimeException {
  private final Path file;
  private final long line;

  public MetricsFormatException(Path file, long line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem, null, false, false);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }
}
