package io.casinoperf.capacity.series;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * One row of a CSV input file and the line it starts on, for errors that name file and line.
 * Lines count as an editor counts them: blank lines and the line breaks inside quoted fields
 * included.
 *
 * @param line 1-based line of the row
 * @param cells its fields as text
 */
public record CsvRow(long line, String[] cells) {

  /**
   * Whether {@code rows} has another row.
   *
   * @throws MetricsFormatException naming the file (and the line, for bytes that are not UTF-8)
   *     when the rest of the file cannot be read
   */
  public static boolean hasNext(Path file, MappingIterator<String[]> rows) {
    long line = rows.getCurrentLocation().getLineNr();
    try {
      return rows.hasNext();
    } catch (RuntimeException e) {
      throw unreadable(file, e, line);
    }
  }

  /**
   * The next row of {@code rows} (call only while it has one).
   *
   * @throws MetricsFormatException naming the file and line when Jackson cannot read the row
   */
  public static CsvRow next(Path file, MappingIterator<String[]> rows) {
    long line = rows.getCurrentLocation().getLineNr();
    try {
      return new CsvRow(line, rows.next());
    } catch (RuntimeException e) {
      throw unreadable(file, e, line);
    }
  }

  /**
   * The one-line error for a file that cannot be read further: for bytes that are not UTF-8, the
   * line and column of the first of them, wherever the reading stopped; otherwise {@code line}.
   */
  public static MetricsFormatException unreadable(Path file, Exception e, long line) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CharacterCodingException) {
        MetricsFormatException located = Utf8.firstInvalidByte(file);
        if (located != null) {
          return located;
        }
      }
    }
    if (e instanceof IOException) {
      return new MetricsFormatException(file, line, "cannot read (" + e.getMessage() + ")");
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new MetricsFormatException(file, line, "unreadable CSV row ("
        + message.lines().findFirst().orElse("") + ")");
  }
}
