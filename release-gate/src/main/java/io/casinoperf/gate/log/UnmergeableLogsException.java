package io.casinoperf.gate.log;

/**
 * Logs that cannot be merged into one: written by different simulations or Gatling versions,
 * started too far apart for the format's timestamps, or the same file given twice. A user's
 * mistake, not a bug: the message is one line naming the files.
 */
public final class UnmergeableLogsException extends RuntimeException {
  UnmergeableLogsException(String message) {
    super(message, null, false, false);
  }
}
