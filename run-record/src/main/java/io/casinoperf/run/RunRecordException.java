package io.casinoperf.run;

import java.nio.file.Path;

/** A run record that cannot be used; the message names the file and what is wrong, in one line. */
public final class RunRecordException extends RuntimeException {
  private final transient Path file;

  public RunRecordException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
