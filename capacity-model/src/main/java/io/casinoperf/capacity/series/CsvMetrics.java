package io.casinoperf.capacity.series;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Metrics from CSV with a header row: a timestamp column (named {@code timestamp}, {@code time},
 * {@code ds} or {@code date}, else the first column; see {@link Timestamps} for the forms) and one
 * or more value columns, each a series named by its header.
 *
 * <p>The file is UTF-8, a byte-order mark allowed. Fields follow RFC 4180 (Jackson's CSV parser):
 * quoted fields may hold commas and line breaks. Blank lines are skipped. Refused, each naming the
 * file and line: a first line that holds numbers (no header), a header column without a name or
 * with the name of another, a row with more or fewer fields than the header, a timestamp {@link
 * Timestamps} does not read, a value that is not a finite number, a byte that is not UTF-8 (at
 * its own line, wherever the reading stopped), and a file with fewer than two data rows. Each
 * point keeps the line it starts on ({@link RawSeries#lines()}), counted as an editor counts.
 * What a value may be and repeated timestamps are {@link Cleaning}'s to judge.
 */
public final class CsvMetrics {
  private static final Set<String> TIMESTAMP_NAMES = Set.of("timestamp", "time", "ds", "date");
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private CsvMetrics() {}

  /** Every value column of the file. */
  public static List<RawSeries> read(Path file) {
    return read(file, List.of());
  }

  /**
   * The named value columns (all of them when {@code columns} is empty).
   *
   * @throws MetricsFormatException naming the file and line of the first problem
   */
  public static List<RawSeries> read(Path file, List<String> columns) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(reader)) {
      CsvRow first = null;
      while (CsvRow.hasNext(file, rows) && (first == null || isBlank(first))) {
        first = CsvRow.next(file, rows);
      }
      if (first == null || isBlank(first)) {
        throw new MetricsFormatException(file, 0, "empty file: expected a header row and data");
      }
      String[] header = header(file, first);
      int timeColumn = timestampColumn(header);
      int[] valueColumns = valueColumns(file, header, timeColumn, columns);
      long[] times = new long[1024];
      long[] lines = new long[1024];
      double[][] values = new double[valueColumns.length][1024];
      int n = 0;
      while (CsvRow.hasNext(file, rows)) {
        CsvRow next = CsvRow.next(file, rows);
        if (isBlank(next)) {
          continue;
        }
        long line = next.line();
        String[] row = next.cells();
        if (row.length != header.length) {
          throw new MetricsFormatException(file, line, "expected " + header.length
              + " fields (as the header), found " + row.length);
        }
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
          lines = Arrays.copyOf(lines, n * 2);
          for (int c = 0; c < values.length; c++) {
            values[c] = Arrays.copyOf(values[c], n * 2);
          }
        }
        times[n] = timestamp(file, line, row, timeColumn);
        lines[n] = line;
        for (int c = 0; c < valueColumns.length; c++) {
          values[c][n] = value(file, line, row, valueColumns[c], header[valueColumns[c]]);
        }
        n++;
      }
      if (n == 0) {
        throw new MetricsFormatException(file, 0, "no data rows after the header");
      }
      if (n == 1) {
        throw new MetricsFormatException(file, 0, "only one data row (line " + lines[0]
            + "); a forecast needs a history");
      }
      List<RawSeries> series = new ArrayList<>();
      for (int c = 0; c < valueColumns.length; c++) {
        series.add(new RawSeries(header[valueColumns[c]], Arrays.copyOf(times, n),
            Arrays.copyOf(values[c], n), Arrays.copyOf(lines, n)));
      }
      return series;
    } catch (NoSuchFileException e) {
      throw new MetricsFormatException(file, 0, "no such file");
    } catch (IOException e) {
      throw CsvRow.unreadable(file, e, 0);
    }
  }

  /**
   * The column names, stripped (and without a byte-order mark): each named, none twice, and not
   * numbers — a file whose first line holds data has no header.
   */
  private static String[] header(Path file, CsvRow row) {
    String[] names = row.cells().clone();
    if (names.length > 0 && names[0].startsWith(BYTE_ORDER_MARK)) {
      names[0] = names[0].substring(1);
    }
    for (int i = 0; i < names.length; i++) {
      names[i] = names[i].strip();
      if (isNumber(names[i])) {
        throw new MetricsFormatException(file, row.line(), "no header row: line " + row.line()
            + " holds numbers ('" + names[i] + "'); expected the column names, e.g."
            + " timestamp,rps,cpu_percent");
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty()) {
        throw new MetricsFormatException(file, row.line(), "column " + (i + 1) + " has no name");
      }
      for (int j = 0; j < i; j++) {
        if (names[j].equals(names[i])) {
          throw new MetricsFormatException(file, row.line(), "column " + (i + 1) + " is named '"
              + names[i] + "' like column " + (j + 1));
        }
      }
    }
    return names;
  }

  private static boolean isBlank(CsvRow row) {
    return row.cells().length == 1 && row.cells()[0].isBlank();
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int timestampColumn(String[] header) {
    for (int i = 0; i < header.length; i++) {
      if (TIMESTAMP_NAMES.contains(header[i].toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return 0;
  }

  private static int[] valueColumns(Path file, String[] header, int timeColumn, List<String> wanted) {
    List<Integer> chosen = new ArrayList<>();
    if (wanted.isEmpty()) {
      for (int i = 0; i < header.length; i++) {
        if (i != timeColumn) {
          chosen.add(i);
        }
      }
    } else {
      for (String name : wanted) {
        int found = -1;
        for (int i = 0; i < header.length; i++) {
          if (i != timeColumn && header[i].equals(name)) {
            found = i;
          }
        }
        if (found < 0) {
          List<String> available = new ArrayList<>();
          for (int i = 0; i < header.length; i++) {
            if (i != timeColumn) {
              available.add(header[i]);
            }
          }
          throw new MetricsFormatException(file, 1, "no column '" + name + "'; the value columns are "
              + available);
        }
        chosen.add(found);
      }
    }
    if (chosen.isEmpty()) {
      throw new MetricsFormatException(file, 1, "no value column besides the timestamp '"
          + header[timeColumn] + "'");
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long timestamp(Path file, long line, String[] row, int column) {
    try {
      return Timestamps.toEpochSeconds(row[column]);
    } catch (IllegalArgumentException e) {
      throw new MetricsFormatException(file, line, e.getMessage());
    }
  }

  private static double value(Path file, long line, String[] row, int column, String name) {
    if (row[column].isBlank()) {
      throw new MetricsFormatException(file, line, "no value for '" + name + "'");
    }
    double value;
    try {
      value = Double.parseDouble(row[column].strip());
    } catch (NumberFormatException e) {
      throw new MetricsFormatException(file, line, "'" + row[column] + "' in '" + name
          + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new MetricsFormatException(file, line, "'" + row[column] + "' in '" + name
          + "' is not a finite number");
    }
    return value;
  }
}
