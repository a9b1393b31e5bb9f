package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad metrics files at the command line: one line naming the metrics file, the place and the
 * cause, exit code 2, and no forecast.json or capacity.html left behind; a repeated sample is a
 * warning the user sees.
 */
class ForecastInputErrorsTest {
  @TempDir static Path data;
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(data, 42, 900, 3.0, 11);
  }

  private Result forecast(Path metrics) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {"forecast", metrics.toString(), "--plan", data.resolve("plan.yaml").toString(),
        "--calendar", data.resolve("calendar.yaml").toString(), "--out", dir.resolve("report").toString()};
    int code = CasinoPerf.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The generated metrics with lines changed: line 1 is the header. */
  private Path metrics(String name, UnaryOperator<List<String>> change) throws Exception {
    List<String> lines = change.apply(new ArrayList<>(Files.readAllLines(data.resolve("metrics.csv"))));
    return Files.write(dir.resolve(name), lines);
  }

  private static List<String> set(List<String> lines, int line, String text) {
    lines.set(line - 1, text);
    return lines;
  }

  /** One line on stderr naming the file, exit 2, nothing written. */
  private void assertRefused(Path metrics, String expected) {
    Result result = forecast(metrics);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo("casinoperf: " + metrics + expected);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("report/forecast.json")).doesNotExist();
    assertThat(dir.resolve("report/capacity.html")).doesNotExist();
  }

  @Test
  void anExtraFieldIsOneLineNamingFileAndLine() throws Exception {
    Path file = metrics("extra.csv", l -> set(l, 3, l.get(2) + ",5"));

    assertRefused(file, ":3: expected 5 fields (as the header), found 6");
  }

  @Test
  void aNegativeOrAbsurdValueIsOneLineNamingFileLineAndColumn() throws Exception {
    Path negative = metrics("negative.csv", l -> set(l, 10, l.get(9).replaceFirst(",[^,]+,", ",-3,")));
    Path huge = metrics("huge.csv", l -> set(l, 11, l.get(10).replaceFirst(",[^,]+$", ",1.7e308")));

    assertRefused(negative, ":10: series 'rps': -3 is negative; every series is a quantity of 0 or more"
        + " (requests, percent, connections, bytes)");
    assertRefused(huge, ":11: series 'redis_used_bytes': 1.7E308 is too large; values must be below 1e15");
  }

  @Test
  void twoDifferentValuesAtOneTimeAreOneLineNamingSeriesTimeValuesAndLines() throws Exception {
    Path file = metrics("conflict.csv", l -> {
      String[] cells = l.get(1).split(",");
      l.set(1, cells[0] + ",1000.25," + cells[2] + "," + cells[3] + "," + cells[4]);
      l.add(cells[0] + ",1000.5," + cells[2] + "," + cells[3] + "," + cells[4]);
      return l;
    });
    int last = Files.readAllLines(file).size();

    assertRefused(file, ":" + last + ": series 'rps' has two different values at 2025-01-01T00:00:00Z:"
        + " 1000.25 on line 2 and 1000.5 on line " + last + "; keep one of them");
  }

  @Test
  void badTimestampsAreOneLineNamingTheRealCause() throws Exception {
    Path excel = metrics("excel.csv", l -> set(l, 2, l.get(1).replaceFirst("^\\d+", "45620.75")));
    Path tooLong = metrics("digits.csv", l -> set(l, 4, l.get(3).replaceFirst("^\\d+", "99999999999")));

    assertRefused(excel, ":2: timestamp '45620.75' looks like an Excel serial date"
        + " (2024-11-24T18:00:00Z if it is one); export ISO-8601 or epoch seconds");
    assertRefused(tooLong, ":4: timestamp '99999999999' is not a time from 2000 to 2099 as epoch"
        + " seconds nor as epoch milliseconds");
  }

  @Test
  void aMissingHeaderRowNamesTheMetricsFileNotThePlan() throws Exception {
    Path file = metrics("bare.csv", l -> l.subList(1, l.size()));
    String firstTime = Files.readAllLines(file).get(0).split(",")[0];

    assertRefused(file, ":1: no header row: line 1 holds numbers ('" + firstTime + "'); expected the"
        + " column names, e.g. timestamp,rps,cpu_percent");
  }

  @Test
  void aOneRowFileAndAConstantSeriesSaySo() throws Exception {
    Path one = metrics("one.csv", l -> l.subList(0, 2));
    Path constant = metrics("constant.csv", l -> {
      for (int i = 1; i < l.size(); i++) {
        l.set(i, l.get(i).replaceFirst("^(\\d+,[^,]+),[^,]+", "$1,42"));
      }
      return l;
    });

    assertRefused(one, ": only one data row (line 2); a forecast needs a history");
    assertRefused(constant, ": series cpu_percent is constant (every value is 42): there is no pattern"
        + " to fit and no relation to traffic to learn");
  }

  @Test
  void aByteThatIsNotUtf8AfterBlankLinesIsOneLineNamingItsLine() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("metrics.csv")));
    lines.add(3, "");
    lines.add(3, "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
      if (i == 2000) {
        line[0] = (byte) 0xE9;
      }
      bytes.writeBytes(line);
    }
    Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

    assertRefused(file, ":2001: byte 0xE9 at column 1 is not UTF-8; save the file as UTF-8");
  }

  @Test
  void anExactlyRepeatedSampleIsAWarningOnTheConsoleAndInForecastJson() throws Exception {
    Path file = metrics("repeat.csv", l -> {
      l.add(l.get(1));
      return l;
    });
    int last = Files.readAllLines(file).size();
    String warning = "rps: 1 exact repeat of a sample (same time, same value) dropped; the first: "
        + file + ":" + last + " repeats line 2.";

    Result result = forecast(file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("warning: " + warning);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(json.get("warnings").toString()).contains(new ObjectMapper().writeValueAsString(warning));
    assertThat(json.at("/data/0/duplicatesMerged").asInt()).isEqualTo(1);
  }
}
