package io.casinoperf.gate.log;

import java.nio.file.Path;

/**
 * A file that is not a readable Gatling {@code simulation.log}: not a Gatling log at all, written
 * by an unsupported Gatling version, or corrupt. A user's mistake, not a bug: the message is one
 * line naming the file, the byte offset and what was expected there.
 */
public final class InvalidSimulationLogException extends RuntimeException {
  private static final int SHOWN_CHARS = 80;

  private final Path file;
  private final long offset;

  InvalidSimulationLogException(Path file, long offset, String problem) {
    super(file + " (byte " + offset + "): " + problem, null, false, false);
    this.file = file;
    this.offset = offset;
  }

  /**
   * {@code text} from a log, in double quotes, for a one-line message: line breaks, control,
   * format, private-use and unassigned characters written as Java's Unicode escapes, a quote or a
   * backslash escaped, cut after 80 characters (damage can make any bytes a name).
   */
  static String shown(String text) {
    StringBuilder shown = new StringBuilder("\"");
    int chars = 0;
    for (int i = 0; i < text.length(); chars++) {
      if (chars == SHOWN_CHARS) {
        return shown.append("\"… (").append(text.length()).append(" characters)").toString();
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
            Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
            shown.append(String.format("\\u%04x", c));
        default -> {
          if (c == '"' || c == '\\') {
            shown.append('\\');
          }
          shown.appendCodePoint(c);
        }
      }
    }
    return shown.append('"').toString();
  }

  public Path file() {
    return file;
  }

  /** Offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
