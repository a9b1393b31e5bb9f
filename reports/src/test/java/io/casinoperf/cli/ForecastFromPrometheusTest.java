package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.capacity.series.CsvMetrics;
import io.casinoperf.capacity.series.PrometheusException;
import io.casinoperf.capacity.series.PrometheusSource;
import io.casinoperf.capacity.series.RawSeries;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.capacity.testing.RealPrometheus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast --prometheus} against a real Prometheus server holding a generated platform's
 * six weeks of 15-minute metrics, backfilled with promtool: the forecast equals the one from the
 * same numbers in a CSV file and the one from the saved answers, long ranges come in pieces, and
 * every bad answer is one line and exit 2 with nothing written.
 */
class ForecastFromPrometheusTest {
  private static final int DAYS = 42;
  private static final long STEP = 900;
  private static final String QUERIES = "rps,cpu_percent,db_connections,redis_used_bytes";

  @TempDir static Path data;
  @TempDir Path dir;
  private static RealPrometheus server;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void serve() throws Exception {
    RealPrometheus.requireInstalled();
    PlatformMetrics.write(data, DAYS, STEP, 3.0, 11);
    server = RealPrometheus.start(data, RealPrometheus.backfill(data, openMetrics(data.resolve("metrics.csv"))),
        null);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  /** The CSV's columns as OpenMetrics gauges, each value as the CSV spells it. */
  static String openMetrics(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",");
    StringBuilder text = new StringBuilder();
    for (int column = 1; column < header.length; column++) {
      text.append("# TYPE ").append(header[column]).append(" gauge\n");
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        text.append(header[column]).append(' ').append(cells[column]).append(' ').append(cells[0]).append('\n');
      }
    }
    return text.append("# EOF\n").toString();
  }

  private Result forecast(Path out, String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    List<String> all = new ArrayList<>(List.of("forecast", "--out", out.toString(),
        "--plan", data.resolve("plan.yaml").toString(), "--calendar", data.resolve("calendar.yaml").toString(),
        "--load-steps", data.resolve("load-steps.csv").toString(), "--origins", "1"));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(stdout, true),
        new PrintWriter(stderr, true));
    return new Result(code, stdout.toString(), stderr.toString());
  }

  /** The whole history, every series by the CSV's column name. */
  private static List<String> prometheusArgs(String url) {
    List<String> args = new ArrayList<>(List.of("--prometheus", url,
        "--start", Instant.ofEpochSecond(PlatformMetrics.START).toString(),
        "--end", Instant.ofEpochSecond(PlatformMetrics.START + DAYS * 86_400L - STEP).toString()));
    for (String name : QUERIES.split(",")) {
      args.addAll(List.of("--query", name + "=" + name));
    }
    return args;
  }

  private static JsonNode withoutFiles(Path forecastJson) throws Exception {
    JsonNode json = new ObjectMapper().readTree(forecastJson.toFile());
    json.get("data").forEach(series -> ((ObjectNode) series).remove("file"));
    return json;
  }

  @Test
  void theForecastFromPrometheusIsTheForecastFromTheSameNumbersInACsvAndFromTheSavedAnswers() throws Exception {
    Result live = forecast(dir.resolve("live"), prometheusArgs(server.url()).toArray(String[]::new));
    Result csv = forecast(dir.resolve("csv"), data.resolve("metrics.csv").toString());

    assertThat(live.exitCode()).as(live.err()).isZero();
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    // --step auto starts at 5 minutes, finds the staircase of 15-minute samples, and takes 15.
    assertThat(live.out()).contains("--step auto: 15 min, not 5 min")
        .contains("read rps from " + server.url() + ": 4,032 points every 15 min")
        .doesNotContainPattern("warning: \\w+ has a value at");
    List<Path> saved = new ArrayList<>();
    for (String name : QUERIES.split(",")) {
      Path file = dir.resolve("live").resolve(name + ".prometheus.json");
      assertThat(live.out()).contains("saved to " + file);
      saved.add(file);
    }
    assertThat(withoutFiles(dir.resolve("live/forecast.json")))
        .isEqualTo(withoutFiles(dir.resolve("csv/forecast.json")));

    List<String> offline = new ArrayList<>(saved.stream().map(Path::toString).toList());
    Result again = forecast(dir.resolve("offline"), offline.toArray(String[]::new));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readString(dir.resolve("offline/forecast.json")))
        .isEqualTo(Files.readString(dir.resolve("live/forecast.json")));
  }

  @Test
  void aStepFinerThanTheSamplesIsWarnedOfInTheConsoleAndInForecastJson() throws Exception {
    List<String> args = new ArrayList<>(prometheusArgs(server.url()));
    args.addAll(List.of("--step", "5m"));

    Result result = forecast(dir.resolve("fine"), args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    // Each 15-minute sample at its own time and 5 minutes later; nothing 10 minutes later.
    assertThat(result.out()).contains("read rps from " + server.url() + ": 8,063 points every 5 min")
        .contains("warning: rps: a value at 67 % of its 5 min steps and the same value as the step before"
            + " at 100 %");
    JsonNode findings = new ObjectMapper().readTree(dir.resolve("fine/forecast.json").toFile()).get("findings");
    List<String> warned = new ArrayList<>();
    findings.forEach(f -> {
      if (f.get("kind").asText().equals("PrometheusWarning")) {
        assertThat(f.get("text").asText()).contains("its samples look further apart than the step");
        warned.add(f.get("series").asText());
      }
    });
    assertThat(warned).containsExactly(QUERIES.split(","));
  }

  @Test
  void theBacktestFromPrometheusIsTheBacktestFromTheCsv() throws Exception {
    List<String> common = List.of("forecast", "backtest", "--series", "rps", "--calendar",
        data.resolve("calendar.yaml").toString(), "--horizon", "1d", "--origins", "2", "--out");
    List<String> live = new ArrayList<>(common);
    live.add(dir.resolve("live").toString());
    live.addAll(prometheusArgs(server.url()));
    List<String> csv = new ArrayList<>(common);
    csv.addAll(List.of(dir.resolve("csv").toString(), data.resolve("metrics.csv").toString()));

    assertThat(CasinoPerfTestAccess.run(live.toArray(String[]::new))).isZero();
    assertThat(CasinoPerfTestAccess.run(csv.toArray(String[]::new))).isZero();
    assertThat(dir.resolve("live/rps.prometheus.json")).exists();
    for (String file : List.of("forecasts.csv", "scores.csv")) {
      assertThat(Files.readString(dir.resolve("live").resolve(file))).as(file)
          .isEqualTo(Files.readString(dir.resolve("csv").resolve(file)));
    }
  }

  @Test
  void aLongRangeComesInPiecesThatJoinWithoutAGapOrARepeat() {
    PrometheusSource source = new PrometheusSource(server.url(), new PrometheusSource.Credentials.None(), null,
        Duration.ofSeconds(10), 1_000);
    long last = PlatformMetrics.START + DAYS * 86_400L - STEP;

    PrometheusSource.Fetched fetched = source.fetch(new PrometheusSource.Query("rps", "rps"),
        PlatformMetrics.START, last, STEP);

    RawSeries expected = CsvMetrics.read(data.resolve("metrics.csv")).stream()
        .filter(s -> s.name().equals("rps")).findFirst().orElseThrow();
    assertThat(fetched.requests()).isEqualTo(5); // 4,032 points, 1,000 a request
    assertThat(fetched.series().epochSeconds()).containsExactly(expected.epochSeconds());
    assertThat(fetched.series().values()).containsExactly(expected.values());
  }

  @Test
  void pointsThatAreNotNumbersAreLeftOutWithAWarningAndAllOfThemAreRefused() {
    PrometheusSource source = new PrometheusSource(server.url(), new PrometheusSource.Credentials.None(), null,
        Duration.ofSeconds(10));
    long last = PlatformMetrics.START + 7 * 86_400L;
    // rps ÷ (1 where rps > 1000, else 0): +Inf wherever traffic is at or below 1,000.
    PrometheusSource.Fetched some = source.fetch(new PrometheusSource.Query("high", "rps / (rps > bool 1000)"),
        PlatformMetrics.START, last, STEP);
    long below = Arrays.stream(CsvMetrics.read(data.resolve("metrics.csv")).get(0).values()).limit(7 * 96 + 1)
        .filter(v -> v <= 1000).count();

    assertThat(below).isPositive();
    assertThat(some.series().size()).isEqualTo(7 * 96 + 1 - below);
    assertThat(some.warnings()).containsExactly("high: " + below + " points NaN or ±Inf left out (a division by"
        + " zero in the query?)");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> source.fetch(
            new PrometheusSource.Query("none", "rps / (rps - rps)"), PlatformMetrics.START, last, STEP)))
        .isInstanceOf(PrometheusException.class).hasMessageContaining("only values that are not numbers");
  }

  @Test
  void everyBadAnswerIsOneLineAndExit2WithNothingWritten() throws Exception {
    String start = Instant.ofEpochSecond(PlatformMetrics.START).toString();
    String end = Instant.ofEpochSecond(PlatformMetrics.START + 7 * 86_400L).toString();
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String[][] cases = {
      {server.url(), "rps=rate(rps", "refused query rps=rate(rps: 400 bad_data: ", "parse error"},
      {server.url(), "rps=no_such_metric", "query rps=no_such_metric found no series at " + server.url()
          + " from " + start, ""},
      {server.url(), "rps={__name__=~\"rps|cpu_percent\"}", "gives 2 series ({\"__name__\":\"cpu_percent\"},"
          + " {\"__name__\":\"rps\"}); a forecast needs one: aggregate them", ""},
      {server.url() + "/not-here", "rps=rps", "Prometheus at " + server.url() + "/not-here answered 404", ""},
      {"http://127.0.0.1:" + closed, "rps=rps", "cannot connect to Prometheus at http://127.0.0.1:" + closed, ""},
      {"prometheus:9090", "rps=rps", "expected an http:// or https:// URL", ""},
      {server.url(), "rps", "--query rps: expected NAME=PROMQL", ""},
      {server.url(), "9rps=rps", "--query 9rps=rps: '9rps' is not a metric name", ""},
    };
    for (String[] c : cases) {
      Path out = dir.resolve("bad-" + Math.abs(Arrays.hashCode(c)));
      Result result = forecast(out, "--prometheus", c[0], "--query", c[1], "--start", start, "--end", end);

      assertThat(result.exitCode()).as(c[1] + ": " + result.err()).isEqualTo(2);
      assertThat(result.err().strip()).as(c[1]).doesNotContain("\n").contains(c[2]).contains(c[3])
          .doesNotContain("Exception");
      assertThat(out.resolve("forecast.json")).as(c[1]).doesNotExist();
    }
  }
}
