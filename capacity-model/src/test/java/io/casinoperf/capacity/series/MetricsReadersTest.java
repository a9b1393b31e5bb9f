package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsReadersTest {
  @TempDir Path dir;

  private static Path data(String name) throws URISyntaxException {
    return Path.of(MetricsReadersTest.class.getClassLoader().getResource("data/" + name).toURI());
  }

  @Test
  void readsTheRealNabCpuSeries() throws Exception {
    List<RawSeries> series = CsvMetrics.read(data("nab/cpu_utilization_asg_misconfiguration.csv"));

    assertThat(series).singleElement().extracting(RawSeries::name).isEqualTo("value");
    RawSeries cpu = series.get(0);
    long lines = Files.lines(data("nab/cpu_utilization_asg_misconfiguration.csv")).count();
    assertThat(cpu.size()).isEqualTo(lines - 1);
    assertThat(cpu.epochSeconds()[0]).isEqualTo(Instant.parse("2014-05-14T01:14:00Z").getEpochSecond());
    assertThat(cpu.values()[0]).isEqualTo(85.835);
    assertThat(cpu.epochSeconds()[1] - cpu.epochSeconds()[0]).isEqualTo(300);
  }

  @Test
  void readsTheRealProphetSeriesWithQuotedHeaderAndDates() throws Exception {
    RawSeries views = CsvMetrics.read(data("prophet/example_wp_log_peyton_manning.csv")).get(0);

    assertThat(views.name()).isEqualTo("y");
    assertThat(views.epochSeconds()[0]).isEqualTo(Instant.parse("2007-12-10T00:00:00Z").getEpochSecond());
    assertThat(views.values()[0]).isEqualTo(9.59076113897809);
  }

  @Test
  void severalValueColumnsAreSeveralSeriesAndCanBeChosen() throws Exception {
    Path file = Files.writeString(dir.resolve("m.csv"),
        "time,rps,cpu,redis_mb\n1700000000,100,40.5,512\n1700000060000,110,42,514\n");

    List<RawSeries> all = CsvMetrics.read(file);
    List<RawSeries> cpu = CsvMetrics.read(file, List.of("cpu"));

    assertThat(all).extracting(RawSeries::name).containsExactly("rps", "cpu", "redis_mb");
    assertThat(all.get(0).epochSeconds()).containsExactly(1_700_000_000L, 1_700_000_060L);
    assertThat(cpu).singleElement().satisfies(s -> assertThat(s.values()).containsExactly(40.5, 42.0));
  }

  @Test
  void timestampsInEveryForm() {
    long expected = Instant.parse("2026-11-27T10:15:30Z").getEpochSecond();
    assertThat(Timestamps.toEpochSeconds("1795774530")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("1795774530.75")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("1795774530123")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("2026-11-27T10:15:30Z")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("2026-11-27T11:15:30+01:00")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("2026-11-27 10:15:30")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("2026-11-27T10:15:30")).isEqualTo(expected);
    assertThat(Timestamps.toEpochSeconds("2026-11-27")).isEqualTo(expected - 10 * 3600 - 15 * 60 - 30);
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("27/11/2026"))
        .hasMessageContaining("is not epoch seconds, epoch milliseconds, ISO-8601");
  }

  @Test
  void badCsvNamesTheFileAndLine() throws Exception {
    Path nan = Files.writeString(dir.resolve("nan.csv"), "timestamp,value\n1700000000,1\n1700000060,NaN\n");
    Path text = Files.writeString(dir.resolve("text.csv"), "timestamp,value\n1700000000,1\n1700000060,lots\n");
    Path time = Files.writeString(dir.resolve("time.csv"), "timestamp,value\nyesterday,1\n");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Path header = Files.writeString(dir.resolve("header.csv"), "timestamp,value\n");

    assertThatThrownBy(() -> CsvMetrics.read(nan))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(nan + ":3: 'NaN' in 'value' is not a finite number");
    assertThatThrownBy(() -> CsvMetrics.read(text)).hasMessage(text + ":3: 'lots' in 'value' is not a number");
    assertThatThrownBy(() -> CsvMetrics.read(time)).hasMessageStartingWith(time + ":2: timestamp 'yesterday'");
    assertThatThrownBy(() -> CsvMetrics.read(empty)).hasMessageContaining("empty file");
    assertThatThrownBy(() -> CsvMetrics.read(header)).hasMessage(header + ": no data rows after the header");
    assertThatThrownBy(() -> CsvMetrics.read(nan, List.of("cpu")))
        .hasMessage(nan + ":1: no column 'cpu'; the value columns are [value]");
    assertThatThrownBy(() -> CsvMetrics.read(dir.resolve("absent.csv"))).hasMessageEndingWith("no such file");
  }

  @Test
  void readsAPrometheusQueryRangeAnswer() throws Exception {
    Path file = Files.writeString(dir.resolve("cpu.json"), """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"node_cpu","instance":"app-2","mode":"user"},
           "values":[[1700000000,"40.5"],[1700000060.5,"41"]]},
          {"metric":{"instance":"app-1"},"values":[[1700000000,"7"]]}
        ]}}""");

    List<RawSeries> series = PrometheusMetrics.read(file);

    assertThat(series).extracting(RawSeries::name)
        .containsExactly("node_cpu{instance=\"app-2\",mode=\"user\"}", "{instance=\"app-1\"}");
    assertThat(series.get(0).epochSeconds()).containsExactly(1_700_000_000L, 1_700_000_060L);
    assertThat(series.get(0).values()).containsExactly(40.5, 41.0);
  }

  @Test
  void badPrometheusAnswersAreOneLine() throws Exception {
    Path error = Files.writeString(dir.resolve("e.json"),
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");
    Path vector = Files.writeString(dir.resolve("v.json"),
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    Path nan = Files.writeString(dir.resolve("n.json"),
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
            + "[{\"metric\":{},\"values\":[[1700000000,\"NaN\"]]}]}}");
    Path broken = Files.writeString(dir.resolve("b.json"), "{\"status\": ");

    assertThatThrownBy(() -> PrometheusMetrics.read(error))
        .hasMessage(error + ": Prometheus status is 'error', not 'success': parse error");
    assertThatThrownBy(() -> PrometheusMetrics.read(vector)).hasMessageContaining("expected 'matrix'");
    assertThatThrownBy(() -> PrometheusMetrics.read(nan))
        .hasMessage(nan + ": series  at 2023-11-14T22:13:20Z: value \"NaN\" is not a finite number");
    assertThatThrownBy(() -> PrometheusMetrics.read(broken)).hasMessageContaining("not valid JSON");
  }

  @Test
  void seriesRefuseNonFiniteValuesAndUnorderedTimes() {
    assertThatThrownBy(() -> new TimeSeries("x", new long[] {1, 1}, new double[] {1, 2}))
        .hasMessageContaining("timestamps must increase");
    assertThatThrownBy(() -> new TimeSeries("x", new long[] {1}, new double[] {Double.NaN}))
        .hasMessageContaining("not finite");
    assertThat(new TimeSeries("x", new long[0], new double[0]).size()).isZero();
  }
}
