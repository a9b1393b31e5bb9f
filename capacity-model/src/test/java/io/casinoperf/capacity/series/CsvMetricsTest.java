package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the metrics CSV reader refuses, and that it names the right file, line and cause. */
class CsvMetricsTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void refusesAnExtraFieldNamingItsLine() throws Exception {
    // A decimal comma splits one value into two fields.
    Path file = csv("extra.csv", "timestamp,rps\n1700000000,1\n1700000060,1,5\n1700000120,2\n");

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(file + ":3: expected 2 fields (as the header), found 3");
  }

  @Test
  void refusesAMissingFieldNamingItsLine() throws Exception {
    Path file = csv("short.csv", "timestamp,rps,cpu\n1700000000,1,2\n1700000060,1\n");

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .hasMessage(file + ":3: expected 3 fields (as the header), found 2");
  }

  @Test
  void refusesAFileWithoutAHeaderRowNamingTheMetricsFile() throws Exception {
    Path file = csv("bare.csv", "1700000000,100,40\n1700000060,101,41\n1700000120,99,40\n");

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .hasMessage(file + ":1: no header row: line 1 holds numbers ('1700000000'); expected the"
            + " column names, e.g. timestamp,rps,cpu_percent");
  }

  @Test
  void refusesAHeaderWithABlankOrRepeatedColumnName() throws Exception {
    Path blank = csv("blank.csv", "timestamp,rps,\n1700000000,1,\n1700000060,2,\n");
    Path twice = csv("twice.csv", "timestamp,rps,cpu,rps\n1700000000,1,2,3\n1700000060,2,3,4\n");

    assertThatThrownBy(() -> CsvMetrics.read(blank)).hasMessage(blank + ":1: column 3 has no name");
    assertThatThrownBy(() -> CsvMetrics.read(twice))
        .hasMessage(twice + ":1: column 4 is named 'rps' like column 2");
  }

  @Test
  void refusesAFileWithOneDataRow() throws Exception {
    Path file = csv("one.csv", "timestamp,rps\n\n1700000000,1\n\n");

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .hasMessage(file + ": only one data row (line 3); a forecast needs a history");
  }

  @Test
  void refusesAnExcelSerialDateNamingFileAndLine() throws Exception {
    Path file = csv("excel.csv", "date,rps\n45620.75,3\n45620.76,4\n");

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .hasMessage(file + ":2: timestamp '45620.75' looks like an Excel serial date"
            + " (2024-11-24T18:00:00Z if it is one); export ISO-8601 or epoch seconds");
  }

  @Test
  void readsAHeaderThatStartsWithAByteOrderMark() throws Exception {
    Path file = csv("bom.csv", "\uFEFFrps,timestamp\n1,1700000000\n2,1700000060\n");

    assertThat(CsvMetrics.read(file)).extracting(RawSeries::name).containsExactly("rps");
  }

  @Test
  void skipsBlankLinesBeforeTheHeader() throws Exception {
    Path file = csv("late-header.csv", "\n\ntimestamp,rps\n1700000000,1\n1700000060,2\n");

    assertThat(CsvMetrics.read(file).get(0).lines()).containsExactly(4L, 5L);
    assertThatThrownBy(() -> CsvMetrics.read(csv("blank.csv", "\n\n")))
        .hasMessage(dir.resolve("blank.csv") + ": empty file: expected a header row and data");
  }

  /** Line 1 header, 2 a row, 3–4 blank, 5–6 one row, 7–8 one row (CRLF), 9 blank (CRLF). */
  private static final String AWKWARD_START = "timestamp,rps,note\n1700000000,1,a\n\n\n"
      + "1700000060,2,\"two\nlines\"\n1700000120,3,\"x\r\ny\"\r\n\r\n";

  @Test
  void eachPointKnowsTheLineItStartsOnPastBlankLinesAndQuotedNewlines() throws Exception {
    Path file = csv("lines.csv", AWKWARD_START + "1700000180,4,b\n");

    RawSeries rps = CsvMetrics.read(file, List.of("rps")).get(0);

    assertThat(rps.lines()).containsExactly(2L, 5L, 7L, 10L);
  }

  @Test
  void pointLinesMatchAnEditorsLineNumbersAcrossReadBuffers() throws Exception {
    // Seeded: rows with blank lines, CRLF and quoted fields over several lines between them,
    // ten times the read-ahead buffer, each point's line counted while writing.
    Random random = new Random(7);
    StringBuilder text = new StringBuilder("timestamp,rps,note\n");
    List<Long> expected = new ArrayList<>();
    long line = 2;
    for (int i = 0; i < 3000; i++) {
      String end = random.nextInt(3) == 0 ? "\r\n" : "\n";
      if (random.nextInt(6) == 0) {
        text.append(end);
        line++;
        continue;
      }
      expected.add(line);
      text.append(1_700_000_000L + 60L * i).append(',').append(i).append(',');
      if (random.nextInt(5) == 0) {
        int breaks = 1 + random.nextInt(3);
        text.append('"');
        for (int b = 0; b < breaks; b++) {
          text.append("x".repeat(random.nextInt(40))).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        text.append("said \"\"hi\"\"\"");
        line += breaks;
      } else {
        text.append("n".repeat(random.nextInt(60)));
      }
      text.append(end);
      line++;
    }
    Path file = csv("random.csv", text.toString());

    assertThat(CsvMetrics.read(file, List.of("rps")).get(0).lines())
        .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void namesTheLineOfAFieldThatDoesNotParseAfterBlankLinesAndQuotedNewlines() throws Exception {
    Path file = csv("late.csv", AWKWARD_START + "1700000180,4,b\n1700000240,lots,c\n");

    assertThatThrownBy(() -> CsvMetrics.read(file, List.of("rps")))
        .hasMessage(file + ":11: 'lots' in 'rps' is not a number");
  }

  @Test
  void namesTheLineAndColumnOfAByteThatIsNotUtf8() throws Exception {
    // The bad byte is on line 2001, past blank lines, quoted newlines and more text than any
    // read-ahead buffer holds.
    StringBuilder text = new StringBuilder(AWKWARD_START);
    for (int line = 10; line < 2001; line++) {
      text.append(1_700_000_180L + 60L * line).append(',').append(line).append(",ok\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("1800000000,7,caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // 'é' in Latin-1
    bytes.writeBytes("\n1800000060,8,ok\n".getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

    assertThatThrownBy(() -> CsvMetrics.read(file, List.of("rps")))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(file + ":2001: byte 0xE9 at column 17 is not UTF-8; save the file as UTF-8");
  }

  @Test
  void namesTheLineOfAByteThatIsNotUtf8InTheHeader() throws Exception {
    Path file = Files.write(dir.resolve("header.csv"), new byte[] {'t', 'i', 'm', 'e', ',', (byte) 0xFF, '\n'});

    assertThatThrownBy(() -> CsvMetrics.read(file))
        .hasMessage(file + ":1: byte 0xFF at column 6 is not UTF-8; save the file as UTF-8");
  }
}
