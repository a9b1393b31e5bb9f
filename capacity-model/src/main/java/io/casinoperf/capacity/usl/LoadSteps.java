package io.casinoperf.capacity.usl;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.casinoperf.capacity.series.CsvRow;
import io.casinoperf.capacity.series.MetricsFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Reads the steps of a stepped load test ("capacity probe") from CSV, one row per step:
 *
 * <pre>
 * concurrency,throughput_per_s,p99_ms,error_rate,mean_ms,scv
 * 1,98.6,11,0,10.1,0.52
 * 2,195.1,12,0,10.2,0.55
 * 4,377.0,14,0.0005,10.6,0.61
 * 4,380.2,14,0,10.5,0.60
 * 8,702.9,19,0.001,11.4,0.70
 * </pre>
 *
 * <ul>
 *   <li>{@code concurrency} (required): concurrent users or threads held during the step, a
 *       number {@code > 0}. The same level may appear more than once (repeated measurements).
 *   <li>{@code throughput_per_s} (required; {@code throughput} is accepted instead): completed
 *       requests per second over the step's steady part, {@code > 0}.
 *   <li>{@code p99_ms} (optional): 99th-percentile response time in milliseconds, {@code >= 0}.
 *   <li>{@code error_rate} (optional): failed / all requests, a fraction {@code 0..1}.
 *   <li>{@code mean_ms} and {@code scv} (optional): the response time's mean in milliseconds
 *       ({@code > 0}) and squared coefficient of variation ({@code >= 0}), which the queueing
 *       model takes at the lowest level as the service time's.
 * </ul>
 *
 * <p>The header row is required; names are matched case-insensitively, columns may come in any
 * order, and other columns (a step start time, say) are ignored. A column named twice, or both
 * spellings of the throughput, is refused rather than one of them winning; so is a non-blank
 * value beyond the header's columns (a decimal comma splits {@code 98,6} in two). An empty
 * optional cell, like a missing optional column, reads as NaN. Blank lines are skipped. Quoting follows RFC 4180
 * (Jackson's CSV parser). At least three steps are required, because the Universal Scalability
 * Law has three parameters.
 */
public final class LoadSteps {
  /** Fewest steps that can determine the USL's three parameters. */
  public static final int MINIMUM_STEPS = 3;

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private LoadSteps() {}

  /**
   * The steps in file order.
   *
   * @throws MetricsFormatException naming the file and line of the first problem
   */
  public static List<LoadStep> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(reader)) {
      if (!CsvRow.hasNext(file, rows)) {
        throw new MetricsFormatException(file, 0, "empty file: expected a header row "
            + "(concurrency,throughput_per_s[,p99_ms][,error_rate][,mean_ms,scv]) and one row per step");
      }
      String[] header = rows.next();
      Columns columns = Columns.of(file, header);
      List<String[]> cells = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      while (CsvRow.hasNext(file, rows)) {
        CsvRow next = CsvRow.next(file, rows);
        long line = next.line();
        String[] row = next.cells();
        if (Arrays.stream(row).allMatch(String::isBlank)) {
          continue;
        }
        for (int extra = header.length; extra < row.length; extra++) {
          if (!row[extra].isBlank()) {
            throw new MetricsFormatException(file, line, "'" + row[extra].strip() + "' is beyond the "
                + header.length + " columns of the header; expected one value per column (a decimal"
                + " comma splits a number in two)");
          }
        }
        cells.add(row);
        lines.add(line);
      }
      List<Integer> resourceColumns = resourceColumns(header, columns, cells);
      List<LoadStep> steps = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        steps.add(step(file, lines.get(i), cells.get(i), header, columns, resourceColumns));
      }
      if (steps.size() < MINIMUM_STEPS) {
        throw new MetricsFormatException(file, 0, (steps.isEmpty() ? "no steps"
            : "only " + steps.size() + (steps.size() == 1 ? " step" : " steps"))
            + " after the header; the Universal Scalability Law has three parameters (sigma, "
            + "kappa, lambda), so at least " + MINIMUM_STEPS + " steps are needed");
      }
      return List.copyOf(steps);
    } catch (NoSuchFileException e) {
      throw new MetricsFormatException(file, 0, "no such file");
    } catch (IOException e) {
      throw CsvRow.unreadable(file, e, 0);
    }
  }

  /**
   * The columns that are none of the known ones and hold numbers only (where not blank), at least
   * one: what each step cost the platform, as a capacity probe writes them. Other columns (a
   * start time, a note) are ignored.
   */
  private static List<Integer> resourceColumns(String[] header, Columns columns, List<String[]> rows) {
    List<Integer> resources = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      if (columns.known(c) || header[c].isBlank()) {
        continue;
      }
      boolean any = false;
      boolean numbers = true;
      for (String[] row : rows) {
        if (c < row.length && !row[c].isBlank()) {
          any = true;
          try {
            numbers &= Double.isFinite(Double.parseDouble(row[c].strip()));
          } catch (NumberFormatException e) {
            numbers = false;
          }
        }
      }
      if (any && numbers) {
        resources.add(c);
      }
    }
    return resources;
  }

  private static LoadStep step(Path file, long line, String[] row, String[] header,
      Columns columns, List<Integer> resourceColumns) {
    double concurrency = required(file, line, row, columns.concurrency, header);
    double throughput = required(file, line, row, columns.throughput, header);
    double p99 = optional(file, line, row, columns.p99, header);
    if (p99 < 0) {
      throw new MetricsFormatException(file, line, "'" + row[columns.p99].strip() + "' in '"
          + name(header, columns.p99) + "' is negative; expected milliseconds >= 0");
    }
    double errorRate = optional(file, line, row, columns.errorRate, header);
    if (errorRate < 0 || errorRate > 1) {
      throw new MetricsFormatException(file, line, "'" + row[columns.errorRate].strip()
          + "' in '" + name(header, columns.errorRate) + "' is not a fraction between 0 and 1");
    }
    double mean = optional(file, line, row, columns.mean, header);
    if (mean <= 0) {
      throw new MetricsFormatException(file, line, "'" + row[columns.mean].strip() + "' in '"
          + name(header, columns.mean) + "' must be greater than 0 ms");
    }
    double scv = optional(file, line, row, columns.scv, header);
    if (scv < 0) {
      throw new MetricsFormatException(file, line, "'" + row[columns.scv].strip() + "' in '"
          + name(header, columns.scv) + "' is negative; a squared coefficient of variation is >= 0");
    }
    Map<String, Double> resources = new LinkedHashMap<>();
    for (int c : resourceColumns) {
      if (c < row.length && !row[c].isBlank()) {
        resources.put(name(header, c), Double.parseDouble(row[c].strip()));
      }
    }
    return new LoadStep(concurrency, throughput, p99, errorRate, mean, scv, resources);
  }

  private static double required(Path file, long line, String[] row, int column,
      String[] header) {
    if (column >= row.length || row[column].isBlank()) {
      throw new MetricsFormatException(file, line, "no value for '" + name(header, column) + "'");
    }
    double value = number(file, line, row[column], name(header, column));
    if (!(value > 0)) {
      throw new MetricsFormatException(file, line, "'" + row[column].strip() + "' in '"
          + name(header, column) + "' must be greater than 0");
    }
    return value;
  }

  private static double optional(Path file, long line, String[] row, int column,
      String[] header) {
    if (column < 0 || column >= row.length || row[column].isBlank()) {
      return Double.NaN;
    }
    return number(file, line, row[column], name(header, column));
  }

  private static double number(Path file, long line, String cell, String name) {
    double value;
    try {
      value = Double.parseDouble(cell.strip());
    } catch (NumberFormatException e) {
      throw new MetricsFormatException(file, line, "'" + cell + "' in '" + name
          + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new MetricsFormatException(file, line, "'" + cell + "' in '" + name
          + "' is not a finite number");
    }
    return value;
  }

  private static String name(String[] header, int column) {
    return header[column].strip();
  }

  /** Column positions; -1 for an absent optional column. */
  private record Columns(int concurrency, int throughput, int p99, int errorRate, int mean, int scv,
      int otherThroughput) {
    boolean known(int column) {
      return column == concurrency || column == throughput || column == p99 || column == errorRate
          || column == mean || column == scv || column == otherThroughput;
    }

    static Columns of(Path file, String[] header) {
      int concurrency = find(file, header, "concurrency");
      int throughput = find(file, header, "throughput_per_s");
      int throughputShort = find(file, header, "throughput");
      if (throughput >= 0 && throughputShort >= 0) {
        throw new MetricsFormatException(file, 1, "columns 'throughput_per_s' (" + (throughput + 1)
            + ") and 'throughput' (" + (throughputShort + 1) + ") are the same measure; expected only"
            + " one of them");
      }
      if (throughput < 0) {
        throughput = throughputShort;
      }
      if (concurrency < 0 || throughput < 0) {
        List<String> found = Arrays.stream(header).map(String::strip).toList();
        String missing = concurrency < 0 ? "'concurrency'" : "'throughput_per_s' (or 'throughput')";
        throw new MetricsFormatException(file, 1, "no column " + missing + "; the columns are "
            + found);
      }
      return new Columns(concurrency, throughput, find(file, header, "p99_ms"),
          find(file, header, "error_rate"), find(file, header, "mean_ms"), find(file, header, "scv"),
          throughputShort);
    }

    /** The column of this name, -1 when there is none; a name given twice is refused. */
    private static int find(Path file, String[] header, String name) {
      int found = -1;
      for (int i = 0; i < header.length; i++) {
        if (header[i].strip().toLowerCase(Locale.ROOT).equals(name)) {
          if (found >= 0) {
            throw new MetricsFormatException(file, 1, "column '" + name + "' given twice (columns "
                + (found + 1) + " and " + (i + 1) + "); expected it once");
          }
          found = i;
        }
      }
      return found;
    }
  }
}
