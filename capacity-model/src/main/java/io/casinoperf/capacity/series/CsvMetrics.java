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
 * or more value columns, each a series. Quoted fields are fine (Jackson's CSV parser).
 */
public final class CsvMetrics {
  private static final Set<String> TIMESTAMP_NAMES = Set.of("timestamp", "time", "ds", "date");
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

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
      if (!rows.hasNext()) {
        throw new MetricsFormatException(file, 0, "empty file: expected a header row and data");
      }
      String[] header = rows.next();
      int timeColumn = timestampColumn(header);
      int[] valueColumns = valueColumns(file, header, timeColumn, columns);
      long[] times = new long[1024];
      double[][] values = new double[valueColumns.length][1024];
      int n = 0;
      while (rows.hasNext()) {
        CsvRow next = CsvRow.next(file, rows);
        long line = next.line();
        String[] row = next.cells();
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
          for (int c = 0; c < values.length; c++) {
            values[c] = Arrays.copyOf(values[c], n * 2);
          }
        }
        times[n] = timestamp(file, line, row, timeColumn);
        for (int c = 0; c < valueColumns.length; c++) {
          values[c][n] = value(file, line, row, valueColumns[c], header[valueColumns[c]]);
        }
        n++;
      }
      if (n == 0) {
        throw new MetricsFormatException(file, 0, "no data rows after the header");
      }
      List<RawSeries> series = new ArrayList<>();
      for (int c = 0; c < valueColumns.length; c++) {
        series.add(new RawSeries(header[valueColumns[c]].strip(), Arrays.copyOf(times, n),
            Arrays.copyOf(values[c], n)));
      }
      return series;
    } catch (NoSuchFileException e) {
      throw new MetricsFormatException(file, 0, "no such file");
    } catch (IOException e) {
      throw new MetricsFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
    }
  }

  private static int timestampColumn(String[] header) {
    for (int i = 0; i < header.length; i++) {
      if (TIMESTAMP_NAMES.contains(header[i].strip().toLowerCase(Locale.ROOT))) {
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
          if (i != timeColumn && header[i].strip().equals(name)) {
            found = i;
          }
        }
        if (found < 0) {
          List<String> available = new ArrayList<>();
          for (int i = 0; i < header.length; i++) {
            if (i != timeColumn) {
              available.add(header[i].strip());
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
    if (column >= row.length) {
      throw new MetricsFormatException(file, line, "missing timestamp (column " + (column + 1) + ")");
    }
    try {
      return Timestamps.toEpochSeconds(row[column]);
    } catch (IllegalArgumentException e) {
      throw new MetricsFormatException(file, line, e.getMessage());
    }
  }

  private static double value(Path file, long line, String[] row, int column, String name) {
    if (column >= row.length || row[column].isBlank()) {
      throw new MetricsFormatException(file, line, "no value for '" + name.strip() + "'");
    }
    double value;
    try {
      value = Double.parseDouble(row[column].strip());
    } catch (NumberFormatException e) {
      throw new MetricsFormatException(file, line, "'" + row[column] + "' in '" + name.strip()
          + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new MetricsFormatException(file, line, "'" + row[column] + "' in '" + name.strip()
          + "' is not a finite number");
    }
    return value;
  }
}
