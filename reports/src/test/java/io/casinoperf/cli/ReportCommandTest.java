package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.Finding;
import io.casinoperf.report.FindingText;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.report.ForecastWriters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command end to end: a gated history and a forecast.json in, HTML out, exit codes. */
class ReportCommandTest {
  @TempDir static Path data;
  @TempDir Path dir;
  private static Path history;
  private static Path forecastJson;
  private static Path forecastHtml;
  private static Path gateReport;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void gateThreeRunsAndForecastOnePromotion() throws Exception {
    GatedRuns runs = new GatedRuns(data.resolve("runs"));
    runs.gate("v1", 20);
    runs.gate("lobby-1", 20, 0, "casino.LobbyBrowseSimulation");
    gateReport = runs.gate("v2", 30).reports();
    history = runs.history();

    PlatformMetrics.write(data, 42, 900, 3.0, 11);
    Result forecast = run("forecast", data.resolve("metrics.csv").toString(), "--plan", data.resolve("plan.yaml").toString(),
        "--calendar", data.resolve("calendar.yaml").toString(), "--load-steps", data.resolve("load-steps.csv").toString(),
        "--out", data.resolve("forecast").toString());
    assertThat(forecast.exitCode()).as(forecast.err()).isZero();
    forecastJson = data.resolve("forecast/forecast.json");
    forecastHtml = data.resolve("forecast/capacity.html");
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Result report(String... args) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static void assertOneLineError(Result result, String expected) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("casinoperf: ").contains(expected).doesNotContain("\tat ");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void trendWritesTrendHtmlOfTheNewestRunsSimulation() throws Exception {
    Result result = report("trend", "--history", history.toString(), "--out", dir.resolve("out").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    Path page = dir.resolve("out/trend.html");
    assertThat(result.out()).isEqualTo("wrote " + page + "\n");
    assertThat(result.err()).contains("2 runs of casino.FlashSpinPeakSimulation");
    assertThat(page).content().contains("<b>casino.FlashSpinPeakSimulation</b> (the simulation of the newest run)")
        .contains(">v1<").contains(">v2<").contains("▲ regression").doesNotContain(">lobby-1<");
    assertThat(Files.getPosixFilePermissions(page)).contains(PosixFilePermission.OTHERS_READ);
  }

  @Test
  void trendLinksEachRunIdToItsGateHtmlWhileItIsThere() throws Exception {
    GatedRuns runs = new GatedRuns(dir.resolve("pipeline"));
    GatedRuns.Gated v1 = runs.gate("v1", 20);
    GatedRuns.Gated v2 = runs.gate("v2", 20);
    GatedRuns.Gated v3 = runs.gate("v3", 30);
    Files.delete(v2.reports().resolve("gate.html"));
    Path out = dir.resolve("trend");

    Result result = report("trend", "--history", runs.history().toString(), "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    String page = Files.readString(out.resolve("trend.html"));
    for (GatedRuns.Gated linked : List.of(v1, v3)) {
      String href = out.toAbsolutePath().relativize(linked.reports().resolve("gate.html").toAbsolutePath()).toString();
      assertThat(href).startsWith("../pipeline/gate-report-");
      assertThat(page).contains("<td class=\"id\"><a href=\"" + href + "\">" + linked.id() + "</a></td>");
    }
    assertThat(page).contains("<td class=\"id\">" + v2.id() + "</td>");
  }

  @Test
  void aGateHtmlALaterRunWroteOverIsLinkedOnlyFromThatRun() throws Exception {
    GatedRuns runs = new GatedRuns(dir.resolve("workspace"), true);
    GatedRuns.Gated v1 = runs.gate("v1", 20);
    GatedRuns.Gated v2 = runs.gate("v2", 20);
    Path out = dir.resolve("trend");

    Result result = report("trend", "--history", runs.history().toString(), "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(v1.reports()).isEqualTo(v2.reports());
    assertThat(out.resolve("trend.html")).content()
        .contains("<td class=\"id\"><a href=\"../workspace/gate-report/gate.html\">" + v2.id() + "</a></td>")
        .contains("<td class=\"id\">" + v1.id() + "</td>");
  }

  @Test
  void trendOfAnotherSimulationByItsSimpleName() {
    Result result = report("trend", "--history", history.toString(), "--simulation", "LobbyBrowseSimulation",
        "--out", dir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(dir.resolve("trend.html")).content().contains("<b>casino.LobbyBrowseSimulation</b> (as asked)")
        .contains(">lobby-1<").doesNotContain(">v1<");
  }

  @Test
  void trendOfNothingIsOneLineAndExitTwo() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    assertOneLineError(report("trend", "--history", empty.toString()), "no runs in " + empty);
    assertOneLineError(report("trend", "--history", dir.resolve("missing").toString()), "missing: no such folder");
    assertOneLineError(report("trend", "--history", history.toString(), "--simulation", "SlotSimulation"),
        "no runs of simulation SlotSimulation in " + history + "; it holds casino.FlashSpinPeakSimulation (2 runs), "
            + "casino.LobbyBrowseSimulation (1 run)");
    assertThat(dir.resolve("trend-report")).doesNotExist();
  }

  @Test
  void capacityFromForecastJsonIsTheForecastCommandsOwnPage() throws Exception {
    Result result = report("capacity", forecastJson.toString(), "--out", dir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("wrote " + dir.resolve("capacity.html") + "\n");
    // The same page, but for the random prefix SVG clip-path ids carry.
    assertThat(withoutClipIds(Files.readString(dir.resolve("capacity.html"))))
        .isEqualTo(withoutClipIds(Files.readString(forecastHtml)));
  }

  private static String withoutClipIds(String html) {
    return html.replaceAll("_\\d+clip-", "_clip-");
  }

  @Test
  void forecastJsonReadsBackToTheSameForecast() throws Exception {
    CapacityForecast read = ReportCommand.Capacity.read(forecastJson);

    assertThat(ForecastWriters.json(read)).isEqualTo(Files.readString(forecastJson));
    assertThat(read.traffic().backtest().windows()).isNotEmpty();
    assertThat(read.usl()).isNotNull();
  }

  @Test
  void findingsAreWrittenTypedAndInWordsAndReadBackTyped() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(forecastJson.toFile());
    CapacityForecast read = ReportCommand.Capacity.read(forecastJson);

    assertThat(tree.get("findings")).isNotEmpty();
    assertThat(tree.get("findings")).allSatisfy(f -> assertThat(f.path("kind").asText()).isNotEmpty());
    assertThat(read.findings()).hasSize(tree.get("findings").size())
        .anySatisfy(f -> assertThat(f).isInstanceOf(Finding.OrganicModel.class));
    // The words beside them are the findings' own sentences, warnings and assumptions apart.
    assertThat(tree.get("warnings")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(FindingText.sentences(read.warnings()));
    assertThat(tree.get("assumptions")).extracting(JsonNode::asText)
        .containsExactlyElementsOf(FindingText.sentences(read.assumptions()));
  }

  @Test
  void aForecastJsonFromBeforeFindingsWereTypedReadsItsWordsAsFindings() throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(forecastJson.toFile());
    tree.remove("findings");
    Path older = Files.writeString(dir.resolve("older-words.json"), tree.toString());

    CapacityForecast read = ReportCommand.Capacity.read(older);

    assertThat(read.findings()).allSatisfy(f -> assertThat(f).isInstanceOf(Finding.Text.class));
    List<String> words = new ArrayList<>();
    tree.get("warnings").forEach(w -> words.add(w.asText()));
    assertThat(FindingText.sentences(read.warnings())).isNotEmpty().containsExactlyElementsOf(words);
    assertThat(FindingText.sentences(read.assumptions())).hasSize(tree.get("assumptions").size());
    assertThat(report("capacity", older.toString(), "--out", dir.resolve("older-words").toString())
        .exitCode()).isZero();
  }

  @Test
  void aForecastJsonFromBeforeTheBacktestsFullScoresStillReads() throws Exception {
    ObjectNode tree =
        (ObjectNode) new ObjectMapper()
            .readTree(forecastJson.toFile());
    ObjectNode backtest =
        (ObjectNode) tree.at("/traffic/backtest");
    backtest.remove(List.of("scores", "naiveScores"));
    backtest.get("windows").forEach(w -> ((ObjectNode) w)
        .remove(List.of("scores", "naiveScores")));
    Path older = Files.writeString(dir.resolve("older.json"), tree.toString());

    CapacityForecast read = ReportCommand.Capacity.read(older);

    assertThat(read.traffic().backtest().scores()).isNull();
    assertThat(read.traffic().backtest().mase()).isEqualTo(tree.at("/traffic/backtest/mase").asDouble());
    assertThat(report("capacity", older.toString(), "--out", dir.resolve("older").toString()).exitCode()).isZero();
  }

  @Test
  void capacityOfSomethingElseIsOneLineAndExitTwo() throws Exception {
    String json = Files.readString(forecastJson);
    Path other = Files.writeString(dir.resolve("other.json"), json.replace("casinoperf-forecast/1", "casinoperf-forecast/9"));
    Path run = Files.list(history).findFirst().orElseThrow();
    Path cut = Files.writeString(dir.resolve("cut.json"), json.substring(0, json.length() / 2));
    Path wrong = Files.writeString(dir.resolve("wrong.json"),
        json.replaceFirst("\"multiplier\" : [0-9.]+", "\"multiplier\" : \"three\""));

    assertOneLineError(report("capacity", dir.resolve("nope.json").toString()), "nope.json: no such file");
    assertOneLineError(report("capacity", other.toString()),
        "other.json: not a forecast.json (schema 'casinoperf-forecast/9', expected casinoperf-forecast/1)");
    assertOneLineError(report("capacity", run.toString()), "not a forecast.json (schema missing");
    assertOneLineError(report("capacity", cut.toString()), "cut.json: not a readable forecast.json (line ");
    assertOneLineError(report("capacity", wrong.toString()), "wrong.json: not a readable forecast.json (at /planned/multiplier)");
    assertThat(dir.resolve("capacity-report")).doesNotExist();
  }

  @Test
  void capacityRefusesAForecastJsonWithMoreAfterItOrAKeyGivenTwice() throws Exception {
    String json = Files.readString(forecastJson);
    Path appended = Files.writeString(dir.resolve("appended.json"), json + "{}\n");
    Path twice = Files.writeString(dir.resolve("twice.json"),
        json.replaceFirst("\"schema\" : ", "\"schema\" : \"casinoperf-forecast/1\",\n  \"schema\" : "));

    assertOneLineError(report("capacity", appended.toString(), "--out", dir.toString()),
        "appended.json: not a readable forecast.json (line ");
    assertOneLineError(report("capacity", twice.toString(), "--out", dir.toString()),
        "twice.json: not a readable forecast.json (line 3, column ");
    assertThat(report("capacity", twice.toString(), "--out", dir.toString()).err())
        .contains("Duplicate field 'schema'");
    assertThat(dir.resolve("capacity.html")).doesNotExist();
  }

  @Test
  void gateRefusesAVerdictJsonWithMoreAfterItOrAKeyGivenTwice() throws Exception {
    String json = Files.readString(gateReport.resolve("verdict.json"));
    Path appended = Files.writeString(dir.resolve("appended.json"), json + "[]\n");
    Path twice = Files.writeString(dir.resolve("twice.json"),
        json.replaceFirst("\"verdict\" : ", "\"verdict\" : \"PASS\",\n  \"verdict\" : "));

    assertOneLineError(report("gate", appended.toString(), "--out", dir.toString()),
        "appended.json: not a readable verdict.json (line ");
    assertOneLineError(report("gate", twice.toString(), "--out", dir.toString()),
        "Duplicate field 'verdict'");
    assertThat(dir.resolve("gate.html")).doesNotExist();
  }

  @Test
  void gateFromVerdictJsonIsTheGateCommandsOwnPage() throws Exception {
    Result result = report("gate", gateReport.resolve("verdict.json").toString(), "--out", dir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(withoutClipIds(Files.readString(dir.resolve("gate.html"))))
        .isEqualTo(withoutClipIds(Files.readString(gateReport.resolve("gate.html"))))
        .contains("<b>REGRESSION</b>");
  }

  @Test
  void gateOfSomethingElseIsOneLineAndExitTwo() {
    assertOneLineError(report("gate", dir.resolve("nope.json").toString()), "nope.json: no such file");
    assertOneLineError(report("gate", forecastJson.toString()),
        "forecast.json: not a verdict.json (expected the gate's verdict, candidate and requests)");
  }

  @Test
  void withoutASubcommandItListsTheReports() {
    Result result = report();

    // A forgotten report name writes nothing, so it does not exit 0 as if a report were written.
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("trend").contains("capacity").contains("gate");
  }
}
