package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a saved query_range answer may hold beyond the shape readsAPrometheusQueryRangeAnswer reads. */
class PrometheusMetricsTest {
  @TempDir Path dir;

  private static final String ANSWER = """
      {"status": "success",
       "data": {"resultType": "matrix", "result": [
         {"metric": {"__name__": "rps"}, "values": [[1700000000, "40"], [1700000060, "41"]]}
       ]}}""";

  private Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("rps.json"), content);
  }

  @Test
  void refusesASecondDocumentAfterTheAnswerNamingLineAndColumn() throws Exception {
    Path file = file(ANSWER + "\n  {\"status\": \"success\"}\n");

    assertThatThrownBy(() -> PrometheusMetrics.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(file + ":5: not valid JSON at column 3: more after the end of the answer;"
            + " expected one query_range answer per file")
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isEqualTo(5));
  }

  @Test
  void refusesTrailingGarbageNamingLineAndColumn() throws Exception {
    Path file = file(ANSWER + " oops\n");

    assertThatThrownBy(() -> PrometheusMetrics.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageStartingWith(file + ":4: not valid JSON at column ")
        .hasMessageContaining("'oops'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void refusesAKeyGivenTwiceRatherThanLettingTheLastWin() throws Exception {
    Path status = file(ANSWER.replace("{\"status\": \"success\",",
        "{\"status\": \"error\", \"status\": \"success\","));

    assertThatThrownBy(() -> PrometheusMetrics.read(status))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageStartingWith(status + ":1: not valid JSON at column ")
        .hasMessageContaining("'status' given twice in one object");
  }

  @Test
  void refusesALabelGivenTwiceBecauseItWouldRenameTheSeries() throws Exception {
    Path label = file(ANSWER.replace("{\"__name__\": \"rps\"}",
        "{\"__name__\": \"rps\",\n \"instance\": \"app-1\", \"instance\": \"app-2\"}"));

    assertThatThrownBy(() -> PrometheusMetrics.read(label))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageStartingWith(label + ":4: not valid JSON at column ")
        .hasMessageContaining("'instance' given twice in one object");
  }

  @Test
  void refusesMillisecondTimestampsRatherThanPlacingPointsCenturiesAhead() throws Exception {
    Path millis = file(ANSWER.replace("[1700000060, \"41\"]", "[1700000060000, \"41\"]"));

    assertThatThrownBy(() -> PrometheusMetrics.read(millis))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(millis + ": series rps, point 1: timestamp 1700000060000 is not epoch seconds between"
            + " 1970 and 9999 (Prometheus writes seconds; milliseconds are a thousand times larger)");
  }
}
