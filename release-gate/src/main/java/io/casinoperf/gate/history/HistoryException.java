package io.casinoperf.gate.history;

/**
 * A history problem the user can fix: an unknown run id, a folder that cannot be written, a run
 * file that cannot be read. One line, naming the file or id.
 */
public final class HistoryException extends RuntimeException {
  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
