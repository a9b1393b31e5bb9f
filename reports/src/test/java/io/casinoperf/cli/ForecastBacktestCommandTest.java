package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.casinoperf.capacity.series.CsvMetrics;
import io.casinoperf.capacity.series.RawSeries;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast backtest} end to end on a generated platform: the CSV files read back, and every
 * score in scores.csv is worked out again here from the rows of forecasts.csv.
 */
class ForecastBacktestCommandTest {
  private static final double[] LEVELS = {0.05, 0.10, 0.50, 0.90, 0.95};
  private static final String[] QUANTILES = {"p05", "p10", "p50", "p90", "p95"};
  @TempDir static Path data;
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(data, 42, 900, 3.0, 11);
  }

  static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Result backtest(String... args) {
    List<String> all = new ArrayList<>(List.of("forecast", "backtest", file("metrics.csv"),
        "--out", dir.resolve("bt").toString()));
    all.addAll(Arrays.asList(args));
    return execute(all.toArray(String[]::new));
  }

  private static String file(String name) {
    return data.resolve(name).toString();
  }

  static List<Map<String, String>> rows(Path csv) throws Exception {
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
      return it.readAll();
    }
  }

  @Test
  void everyScoreInScoresCsvFollowsFromTheRowsOfForecastsCsv() throws Exception {
    Result result = backtest("--series", "rps", "--calendar", file("calendar.yaml"), "--horizon", "1d",
        "--origins", "3", "--every", "2d");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Map<String, String>> forecasts = rows(dir.resolve("bt/forecasts.csv"));
    List<Map<String, String>> scores = rows(dir.resolve("bt/scores.csv"));
    assertThat(scores).hasSize(2 * 3 + 2);
    Map<String, List<Map<String, String>>> byForecaster = forecasts.stream()
        .collect(Collectors.groupingBy(r -> r.get("forecaster")));
    assertThat(byForecaster.keySet()).containsExactlyInAnyOrder("casinoperf", "seasonal-naive");
    for (Map<String, String> score : scores) {
      List<Map<String, String>> points = byForecaster.get(score.get("forecaster")).stream()
          .filter(r -> r.get("scored").equals("true"))
          .filter(r -> score.get("origin").equals("all") || r.get("origin").equals(score.get("origin")))
          .toList();
      double mae = 0;
      double smape = 0;
      double covered80 = 0;
      double covered90 = 0;
      double pinball = 0;
      for (Map<String, String> r : points) {
        double y = Double.parseDouble(r.get("actual"));
        double f = Double.parseDouble(r.get("point"));
        double[] q = Arrays.stream(QUANTILES).mapToDouble(k -> Double.parseDouble(r.get(k))).toArray();
        mae += Math.abs(y - f) / points.size();
        smape += 200 * Math.abs(y - f) / (Math.abs(y) + Math.abs(f)) / points.size();
        covered80 += q[1] <= y && y <= q[3] ? 1.0 / points.size() : 0;
        covered90 += q[0] <= y && y <= q[4] ? 1.0 / points.size() : 0;
        for (int k = 0; k < 5; k++) {
          double e = y - q[k];
          pinball += Math.max(LEVELS[k] * e, (LEVELS[k] - 1) * e) / 5 / points.size();
        }
      }
      String what = score.get("origin") + " " + score.get("forecaster");
      assertThat(Integer.parseInt(score.get("points"))).as(what).isEqualTo(points.size()).isPositive();
      assertThat(number(score, "mae")).as(what).isCloseTo(mae, within(1e-9 * mae));
      assertThat(number(score, "smape")).as(what).isCloseTo(smape, within(1e-9 * smape));
      assertThat(number(score, "coverage80")).as(what).isCloseTo(covered80, within(1e-9));
      assertThat(number(score, "coverage90")).as(what).isCloseTo(covered90, within(1e-9));
      assertThat(number(score, "pinball")).as(what).isCloseTo(pinball, within(1e-9 * pinball));
      if (!score.get("origin").equals("all")) {
        assertThat(number(score, "mase")).as(what).isCloseTo(mae / number(score, "mase_scale"), within(1e-9));
      }
    }
    // Overall MASE: the mean of the origins'.
    for (String forecaster : List.of("casinoperf", "seasonal-naive")) {
      double mean = scores.stream().filter(s -> s.get("forecaster").equals(forecaster))
          .filter(s -> !s.get("origin").equals("all")).mapToDouble(s -> number(s, "mase")).average().orElseThrow();
      Map<String, String> all = scores.stream().filter(s -> s.get("forecaster").equals(forecaster))
          .filter(s -> s.get("origin").equals("all")).findFirst().orElseThrow();
      assertThat(number(all, "mase")).isCloseTo(mean, within(1e-12));
    }
  }

  @Test
  void forecastsLieOnTheSeriesOwnGridBesideItsActualValues() throws Exception {
    Result result = backtest("--series", "rps", "--horizon", "1d", "--origin", "2025-02-01T06:00:00Z",
        "--origin", "2025-02-08");

    assertThat(result.exitCode()).as(result.err()).isZero();
    RawSeries rps = CsvMetrics.read(data.resolve("metrics.csv")).stream()
        .filter(s -> s.name().equals("rps")).findFirst().orElseThrow();
    Map<Long, Double> actual = new HashMap<>();
    for (int i = 0; i < rps.epochSeconds().length; i++) {
      actual.put(rps.epochSeconds()[i], rps.values()[i]);
    }
    List<Map<String, String>> model = rows(dir.resolve("bt/forecasts.csv")).stream()
        .filter(r -> r.get("forecaster").equals("casinoperf")).toList();
    assertThat(model).hasSize(2 * 96);
    long[] origins = {Instant.parse("2025-02-01T06:00:00Z").getEpochSecond(),
        Instant.parse("2025-02-08T00:00:00Z").getEpochSecond()};
    for (int i = 0; i < model.size(); i++) {
      Map<String, String> r = model.get(i);
      long origin = origins[i / 96];
      long t = origin + 900L * (i % 96);
      assertThat(r.get("origin")).isEqualTo(Instant.ofEpochSecond(origin).toString());
      assertThat(r.get("timestamp")).isEqualTo(Instant.ofEpochSecond(t).toString());
      assertThat(r.get("step")).isEqualTo(String.valueOf(i % 96 + 1));
      assertThat(Double.parseDouble(r.get("actual"))).isEqualTo(actual.get(t));
      assertThat(r.get("point")).isEqualTo(r.get("p50"));
      assertThat(Arrays.stream(QUANTILES).mapToDouble(k -> Double.parseDouble(r.get(k))).toArray()).isSorted();
    }
    assertThat(result.out()).contains("Backtest of rps: 2 origins × 1d ahead, trained on all history before each")
        .contains("wrote " + dir.resolve("bt/forecasts.csv") + " and " + dir.resolve("bt/scores.csv"));
  }

  @Test
  void theForecastsOwnBacktestIsThisCommandWithItsDefaults() throws Exception {
    Path report = dir.resolve("report");
    Result forecast = execute("forecast", file("metrics.csv"), "--plan", file("plan.yaml"), "--calendar",
        file("calendar.yaml"), "--out", report.toString());
    Result backtest = backtest("--plan", file("plan.yaml"), "--calendar", file("calendar.yaml"));

    assertThat(forecast.exitCode()).as(forecast.err()).isZero();
    assertThat(backtest.exitCode()).as(backtest.err()).isZero();
    JsonNode b = new ObjectMapper().readTree(report.resolve("forecast.json").toFile()).at("/traffic/backtest");
    List<Map<String, String>> scores = rows(dir.resolve("bt/scores.csv"));
    Map<String, String> model = scores.get(scores.size() - 2);
    Map<String, String> naive = scores.get(scores.size() - 1);
    assertThat(model.get("origin")).isEqualTo("all");
    assertThat(b.get("windows")).hasSize(4);
    assertThat(b.get("points").asInt()).isEqualTo(Integer.parseInt(model.get("points")));
    assertThat(b.get("mase").asDouble()).isEqualTo(number(model, "mase"));
    assertThat(b.get("smape").asDouble()).isEqualTo(number(model, "smape"));
    assertThat(b.get("mape").asDouble()).isEqualTo(number(model, "mape"));
    assertThat(b.get("coverage90").asDouble()).isEqualTo(number(model, "coverage90"));
    assertThat(b.get("naiveMase").asDouble()).isEqualTo(number(naive, "mase"));
    for (String score : List.of("mae", "coverage80", "pinball")) {
      assertThat(b.at("/scores/" + score).asDouble()).as(score).isEqualTo(number(model, score));
      assertThat(b.at("/naiveScores/" + score).asDouble()).as(score).isEqualTo(number(naive, score));
    }
    assertThat(forecast.out()).contains("pinball loss").contains("(per step: forecast backtest)");
    for (int i = 0; i < 4; i++) {
      assertThat(Instant.ofEpochSecond(b.at("/windows/" + i + "/originEpochSecond").asLong()).toString())
          .isEqualTo(scores.get(2 * i).get("origin"));
    }
  }

  @Test
  void aTrainingWindowIsWholeDaysBeforeEachOrigin() throws Exception {
    Result result = backtest("--series", "rps", "--horizon", "1d", "--train", "14d", "--origins", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    for (Map<String, String> s : rows(dir.resolve("bt/scores.csv"))) {
      if (!s.get("origin").equals("all")) {
        assertThat(Instant.parse(s.get("train_from")))
            .isEqualTo(Instant.parse(s.get("origin")).minusSeconds(14 * 86_400));
        assertThat(s.get("season_seconds")).isEqualTo(String.valueOf(7 * 86_400));
      }
    }
    assertThat(result.out()).contains("trained on 14d before each");
  }

  @Test
  void missingStepsAreWrittenWithoutAnActualAndLeftOutOfTheScores() throws Exception {
    // Four hours (16 rows) gone from the last day, with nothing filled in.
    List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("metrics.csv")));
    int last = lines.size() - 1;
    List<String> kept = new ArrayList<>(lines.subList(0, last - 40));
    kept.addAll(lines.subList(last - 24, lines.size()));
    Path gaps = Files.write(dir.resolve("gaps.csv"), kept);

    Result result = execute("forecast", "backtest", gaps.toString(), "--series", "rps", "--horizon", "1d",
        "--origins", "1", "--max-fill", "0", "--out", dir.resolve("bt").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Map<String, String>> model = rows(dir.resolve("bt/forecasts.csv")).stream()
        .filter(r -> r.get("forecaster").equals("casinoperf")).toList();
    assertThat(model).hasSize(96);
    assertThat(model.stream().filter(r -> r.get("actual").isEmpty()))
        .hasSize(16)
        .allSatisfy(r -> {
          assertThat(r.get("scored")).isEqualTo("false");
          assertThat(r.get("p50")).isNotEmpty();
        });
    assertThat(rows(dir.resolve("bt/scores.csv")).get(0).get("points")).isEqualTo("80");
  }

  @Test
  void theDocumentedExampleRunsOnTheFilesInExamples() throws Exception {
    Path examples = Path.of("..", "examples", "capacity");

    Result result = execute("forecast", "backtest", examples.resolve("metrics.csv").toString(),
        "--plan", examples.resolve("plan.yaml").toString(), "--calendar",
        examples.resolve("calendar.yaml").toString(), "--horizon", "7d", "--train", "all",
        "--origins", "4", "--out", dir.resolve("backtest-report").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Backtest of rps (requests/s): 4 origins × 7d ahead")
        .contains("the model beats the seasonal-naive forecast");
    assertThat(rows(dir.resolve("backtest-report/scores.csv"))).hasSize(10);
  }

  @Test
  void forecastStillAsksForItsPlanAndMetricsAsBefore() {
    Result noPlan = execute("forecast", file("metrics.csv"));
    Result nothing = execute("forecast");

    assertThat(noPlan.exitCode()).isEqualTo(2);
    assertThat(noPlan.err().lines())
        .containsExactly("Missing required option: '--plan=FILE'", "see 'casinoperf forecast --help'");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err()).startsWith("Missing required options and parameters: '--plan=FILE', 'METRICS'");
    assertThat(execute("forecast", "backtest", "--help").out()).contains("--origins").contains("--train");
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
