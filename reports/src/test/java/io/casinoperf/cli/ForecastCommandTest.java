package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast command end to end on a generated platform: files in, forecast.json out, exit codes. */
class ForecastCommandTest {
  @TempDir static Path data;
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(data, 42, 900, 3.0, 11);
  }

  private Result forecast(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("forecast", "--out", dir.resolve("report").toString()));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static String file(String name) {
    return data.resolve(name).toString();
  }

  private Result full(String... extra) {
    List<String> args = new ArrayList<>(List.of(file("metrics.csv"), "--plan", file("plan.yaml"),
        "--calendar", file("calendar.yaml"), "--load-steps", file("load-steps.csv")));
    args.addAll(Arrays.asList(extra));
    return forecast(args.toArray(String[]::new));
  }

  @Test
  void writesTheDocumentedForecastJsonAndASummary() throws Exception {
    Result result = full();

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("report/forecast.json")))
        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    assertThat(json.get("schema").asText()).isEqualTo("casinoperf-forecast/1");
    assertThat(json.at("/planned/name").asText()).isEqualTo("Black Friday");
    assertThat(json.at("/planned/multiplier").asDouble()).isEqualTo(3.0);
    assertThat(json.at("/planned/multiplierSource").asText()).isEqualTo("planner");
    double p50 = json.at("/traffic/peak/p50").asDouble();
    double p90 = json.at("/traffic/peak/p90").asDouble();
    assertThat(p90).isGreaterThan(p50);
    assertThat(json.get("resources")).hasSize(3);
    JsonNode cpu = json.get("resources").get(0);
    assertThat(cpu.get("name").asText()).isEqualTo("app-cpu");
    assertThat(cpu.at("/nodes/nodesNeeded/p90").asInt()).isGreaterThan(6);
    assertThat(cpu.at("/nodes/decision").asText()).startsWith("needs ");
    assertThat(json.at("/usl/maxThroughput").asDouble()).isPositive();
    assertThat(json.at("/traffic/backtest/mase").asDouble()).isPositive();
    // The console says the same numbers.
    assertThat(result.out()).contains("Forecast for Black Friday (free-spins)")
        .contains(String.format(java.util.Locale.ROOT, "%,.0f", p50))
        .contains(cpu.at("/nodes/decision").asText())
        .contains("wrote " + dir.resolve("report/forecast.json") + " and " + dir.resolve("report/capacity.html"));
  }

  @Test
  void aPlanOfTrafficAloneForecastsTheTraffic() throws Exception {
    Path plan = Files.writeString(dir.resolve("traffic-only.yaml"),
        "traffic: {series: rps, unit: requests/s, nodes: 6}\n");

    Result result = forecast(file("metrics.csv"), "--plan", plan.toString(), "--calendar",
        file("calendar.yaml"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(json.get("resources")).isEmpty();
    assertThat(json.at("/traffic/peak/p90").asDouble()).isPositive();
    assertThat(result.out()).contains("the traffic alone is forecast").doesNotContain("headroom");
    assertThat(Files.readString(dir.resolve("report/capacity.html"))).contains("the traffic alone is forecast").doesNotContain("<th>headroom");
  }

  /**
   * Four weeks of traffic doubling every week, forecast four weeks on with no promotion: the
   * organic P50 peak lands about 16× above anything seen, which nothing planned explains.
   */
  @Test
  void aPeakFarBeyondTheHistoryThatNoMultiplierExplainsIsFlaggedEverywhere() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,rps\n");
    java.util.Random random = new java.util.Random(3);
    long start = 1_735_689_600L; // 2025-01-01
    for (int hour = 0; hour < 28 * 24; hour++) {
      double level = 100 * Math.pow(2, hour / (7 * 24.0));
      double value = level * (1 + 0.3 * Math.sin(2 * Math.PI * (hour % 24) / 24.0))
          * Math.exp(0.05 * random.nextGaussian());
      csv.append(start + hour * 3_600L).append(',').append(value).append('\n');
    }
    Path metrics = Files.writeString(dir.resolve("growing.csv"), csv.toString());
    Path plan = Files.writeString(dir.resolve("traffic-only.yaml"),
        "traffic: {series: rps, unit: requests/s}\n");

    Result result = forecast(metrics.toString(), "--plan", plan.toString(), "--horizon", "28d");
    Result strict = forecast(metrics.toString(), "--plan", plan.toString(), "--horizon", "28d",
        "--strict");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(result.out().lines().findFirst().orElseThrow())
        .startsWith("IMPLAUSIBLE PEAK: the P50 peak of rps")
        .contains("no promotion multiplier explains it");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(json.at("/traffic/peakCheck/implausible").asBoolean()).isTrue();
    assertThat(json.at("/traffic/peakCheck/unexplained").asDouble()).isGreaterThan(3);
    assertThat(json.at("/traffic/peakCheck/ratio").asDouble()).isCloseTo(
        json.at("/traffic/peak/p50").asDouble() / json.at("/traffic/maxObserved").asDouble(),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Files.readString(dir.resolve("report/capacity.html"))).contains("IMPLAUSIBLE PEAK");
  }

  @Test
  void aPeakTheMultiplierExplainsIsNotFlagged() throws Exception {
    Result result = full();

    assertThat(result.out()).doesNotContain("IMPLAUSIBLE");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(json.at("/traffic/peakCheck/implausible").asBoolean()).isFalse();
    assertThat(json.at("/traffic/peakCheck/multiplier").asDouble()).isEqualTo(3.0);
  }

  /**
   * The load-test steps measure requests per second. The same traffic declared per 5 minutes puts
   * each node's capacity in that unit, 300× the per-second figure; a traffic unit that is no rate
   * cannot be compared with them at all.
   */
  @Test
  void theTrafficsTimeBasisIsCheckedAgainstTheLoadTestSteps() throws Exception {
    String plan = Files.readString(data.resolve("plan.yaml"));
    Path perFiveMinutes = Files.writeString(dir.resolve("per-5-min.yaml"),
        plan.replace("unit: requests/s", "unit: requests per 5 min"));
    Path percent = Files.writeString(dir.resolve("percent.yaml"),
        plan.replace("unit: requests/s", "unit: \"%\""));

    full();
    double perSecond = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile())
        .at("/traffic/nodes/limit").asDouble();
    Result fiveMinutes = forecast(file("metrics.csv"), "--plan", perFiveMinutes.toString(),
        "--calendar", file("calendar.yaml"), "--load-steps", file("load-steps.csv"));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    Result notARate = forecast(file("metrics.csv"), "--plan", percent.toString(),
        "--calendar", file("calendar.yaml"), "--load-steps", file("load-steps.csv"));

    assertThat(fiveMinutes.exitCode()).as(fiveMinutes.err()).isZero();
    assertThat(json.at("/traffic/nodes/limit").asDouble()).isCloseTo(300 * perSecond,
        org.assertj.core.api.Assertions.within(1e-6 * perSecond));
    assertThat(json.get("assumptions").toString()).contains("multiplied by 300");
    assertThat(notARate.exitCode()).isEqualTo(2);
    assertThat(notARate.err().strip()).doesNotContain("\n")
        .contains("the traffic's unit '%' is not a rate");
  }

  /** The console's first line is the answer: what limits, worst first, then what fits. */
  @Test
  void theFirstLineIsTheBottomLineAndAgreesWithTheJson() throws Exception {
    Result result = full();

    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    String first = result.out().lines().findFirst().orElseThrow();
    assertThat(first).startsWith("At P90: ");
    List<String> limiting = new ArrayList<>();
    List<String> fitting = new ArrayList<>();
    for (JsonNode r : json.get("resources")) {
      String fit = r.at("/nodes/fit").asText();
      assertThat(fit).isIn("FITS", "NEEDS_MORE", "DOES_NOT_FIT");
      (fit.equals("FITS") ? fitting : limiting).add(r.get("name").asText());
      if (fit.equals("NEEDS_MORE")) {
        int more = r.at("/nodes/more").asInt();
        assertThat(more).isPositive();
        assertThat(first).contains(r.get("name").asText() + " limits: "
            + (r.at("/nodes/currentNodes").asInt() + more) + " nodes (+" + more + ")");
      }
    }
    assertThat(limiting).isNotEmpty();
    for (String name : limiting) {
      for (String fits : fitting) {
        assertThat(first.indexOf(name + " ")).as(name + " before " + fits)
            .isLessThan(first.indexOf(fits + " fits"));
      }
    }
  }

  /**
   * With an SLO the throughput count just misses, p99 decides the traffic's nodes, and the JSON,
   * the console's first line, its p99 line and capacity.html all give the same count.
   */
  @Test
  void aTighterP99SloDecidesTheTrafficsNodesInEveryOutput() throws Exception {
    full("--p99-slo", "10s");
    JsonNode loose = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile()).at("/traffic/latency");
    int throughputNodes = loose.get("throughputNodes").asInt();
    double atCount = percentileAt(loose, throughputNodes);
    double oneMore = percentileAt(loose, throughputNodes + 1);
    String slo = String.format(java.util.Locale.ROOT, "%.3f", (atCount + oneMore) / 2);

    Result result = full("--p99-slo", slo + "ms");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    JsonNode latency = json.at("/traffic/latency");
    int spares = json.at("/traffic/nodes/redundancy").asInt();
    int nodes = throughputNodes + 1;
    assertThat(latency.get("nodes").asInt()).isEqualTo(nodes);
    assertThat(latency.at("/predicted/percentileMillis").asDouble()).isLessThanOrEqualTo(Double.parseDouble(slo));
    assertThat(json.at("/traffic/nodes/nodesNeeded/p90").asInt()).isEqualTo(nodes + spares);
    int more = json.at("/traffic/nodes/more").asInt();
    String first = result.out().lines().findFirst().orElseThrow();
    assertThat(first).contains("rps p99 ≤ " + Double.parseDouble(slo) + " ms limits: " + (nodes + spares)
        + " nodes (+" + more + ")");
    String line = result.out().lines().filter(l -> l.startsWith("p99 at the P90 peak")).findFirst().orElseThrow();
    assertThat(line).contains(nodes + " nodes + " + spares + " spare", "throughput alone asks for " + throughputNodes);
    String html = Files.readString(dir.resolve("report/capacity.html"));
    assertThat(html).contains("Will p99 hold at the peak?", line.replace("'", "&#39;"));
    assertThat(html).contains("<tr class=\"chosen\"><td>" + nodes + "</td>");
  }

  private static double percentileAt(JsonNode latency, int nodes) {
    for (JsonNode point : latency.get("curve")) {
      if (point.get("nodes").asInt() == nodes) {
        return point.get("percentileMillis").asDouble();
      }
    }
    throw new AssertionError("no point at " + nodes + " nodes: " + latency);
  }

  /** The rehearsal profile is written with the forecast, scaled to staging, and says how to replay it. */
  @Test
  void aRehearsalProfileIsWrittenBesideTheForecastForTheStagingNodes() throws Exception {
    Result result = full("--staging-nodes", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode forecast = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    JsonNode profile = new ObjectMapper().readTree(dir.resolve("report/rehearsal.json").toFile());
    assertThat(profile.get("schema").asText()).isEqualTo("casinoperf-rehearsal/1");
    int production = forecast.at("/traffic/latency/nodes").asInt();
    assertThat(profile.at("/scaling/productionNodes").asDouble()).isEqualTo(production);
    assertThat(profile.at("/peak/p90").asDouble())
        .isCloseTo(forecast.at("/traffic/peak/p90").asDouble() * 2 / production, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(result.out()).contains("wrote " + dir.resolve("report/rehearsal.json") + ": Black Friday at P90 ")
        .contains("on 2 staging nodes").contains("-Drehearsal=" + dir.resolve("report/rehearsal.json"));

    Result elsewhere = full("--rehearsal", dir.resolve("profiles").toString(), "--staging-ratio", "0.01",
        "--request-mix", "login=1,lobby=1,spin=3");
    assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
    JsonNode given = new ObjectMapper().readTree(dir.resolve("profiles/rehearsal.json").toFile());
    assertThat(given.at("/scaling/ratio").asDouble()).isEqualTo(0.01);
    assertThat(given.at("/peakByRequest/spin/p90").asDouble())
        .isCloseTo(given.at("/peak/p90").asDouble() * 3 / 5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(elsewhere.out()).contains("-Dmode=queue -Dqueue.workers=");
  }

  @Test
  void withoutANodeCountTheRehearsalIsLeftOutAndSaysWhyUnlessAskedFor() throws Exception {
    Result result = forecast(file("metrics.csv"), "--plan", file("plan.yaml"), "--calendar", file("calendar.yaml"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("no rehearsal profile: no production node count to scale from");
    assertThat(dir.resolve("report/rehearsal.json")).doesNotExist();
    try (var files = Files.walk(dir.resolve("report"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }

    Result asked = forecast(file("metrics.csv"), "--plan", file("plan.yaml"), "--calendar", file("calendar.yaml"),
        "--rehearsal", dir.resolve("report").toString());
    assertThat(asked.exitCode()).isEqualTo(2);
    assertThat(asked.err()).startsWith("casinoperf: --rehearsal: no production node count");
    assertThat(dir.resolve("report/forecast.json")).as("nothing written").doesNotExist();
  }

  @Test
  void withoutAnSloTheNodesRestOnThroughputAlone() throws Exception {
    Result result = full("--p99-slo", "none");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    assertThat(json.at("/traffic/latency").isNull()).isTrue();
    assertThat(result.out()).doesNotContain("p99 at the");
    assertThat(Files.readString(dir.resolve("report/capacity.html"))).doesNotContain("Will p99 hold");
  }

  /** A limit the history already went past is said, with the value and when. */
  @Test
  void aHistoryAboveItsLimitIsWarnedOf() throws Exception {
    full();
    // The highest connections the forecast saw (incidents left out), from its own chart of them.
    JsonNode charts = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile())
        .at("/charts/resources");
    double highest = 0;
    for (JsonNode chart : charts) {
      if (chart.get("series").asText().equals("database-connections")) {
        for (JsonNode v : chart.get("max")) {
          highest = Math.max(highest, v.asDouble());
        }
      }
    }
    assertThat(highest).isPositive();
    String plan = Files.readString(data.resolve("plan.yaml"));
    assertThat(plan).contains("unit: connections, limit: 800}");
    long under = (long) Math.floor(highest) - 1;
    Path low = Files.writeString(dir.resolve("low.yaml"), plan.replace("unit: connections, limit: 800}",
        "unit: connections, limit: " + under + "}"));
    Path high = Files.writeString(dir.resolve("high.yaml"), plan.replace("unit: connections, limit: 800}",
        "unit: connections, limit: " + ((long) Math.ceil(highest) + 1) + "}"));

    Result below = forecast(file("metrics.csv"), "--plan", low.toString(), "--calendar", file("calendar.yaml"));
    Result above = forecast(file("metrics.csv"), "--plan", high.toString(), "--calendar", file("calendar.yaml"));

    assertThat(below.out()).as(below.err()).containsPattern("database-connections: the history"
        + " already reached [0-9.]+ connections at [0-9T:-]+Z, above the limit of " + under
        + " connections");
    assertThat(above.out()).as(above.err()).doesNotContain("database-connections: the history already");
  }

  /** A runway that ends before the planned window does is warned of; one that does not, not. */
  @Test
  void aRunwayEndingInsideTheForecastWindowIsWarnedOf() throws Exception {
    Result result = full();

    JsonNode json = new ObjectMapper().readTree(dir.resolve("report/forecast.json").toFile());
    String windowEnd = json.at("/planned/end").asText().substring(0, 10);
    int warned = 0;
    for (JsonNode r : json.get("resources")) {
      JsonNode runway = r.at("/nodes/runway");
      boolean inside = (runway.path("p50").isTextual() && runway.get("p50").asText().compareTo(windowEnd) <= 0)
          || (runway.path("p90").isTextual() && runway.get("p90").asText().compareTo(windowEnd) <= 0);
      String warning = r.get("name").asText() + ": organic growth alone fills today's capacity by";
      if (inside) {
        warned++;
        assertThat(result.out()).contains(warning);
      } else {
        assertThat(result.out()).doesNotContain(warning);
      }
    }
    assertThat(warned).as("the generated platform's CPU runs out before Black Friday at P90").isPositive();
  }

  @Test
  void strictFailsWhenAResourceDoesNotFit() {
    assertThat(full("--strict").exitCode()).isEqualTo(1);
    assertThat(full().exitCode()).isZero();
  }

  @Test
  void theSeedMakesTheForecastRepeatable() throws Exception {
    full("--seed", "5");
    String first = Files.readString(dir.resolve("report/forecast.json"));
    full("--seed", "5");

    assertThat(Files.readString(dir.resolve("report/forecast.json"))).isEqualTo(first);
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path nan = Files.writeString(dir.resolve("nan.csv"), "timestamp,rps\n1700000000,1\n1700000060,NaN\n");
    Path constant = Files.writeString(dir.resolve("constant.csv"),
        "timestamp,rps,cpu_percent,db_connections,redis_used_bytes\n" + constantRows());
    List<List<String>> cases = List.of(
        List.of(file("metrics.csv"), "--plan", dir.resolve("missing.yaml").toString()),
        List.of(nan.toString(), "--plan", file("plan.yaml")),
        List.of(constant.toString(), "--plan", file("plan.yaml")),
        List.of(file("metrics.csv"), "--plan", file("metrics.csv")),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--horizon", "soon"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--decide-at", "100"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--load-steps", file("plan.yaml")),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--changepoint", "next tuesday"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--horizon", "99999999999999w"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--horizon", "400d"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--runway-days", "2000000000"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--step", "7m"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--p99-slo", "fast"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--p99-slo", "0ms"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--routing", "round-robin"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--request-mix", "spin"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--staging-nodes", "0"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--staging-ratio", "-1"),
        List.of(file("metrics.csv"), "--plan", file("plan.yaml"), "--rehearsal", dir.resolve("r").toString()));
    for (List<String> args : cases) {
      Result result = forecast(args.toArray(String[]::new));

      assertThat(result.exitCode()).as(args.toString()).isEqualTo(2);
      assertThat(result.err()).as(args.toString()).startsWith("casinoperf: ").doesNotContain("\tat ");
      assertThat(result.err().strip().lines()).as(args.toString()).hasSize(1);
    }
    assertThat(forecast(nan.toString(), "--plan", file("plan.yaml")).err()).contains("nan.csv:3:");
    assertThat(forecast(constant.toString(), "--plan", file("plan.yaml")).err()).contains("rps is constant");
  }

  // The reader refuses such values before the model or a chart sees them (the charts and the
  // resource fit are robust to them on their own: CapacityChartsTest, ResourceFitTest).
  @Test
  void aTrafficValueNearTheLargestDoubleIsOneLineNamingTheFileAndLeavesNoOutputs() throws Exception {
    assertRefusedAsTooLarge("rps");
  }

  @Test
  void aResourceValueNearTheLargestDoubleIsOneLineNamingTheFileAndLeavesNoOutputs() throws Exception {
    assertRefusedAsTooLarge("redis_used_bytes");
  }

  private void assertRefusedAsTooLarge(String series) throws Exception {
    Path history = withPrometheusSeries(series, "1.7e308");

    Result result = forecast(history.toString(), dir.resolve(series + ".json").toString(),
        "--plan", file("plan.yaml"), "--calendar", file("calendar.yaml"));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("casinoperf: " + dir.resolve(series + ".json") + ": series '"
        + series + "' at ").contains("1.7E308 is too large").doesNotContain("\tat ");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(dir.resolve("report")).doesNotExist();
  }

  @Test
  void whenOneOutputCannotBeWrittenNoneIsLeftBehind() throws Exception {
    Path out = dir.resolve("report");
    Files.createDirectories(out.resolve("capacity.html").resolve("in-the-way"));

    Result result = full();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("casinoperf: ").contains("capacity.html");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(out.resolve("forecast.json")).doesNotExist();
    try (var left = Files.list(out)) {
      assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("capacity.html");
    }
  }

  /**
   * The generated history with one series moved into a Prometheus query_range answer
   * ({@code <series>.json}) whose middle value is replaced by {@code value}; returns the CSV of
   * the other series.
   */
  private Path withPrometheusSeries(String series, String value) throws Exception {
    List<String> lines = Files.readAllLines(data.resolve("metrics.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int column = header.indexOf(series);
    StringBuilder csv = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",")));
      String moved = cells.remove(column);
      csv.append(String.join(",", cells)).append('\n');
      if (i > 0) {
        values.append(values.length() == 0 ? "" : ",").append('[').append(cells.get(0)).append(",\"")
            .append(i == lines.size() / 2 ? value : moved).append("\"]");
      }
    }
    Files.writeString(dir.resolve(series + ".json"), "{\"status\":\"success\",\"data\":{\"resultType\":"
        + "\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"" + series + "\"},\"values\":[" + values + "]}]}}");
    return Files.writeString(dir.resolve("without-" + series + ".csv"), csv.toString());
  }

  private static String constantRows() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      rows.append(1_700_000_000L + 60L * i).append(",100,").append(20 + i % 3).append(",50,1000\n");
    }
    return rows.toString();
  }
}
