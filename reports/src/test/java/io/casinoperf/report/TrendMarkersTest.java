package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.cli.GatedRuns;
import io.casinoperf.cli.GatedRuns.Gated;
import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.report.RunTrend.Marker;
import io.casinoperf.report.RunTrend.Outcome;
import io.casinoperf.report.RunTrend.Run;
import io.casinoperf.report.chart.TrendCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How trend.html marks runs, over a history the real gate made: aborted and invalid runs apart
 * from the line and from regressions, a verdict on the chart of the request that decided it.
 */
class TrendMarkersTest {
  @TempDir static Path dir;
  private static GatedRuns runs;
  private static List<Gated> gated;
  private static RunTrend trend;
  private static String html;

  @BeforeAll
  static void gateSixReleasesAndRender() {
    runs = new GatedRuns(dir);
    Gated v1 = runs.gate("v1", 20);
    // Spins' p99 is near 64 ms: outside their own SLO, decided by Spin alone.
    Gated v2 = runs.gate("v2", 20, List.of("--slo", "Spin=50/1"));
    // Twice as slow, but the injector was saturated: nothing measured the platform.
    Gated v3 = runs.gateInvalid("v3", 40);
    Gated v4 = runs.gateAborted("v4", 20);
    Gated v5 = runs.gate("v5", 20);
    // Slower spins make all requests slower too; that check comes first and decides.
    Gated v6 = runs.gate("v6", 30);
    gated = List.of(v1, v2, v3, v4, v5, v6);
    trend = RunTrend.read(new RunHistory(runs.history()), Optional.empty());
    html = TrendHtml.render(trend);
  }

  private static Run run(String label) {
    return trend.runs().stream().filter(r -> r.record().label().equals(label)).findFirst().orElseThrow();
  }

  private static String row(Gated run) {
    Matcher row = Pattern.compile("<tr class=\"(\\w+)\"><td class=\"id\">" + run.id() + "</td>.*?</tr>").matcher(html);
    assertThat(row.find()).as(run.id()).isTrue();
    return row.group();
  }

  /** The SVG of one request's chart, found by its title. */
  private static String svg(String path, String chart) {
    int title = html.indexOf("<title>" + path + ": " + chart + " per run</title>");
    assertThat(title).as(path + " " + chart).isPositive();
    return html.substring(html.lastIndexOf("<svg", title), html.indexOf("</svg>", title));
  }

  /** A series' points as "run index: value", the value rounded. */
  private static List<String> points(XYSeries series) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < series.getItemCount(); i++) {
      points.add(series.getX(i).intValue() + ": " + String.format(Locale.ROOT, "%.0f", series.getY(i).doubleValue()));
    }
    return points;
  }

  @Test
  void abortedAndInvalidRunsAreTheirOwnOutcomesNeverRegressions() {
    assertThat(gated).extracting(Gated::verdict)
        .containsExactly("pass", "slo breach", "invalid", "aborted", "pass", "regression");
    assertThat(trend.runs()).extracting(Run::outcome).containsExactly(Outcome.PASS, Outcome.REGRESSION,
        Outcome.INVALID, Outcome.ABORTED, Outcome.PASS, Outcome.REGRESSION);
    assertThat(html).contains("▲ regression</span> 2 ").contains("✕ aborted</span> 1 ")
        .contains("□ invalid</span> 1 ").contains("● pass</span> 2 ");
    assertThat(row(gated.get(2))).startsWith("<tr class=\"invalid\">")
        .contains("<span class=\"badge invalid\">□ invalid</span></td>");
    assertThat(row(gated.get(3))).startsWith("<tr class=\"aborted\">")
        .contains("<span class=\"badge aborted\">✕ aborted</span></td>");
    // An SLO breach is a regression, named as the gate named it.
    assertThat(row(gated.get(1))).startsWith("<tr class=\"regression\">")
        .contains("<span class=\"badge regression\">▲ slo breach</span> <span class=\"decided\">by Spin</span>");
    // Neither became a baseline: the last pass before v5 and v6 is v1, then v5.
    assertThat(run("v5").lastPassBefore().label()).isEqualTo("v1");
    assertThat(run("v6").lastPassBefore().label()).isEqualTo("v5");
  }

  @Test
  void theLineDoesNotJoinAbortedOrInvalidRunsWhichHaveTheirOwnMarkers() {
    for (String path : trend.requests()) {
      JFreeChart chart = TrendHtml.p99Chart(trend, path);
      XYSeriesCollection data = (XYSeriesCollection) ((XYPlot) chart.getPlot()).getDataset();

      assertThat(points(data.getSeries("p99 response time")))
          .as(path).extracting(point -> point.substring(0, point.indexOf(':')))
          .containsExactly("0", "1", "4", "5");
      assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.INVALID))))
          .as(path).containsExactly("2: " + run("v3").points().get(path).p99Millis());
      assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.ABORTED))))
          .as(path).containsExactly("3: " + run("v4").points().get(path).p99Millis());
      assertThat(svg(path, "p99")).contains(">aborted (breaker stopped it)<").contains(">invalid (injector saturated)<");
      assertThat(svg(path, "error rate")).contains(">aborted (breaker stopped it)<").contains(">invalid (injector saturated)<");
    }
  }

  @Test
  void aVerdictIsMarkedOnlyOnTheChartOfTheRequestThatDecidedIt() {
    assertThat(run("v2").record().decidedBy()).contains("Spin");
    assertThat(run("v6").record().decidedBy()).contains("All requests");
    assertThat(List.of("All requests", "Login", "Spin")).extracting(path -> run("v2").markerOn(path))
        .containsExactly(Marker.JUDGED_ELSEWHERE, Marker.JUDGED_ELSEWHERE, Marker.REGRESSION);
    assertThat(List.of("All requests", "Login", "Spin")).extracting(path -> run("v6").markerOn(path))
        .containsExactly(Marker.REGRESSION, Marker.JUDGED_ELSEWHERE, Marker.JUDGED_ELSEWHERE);
    // Passes, aborted and invalid runs are what they are on every chart.
    assertThat(List.of("v1", "v3", "v4")).extracting(label -> run(label).markerOn("Login"))
        .containsExactly(Marker.PASS, Marker.INVALID, Marker.ABORTED);

    // Each chart's legend names the markers it has.
    assertThat(svg("Spin", "p99")).contains(">regression<").contains(">judged on another request<");
    assertThat(svg("All requests", "p99")).contains(">regression<").contains(">judged on another request<");
    assertThat(svg("Login", "p99")).doesNotContain(">regression<").contains(">judged on another request<");
    assertThat(row(gated.get(5))).contains("▲ regression</span> <span class=\"decided\">by All requests</span>");
  }

  @Test
  void aRunStoredBeforeTheDecidingRequestWasRecordedKeepsItsMarkerOnEveryChart() throws Exception {
    Path older = Files.createDirectories(dir.resolve("older-history"));
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(runs.history())) {
      for (Path file : files.toList()) {
        ObjectNode run = (ObjectNode) json.readTree(file.toFile());
        run.remove(List.of("decidedBy", "gateReport"));
        json.writeValue(older.resolve(file.getFileName()).toFile(), run);
      }
    }

    RunTrend before = RunTrend.read(new RunHistory(older), Optional.empty());

    Run v2 = before.runs().get(1);
    assertThat(v2.record().decidedBy()).isEmpty();
    assertThat(List.of("All requests", "Login", "Spin")).extracting(v2::markerOn)
        .containsOnly(Marker.REGRESSION);
    assertThat(TrendHtml.render(before)).contains("▲ slo breach</span></td>").doesNotContain("class=\"decided\"");
  }
}
