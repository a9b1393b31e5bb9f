package io.casinoperf.capacity.series;

import com.fasterxml.jackson.databind.MappingIterator;
import java.nio.file.Path;

/**
 * One row of a CSV input file and the line it starts on, for errors that name file and line.
 *
 * @param line 1-based line of the row
 * @param cells its fields as text
 */
public record CsvRow(long line, String[] cells) {

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
      throw new MetricsFormatException(file, line, "unreadable CSV row ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }
}
